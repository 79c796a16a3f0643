#!/usr/bin/env python3
"""Executed test of spectral.mode_mix, spectral.resample and the VJPs that
spectral-differentiate builds, on the CPU pipeline.

Each case is one function marked with spectral.gradient. The compiled
forward is checked against an independent numpy reference (rfftn and the
kept modes picked by explicit frequency loops for mode_mix; per-axis
scipy.signal.resample for resample); the compiled VJP against PyTorch's
autograd on the same function (when torch is installed), and against
central finite differences of the compiled forward itself (to 1e-7 in
f64, 2e-5 in f32):
<vjp(g), v> = <g, (f(x + e v) - f(x - e v)) / 2e> for random directions v.
All these functions are linear in each operand, so the finite difference
is exact up to rounding.

usage: neural_operator_check.py WORKDIR [--sst-compile PATH]
"""
import argparse
import itertools
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "python"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Integration"))
from check_numpy import (kept_frequencies, mode_mix_reference,  # noqa: E402
                         resample_reference)
from sst_ctypes import CompiledLibrary  # noqa: E402

try:
    import torch
except ImportError:
    torch = None

F32_TOL = 2e-5   # forward values, f32, relative Frobenius error
GRAD_F32_TOL = 1e-5
FD_TOL = 1e-7    # f64 finite differences
FD_F32_TOL = 2e-5


def mlir_type(shape, dtype):
    element = {np.float32: "f32", np.float64: "f64",
               np.complex64: "complex<f32>", np.complex128: "complex<f64>"}[dtype]
    dims = "x".join("?" if s is None else str(s) for s in shape)
    return f"tensor<{dims}x{element}>" if dims else f"tensor<{element}>"


def complex_of(dtype):
    return np.complex64 if dtype == np.float32 else np.complex128


# The numpy references of mode_mix and resample are check_numpy.py's,
# shared with the executed MLIR tests.

# ---------------------------------------------------------------------------
# The same functions in PyTorch, for autograd
# ---------------------------------------------------------------------------

def torch_mode_mix(x, w, axes, channel, modes, out_sizes, norm):
    X = torch.fft.rfftn(x, dim=axes, norm=norm)
    out_shape = list(X.shape)
    out_shape[channel] = w.shape[1]
    for i, a in enumerate(axes):
        out_shape[a] = out_sizes[i] // 2 + 1 if i == len(axes) - 1 else out_sizes[i]
    Y = torch.zeros(out_shape, dtype=X.dtype)
    freqs = [kept_frequencies(m, i == len(axes) - 1) for i, m in enumerate(modes)]
    pos = channel if channel < min(axes) else channel - sum(a < channel for a in axes)
    for j in itertools.product(*[range(m) for m in modes]):
        src = [slice(None)] * x.dim()
        dst = [slice(None)] * x.dim()
        for i, a in enumerate(axes):
            f = freqs[i][j[i]]
            src[a] = f % X.shape[a] if i < len(axes) - 1 else f
            dst[a] = f % out_shape[a] if i < len(axes) - 1 else f
        xs = torch.movedim(X[tuple(src)], pos, -1)
        ys = xs @ w[(slice(None), slice(None)) + tuple(j)]
        Y[tuple(dst)] = torch.movedim(ys, -1, pos)
    return torch.fft.irfftn(Y, s=out_sizes, dim=axes, norm=norm)


def torch_resample(x, axes, out_sizes):
    """scipy.signal.resample's algorithm, axis by axis, in PyTorch."""
    real = not x.is_complex()
    if not real:
        y = x
    else:
        y = x.to(torch.complex128 if x.dtype == torch.float64 else torch.complex64)
    for a, m in zip(axes, out_sizes):
        n = y.shape[a]
        X = torch.fft.fft(y, dim=a)
        s = min(n, m)
        shape = list(X.shape)
        shape[a] = m
        Z = torch.zeros(shape, dtype=X.dtype)
        low, high = (s + 1) // 2, s // 2
        Z.narrow(a, 0, low).copy_(X.narrow(a, 0, low))
        if high:
            Z.narrow(a, m - high, high).copy_(X.narrow(a, n - high, high))
        if s % 2 == 0 and n != m:
            if m < n:
                Z.narrow(a, s // 2, 1).copy_(X.narrow(a, s // 2, 1)
                                             + X.narrow(a, n - s // 2, 1))
            else:
                half = X.narrow(a, s // 2, 1) / 2
                Z.narrow(a, s // 2, 1).copy_(half)
                Z.narrow(a, m - s // 2, 1).copy_(half)
        y = torch.fft.ifft(Z, dim=a) * (m / n)
    return y.real if real else y


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

class ModeMixCase:
    def __init__(self, name, shape, out_channels, axes, channel, modes,
                 out_sizes=None, norm="backward", dtype=np.float32,
                 dynamic_batch=False):
        self.name, self.shape, self.axes, self.channel = name, shape, axes, channel
        self.modes, self.norm, self.dtype = modes, norm, dtype
        self.out_sizes = out_sizes or [shape[a] for a in axes]
        self.in_channels = shape[channel]
        self.out_channels = out_channels
        self.out_shape = list(shape)
        self.out_shape[channel] = out_channels
        for a, n in zip(axes, self.out_sizes):
            self.out_shape[a] = n
        self.weight_shape = [self.in_channels, out_channels] + list(modes)
        self.dynamic_batch = dynamic_batch

    def mlir(self):
        def t(shape, dtype):
            shape = list(shape)
            if self.dynamic_batch:
                shape[0] = None
            return mlir_type(shape, dtype)
        x_t = t(self.shape, self.dtype)
        y_t = t(self.out_shape, self.dtype)
        w_t = mlir_type(self.weight_shape, complex_of(self.dtype))
        norm = "" if self.norm == "backward" else f" norm {self.norm}"
        return f"""
func.func @{self.name}(%x: {x_t}, %w: {w_t}) -> {y_t}
    attributes {{spectral.gradient = @{self.name}_vjp}} {{
  %y = spectral.mode_mix %x, %w axes {list(self.axes)} channel {self.channel} modes {list(self.modes)}{norm}
         : {x_t}, {w_t} -> {y_t}
  return %y : {y_t}
}}
"""

    def inputs(self, rng):
        x = rng.standard_normal(self.shape).astype(self.dtype)
        w = (rng.standard_normal(self.weight_shape)
             + 1j * rng.standard_normal(self.weight_shape)).astype(complex_of(self.dtype))
        return [x, w]

    def result_types(self):
        return [(len(self.out_shape), self.dtype)]

    def grad_types(self):
        return [(len(self.shape), self.dtype), (len(self.weight_shape), complex_of(self.dtype))]

    def reference(self, x, w):
        return mode_mix_reference(x, w, self.axes, self.channel, self.modes,
                                  self.out_sizes, self.norm)

    def torch_forward(self, x, w):
        return torch_mode_mix(x, w, self.axes, self.channel, self.modes,
                              self.out_sizes, self.norm)


class ResampleCase:
    def __init__(self, name, shape, axes, out_sizes, dtype=np.float32):
        self.name, self.shape, self.axes, self.out_sizes = name, shape, axes, out_sizes
        self.dtype = dtype
        self.out_shape = list(shape)
        for a, n in zip(axes, out_sizes):
            self.out_shape[a] = n

    def mlir(self):
        x_t = mlir_type(self.shape, self.dtype)
        y_t = mlir_type(self.out_shape, self.dtype)
        return f"""
func.func @{self.name}(%x: {x_t}) -> {y_t}
    attributes {{spectral.gradient = @{self.name}_vjp}} {{
  %y = spectral.resample %x axes {list(self.axes)} : {x_t} -> {y_t}
  return %y : {y_t}
}}
"""

    def inputs(self, rng):
        x = rng.standard_normal(self.shape)
        if np.iscomplexobj(np.zeros(1, self.dtype)):
            x = x + 1j * rng.standard_normal(self.shape)
        return [x.astype(self.dtype)]

    def result_types(self):
        return [(len(self.out_shape), self.dtype)]

    def grad_types(self):
        return [(len(self.shape), self.dtype)]

    def reference(self, x):
        return resample_reference(x, self.axes, self.out_sizes)

    def torch_forward(self, x):
        return torch_resample(x, self.axes, self.out_sizes)


class FunctionCase:
    """A function written out in MLIR, with its numpy and PyTorch versions.
    `args` lists (shape, dtype) of the arguments; `body` uses %a0, %a1, ...
    and returns `result` = (shape, dtype)."""

    def __init__(self, name, args, result, body, reference, torch_forward):
        self.name, self.args, self.result, self.body = name, args, result, body
        self._reference, self._torch = reference, torch_forward

    def mlir(self):
        params = ", ".join(f"%a{i}: {mlir_type(s, d)}"
                           for i, (s, d) in enumerate(self.args))
        r_t = mlir_type(*self.result)
        return f"""
func.func @{self.name}({params}) -> {r_t}
    attributes {{spectral.gradient = @{self.name}_vjp}} {{
{self.body}
}}
"""

    def inputs(self, rng):
        values = []
        for shape, dtype in self.args:
            v = rng.standard_normal(shape)
            if np.iscomplexobj(np.zeros(1, dtype)):
                v = v + 1j * rng.standard_normal(shape)
            values.append(v.astype(dtype))
        return values

    def result_types(self):
        return [(len(self.result[0]), self.result[1])]

    def grad_types(self):
        return [(len(s), d) for s, d in self.args]

    def reference(self, *values):
        return self._reference(*values)

    def torch_forward(self, *values):
        return self._torch(*values)


def _mix_reference(axis, n):
    return lambda x, f: np.fft.irfft(np.fft.rfft(x.astype(np.float64), axis=axis)
                                     * f, n=n, axis=axis)


def _mix_torch(axis, n):
    return lambda x, f: torch.fft.irfft(torch.fft.rfft(x, dim=axis) * f, n=n, dim=axis)


def _direct_conv(x, k, axes, mode):
    """Linear convolution over `axes` as a sum of shifted copies, then the
    window of `mode`."""
    x = x.astype(np.float64)
    shape = [max(xs, ks) for xs, ks in zip(x.shape, k.shape)]
    for a in axes:
        shape[a] = x.shape[a] + k.shape[a] - 1
    out = np.zeros(shape)
    for offset in np.ndindex(*[k.shape[a] for a in axes]):
        k_index = [slice(None)] * k.ndim
        o_index = [slice(None)] * x.ndim
        for a, o in zip(axes, offset):
            k_index[a] = slice(o, o + 1)
            o_index[a] = slice(o, o + x.shape[a])
        out[tuple(o_index)] = out[tuple(o_index)] + k[tuple(k_index)] * x
    window = [slice(None)] * x.ndim
    for a in axes:
        start = 0 if mode != "same" else (k.shape[a] - 1) // 2
        window[a] = slice(start, start + (x.shape[a] if mode != "full" else shape[a]))
    return out[tuple(window)]


def _torch_conv(x, k, axes, mode):
    lengths = [x.shape[a] + k.shape[a] - 1 for a in axes]
    full = torch.fft.irfftn(torch.fft.rfftn(x, s=lengths, dim=axes)
                            * torch.fft.rfftn(k, s=lengths, dim=axes), s=lengths, dim=axes)
    for a in axes:
        start = 0 if mode != "same" else (k.shape[a] - 1) // 2
        length = x.shape[a] if mode != "full" else full.shape[a]
        full = full.narrow(a, start, length)
    return full


def conv_case(name, x_shape, k_shape, axes, mode, dtype=np.float32):
    out = list(x_shape)
    if mode == "full":
        for a in axes:
            out[a] = x_shape[a] + k_shape[a] - 1
    x_t, k_t, y_t = (mlir_type(s, dtype) for s in (x_shape, k_shape, out))
    mode_text = "" if mode == "full" else f" mode {mode}"
    return FunctionCase(
        name, [(x_shape, dtype), (k_shape, dtype)], (out, dtype), f"""
  %y = spectral.conv %a0, %a1 axes {list(axes)}{mode_text} : {x_t}, {k_t}
  return %y : {y_t}""",
        lambda x, k: _direct_conv(x, k, axes, mode),
        lambda x, k: _torch_conv(x, k, axes, mode))


C64 = np.complex64
F32 = np.float32
FUNCTION_CASES = [
    # spectral.conv: full, same (even kernel), causal; a kernel broadcast
    # over the batch and one over channels, 2-D.
    conv_case("conv_full", [2, 11], [2, 4], [1], "full"),
    conv_case("conv_same", [3, 16], [1, 6], [1], "same"),
    conv_case("conv_causal", [13, 3], [5, 3], [0], "causal", np.float64),
    conv_case("conv_2d", [2, 9, 7, 3], [1, 4, 3, 1], [1, 2], "same"),
    # Every dense transform and an elementwise product, with two norms.
    FunctionCase(
        "transforms", [([4, 16], F32)], ([4, 16], F32), """
  %s = spectral.rfft %a0 axes [1] norm ortho : tensor<4x16xf32>
  %c = spectral.fft %s axes [0] : tensor<4x9xcomplex<f32>>
  %d = spectral.ifft %c axes [0] norm forward : tensor<4x9xcomplex<f32>>
  %y = spectral.irfft %d axes [1] n 16 norm ortho : tensor<4x9xcomplex<f32>>
  %e = tensor.empty() : tensor<4x16xf32>
  %z = linalg.mul ins(%y, %a0 : tensor<4x16xf32>, tensor<4x16xf32>)
         outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %z : tensor<4x16xf32>""",
        lambda x: np.fft.irfft(np.fft.ifft(np.fft.fft(np.fft.rfft(x, axis=1, norm="ortho"),
                                                      axis=0), axis=0, norm="forward"),
                               n=16, axis=1, norm="ortho") * x,
        lambda x: torch.fft.irfft(torch.fft.ifft(torch.fft.fft(
            torch.fft.rfft(x, dim=1, norm="ortho"), dim=0), dim=0, norm="forward"),
            n=16, dim=1, norm="ortho") * x),
    # An odd halved length, a complex result, linalg.sub of two uses.
    FunctionCase(
        "complex_result", [([3, 15], F32), ([3, 8], C64)], ([3, 8], C64), """
  %s = spectral.rfft %a0 axes [1] : tensor<3x15xf32>
  %t = spectral.fft %a1 axes [0, 1] norm ortho : tensor<3x8xcomplex<f32>>
  %e = tensor.empty() : tensor<3x8xcomplex<f32>>
  %d = linalg.sub ins(%s, %t : tensor<3x8xcomplex<f32>>, tensor<3x8xcomplex<f32>>)
         outs(%e : tensor<3x8xcomplex<f32>>) -> tensor<3x8xcomplex<f32>>
  return %d : tensor<3x8xcomplex<f32>>""",
        lambda x, z: np.fft.rfft(x, axis=1) - np.fft.fftn(z, norm="ortho"),
        lambda x, z: torch.fft.rfft(x, dim=1) - torch.fft.fftn(z, norm="ortho")),
    # The same in double precision: rfft with ortho, an odd length.
    FunctionCase(
        "transforms_f64", [([3, 15], np.float64)], ([3, 15], np.float64), """
  %s = spectral.rfft %a0 axes [0, 1] norm ortho : tensor<3x15xf64>
  %c = spectral.fft %s axes [1] norm forward : tensor<3x8xcomplex<f64>>
  %y = spectral.irfft %c axes [0, 1] n 15 : tensor<3x8xcomplex<f64>>
  return %y : tensor<3x15xf64>""",
        lambda x: np.fft.irfftn(np.fft.fft(np.fft.rfftn(x, axes=(0, 1), norm="ortho"),
                                           axis=1, norm="forward"), s=[3, 15], axes=(0, 1)),
        lambda x: torch.fft.irfftn(torch.fft.fft(torch.fft.rfftn(x, dim=(0, 1), norm="ortho"),
                                                 dim=1, norm="forward"), s=[3, 15], dim=(0, 1))),
    # spectral.mix with a shared filter (even length) ...
    FunctionCase(
        "mix_shared", [([2, 16, 3], F32), ([9], C64)], ([2, 16, 3], F32), """
  %y = spectral.mix %a0, %a1 axis 1 : tensor<2x16x3xf32>, tensor<9xcomplex<f32>>
  return %y : tensor<2x16x3xf32>""",
        lambda x, f: _mix_reference(1, 16)(x, f[:, None]),
        lambda x, f: _mix_torch(1, 16)(x, f[:, None])),
    # ... and a per-channel filter broadcast over the batch (prime length).
    FunctionCase(
        "mix_channels", [([2, 13, 4], F32), ([1, 7, 4], C64)], ([2, 13, 4], F32), """
  %y = spectral.mix %a0, %a1 axis 1 : tensor<2x13x4xf32>, tensor<1x7x4xcomplex<f32>>
  return %y : tensor<2x13x4xf32>""",
        _mix_reference(1, 13), _mix_torch(1, 13)),
    # A mix along the first axis (odd length), then a tensor.cast.
    FunctionCase(
        "mix_first_axis", [([15, 2], F32), ([8, 1], C64)], ([15, 2], F32), """
  %y = spectral.mix %a0, %a1 axis 0 : tensor<15x2xf32>, tensor<8x1xcomplex<f32>>
  %d = tensor.cast %y : tensor<15x2xf32> to tensor<?x2xf32>
  %r = tensor.cast %d : tensor<?x2xf32> to tensor<15x2xf32>
  return %r : tensor<15x2xf32>""",
        _mix_reference(0, 15), _mix_torch(0, 15)),
]

CASES = FUNCTION_CASES + [
    # 1-D, channels first, more output channels, even length.
    ModeMixCase("mm_1d", [3, 4, 16], 6, [2], 1, [5]),
    # 1-D, channels last, prime length to a larger output, modes at the
    # limit of the halved axis, ortho, f64.
    ModeMixCase("mm_1d_last", [2, 17, 3], 5, [1], 2, [9], out_sizes=[40],
                norm="ortho", dtype=np.float64),
    # 1-D, an even length to a longer output with its Nyquist bin kept (the
    # bin that stands for two frequencies in the output only), f64.
    ModeMixCase("mm_1d_up_even", [2, 2, 8], 3, [2], 1, [5], out_sizes=[12],
                dtype=np.float64),
    # 2-D, an odd mode count on the full axis, dynamic batch.
    ModeMixCase("mm_2d", [2, 3, 12, 10], 2, [2, 3], 1, [7, 4],
                dynamic_batch=True),
    # 2-D, every frequency kept (odd and even lengths), f64.
    ModeMixCase("mm_2d_all", [2, 2, 9, 8], 3, [2, 3], 1, [9, 5],
                dtype=np.float64),
    # 2-D to a smaller output (even, Nyquist bins kept), forward norm.
    ModeMixCase("mm_2d_down", [1, 3, 16, 16], 2, [2, 3], 1, [8, 4],
                out_sizes=[8, 6], norm="forward", dtype=np.float64),
    # 3-D, channels last, prime and odd lengths.
    ModeMixCase("mm_3d", [2, 6, 5, 7, 2], 3, [1, 2, 3], 4, [4, 3, 3]),
    ResampleCase("rs_down_even", [3, 16], [1], [10]),
    ResampleCase("rs_up_even", [3, 12], [1], [17], dtype=np.float64),
    ResampleCase("rs_odd_prime", [13, 2], [0], [7], dtype=np.float64),
    ResampleCase("rs_2d", [2, 12, 9], [1, 2], [8, 14], dtype=np.float64),
    ResampleCase("rs_2d_f32", [2, 10, 16], [1, 2], [15, 6]),
    ResampleCase("rs_complex", [4, 10, 2], [0, 1], [6, 15], dtype=np.complex128),
]


def rel_error(actual, expected):
    expected = np.asarray(expected)
    denom = np.linalg.norm(expected.ravel())
    return np.linalg.norm((actual - expected).ravel()) / (denom if denom else 1.0)


def vdot_real(a, b):
    return float(np.real(np.vdot(a.ravel(), b.ravel())))


def check_cases(cases, workdir, sst_compile, seed=7):
    """Compiles `cases` into one library and checks each: the forward against
    its reference, the VJP against PyTorch and finite differences. A case's
    `grad_inputs` (default: one per gradient, in order) names the input each
    gradient belongs to, None for one that is not checked (positions).
    Returns the number of failed checks."""
    os.makedirs(workdir, exist_ok=True)
    source = os.path.join(workdir, "cases.mlir")
    with open(source, "w") as f:
        f.write("\n".join(case.mlir() for case in cases))
    # Exporting a function exports the gradient spectral-differentiate
    # builds for it.
    names = [c.name for c in cases]
    lib = CompiledLibrary(source, names, workdir, sst_compile)

    rng = np.random.default_rng(seed)
    failures = 0

    def report(case, what, error, tol):
        nonlocal failures
        ok = error <= tol
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {case.name}: {what} {error:.2e} (tol {tol:.0e})")

    for case in cases:
        inputs = case.inputs(rng)
        f64 = inputs[0].dtype in (np.float64, np.complex128)
        y = lib.call(case.name, inputs, case.result_types())[0]
        report(case, "forward vs numpy", rel_error(y, case.reference(*inputs)),
               1e-10 if f64 else F32_TOL)

        g = rng.standard_normal(y.shape)
        if np.iscomplexobj(y):
            g = g + 1j * rng.standard_normal(y.shape)
        g = g.astype(y.dtype)
        out = lib.call(case.name + "_vjp", inputs + [g],
                       case.result_types() + case.grad_types())
        grads = out[1:]
        report(case, "VJP's primal result", rel_error(out[0], y), 1e-12 if f64 else 1e-6)
        grad_inputs = getattr(case, "grad_inputs", None) or list(range(len(grads)))
        checked = [(grad, i) for grad, i in zip(grads, grad_inputs) if i is not None]

        if torch is not None and case.torch_forward is not None:
            tensors = [torch.tensor(v, requires_grad=np.issubdtype(v.dtype, np.inexact))
                       for v in inputs]
            torch.autograd.backward(case.torch_forward(*tensors), torch.tensor(g))
            for mine, i in checked:
                report(case, f"grad {i} vs torch autograd",
                       rel_error(mine, tensors[i].grad.numpy()),
                       1e-10 if f64 else GRAD_F32_TOL)

        # Every function here is linear in each operand, so the central
        # difference is exact up to rounding: a step of 1 keeps f32's
        # rounding small, f64 takes a usual small step.
        eps = 1e-3 if f64 else 1.0
        for grad, i in checked:
            for _ in range(2):
                v = rng.standard_normal(inputs[i].shape)
                if np.iscomplexobj(inputs[i]):
                    v = v + 1j * rng.standard_normal(inputs[i].shape)
                plus = list(inputs)
                minus = list(inputs)
                v = v.astype(inputs[i].dtype)
                plus[i] = inputs[i] + eps * v
                minus[i] = inputs[i] - eps * v
                fp = lib.call(case.name, plus, case.result_types())[0]
                fm = lib.call(case.name, minus, case.result_types())[0]
                directional = vdot_real(g, (fp - fm) / (2 * eps))
                # <grad, v> with PyTorch's convention: Re(conj(grad) v).
                predicted = vdot_real(grad, v)
                # Relative to the scale of the terms summed (Cauchy-
                # Schwarz), as the two sides of a dot-product test
                # cancel in f32.
                scale = np.linalg.norm(g) * np.linalg.norm((fp - fm) / (2 * eps))
                error = abs(directional - predicted) / max(scale, 1e-30)
                report(case, f"grad {i} vs finite differences", error,
                       FD_TOL if f64 else FD_F32_TOL)

    if torch is None:
        print("note: torch is not installed; gradients checked against finite "
              "differences only")
    return failures


def main(cases):
    """The command line of this script and of the others that check cases
    with check_cases."""
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir")
    parser.add_argument("--sst-compile", default="sst-compile")
    args = parser.parse_args()
    failures = check_cases(cases, args.workdir, args.sst_compile)
    if failures:
        sys.exit(f"{failures} check(s) failed")


if __name__ == "__main__":
    main(CASES)
