#!/usr/bin/python3
"""PyTorch reference for spectral.matmul against a compressed weight.

Usage: matmul_torch.py K N M ITERATIONS THREADS. A K x N float32 weight kept
the way the seeds' SpectralLinear keeps it: per 64-row tile, the KEEP =
64 * (N / 2 + 1) / 8 largest bins of its rfft2 with their positions. Each
product decompresses the weight (scatter into zeros, irfft2 of every tile)
and multiplies an M x K activation by it, as autograd-free inference in
PyTorch does. Prints the mean seconds per product on THREADS threads
(torch.set_num_threads), after one warm-up product.
"""
import sys

import torch

from timing import mean_seconds

ROWS = 64


def main():
    k, n, m, iterations, threads = (int(a) for a in sys.argv[1:6])
    torch.set_num_threads(threads)
    tiles, bins = k // ROWS, ROWS * (n // 2 + 1)
    keep = bins // 8
    i = torch.arange(k).reshape(k, 1)
    j = torch.arange(n).reshape(1, n)
    weight = torch.sin((i * j + j).float())
    spectrum = torch.fft.rfft2(weight.reshape(tiles, ROWS, n)).reshape(tiles, bins)
    positions = torch.topk(spectrum.abs(), keep, dim=1).indices
    coefficients = torch.gather(spectrum, 1, positions)
    x = torch.cos((torch.arange(m).reshape(m, 1) + torch.arange(k)).float())

    def product():
        full = torch.zeros((tiles, bins), dtype=torch.complex64)
        full.scatter_(1, positions, coefficients)
        w = torch.fft.irfft2(full.reshape(tiles, ROWS, n // 2 + 1), s=(ROWS, n))
        return x @ w.reshape(k, n)

    with torch.no_grad():
        print(f"{mean_seconds(product, iterations):.6f}")


if __name__ == "__main__":
    main()
