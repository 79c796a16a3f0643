#!/usr/bin/python3
"""numpy reference for spectral.compress: per 64-row tile, rfft2 and the K
largest magnitudes by argpartition (no Hermitian bookkeeping: the cheapest
honest top-k in numpy).

Usage: compress_numpy.py N KEEP ITERATIONS; prints mean seconds per call.
"""
import sys

import numpy as np

from timing import mean_seconds


def compress(x, keep):
    n = x.shape[1]
    tiles = x.reshape(-1, 64, n)
    spectra = np.fft.rfft2(tiles).reshape(tiles.shape[0], -1)
    energy = np.abs(spectra) ** 2
    positions = np.argpartition(-energy, keep - 1, axis=1)[:, :keep]
    return np.take_along_axis(spectra, positions, axis=1), positions


def main():
    n, keep, iterations = (int(a) for a in sys.argv[1:4])
    i, j = np.indices((n, n))
    x = np.sin(i + j).astype(np.float32)
    print(f"{mean_seconds(lambda: compress(x, keep), iterations):.6f}")


if __name__ == "__main__":
    main()
