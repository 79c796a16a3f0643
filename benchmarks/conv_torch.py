#!/usr/bin/python3
"""PyTorch reference for a long causal depthwise convolution.

Usage: conv_torch.py L K C ITERATIONS THREADS. x is 1 x L x C float32
(channels-last), the kernel K x C; y[t, c] = sum_j x[t - j, c] k[j, c] for
the L outputs, computed the way long-convolution models write it in
PyTorch (Hyena's fftconv): rfft of input and kernel zero-padded along
the sequence to n, the power of two at or above L + K - 1 (a fast length:
L + K - 1 itself can be a product of large primes), their product, irfft,
the first L samples. Prints the mean seconds per convolution on THREADS threads
(torch.set_num_threads), after one warm-up call.
"""
import sys

import torch

from timing import mean_seconds


def main():
    length, taps, channels, iterations, threads = (int(a) for a in sys.argv[1:6])
    torch.set_num_threads(threads)
    x = torch.full((1, length, channels), 0.5)
    kernel = torch.full((taps, channels), 0.25)
    n = 1 << (length + taps - 2).bit_length()

    def conv():
        spectrum = torch.fft.rfft(x, n=n, dim=1) * torch.fft.rfft(kernel, n=n, dim=0)
        return torch.fft.irfft(spectrum, n=n, dim=1)[:, :length]

    with torch.no_grad():
        print(f"{mean_seconds(conv, iterations):.6f}")


if __name__ == "__main__":
    main()
