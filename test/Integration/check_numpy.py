#!/usr/bin/python3
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


def reference(op, attrs, operands):
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
    sys.exit(f"unknown op '{op}'")


OPERANDS = {"fft": 1, "ifft": 1, "rfft": 1, "irfft": 1, "mix": 2, "conv": 2}


def main():
    arrays = parse_memrefs(sys.stdin.read())
    cases = [parse_case(c) for c in sys.argv[1:]]
    needed = sum(OPERANDS[op] + 1 for op, _ in cases)
    if len(arrays) != needed:
        sys.exit(f"expected {needed} printed memrefs for {len(cases)} cases, "
                 f"got {len(arrays)}")
    failures = 0
    position = 0
    for op, attrs in cases:
        count = OPERANDS[op]
        operands = arrays[position:position + count]
        got = arrays[position + count]
        position += count + 1
        want = reference(op, attrs, operands)
        name = op + "".join(f" {k}={v}" for k, v in attrs.items())
        if got.shape != want.shape:
            print(f"FAIL {name}: shape {got.shape}, expected {want.shape}")
            failures += 1
            continue
        scale = np.linalg.norm(want)
        if scale == 0:
            sys.exit(f"{name}: the reference is all zeros; the test data is too weak")
        error = np.linalg.norm(got - want) / scale
        status = "PASS" if error <= REL_TOL else "FAIL"
        failures += status == "FAIL"
        print(f"{status} {name} shape={list(got.shape)} rel_error={error:.2e}")
    print(f"{len(cases) - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
