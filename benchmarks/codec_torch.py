#!/usr/bin/python3
"""PyTorch reference for spectral.compress and spectral.decompress.

Usage: codec_torch.py N ROWS KEEP ITERATIONS THREADS. An N x N float32
tensor in tiles of ROWS x N: compression is rfft2 of every tile and the KEEP
bins of largest magnitude with their positions (torch.topk on the flattened
half spectra); decompression scatters them into zeros and takes irfft2.
Prints the mean seconds per compression, then per decompression, on THREADS
threads (torch.set_num_threads), one warm-up call of each first.
"""
import sys

import torch

from timing import mean_seconds


def main():
    n, rows, keep, iterations, threads = (int(a) for a in sys.argv[1:6])
    torch.set_num_threads(threads)
    i = torch.arange(n).reshape(n, 1)
    x = torch.sin((i + i.T).float())
    tiles = n // rows
    bins = rows * (n // 2 + 1)

    def compress():
        spectrum = torch.fft.rfft2(x.reshape(tiles, rows, n)).reshape(tiles, bins)
        positions = torch.topk(spectrum.abs(), keep, dim=1).indices
        return torch.gather(spectrum, 1, positions), positions

    def decompress(coefficients, positions):
        spectrum = torch.zeros((tiles, bins), dtype=torch.complex64)
        spectrum.scatter_(1, positions, coefficients)
        return torch.fft.irfft2(spectrum.reshape(tiles, rows, n // 2 + 1),
                                s=(rows, n)).reshape(n, n)

    with torch.no_grad():
        coefficients, positions = compress()  # warm-up
        print(f"{mean_seconds(compress, iterations, warm_up=False):.6f}")
        print(f"{mean_seconds(lambda: decompress(coefficients, positions), iterations):.6f}")


if __name__ == "__main__":
    main()
