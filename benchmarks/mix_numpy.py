#!/usr/bin/python3
"""numpy reference for spectral.mix on B x T x D float32, per-channel filter.

Usage: mix_numpy.py T ITERATIONS; prints the mean seconds per mix.
"""
import sys

import numpy as np

from timing import mean_seconds

B, D = 4, 256


def main():
    t, iterations = int(sys.argv[1]), int(sys.argv[2])
    rng = np.random.default_rng(0)
    x = rng.standard_normal((B, t, D), dtype=np.float32)
    f = (rng.standard_normal((1, t // 2 + 1, D)) +
         1j * rng.standard_normal((1, t // 2 + 1, D))).astype(np.complex64)
    seconds = mean_seconds(
        lambda: np.fft.irfft(np.fft.rfft(x, axis=1) * f, n=t, axis=1), iterations)
    print(f"{seconds:.6f}")


if __name__ == "__main__":
    main()
