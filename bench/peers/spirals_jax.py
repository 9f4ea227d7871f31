"""E5 peer in JAX: the same run as spirals_torch.py, jit-compiled, float64.

Two spirals (500 train / 1000 test, a = 2, p = 0.5, b = 4, noise 0.02), 2-100-1
ReLU/sigmoid, mean BCE (from the logits), PyTorch default init, minibatch 25 reshuffled
every epoch (20 steps per epoch). One jitted function runs 10 epochs (a `lax.scan` over
the epochs, each a permutation and a `lax.scan` over its 20 steps) and evaluates on the
whole training and test sets; Python calls it epochs/10 times. Optimizers: Adam (lr 0.005,
torch.optim.Adam's formula) or AdLaLa (the authors' scheme, the notebook's defaults),
both written in jax.numpy.

Prints `steps_per_s=<minibatch steps per second of the training loop>` last (compilation
excluded: it is done ahead of time and reported separately).
Run on one core: `taskset -c 0 python spirals_jax.py --optimizer adam`.
"""
import argparse
import math
import os
import time

os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
from spirals_data import two_spirals  # noqa: E402

jax.config.update("jax_enable_x64", True)


def init(key):
    k1, k2, k3, k4 = jax.random.split(key, 4)
    b1, b2 = 1 / math.sqrt(2), 1 / math.sqrt(100)
    return {"W1": jax.random.uniform(k1, (2, 100), minval=-b1, maxval=b1),
            "b1": jax.random.uniform(k2, (100,), minval=-b1, maxval=b1),
            "W2": jax.random.uniform(k3, (100, 1), minval=-b2, maxval=b2),
            "b2": jax.random.uniform(k4, (1,), minval=-b2, maxval=b2)}


def logits(params, x):
    hidden = jax.nn.relu(x @ params["W1"] + params["b1"])
    return (hidden @ params["W2"] + params["b2"])[:, 0]


def bce(params, x, y):
    z = logits(params, x)
    return jnp.mean(jax.nn.softplus(z) - y * z)


def accuracy(params, x, y):
    return jnp.mean(((logits(params, x) >= 0) == (y >= 0.5)).astype(jnp.float64))


grad_fn = jax.value_and_grad(bce)


def adam(lr=0.005, b1=0.9, b2=0.999, eps=1e-8):
    def initial(params):
        zeros = jax.tree.map(jnp.zeros_like, params)
        return {"m": zeros, "v": zeros, "t": jnp.zeros((), jnp.float64)}

    def step(params, state, x, y, key):
        loss, g = grad_fn(params, x, y)
        t = state["t"] + 1
        m = jax.tree.map(lambda m, g: m + (1 - b1) * (g - m), state["m"], g)
        v = jax.tree.map(lambda v, g: b2 * v + (1 - b2) * g * g, state["v"], g)
        size = lr / (1 - b1 ** t)
        root = jnp.sqrt(1 - b2 ** t)
        params = jax.tree.map(lambda w, m, v: w - size * (m / (jnp.sqrt(v) / root + eps)), params, m, v)
        return params, {"m": m, "v": v, "t": t}, loss

    return initial, step


def adlala(h=0.25, gamma=0.1, sigma=0.01, eps=0.05, tau1=1e-4, tau2=1e-4, xi0=0.1):
    c = math.exp(-gamma * h)
    o = math.sqrt((1 - c * c) * tau2)
    d = sigma * math.sqrt(0.5 * h)

    def initial(params):
        return {"p": jax.tree.map(jnp.zeros_like, params), "xi": {"W1": jnp.asarray(xi0), "b1": jnp.asarray(xi0)},
                "started": jnp.asarray(False)}

    def step(params, state, x, y, key):
        p = state["p"]
        # Step 0 only: B_{h/2} (p = -(h/2) g); later steps skip it (p unchanged).
        _, g0 = jax.lax.cond(state["started"], lambda: (0.0, jax.tree.map(jnp.zeros_like, params)),
                             lambda: grad_fn(params, x, y))
        p = jax.tree.map(lambda p, g: p - 0.5 * h * g, p, g0)
        keys = dict(zip(["W1", "b1", "W2", "b2", "D2W1", "D2b1"], jax.random.split(key, 6)))
        xi = dict(state["xi"])
        new_params, new_p = {}, {}
        for name in ["W1", "b1"]:
            q, m = params[name], p[name]
            q = q + 0.5 * h * m                                               # A
            m = m * jnp.exp(-0.5 * h * xi[name])                              # C
            m = m + d * jax.random.normal(keys[name], m.shape)                # D
            xi[name] = xi[name] + h * eps * (jnp.sum(m * m) - m.size * tau1)  # E
            m = m + d * jax.random.normal(keys["D2" + name], m.shape)         # D
            m = m * jnp.exp(-0.5 * h * xi[name])                              # C
            new_params[name], new_p[name] = q + 0.5 * h * m, m                # A
        for name in ["W2", "b2"]:
            q, m = params[name], p[name]
            q = q + 0.5 * h * m                                               # A
            m = c * m + o * jax.random.normal(keys[name], m.shape)            # O
            new_params[name], new_p[name] = q + 0.5 * h * m, m                # A
        loss, g = grad_fn(new_params, x, y)
        new_p = jax.tree.map(lambda m, g: m - h * g, new_p, g)                # B
        return new_params, {"p": new_p, "xi": xi, "started": jnp.asarray(True)}, loss

    return initial, step


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--optimizer", default="adam", choices=["adam", "adlala"])
    parser.add_argument("--epochs", type=int, default=4000)
    parser.add_argument("--evaluation-epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    x_train, y_train, x_test, y_test = (jnp.asarray(a) for a in (*two_spirals(500, rng), *two_spirals(1000, rng)))
    key = jax.random.PRNGKey(args.seed)
    key, init_key = jax.random.split(key)
    params = init(init_key)
    initial, step = adam() if args.optimizer == "adam" else adlala()
    state = initial(params)
    batch, m = 25, x_train.shape[0]
    steps_per_epoch = m // batch
    chunk = args.evaluation_epochs
    assert args.epochs % chunk == 0, "--epochs must be a multiple of --evaluation-epochs"
    steps = args.epochs * steps_per_epoch

    def epoch(carry, epoch_key):
        params, state = carry
        perm_key, noise_key = jax.random.split(epoch_key)
        order = jax.random.permutation(perm_key, m).reshape(steps_per_epoch, batch)

        def one(carry, inputs):
            params, state = carry
            idx, step_key = inputs
            params, state, loss = step(params, state, x_train[idx], y_train[idx], step_key)
            return (params, state), loss

        carry, losses = jax.lax.scan(one, (params, state), (order, jax.random.split(noise_key, steps_per_epoch)))
        return carry, losses[-1]

    def evaluations(params):
        return (bce(params, x_train, y_train), accuracy(params, x_train, y_train),
                bce(params, x_test, y_test), accuracy(params, x_test, y_test))

    def chunk_fn(params, state, key):
        (params, state), losses = jax.lax.scan(epoch, (params, state), jax.random.split(key, chunk))
        return params, state, losses[-1], evaluations(params)

    print(f"spirals (jax {jax.__version__}, jit, lax.scan over {chunk} epochs x {steps_per_epoch} steps, float64): "
          f"2-100-1 relu/sigmoid BCE, m={m}, minibatch {batch}, {args.epochs} epochs = {steps} steps, "
          f"optimizer={args.optimizer}, devices={jax.devices()}")
    compile_start = time.perf_counter()
    compiled = jax.jit(chunk_fn).lower(params, state, key).compile()
    compiled_eval = jax.jit(evaluations).lower(params).compile()
    print(f"compile time: {time.perf_counter() - compile_start} s")
    start = time.perf_counter()
    result = compiled_eval(params)
    loss = jnp.nan
    for _ in range(args.epochs // chunk):
        key, chunk_key = jax.random.split(key)
        params, state, loss, result = compiled(params, state, chunk_key)
    jax.block_until_ready((params, result))
    seconds = time.perf_counter() - start
    print(f"last batch loss: {float(loss)}")
    print(f"final test accuracy: {float(result[3])}, test loss: {float(result[2])}; "
          f"training-set accuracy: {float(result[1])}")
    print(f"training wall time: {seconds} s")
    print(f"steps_per_s={steps / seconds}")


if __name__ == "__main__":
    main()
