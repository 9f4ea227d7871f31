"""The E5 data for the peers of `bench spirals` (docs/PROTOCOL.md §4): two spirals, per class
N/2 points t ~ U[0,1), x = (a t^p cos 2πb t^p, a t^p sin 2πb t^p), the other class -x,
Gaussian noise on every coordinate. Returns float64 numpy arrays (inputs n x 2, labels n)."""
import numpy as np


def two_spirals(n, rng, a=2.0, p=0.5, b=4.0, noise=0.02):
    t = rng.uniform(size=n // 2) ** p
    x = np.stack([a * t * np.cos(2 * np.pi * b * t), a * t * np.sin(2 * np.pi * b * t)], axis=1)
    x = np.concatenate([x, -x]) + noise * rng.normal(size=(2 * (n // 2), 2))
    y = np.concatenate([np.zeros(n // 2), np.ones(n // 2)])
    return x, y
