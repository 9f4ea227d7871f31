#!/usr/bin/env python3
"""Peer of `bench fashion-ensemble` in JAX: R networks 784-64-10 (tanh hidden, linear
logits, mean softmax cross-entropy, float64 via jax_enable_x64; weights N(0, 1), biases 0)
trained in lock-step by full-batch gradient descent on M synthetic samples (inputs
U[0, 1), uniform random labels). jit + vmap over the networks, the S steps in one
`lax.scan`; compiled ahead of time, one warm-up run, then one timed run. Prints
`sample_steps_per_s=R*M*S/seconds` as its last line. JAX uses every core it may run on
(restrict it with `taskset -c 0`).

Usage: .venv-bench/bin/python bench/peers/fashion_ensemble_jax.py [--samples M]
       [--networks R] [--steps S] [--learning-rate ETA]
"""
import argparse
import time

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=10000)
    parser.add_argument("--networks", type=int, default=4)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    args = parser.parse_args()
    m, r, s, eta = args.samples, args.networks, args.steps, args.learning_rate

    rng = np.random.default_rng(4)
    x = jnp.asarray(rng.uniform(size=(m, 784)))
    y = jax.nn.one_hot(jnp.asarray(rng.integers(0, 10, size=m)), 10, dtype=jnp.float64)
    params = (
        jnp.asarray(rng.standard_normal((r, 64, 784))), jnp.zeros((r, 64)),
        jnp.asarray(rng.standard_normal((r, 10, 64))), jnp.zeros((r, 10)),
    )

    def loss(p, x, y):
        w1, b1, w2, b2 = p
        h = jnp.tanh(x @ w1.T + b1)
        z = h @ w2.T + b2
        return -jnp.mean(jnp.sum(y * jax.nn.log_softmax(z), axis=1))

    def step(p, x, y):
        value, grad = jax.value_and_grad(loss)(p, x, y)
        return jax.tree_util.tree_map(lambda a, g: a - eta * g, p, grad), value

    ensemble_step = jax.vmap(step, in_axes=(0, None, None))

    def train(p, x, y):
        return jax.lax.scan(lambda q, _: ensemble_step(q, x, y), p, None, length=s)

    compiled = jax.jit(train).lower(params, x, y).compile()
    jax.block_until_ready(compiled(params, x, y))  # warm-up
    start, cpu_start = time.perf_counter(), time.process_time()
    final, losses = jax.block_until_ready(compiled(params, x, y))
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    print(f"fashion-ensemble (JAX {jax.__version__}, {jax.devices()[0].platform}): M={m} R={r} S={s} "
          f"float64={final[0].dtype == jnp.float64}")
    print(f"network 0 loss: {float(losses[0, 0])} -> {float(losses[-1, 0])}")
    print(f"training wall time: {seconds} s")
    print(f"training CPU time: {cpu_seconds} s (all threads)")
    print(f"sample_steps_per_s={r * m * s / seconds}")


if __name__ == "__main__":
    main()
