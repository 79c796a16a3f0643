#!/usr/bin/python3
"""PyTorch reference for spectral.mix on B x T x D float32, per-channel filter.

Usage: mix_torch.py T ITERATIONS THREADS; prints the seconds of the first
call, then the mean seconds per mix, on THREADS threads
(torch.set_num_threads in this process, as a user sets it).
"""
import sys
import time

import torch

from timing import mean_seconds

B, D = 4, 256


def main():
    t, iterations, threads = (int(a) for a in sys.argv[1:4])
    torch.set_num_threads(threads)
    generator = torch.Generator().manual_seed(0)
    x = torch.randn((B, t, D), generator=generator)
    f = torch.complex(torch.randn((1, t // 2 + 1, D), generator=generator),
                      torch.randn((1, t // 2 + 1, D), generator=generator))

    def mix():
        return torch.fft.irfft(torch.fft.rfft(x, dim=1) * f, n=t, dim=1)

    with torch.no_grad():
        start = time.perf_counter()
        mix()
        print(f"{time.perf_counter() - start:.6f}")
        print(f"{mean_seconds(mix, iterations, warm_up=False):.6f}")


if __name__ == "__main__":
    main()
