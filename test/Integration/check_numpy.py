#!/usr/bin/env python3
"""Checks memrefs printed by an executed spectral test against numpy.

Reads the output of mlir-runner on stdin: a sequence of memrefs printed with
printMemrefF32 / printMemrefC32. Each command-line case names an op and its
attributes and consumes the memrefs it needs, in order: the operands (as the
test generated them) and then the result computed by the compiled code. The
reference is computed here from the printed operands, with numpy's FFT for
transforms and a direct (non-FFT) sum for convolutions.

Case syntax: OP[:key=value]...   e.g.  rfft:axes=0,1:norm=ortho
  fft, ifft, rfft  axes=..., norm=backward|forward|ortho
  irfft            axes=..., n=N, norm=...
  mix              axis=A                         (input, filter, result)
  conv             axes=..., mode=full|same|causal (input, kernel, result)
  mode_mix         axes=...:channel=C:modes=...[:norm=...] (input, weight,
                   result); the result's sizes along axes are its own
  resample         axes=...  (input, result), scipy.signal.resample per axis

Any case may set tol=T, the relative error allowed (default REL_TOL), for
storage types of lower precision.

Sparse spectral tensors, with LAYOUT = tile=...:axes=...:transform=...:keep=K
(the reference selects the top-K bins per tile itself, from the printed
dense input, by the energy rule of docs/dialect.md section 3):
  roundtrip LAYOUT        (input, decompress(compress(input)))
  storage LAYOUT          (input, coefficients, positions)
  matmul LAYOUT           (input, weight, input . decompress(compress(weight)))
  add LAYOUT:keep_b=K2:keep_out=K3
                          (a, b, decompress(add(compress a, compress b)))
  scale LAYOUT:factor=F   (input, decompress(scale(compress(input), F)))
  energy                  (dense, energy): energy = sum(dense ** 2)
  slice offsets=...       (full, part): part = full[offsets : offsets + shape]

TOSA's transforms, by the direct sums of the TOSA specification (operands
and results are the separate real and imaginary tensors, N x H x W):
  tosa_rfft2d             (input, output_real, output_imag)
  tosa_fft2d inverse=0|1  (input_real, input_imag, output_real, output_imag)

linalg convolutions (correlations, stride and dilation 1), by direct sums
over sliding windows; the input is zero-padded first by pad=lo,hi per
spatial axis (default none), as the compiled function does:
  linalg_conv kind=K[:pad=...]  (input, kernel, init, result)
      K: conv_1d conv_2d nwc_wc ncw_cw nwc_wcm nhwc_hwc nchw_chw nhwc_hwcm
         ndhwc_dhwc, and mixing channels nwc_wcf ncw_fcw nhwc_hwcf nhwc_fhwc
         nchw_fchw

  tosa_conv2d pad=top,bottom,left,right  (input, weight, bias, result)
      tosa.conv2d, stride and dilation 1: N x H x W x C input,
      F x KH x KW x C weight, F bias
  tosa_depthwise pad=top,bottom,left,right  (input, weight, bias, result)
      tosa.depthwise_conv2d, stride and dilation 1: N x H x W x C input,
      KH x KW x C x M weight, C * M bias

Dense references:
  dense_matmul            (x, w, result): result = x . w
  close                   (a, b): b = a (set tol= to the error allowed)
  elementwise fn=F        (x, result): result = F(x), numpy's function of
                          the complex dialect's op F (conj neg exp expm1 log
                          log1p sqrt rsqrt sin cos tan tanh sign abs angle)
  elementwise2 fn=F       (x, y, result): result = F(x, y) (div pow atan2)
  math fn=F               (x, result): result = F(x) for real x, the math
                          dialect's op F (erf erfc cbrt asinh atan sinh cosh
                          exp2 tanh tan)
"""
import re
import sys

import numpy as np

HEADER = re.compile(
    r"Unranked Memref base@ = \S+ rank = (\d+) offset = \d+ "
    r"sizes = \[([^\]]*)\] strides = \[[^\]]*\] data =")
NUMBER = r"[-+]?(?:nan|inf|\d+\.?\d*(?:[eE][-+]?\d+)?)"
COMPLEX = re.compile(r"\(\s*(" + NUMBER + r")\s*,\s*(" + NUMBER + r")\s*\)")
REAL = re.compile(NUMBER)

# Relative Frobenius error allowed against the reference. f32 transforms of
# the sizes tested here land near 1e-7; a wrong bin, scale or sign is O(1).
REL_TOL = 2e-5


def parse_memrefs(text):
    matches = list(HEADER.finditer(text))
    arrays = []
    for i, match in enumerate(matches):
        sizes = [int(s) for s in match.group(2).split(",") if s.strip()]
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[match.end():end]
        if "(" in body:
            values = [complex(float(re_), float(im))
                      for re_, im in COMPLEX.findall(body)]
        else:
            values = [float(v) for v in REAL.findall(body)]
        count = int(np.prod(sizes)) if sizes else 1
        if len(values) != count:
            sys.exit(f"memref {i}: expected {count} values, parsed {len(values)}")
        arrays.append(np.array(values).reshape(sizes))
    return arrays


def parse_case(text):
    op, *fields = text.split(":")
    attrs = {}
    for field in fields:
        key, value = field.split("=", 1)
        attrs[key] = value
    return op, attrs


def axes_of(attrs, array):
    if "axes" not in attrs:
        return list(range(array.ndim))
    return [int(a) for a in attrs["axes"].split(",")]


def direct_convolution(x, k, axes):
    """Full linear convolution over `axes`, as a sum of shifted copies."""
    full_shape = list(x.shape)
    for a in axes:
        full_shape[a] = x.shape[a] + k.shape[a] - 1
    out = np.zeros(full_shape, dtype=np.float64)
    for offset in np.ndindex(*[k.shape[a] for a in axes]):
        k_index = [slice(None)] * k.ndim
        out_index = [slice(None)] * x.ndim
        for a, o in zip(axes, offset):
            k_index[a] = slice(o, o + 1)
            out_index[a] = slice(o, o + x.shape[a])
        out[tuple(out_index)] += k[tuple(k_index)] * x
    return out


def kept_frequencies(m, halved):
    """spectral.mode_mix's weight index -> signed frequency along one axis."""
    if halved:
        return list(range(m))
    low = (m + 1) // 2
    return list(range(low)) + [j - m for j in range(low, m)]


def mode_mix_reference(x, w, axes, channel, modes, out_sizes, norm):
    """rfftn, the kept modes picked one frequency at a time, the channel
    product per mode, irfftn to `out_sizes`."""
    X = np.fft.rfftn(x.astype(np.float64), axes=axes, norm=norm)
    out_shape = list(X.shape)
    out_shape[channel] = w.shape[1]
    last = len(axes) - 1
    for i, a in enumerate(axes):
        out_shape[a] = out_sizes[i] // 2 + 1 if i == last else out_sizes[i]
    Y = np.zeros(out_shape, np.complex128)
    freqs = [kept_frequencies(m, i == last) for i, m in enumerate(modes)]
    # Where the channel dimension lands once the spatial axes are indexed.
    position = channel - sum(a < channel for a in axes)
    for j in np.ndindex(*modes):
        src = [slice(None)] * x.ndim
        dst = [slice(None)] * x.ndim
        for i, a in enumerate(axes):
            f = freqs[i][j[i]]
            src[a] = f % X.shape[a] if i < last else f
            dst[a] = f % out_shape[a] if i < last else f
        xs = np.moveaxis(X[tuple(src)], position, -1)
        ys = xs @ w[(slice(None), slice(None)) + tuple(j)]
        Y[tuple(dst)] = np.moveaxis(ys, -1, position)
    return np.fft.irfftn(Y, s=out_sizes, axes=axes, norm=norm)


def resample_reference(x, axes, out_sizes):
    import scipy.signal
    y = x.astype(np.complex128 if np.iscomplexobj(x) else np.float64)
    for a, n in zip(axes, out_sizes):
        y = scipy.signal.resample(y, n, axis=a)
    return y


def ints(text):
    return [int(v) for v in text.split(",")]


class Layout:
    """The tile layout of a !spectral.sst, and numpy's top-k selection."""

    def __init__(self, attrs, keep_key="keep"):
        self.tile = ints(attrs["tile"])
        self.axes = ints(attrs["axes"])
        self.real = attrs.get("transform", "rfft") == "rfft"
        self.keep = int(attrs[keep_key])

    def tiles(self, shape):
        grid = [s // t for s, t in zip(shape, self.tile)]
        for index in np.ndindex(*grid):
            yield tuple(slice(g * t, (g + 1) * t)
                        for g, t in zip(index, self.tile))

    def forward(self, block):
        if self.real:
            return np.fft.rfftn(block, axes=self.axes)
        return np.fft.fftn(block, axes=self.axes)

    def inverse(self, spectrum, real_output):
        if self.real:
            lengths = [self.tile[a] for a in self.axes]
            return np.fft.irfftn(spectrum, s=lengths, axes=self.axes)
        dense = np.fft.ifftn(spectrum, axes=self.axes)
        return dense.real if real_output else dense

    def partner(self, index):
        """The conjugate partner of a bin on a Hermitian plane, or None."""
        halved = self.axes[-1]
        k, n = index[halved], self.tile[halved]
        if not self.real or (0 < k and 2 * k != n):
            return None
        mirrored = list(index)
        for a in self.axes:
            if a != halved:
                mirrored[a] = (-index[a]) % self.tile[a]
        return tuple(mirrored)

    def weight(self, index):
        """Dense bins the stored bin stands for; 0 if not a candidate."""
        if not self.real:
            return 1
        halved = self.axes[-1]
        partner = self.partner(index)
        if partner is None:
            return 2
        others = [a for a in self.axes if a != halved]
        mine = tuple(index[a] for a in others)
        theirs = tuple(partner[a] for a in others)
        if mine > theirs:
            return 0
        return 1 if mine == theirs else 2

    def select(self, spectrum, keep):
        """Positions of the `keep` most energetic candidates, ascending."""
        energies = []
        for position, index in enumerate(np.ndindex(*spectrum.shape)):
            w = self.weight(index)
            if w:
                energies.append((-w * abs(spectrum[index]) ** 2, position))
        energies.sort()
        return sorted(position for _, position in energies[:keep])

    def keep_only(self, spectrum, positions):
        kept = np.zeros_like(spectrum)
        for position in positions:
            index = np.unravel_index(position, spectrum.shape)
            kept[index] = spectrum[index]
            partner = self.partner(index)
            if partner is not None and partner != tuple(index):
                kept[partner] = np.conj(spectrum[index])
        return kept

    def roundtrip(self, x, keep=None):
        out = np.zeros_like(x)
        for tile in self.tiles(x.shape):
            spectrum = self.forward(x[tile])
            kept = self.keep_only(spectrum, self.select(spectrum, keep or self.keep))
            out[tile] = self.inverse(kept, not np.iscomplexobj(x))
        return out


# Per linalg convolution: the spatial axes of the input and of the kernel,
# and the einsum contracting the input's sliding windows (window axes last)
# with the kernel.
LINALG_CONVS = {
    "conv_1d": ([0], [0], "ij,j->i"),
    "conv_2d": ([0, 1], [0, 1], "abij,ij->ab"),
    "nwc_wc": ([1], [0], "nocj,jc->noc"),
    "ncw_cw": ([2], [1], "ncoj,cj->nco"),
    "nwc_wcm": ([1], [0], "nocj,jcm->nocm"),
    "nhwc_hwc": ([1, 2], [0, 1], "nabcij,ijc->nabc"),
    "nchw_chw": ([2, 3], [1, 2], "ncabij,cij->ncab"),
    "nhwc_hwcm": ([1, 2], [0, 1], "nabcij,ijcm->nabcm"),
    "ndhwc_dhwc": ([1, 2, 3], [0, 1, 2], "nabdcijk,ijkc->nabdc"),
    # Channel mixing: C in, F out.
    "nwc_wcf": ([1], [0], "nocj,jcf->nof"),
    "ncw_fcw": ([2], [2], "ncoj,fcj->nfo"),
    "nhwc_hwcf": ([1, 2], [0, 1], "nabcij,ijcf->nabf"),
    "nhwc_fhwc": ([1, 2], [1, 2], "nabcij,fijc->nabf"),
    "nchw_fchw": ([2, 3], [2, 3], "ncabij,fcij->nfab"),
}


def linalg_conv(attrs, x, k, init):
    axes, kernel_axes, contraction = LINALG_CONVS[attrs["kind"]]
    pads = ints(attrs["pad"]) if "pad" in attrs else [0] * (2 * len(axes))
    widths = [(0, 0)] * x.ndim
    for i, axis in enumerate(axes):
        widths[axis] = (pads[2 * i], pads[2 * i + 1])
    x = np.pad(x, widths)
    window = [k.shape[a] for a in kernel_axes]
    views = np.lib.stride_tricks.sliding_window_view(x, window, axis=axes)
    return np.einsum(contraction, views, k) + init


def tosa_dft(x, height, width, sign, out_width):
    """TOSA's FFT2D / RFFT2D sums: angle sign * 2 pi (iy oy % H / H +
    ix ox % W / W), accumulated as x * (cos a - i sin a), over N x H x W."""
    oy, iy = np.arange(height)[:, None], np.arange(height)[None, :]
    ox, ix = np.arange(out_width)[:, None], np.arange(width)[None, :]
    angle_y = sign * 2 * np.pi * ((oy * iy) % height) / height
    angle_x = sign * 2 * np.pi * ((ox * ix) % width) / width
    # exp(-i (ay + ax)) factors into a row and a column matrix.
    rows = np.exp(-1j * angle_y)
    cols = np.exp(-1j * angle_x)
    return np.einsum("yh,nhw,xw->nyx", rows, x.astype(complex), cols)


def tosa_reference(op, attrs, operands):
    if op == "tosa_rfft2d":
        x = operands[0]
        _, height, width = x.shape
        return tosa_dft(x, height, width, 1.0, width // 2 + 1)
    x = operands[0] + 1j * operands[1]
    _, height, width = x.shape
    sign = -1.0 if attrs.get("inverse", "0") == "1" else 1.0
    return tosa_dft(x, height, width, sign, width)


def reference(op, attrs, operands, result_shape):
    norm = attrs.get("norm", "backward")
    x = operands[0]
    if op == "fft":
        return np.fft.fftn(x, axes=axes_of(attrs, x), norm=norm)
    if op == "ifft":
        return np.fft.ifftn(x, axes=axes_of(attrs, x), norm=norm)
    if op == "rfft":
        return np.fft.rfftn(x, axes=axes_of(attrs, x), norm=norm)
    if op == "irfft":
        axes = axes_of(attrs, x)
        lengths = [x.shape[a] for a in axes]
        lengths[-1] = int(attrs["n"])
        return np.fft.irfftn(x, s=lengths, axes=axes, norm=norm)
    if op == "mix":
        axis = int(attrs["axis"])
        filt = operands[1]
        if filt.ndim == 1:
            shape = [1] * x.ndim
            shape[axis] = filt.shape[0]
            filt = filt.reshape(shape)
        spectrum = np.fft.rfft(x, axis=axis) * filt
        return np.fft.irfft(spectrum, n=x.shape[axis], axis=axis)
    if op == "mode_mix":
        axes = ints(attrs["axes"])
        return mode_mix_reference(x, operands[1], axes, int(attrs["channel"]),
                                  ints(attrs["modes"]),
                                  [result_shape[a] for a in axes], norm)
    if op == "resample":
        axes = ints(attrs["axes"])
        return resample_reference(x, axes, [result_shape[a] for a in axes])
    if op == "conv":
        axes = axes_of(attrs, x)
        k = operands[1]
        full = direct_convolution(x, k, axes)
        mode = attrs.get("mode", "full")
        if mode == "full":
            return full
        index = [slice(None)] * x.ndim
        for a in axes:
            start = (k.shape[a] - 1) // 2 if mode == "same" else 0
            index[a] = slice(start, start + x.shape[a])
        return full[tuple(index)]
    if op == "roundtrip":
        return Layout(attrs).roundtrip(x)
    if op == "scale":
        return Layout(attrs).roundtrip(x) * float(attrs["factor"])
    if op == "matmul":
        return x @ Layout(attrs).roundtrip(operands[1])
    if op == "add":
        layout = Layout(attrs)
        b = operands[1]
        out = np.zeros_like(x)
        for tile in layout.tiles(x.shape):
            sa, sb = layout.forward(x[tile]), layout.forward(b[tile])
            total = (layout.keep_only(sa, layout.select(sa, layout.keep)) +
                     layout.keep_only(sb, layout.select(sb, int(attrs["keep_b"]))))
            kept = layout.keep_only(total,
                                    layout.select(total, int(attrs["keep_out"])))
            out[tile] = layout.inverse(kept, True)
        return out
    if op == "energy":
        return np.array(np.sum(np.abs(x) ** 2))
    if op == "tosa_depthwise":
        top, bottom, left, right = ints(attrs["pad"])
        y = linalg_conv({"kind": "nhwc_hwcm",
                         "pad": f"{top},{bottom},{left},{right}"},
                        x, operands[1], 0.0)
        return y.reshape(y.shape[:3] + (-1,)) + operands[2]
    if op == "tosa_conv2d":
        return linalg_conv({"kind": "nhwc_fhwc", "pad": attrs["pad"]}, x,
                           operands[1], 0.0) + operands[2]
    if op == "linalg_conv":
        return linalg_conv(attrs, x, operands[1], operands[2])
    if op == "dense_matmul":
        return x @ operands[1]
    if op == "elementwise":
        return UNARY[attrs["fn"]](x.astype(np.complex128))
    if op == "math":
        return real_function(attrs["fn"])(x.astype(np.float64))
    if op == "elementwise2":
        return BINARY[attrs["fn"]](x.astype(np.complex128),
                                   operands[1].astype(np.complex128))
    if op == "close":
        return x
    if op == "slice":
        offsets = ints(attrs["offsets"])
        return x[tuple(slice(o, o + n) for o, n in zip(offsets, result_shape))]
    sys.exit(f"unknown op '{op}'")


def storage_reference(attrs, x):
    """Coefficients and positions (T x K) numpy selects for `x`."""
    layout = Layout(attrs)
    coeffs, positions = [], []
    for tile in layout.tiles(x.shape):
        spectrum = layout.forward(x[tile])
        chosen = layout.select(spectrum, layout.keep)
        positions.append(chosen)
        coeffs.append([spectrum.flat[p] for p in chosen])
    return np.array(coeffs), np.array(positions)


def decompress_adjoint_reference(attrs, x, g):
    """The cotangent of the coefficients numpy keeps for `x`: per tile,
    w(p) / N times the forward transform of `g`'s tile at each kept p."""
    layout = Layout(attrs)
    transformed = int(np.prod([layout.tile[a] for a in layout.axes]))
    rows = []
    for tile in layout.tiles(x.shape):
        spectrum = layout.forward(x[tile])
        g_spectrum = layout.forward(g[tile])
        chosen = layout.select(spectrum, layout.keep)
        rows.append([layout.weight(np.unravel_index(p, g_spectrum.shape))
                     / transformed * g_spectrum.flat[p] for p in chosen])
    return np.array(rows)


# Printed operands and results of each case, in print order.
# The complex dialect's elementwise ops, as numpy computes them.
UNARY = {"conj": np.conj, "neg": np.negative, "exp": np.exp,
         "expm1": np.expm1, "log": np.log, "log1p": np.log1p,
         "sqrt": np.sqrt, "rsqrt": lambda z: 1 / np.sqrt(z), "sin": np.sin,
         "cos": np.cos, "tan": np.tan, "tanh": np.tanh,
         "sign": lambda z: np.where(z == 0, 0, z / np.where(z == 0, 1, np.abs(z))),
         "abs": np.abs, "angle": np.angle}
BINARY = {"div": np.divide, "pow": np.power,
          # complex.atan2 is the complex extension of atan2(y, x).
          "atan2": lambda y, x: -1j * np.log((x + 1j * y) / np.sqrt(x * x + y * y))}

def real_function(name):
    """numpy's (or scipy's) function of the math dialect's op `name`."""
    import scipy.special
    special = {"erf": scipy.special.erf, "erfc": scipy.special.erfc}
    if name in special:
        return special[name]
    return {"asinh": np.arcsinh, "atan": np.arctan}.get(name) or getattr(np, name)


OPERANDS = {"fft": 1, "ifft": 1, "rfft": 1, "irfft": 1, "mix": 2, "conv": 2,
            "mode_mix": 2, "resample": 1,
            "roundtrip": 1, "storage": 1, "scale": 1, "matmul": 2, "add": 2,
            "energy": 1, "slice": 1, "dense_matmul": 2, "close": 1,
            "tosa_rfft2d": 1, "tosa_fft2d": 2, "linalg_conv": 3, "tosa_depthwise": 3,
            "tosa_conv2d": 3, "decompress_adjoint": 2, "adjoint": 3,
            "elementwise": 1, "elementwise2": 2, "math": 1}
RESULTS = {"storage": 2, "tosa_rfft2d": 2, "tosa_fft2d": 2}


def main():
    arrays = parse_memrefs(sys.stdin.read())
    cases = [parse_case(c) for c in sys.argv[1:]]
    needed = sum(OPERANDS[op] + RESULTS.get(op, 1) for op, _ in cases)
    if len(arrays) != needed:
        sys.exit(f"expected {needed} printed memrefs for {len(cases)} cases, "
                 f"got {len(arrays)}")
    failures = 0
    position = 0
    for op, attrs in cases:
        count = OPERANDS[op]
        operands = arrays[position:position + count]
        results = arrays[position + count:position + count + RESULTS.get(op, 1)]
        position += count + len(results)
        name = op + "".join(f" {k}={v}" for k, v in attrs.items())
        if op == "storage":
            want_coeffs, want_positions = storage_reference(attrs, operands[0])
            if results[1].shape != want_positions.shape or \
                    not np.array_equal(results[1], want_positions):
                print(f"FAIL {name}: positions\n{results[1]}\nexpected\n"
                      f"{want_positions}")
                failures += 1
                continue
            pairs = [(results[0], want_coeffs)]
        elif op == "adjoint":
            # A dot-product test of a gradient: for f linear in the operand,
            # <g, f(d)> = Re <grad, d> for the cotangent g, any direction d
            # and grad the gradient at g (PyTorch's convention).
            g, f_d, d = operands
            lhs = np.real(np.vdot(g.ravel(), f_d.ravel()))
            rhs = np.real(np.vdot(results[0].ravel(), d.ravel()))
            scale = np.linalg.norm(g) * np.linalg.norm(f_d)
            if scale == 0:
                sys.exit(f"{name}: the cotangent or f(d) is all zeros; the "
                         "test data is too weak")
            error = abs(lhs - rhs) / scale
            status = "PASS" if error <= float(attrs.get("tol", REL_TOL)) else "FAIL"
            failures += status == "FAIL"
            print(f"{status} {name} <g, f(d)>={lhs:.6g} <grad, d>={rhs:.6g} "
                  f"rel_error={error:.2e}")
            continue
        elif op == "decompress_adjoint":
            pairs = [(results[0], decompress_adjoint_reference(attrs, *operands))]
        elif op in ("tosa_rfft2d", "tosa_fft2d"):
            if results[0].shape != results[1].shape:
                print(f"FAIL {name}: real part {results[0].shape}, imaginary "
                      f"part {results[1].shape}")
                failures += 1
                continue
            pairs = [(results[0] + 1j * results[1],
                      tosa_reference(op, attrs, operands))]
        else:
            pairs = [(results[0], reference(op, attrs, operands, results[0].shape))]
        for got, want in pairs:
            if got.shape != want.shape:
                print(f"FAIL {name}: shape {got.shape}, expected {want.shape}")
                failures += 1
                continue
            scale = np.linalg.norm(want)
            if scale == 0:
                sys.exit(f"{name}: the reference is all zeros; the test data "
                         "is too weak")
            error = np.linalg.norm(got - want) / scale
            status = "PASS" if error <= float(attrs.get("tol", REL_TOL)) else "FAIL"
            failures += status == "FAIL"
            print(f"{status} {name} shape={list(got.shape)} rel_error={error:.2e}")
    print(f"{len(cases) - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
