#!/usr/bin/python3
"""Fits spectral-fft-convolution's cost model to measured convolutions.

Reads lines "L K C direct_seconds fft_seconds decision" (direct_seconds "-"
when not measured) for a causal depthwise 1-D convolution of C channels
(kernel K taps, input L samples, output L samples), as run_conv.sh writes
them. The model (see the pass's description in docs/generated):

  direct = d * L * C * K                         (multiply-accumulates)
  fft    = T * P * (a * log2(P) + b),  T = 2 C + C transforms of P points,
           P = the next 2^a 3^b 5^c 7^d >= L + K - 1.

Prints the Markdown table of the run, then the fitted constants and the
crossover kernel length at L = 4096 under the fitted model:

- a and b by least squares on relative errors over the FFT points (b = 0
  and a alone when the joint fit makes b negative);
- d is not a per-MAC average: the direct loops cost from 0.25 ns per MAC
  for short kernels (vectorized, in cache) to 5 ns for long ones, so no one
  constant fits all. What matters is the decision, so d is chosen inside the
  interval where the model's choice agrees with every measured point (the
  geometric mean of its ends), and the script says if there is none.
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

    # a, b: relative least squares of fft / (T P) = a log2 P + b.
    rows_a, rhs = [], []
    for l, k, c, _, fft, _ in points:
        p = next_fast(l + k - 1)
        t = 3 * c
        rows_a.append(np.array([t * p * math.log2(p), t * p]) / fft)
        rhs.append(1.0)
    (a, b), *_ = np.linalg.lstsq(np.array(rows_a), np.array(rhs), rcond=None)
    if b < 0:
        b = 0.0
        column = np.array(rows_a)[:, :1]
        (a,), *_ = np.linalg.lstsq(column, np.array(rhs), rcond=None)

    def fft_model(l, k, c):
        p = next_fast(l + k - 1)
        return 3 * c * p * (a * math.log2(p) + b)

    # d: the model chooses FFT iff d * MACs > fft_model. Points where the
    # FFT was faster bound d from below, the others from above.
    low, high = 0.0, math.inf
    for l, k, c, direct, fft, _ in points:
        if direct is None:
            continue
        bound = fft_model(l, k, c) / (l * c * k)
        if fft < direct:
            low = max(low, bound)
        else:
            high = min(high, bound)
    if low < high:
        d = math.sqrt(low * high) if math.isfinite(high) else 2 * low
        agreement = (f"every measured decision agrees for d in "
                     f"({low * 1e9:.3g}, {high * 1e9:.3g}) ns")
    else:
        d = low
        agreement = (f"no d agrees with every measured decision "
                     f"(lower bound {low * 1e9:.3g} ns, upper "
                     f"{high * 1e9:.3g} ns); d = the lower bound")
    per_mac = [dd / (l * c * k) for l, k, c, dd, _, _ in points
               if dd is not None]

    def direct_model(l, k, c):
        return d * l * c * k

    print("| L | K | direct (s) | FFT (s) | direct / FFT | model: direct (s) "
          "| model: FFT (s) | pass chooses (defaults) |")
    print("|---|---|---|---|---|---|---|---|")
    # A direct time not measured is extrapolated by multiply-accumulates
    # from the longest measured kernel (the decision constant d is not an
    # estimate of the time; see above).
    longest = max((p for p in points if p[3] is not None), key=lambda p: p[1])
    for l, k, c, direct, fft, choice in points:
        if direct is not None:
            shown, ratio, mark = f"{direct:.4f}", direct / fft, ""
        else:
            scale = (l * k * c) / (longest[0] * longest[1] * longest[2])
            estimate = longest[3] * scale
            shown = f"({estimate:.0f}, extrapolated)"
            ratio = estimate / fft
            mark = f" (extrapolated from L = K = {longest[0]})"
        print(f"| {l} | {k} | {shown} | {fft:.4f} | {ratio:.1f}x{mark} | "
              f"{direct_model(l, k, c):.4f} | {fft_model(l, k, c):.4f} | "
              f"{choice} |")
    print()
    print(f"direct loops, measured: {min(per_mac) * 1e9:.3g} to "
          f"{max(per_mac) * 1e9:.3g} ns per multiply-accumulate; {agreement}")
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
