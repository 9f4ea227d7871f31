"""E5 peer in PyTorch, eager, as the authors' notebook trains (docs/PROTOCOL.md §4).

Two spirals (500 train / 1000 test, a = 2, p = 0.5, b = 4, noise 0.02), 2-100-1
ReLU/sigmoid, mean BCE, PyTorch default init, float64; minibatch 25 reshuffled every
epoch (20 steps per epoch) in a plain Python loop; evaluation on the whole training and
test sets every 10 epochs. Optimizers: torch.optim.Adam(lr=0.005), or AdLaLa written in
torch ops (the authors' Optimizer_AdLaLa.py scheme with the notebook's defaults).

Prints `steps_per_s=<minibatch steps per second of the training loop>` last.
Run on one core: `taskset -c 0 python spirals_torch.py --optimizer adam`.
"""
import argparse
import math
import time

import numpy as np
import torch

from spirals_data import two_spirals


class AdLaLa:
    """First layer (W1, b1) Adaptive Langevin A C D E D C A, other tensors Langevin A O A,
    then B_h with a new gradient on the same minibatch; B_{h/2} first on step 0."""

    def __init__(self, model, h=0.25, gamma=0.1, sigma=0.01, eps=0.05, tau1=1e-4, tau2=1e-4, xi0=0.1):
        self.model, self.h, self.sigma, self.eps, self.tau1, self.tau2 = model, h, sigma, eps, tau1, tau2
        self.c = math.exp(-gamma * h)
        params = list(model.parameters())
        self.first, self.others = params[:2], params[2:]
        self.p = {id(q): torch.zeros_like(q) for q in params}
        self.xi = {id(q): xi0 for q in self.first}
        self.started = False

    def _gradient(self, closure):
        self.model.zero_grad()
        loss = closure()
        loss.backward()
        return loss

    def step(self, closure):
        h = self.h
        params = self.first + self.others
        if not self.started:
            self._gradient(closure)
            with torch.no_grad():
                for q in params:
                    self.p[id(q)].copy_(-0.5 * h * q.grad)
            self.started = True
        with torch.no_grad():
            d = self.sigma * math.sqrt(0.5 * h)
            for q in self.first:
                p = self.p[id(q)]
                q.add_(p, alpha=0.5 * h)                                    # A
                p.mul_(math.exp(-0.5 * h * self.xi[id(q)]))                 # C
                p.add_(torch.randn_like(p), alpha=d)                        # D
                self.xi[id(q)] += h * self.eps * (float((p * p).sum()) - p.numel() * self.tau1)  # E
                p.add_(torch.randn_like(p), alpha=d)                        # D
                p.mul_(math.exp(-0.5 * h * self.xi[id(q)]))                 # C
                q.add_(p, alpha=0.5 * h)                                    # A
            o = math.sqrt((1 - self.c ** 2) * self.tau2)
            for q in self.others:
                p = self.p[id(q)]
                q.add_(p, alpha=0.5 * h)                                    # A
                p.mul_(self.c).add_(torch.randn_like(p), alpha=o)           # O
                q.add_(p, alpha=0.5 * h)                                    # A
        loss = self._gradient(closure)
        with torch.no_grad():
            for q in params:
                self.p[id(q)].add_(q.grad, alpha=-h)                        # B
        return loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--optimizer", default="adam", choices=["adam", "adlala"])
    parser.add_argument("--epochs", type=int, default=4000)
    parser.add_argument("--evaluation-epochs", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    x_train, y_train, x_test, y_test = (torch.tensor(a) for a in (*two_spirals(500, rng), *two_spirals(1000, rng)))
    y_train, y_test = y_train.unsqueeze(1), y_test.unsqueeze(1)
    model = torch.nn.Sequential(torch.nn.Linear(2, 100), torch.nn.ReLU(), torch.nn.Linear(100, 1), torch.nn.Sigmoid())
    criterion = torch.nn.BCELoss()
    if args.optimizer == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=0.005)
    else:
        optimizer = AdLaLa(model)
    batch, m = 25, x_train.shape[0]
    steps_per_epoch = (m + batch - 1) // batch
    steps = args.epochs * steps_per_epoch
    print(f"spirals (torch {torch.__version__}, eager): 2-100-1 relu/sigmoid BCE, m={m}, minibatch {batch}, "
          f"{args.epochs} epochs = {steps} steps, optimizer={args.optimizer}, threads={torch.get_num_threads()}")

    def evaluate(x, y):
        with torch.no_grad():
            out = model(x)
            return float(criterion(out, y)), float(((out >= 0.5).double() == y).double().mean())

    start = time.perf_counter()
    loss = None
    train_eval, test_eval = evaluate(x_train, y_train), evaluate(x_test, y_test)
    for epoch in range(args.epochs):
        order = torch.randperm(m)
        for s in range(steps_per_epoch):
            idx = order[s * batch:(s + 1) * batch]
            xb, yb = x_train[idx], y_train[idx]
            if args.optimizer == "adam":
                optimizer.zero_grad()
                loss = criterion(model(xb), yb)
                loss.backward()
                optimizer.step()
            else:
                loss = optimizer.step(lambda: criterion(model(xb), yb))
        if (epoch + 1) % args.evaluation_epochs == 0:
            train_eval, test_eval = evaluate(x_train, y_train), evaluate(x_test, y_test)
    seconds = time.perf_counter() - start
    print(f"last batch loss: {float(loss)}")
    print(f"final test accuracy: {test_eval[1]}, test loss: {test_eval[0]}; training-set accuracy: {train_eval[1]}")
    print(f"training wall time: {seconds} s")
    print(f"steps_per_s={steps / seconds}")


if __name__ == "__main__":
    main()
