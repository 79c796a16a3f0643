#!/usr/bin/python3
"""PyTorch reference for tosa.rfft2d and tosa.fft2d on 1 x N x N float32.

Usage: tosa_fft_torch.py N ITERATIONS THREADS. With TOSA's interface: the
results (and fft2d's input) as separate real and imaginary tensors, so each
call ends with contiguous real and imaginary copies, as a frontend that
speaks TOSA would make them. Prints the mean seconds per rfft2d, then per
fft2d, on THREADS threads (torch.set_num_threads), after one warm-up call.
"""
import sys

import torch

from timing import mean_seconds


def main():
    n, iterations, threads = (int(a) for a in sys.argv[1:4])
    torch.set_num_threads(threads)
    index = torch.arange(n * n, dtype=torch.float64).reshape(1, n, n)
    x = torch.sin(0.7 * index + 0.3).float()
    im = torch.cos(0.3 * index).float()

    def rfft2d():
        y = torch.fft.rfft2(x)
        return y.real.contiguous(), y.imag.contiguous()

    def fft2d():
        y = torch.fft.fft2(torch.complex(x, im))
        return y.real.contiguous(), y.imag.contiguous()

    with torch.no_grad():
        print(f"{mean_seconds(rfft2d, iterations):.9f}")
        print(f"{mean_seconds(fft2d, iterations):.9f}")


if __name__ == "__main__":
    main()
