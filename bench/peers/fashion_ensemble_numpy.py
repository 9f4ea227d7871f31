#!/usr/bin/env python3
"""Peer of `bench fashion-ensemble` in numpy (matrix products by the OpenBLAS that the
numpy wheel bundles, with its default thread count): the same R networks 784-64-10, tanh,
softmax cross-entropy, float64, full-batch gradient descent, a Python loop over the
networks inside the loop over steps; gradients written out by hand. One warm-up step,
then the timed S steps. Prints `sample_steps_per_s=R*M*S/seconds` as its last line.

Usage: .venv-bench/bin/python bench/peers/fashion_ensemble_numpy.py [--samples M]
       [--networks R] [--steps S] [--learning-rate ETA]
"""
import argparse
import time

import numpy as np


def loss_and_gradient(w1, b1, w2, b2, x, y):
    m = x.shape[0]
    h = np.tanh(x @ w1.T + b1)
    z = h @ w2.T + b2
    z_max = z.max(axis=1, keepdims=True)
    e = np.exp(z - z_max)
    total = e.sum(axis=1, keepdims=True)
    log_softmax = z - z_max - np.log(total)
    loss = -np.sum(y * log_softmax) / m
    delta2 = (e / total - y) / m
    delta1 = (delta2 @ w2) * (1.0 - h * h)
    return loss, (delta1.T @ x, delta1.sum(axis=0), delta2.T @ h, delta2.sum(axis=0))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=10000)
    parser.add_argument("--networks", type=int, default=4)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    args = parser.parse_args()
    m, r, s, eta = args.samples, args.networks, args.steps, args.learning_rate

    rng = np.random.default_rng(4)
    x = rng.uniform(size=(m, 784))
    y = np.eye(10)[rng.integers(0, 10, size=m)]
    nets = [[rng.standard_normal((64, 784)), np.zeros(64), rng.standard_normal((10, 64)), np.zeros(10)]
            for _ in range(r)]
    loss_and_gradient(*nets[0], x, y)  # warm-up (BLAS thread pool, page faults)
    losses = np.zeros((s, r))
    start, cpu_start = time.perf_counter(), time.process_time()
    for t in range(s):
        for k, net in enumerate(nets):
            losses[t, k], grads = loss_and_gradient(*net, x, y)
            for p, g in zip(net, grads):
                p -= eta * g
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    print(f"fashion-ensemble (numpy {np.__version__}): M={m} R={r} S={s}")
    print(f"network 0 loss: {losses[0, 0]} -> {losses[-1, 0]}")
    print(f"training wall time: {seconds} s")
    print(f"training CPU time: {cpu_seconds} s (all threads)")
    print(f"sample_steps_per_s={r * m * s / seconds}")


if __name__ == "__main__":
    main()
