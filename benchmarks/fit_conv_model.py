#!/usr/bin/python3
"""Fits spectral-fft-convolution's cost model to measured convolutions.

Reads lines "L K C direct_seconds fft_seconds decision" (direct_seconds "-"
when not measured) for a causal depthwise 1-D convolution of C channels
(kernel K taps, input L samples, output L samples), as run_conv.sh writes
them. The model (see the pass's description in docs/generated):

  direct = d * L * C * K                         (multiply-accumulates)
  fft    = T * P * (a * log2(P) + b),  T = 2 C + C transforms of P points,
           P = the next 2^a 3^b 5^c 7^d >= L + K - 1.

Prints the Markdown table of the run, then d (the median over the direct
points), a and b (least squares over the FFT points, relative errors), and
the crossover kernel length at L = 4096 under the fitted model.
"""
import math
import sys

import numpy as np


def next_fast(n):
    while True:
        rest = n
        for p in (2, 3, 5, 7):
            while rest % p == 0:
                rest //= p
        if rest == 1:
            return n
        n += 1


def main():
    rows = [line.split() for line in sys.stdin if line.strip()]
    points = []
    for l, k, c, direct, fft, choice in rows:
        l, k, c = int(l), int(k), int(c)
        points.append((l, k, c, None if direct == "-" else float(direct),
                       float(fft), choice))

    # d: seconds per multiply-accumulate, direct.
    per_mac = [d / (l * c * k) for l, k, c, d, _, _ in points if d is not None]
    d = float(np.median(per_mac))
    # a, b: relative least squares of fft / (T P) = a log2 P + b.
    rows_a, rhs = [], []
    for l, k, c, _, fft, _ in points:
        p = next_fast(l + k - 1)
        t = 3 * c
        model = np.array([t * p * math.log2(p), t * p])
        rows_a.append(model / fft)
        rhs.append(1.0)
    (a, b), *_ = np.linalg.lstsq(np.array(rows_a), np.array(rhs), rcond=None)

    def direct_model(l, k, c):
        return d * l * c * k

    def fft_model(l, k, c):
        p = next_fast(l + k - 1)
        return 3 * c * p * (a * math.log2(p) + b)

    print("| L | K | direct (s) | FFT (s) | direct / FFT | model: direct (s) "
          "| model: FFT (s) | pass chooses (defaults) |")
    print("|---|---|---|---|---|---|---|---|")
    for l, k, c, direct, fft, choice in points:
        shown = f"{direct:.4f}" if direct is not None else \
            f"({direct_model(l, k, c):.1f}, model)"
        ratio = direct / fft if direct is not None else \
            direct_model(l, k, c) / fft
        mark = "" if direct is not None else " (model)"
        print(f"| {l} | {k} | {shown} | {fft:.4f} | {ratio:.1f}x{mark} | "
              f"{direct_model(l, k, c):.4f} | {fft_model(l, k, c):.4f} | "
              f"{choice} |")
    print()
    print(f"fitted: direct-ns-per-mac={d * 1e9:.3g} "
          f"fft-ns-per-point-log={a * 1e9:.3g} fft-ns-per-point={b * 1e9:.3g}")
    worst = max(abs(fft_model(l, k, c) / fft - 1)
                for l, k, c, _, fft, _ in points)
    print(f"largest relative error of the FFT model over these points: "
          f"{worst:.0%}")
    crossover = next((k for k in range(1, 4097)
                      if fft_model(4096, k, 256) < direct_model(4096, k, 256)),
                     None)
    print(f"crossover at L = 4096, C = 256 (fitted model): FFT faster from "
          f"K = {crossover}")
    wrong = [(l, k) for l, k, c, direct, fft, choice in points
             if direct is not None and choice == "fft" and fft > direct]
    print("points where the pass chose FFT but FFT was slower: "
          f"{wrong if wrong else 'none'}")


if __name__ == "__main__":
    main()
