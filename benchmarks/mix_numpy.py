#!/usr/bin/python3
"""numpy reference for spectral.mix on B x T x D float32, per-channel filter.

Usage: mix_numpy.py T ITERATIONS; prints the mean seconds per mix.
"""
import sys
import time

import numpy as np

B, D = 4, 256


def main():
    t, iterations = int(sys.argv[1]), int(sys.argv[2])
    rng = np.random.default_rng(0)
    x = rng.standard_normal((B, t, D), dtype=np.float32)
    f = (rng.standard_normal((1, t // 2 + 1, D)) +
         1j * rng.standard_normal((1, t // 2 + 1, D))).astype(np.complex64)
    np.fft.irfft(np.fft.rfft(x, axis=1) * f, n=t, axis=1)  # warm up
    start = time.perf_counter()
    for _ in range(iterations):
        np.fft.irfft(np.fft.rfft(x, axis=1) * f, n=t, axis=1)
    print(f"{(time.perf_counter() - start) / iterations:.6f}")


if __name__ == "__main__":
    main()
