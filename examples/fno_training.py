#!/usr/bin/python3
"""Trains the small FNO of examples/fno-training.mlir for a few steps of
gradient descent, with the gradient spectral-differentiate built for it.

The task is to match a teacher: a copy of the same network with other
weights. The training loop is host code (numpy); the network and its
gradient are the compiled code (sst-compile, spectral-cpu-pipeline). The
first step's gradient is also checked against PyTorch's autograd when torch
is installed.

usage: fno_training.py [WORKDIR] [--sst-compile PATH] [--steps N]
"""
import argparse
import os
import sys
import tempfile

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "python"))
from sst_ctypes import CompiledLibrary  # noqa: E402

B, C, N, M = 4, 8, 32, 8
F32, C64 = np.float32, np.complex64


def random_weight(rng, scale):
    shape = (C, C, 2 * M, M)
    return (scale * (rng.standard_normal(shape) + 1j * rng.standard_normal(shape))
            ).astype(C64)


def torch_fno(x, w1, w2):
    import torch

    def mode_mix(v, w):
        spectrum = torch.fft.rfft2(v)
        out = torch.zeros(v.shape[0], w.shape[1], N, N // 2 + 1, dtype=torch.cfloat)
        out[:, :, :M, :M] = torch.einsum("bixy,ioxy->boxy", spectrum[:, :, :M, :M], w[:, :, :M])
        out[:, :, -M:, :M] = torch.einsum("bixy,ioxy->boxy", spectrum[:, :, -M:, :M], w[:, :, M:])
        return torch.fft.irfft2(out, s=(N, N))

    return mode_mix(x + mode_mix(x, w1), w2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir", nargs="?")
    parser.add_argument("--sst-compile", default=os.path.join(ROOT, "build", "bin", "sst-compile"))
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--learning-rate", type=float, default=500.0)
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp()
    lib = CompiledLibrary(os.path.join(ROOT, "examples", "fno-training.mlir"), [],
                          workdir, args.sst_compile)

    rng = np.random.default_rng(1)
    x = rng.standard_normal((B, C, N, N)).astype(F32)
    teacher = [random_weight(rng, 0.05), random_weight(rng, 0.05)]
    target, = lib.call("fno", [x] + teacher, [(4, F32)])
    weights = [random_weight(rng, 0.01), random_weight(rng, 0.01)]
    results = [(4, F32), (4, F32), (4, C64), (4, C64)]

    losses = []
    for step in range(args.steps + 1):
        y, = lib.call("fno", [x] + weights, [(4, F32)])
        residual = y - target
        loss = 0.5 * float(np.mean(residual ** 2))
        losses.append(loss)
        print(f"step {step}: loss {loss:.6e}")
        if step == args.steps:
            break
        # dL/dy of the mean squared error seeds the VJP.
        seed = (residual / residual.size).astype(F32)
        _, _, dw1, dw2 = lib.call("fno_vjp", [x] + weights + [seed], results)
        if step == 0:
            check_against_torch(x, weights, seed, dw1, dw2)
        # PyTorch's convention: a complex weight's gradient is
        # dL/dRe + i dL/dIm, so descent subtracts it as it is.
        weights = [(w - args.learning_rate * d).astype(C64)
                   for w, d in zip(weights, (dw1, dw2))]
    if not losses[-1] < losses[0]:
        sys.exit("the loss did not decrease")
    print(f"loss decreased {losses[0] / losses[-1]:.1f}x in {args.steps} steps")


def check_against_torch(x, weights, seed, dw1, dw2):
    try:
        import torch
    except ImportError:
        print("(torch is not installed: the gradient is not compared)")
        return
    w1, w2 = (torch.tensor(w, requires_grad=True) for w in weights)
    torch_fno(torch.tensor(x), w1, w2).backward(torch.tensor(seed))
    for name, mine, ref in [("dW1", dw1, w1.grad.numpy()), ("dW2", dw2, w2.grad.numpy())]:
        error = np.linalg.norm(mine - ref) / np.linalg.norm(ref)
        print(f"{name} against PyTorch autograd: relative difference {error:.1e}")
        if error > 1e-5:
            sys.exit(f"{name} differs from PyTorch")


if __name__ == "__main__":
    main()
