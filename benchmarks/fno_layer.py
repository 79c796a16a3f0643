#!/usr/bin/python3
"""Times a 2-D FNO spectral convolution, forward and forward+backward, as
spectral.mode_mix compiled by sst-compile (its VJP built by
spectral-differentiate) and as PyTorch's reference layer (the original FNO's
SpectralConv2d: rfft2, two corner einsums, irfft2), in one run, on the same
data and thread count. Checks that both compute the same values first.

usage: fno_layer.py WORKDIR SST_COMPILE [--batch 8 --channels 32 --size 128
                                         --modes 16 --threads 1 --repeats 20]
"""
import argparse
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
from sst_ctypes import CompiledLibrary  # noqa: E402


def torch_layer(x, w, m):
    """The original FNO's SpectralConv2d with weights1 = w[:, :, :m] and
    weights2 = w[:, :, m:] (m frequencies of each sign on the first axis)."""
    b, _, h, wd = x.shape
    x_ft = torch.fft.rfft2(x)
    out_ft = torch.zeros(b, w.shape[1], h, wd // 2 + 1, dtype=torch.cfloat)
    out_ft[:, :, :m, :m] = torch.einsum("bixy,ioxy->boxy", x_ft[:, :, :m, :m], w[:, :, :m])
    out_ft[:, :, -m:, :m] = torch.einsum("bixy,ioxy->boxy", x_ft[:, :, -m:, :m], w[:, :, m:])
    return torch.fft.irfft2(out_ft, s=(h, wd))


def median_times(fns, repeats):
    """Median seconds of each of `fns`, run in turn `repeats` times after a
    warm-up, so that a slow spell of the machine hits both sides alike."""
    for fn in fns:
        fn()
    times = [[] for _ in fns]
    for _ in range(repeats):
        for fn, samples in zip(fns, times):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
    return [float(np.median(samples)) for samples in times]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir")
    parser.add_argument("sst_compile")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--channels", type=int, default=32)
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--modes", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=20)
    # -mcpu=host (znver4 here) vectorizes the complex contraction with
    # AVX-512 gathers, which is about 1.8x slower than x86-64-v3's shuffles
    # on this machine (docs/benchmarks.md).
    parser.add_argument("--sst-compile-flags", default="--mcpu=x86-64-v3")
    args = parser.parse_args()
    # Both sides on the same number of threads: PyTorch's in this process,
    # the runtime's through its documented variable, read when the compiled
    # library loads it.
    torch.set_num_threads(args.threads)
    os.environ["SPECTRAL_NUM_THREADS"] = str(args.threads)
    b, c, n, m = args.batch, args.channels, args.size, args.modes

    x_t = f"tensor<{b}x{c}x{n}x{n}xf32>"
    w_t = f"tensor<{c}x{c}x{2 * m}x{m}xcomplex<f32>>"
    source = os.path.join(args.workdir, "fno.mlir")
    with open(source, "w") as f:
        f.write(f"""
func.func @fno(%x: {x_t}, %w: {w_t}) -> {x_t}
    attributes {{spectral.gradient = @fno_vjp}} {{
  %y = spectral.mode_mix %x, %w axes [2, 3] channel 1 modes [{2 * m}, {m}]
         : {x_t}, {w_t} -> {x_t}
  return %y : {x_t}
}}
""")
    lib = CompiledLibrary(source, ["fno"], args.workdir, args.sst_compile,
                          options=["-O3"] + args.sst_compile_flags.split())

    rng = np.random.default_rng(0)
    x = rng.standard_normal((b, c, n, n)).astype(np.float32)
    scale = 1.0 / (c * c)
    w = (scale * (rng.random((c, c, 2 * m, m)) + 1j * rng.random((c, c, 2 * m, m)))
         ).astype(np.complex64)
    g = rng.standard_normal((b, c, n, n)).astype(np.float32)
    f32, c64 = np.float32, np.complex64

    x_saved, w_saved, g_saved = x.copy(), w.copy(), g.copy()
    # Same values first.
    xt = torch.tensor(x, requires_grad=True)
    wt = torch.tensor(w, requires_grad=True)
    yt = torch_layer(xt, wt, m)
    yt.backward(torch.tensor(g))
    y, = lib.call("fno", [x, w], [(4, f32)])
    y2, dx, dw = lib.call("fno_vjp", [x, w, g], [(4, f32), (4, f32), (4, c64)])
    for name, mine, ref in [("y", y, yt.detach().numpy()), ("dx", dx, xt.grad.numpy()),
                            ("dw", dw, wt.grad.numpy())]:
        err = np.linalg.norm(mine - ref) / np.linalg.norm(ref)
        print(f"{name}: relative difference to PyTorch {err:.1e}")
        if err > 1e-5:
            sys.exit(f"{name} differs from PyTorch")

    def torch_forward():
        with torch.no_grad():
            torch_layer(xt, wt, m)

    def torch_backward():
        xt.grad = None
        wt.grad = None
        torch_layer(xt, wt, m).backward(torch.tensor(g))

    # The compiled functions do not write into these arguments (checked
    # above: the results match with copies); results are freed unread, as
    # PyTorch's are dropped.
    uncopied = dict(copy_args=False, keep_results=False)
    rows = [
        ("forward", *median_times(
            [lambda: lib.call("fno", [x, w], [(4, f32)], **uncopied), torch_forward],
            args.repeats)),
        ("forward + backward (dx, dW)", *median_times(
            [lambda: lib.call("fno_vjp", [x, w, g], [(4, f32), (4, f32), (4, c64)],
                              **uncopied),
             torch_backward], args.repeats)),
    ]
    # The timed calls passed the arrays themselves: they must be unchanged.
    for name, array, saved in [("x", x, x_saved), ("w", w, w_saved), ("g", g, g_saved)]:
        if not np.array_equal(array, saved):
            sys.exit(f"the compiled code wrote into its argument {name}")
    print(f"FNO layer: batch {b}, {c} -> {c} channels, {n} x {n}, modes "
          f"[{2 * m}, {m}] ({m} of each sign x {m}), f32, PyTorch on {args.threads} "
          f"thread(s), the spectral runtime on 1, "
          f"PyTorch {torch.__version__}, median of {args.repeats}, interleaved, "
          f"sst-compile -O3 {args.sst_compile_flags}")
    print("| pass | spectral (ms) | PyTorch (ms) | speed-up |")
    print("|---|---|---|---|")
    for name, mine, ref in rows:
        print(f"| {name} | {mine * 1e3:.1f} | {ref * 1e3:.1f} | {ref / mine:.2f}x |")


if __name__ == "__main__":
    main()
