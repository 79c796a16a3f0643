#!/usr/bin/env python3
"""spectral.mix of the GPU benchmark with torch.fft on the first CUDA device:
irfft(rfft(x, dim=1) * filter, n=T, dim=1) for x of 4 x T x 256 f32 and a
per-channel filter of 1 x (T/2+1) x 256, what a PyTorch user would write.
Prints the mean seconds per mix over ITERATIONS after one warm-up call,
timed as the compiled program is (host clock after synchronisation), or
"n/a" with the reason on stderr when PyTorch or a device is missing.

  mix_torch.py T ITERATIONS
"""
import sys
import time


def main():
    t, iterations = int(sys.argv[1]), int(sys.argv[2])
    try:
        import torch
    except ImportError as error:
        print("n/a")
        sys.exit("mix_torch.py: %s" % error)
    if not torch.cuda.is_available():
        print("n/a")
        sys.exit("mix_torch.py: torch.cuda has no device")
    device = torch.device("cuda")
    x = torch.full((4, t, 256), 0.5, dtype=torch.float32, device=device)
    f = torch.full((1, t // 2 + 1, 256), complex(1.0, 0.25), dtype=torch.complex64,
                   device=device)

    def mix():
        return torch.fft.irfft(torch.fft.rfft(x, dim=1) * f, n=t, dim=1)

    mix()
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(iterations):
        mix()
    torch.cuda.synchronize()
    print("%.9e" % ((time.perf_counter() - start) / iterations))


if __name__ == "__main__":
    main()
