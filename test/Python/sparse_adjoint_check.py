#!/usr/bin/env python3
"""Executed test of the gradients through sparse spectral tensors:
spectral.decompress (its adjoint, spectral.decompress_adjoint), assemble,
coefficients and scale, as spectral-differentiate builds them, on the CPU
pipeline.

Each case decompresses coefficients at fixed, valid positions (random
canonical bins per tile). The forward is checked against numpy: per tile,
the coefficients written into a zero spectrum with the conjugate partners
of the Hermitian planes restored, then irfftn / ifftn. The gradient of the
coefficients is checked against PyTorch's autograd through the same
construction and against central finite differences of the compiled
forward (neural_operator_check.check_cases).

usage: sparse_adjoint_check.py WORKDIR [--sst-compile PATH]
"""
import os
import sys
import zlib

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from neural_operator_check import main, mlir_type, torch  # noqa: E402
from check_numpy import Layout as SSTLayout  # noqa: E402


class Layout(SSTLayout):
    """check_numpy.py's tile layout (conjugate partners, candidate bins) of
    a dense shape, and what scatter writes."""

    def __init__(self, shape, tile, axes, transform):
        super().__init__({"tile": ",".join(map(str, tile)),
                          "axes": ",".join(map(str, axes)),
                          "transform": transform, "keep": "0"})
        self.shape, self.transform = list(shape), transform
        self.grid = [s // t for s, t in zip(shape, tile)]
        self.spectrum = list(self.forward(np.zeros(tile)).shape)

    @property
    def num_tiles(self):
        return int(np.prod(self.grid))

    def candidates(self):
        """Positions that a tile may keep: for rfft, one of each pair."""
        return [flat for flat, index in enumerate(np.ndindex(*self.spectrum))
                if self.weight(index)]

    def entries(self, flat, c, real, conj):
        """(flat position, value) pairs that scatter writes for `c`."""
        index = np.unravel_index(flat, self.spectrum)
        p = self.partner(tuple(int(i) for i in index))
        if p is None:
            return [(flat, c)]
        if p == tuple(int(i) for i in index):
            return [(flat, real(c))]
        return [(flat, c), (int(np.ravel_multi_index(p, self.spectrum)), conj(c))]

    def tiles_to_dense(self, tiles, reshape, permute):
        """(T, tile...) -> the dense shape, tiles in row-major grid order."""
        r = len(self.shape)
        x = reshape(tiles, self.grid + self.tile)
        x = permute(x, [k for d in range(r) for k in (d, r + d)])
        return reshape(x, self.shape)


class DecompressCase:
    """decompress(scale?(assemble(c, P))) [* x], P a constant, or with
    `positions_argument` an argument (integers: not differentiated)."""

    def __init__(self, name, shape, tile, axes, transform, keep, element,
                 scale=None, times_dense=False, positions_argument=False):
        self.name, self.keep, self.element = name, keep, element
        self.layout = Layout(shape, tile, axes, transform)
        self.scale, self.times_dense = scale, times_dense
        self.positions_argument = positions_argument
        rng = np.random.default_rng(zlib.crc32(name.encode()))
        cands = self.layout.candidates()
        if keep is None:  # every candidate
            keep = self.keep = len(cands)
        self.positions = np.stack([
            np.sort(rng.choice(cands, keep, replace=False))
            for _ in range(self.layout.num_tiles)]).astype(np.int32)
        self.torch_forward = self._torch if torch is not None else None

    def sst_type(self):
        lay = self.layout
        el = {np.float32: "f32", np.complex64: "complex<f32>"}[self.element]
        shape = "x".join(map(str, lay.shape))
        return (f"!spectral.sst<{shape}x{el}, keep = {self.keep}, "
                f"transform = {lay.transform}, axes = {lay.axes}, "
                f"tile = {lay.tile}>")

    def mlir(self):
        lay, k = self.layout, self.keep
        c_t = f"tensor<{lay.num_tiles}x{k}xcomplex<f32>>"
        p_t = f"tensor<{lay.num_tiles}x{k}xi32>"
        s_t = self.sst_type()
        y_t = mlir_type(lay.shape, self.element)
        if self.positions_argument:
            params = f"%c: {c_t}, %p: {p_t}"
            body = f"""
  %s0 = spectral.assemble %c, %p : {c_t}, {p_t} -> {s_t}"""
        else:
            params = f"%c: {c_t}"
            rows = ", ".join("[" + ", ".join(map(str, r)) + "]"
                             for r in self.positions)
            body = f"""
  %p = arith.constant dense<[{rows}]> : {p_t}
  %s0 = spectral.assemble %c, %p : {c_t}, {p_t} -> {s_t}"""
        if self.scale is not None:
            body += f"""
  %f = arith.constant {self.scale} : f32
  %s = spectral.scale %s0, %f : {s_t}, f32"""
        src = "%s" if self.scale is not None else "%s0"
        body += f"""
  %y = spectral.decompress {src} : {s_t}"""
        result = "%y"
        if self.times_dense:
            params += f", %x: {y_t}"
            body += f"""
  %e = tensor.empty() : {y_t}
  %z = linalg.mul ins(%y, %x : {y_t}, {y_t}) outs(%e : {y_t}) -> {y_t}"""
            result = "%z"
        return f"""
func.func @{self.name}({params}) -> {y_t}
    attributes {{spectral.gradient = @{self.name}_vjp}} {{{body}
  return {result} : {y_t}
}}
"""

    def inputs(self, rng):
        lay = self.layout
        c = (rng.standard_normal((lay.num_tiles, self.keep))
             + 1j * rng.standard_normal((lay.num_tiles, self.keep)))
        values = [c.astype(np.complex64)]
        if self.positions_argument:
            values.append(self.positions.copy())
        if self.times_dense:
            x = rng.standard_normal(lay.shape)
            if self.element == np.complex64:
                x = x + 1j * rng.standard_normal(lay.shape)
            values.append(x.astype(self.element))
        return values

    @property
    def grad_inputs(self):
        # Positions, an integer argument, have no gradient.
        indices = [0]
        if self.times_dense:
            indices.append(2 if self.positions_argument else 1)
        return indices

    def result_types(self):
        return [(len(self.layout.shape), self.element)]

    def grad_types(self):
        types = [(2, np.complex64)]
        if self.times_dense:
            types.append((len(self.layout.shape), self.element))
        return types

    def _dense(self, coeffs, backend):
        """The decompressed tensor, with `backend` numpy or torch."""
        lay = self.layout
        T, S = lay.num_tiles, int(np.prod(lay.spectrum))
        s = [lay.tile[a] for a in lay.axes]
        tiles = []
        for t in range(T):
            pos, val = [], []
            for k in range(self.keep):
                for p, v in lay.entries(int(self.positions[t, k]), coeffs[t, k],
                                        backend.real_part, backend.conj):
                    pos.append(p)
                    val.append(v)
            spectrum = backend.reshape(backend.put(S, pos, val), lay.spectrum)
            if lay.transform == "rfft":
                tile = backend.irfftn(spectrum, s, lay.axes)
            else:
                tile = backend.ifftn(spectrum, lay.axes)
                if self.element == np.float32:
                    tile = backend.real(tile)
            tiles.append(tile)
        dense = lay.tiles_to_dense(backend.stack(tiles), backend.reshape,
                                   backend.permute)
        return dense * (self.scale if self.scale is not None else 1.0)

    def _apply(self, backend, coeffs, rest):
        if self.positions_argument:
            rest = rest[1:]
        y = self._dense(coeffs, backend)
        return y * rest[0] if self.times_dense else y

    def reference(self, coeffs, *rest):
        return self._apply(NumpyBackend, coeffs.astype(np.complex128), rest)

    def _torch(self, coeffs, *rest):
        return self._apply(TorchBackend, coeffs, rest)


class NumpyBackend:
    real_part = staticmethod(lambda c: complex(np.real(c)))
    conj = staticmethod(np.conj)
    real = staticmethod(np.real)
    reshape = staticmethod(lambda x, shape: np.reshape(x, shape))
    permute = staticmethod(np.transpose)
    stack = staticmethod(np.stack)

    @staticmethod
    def put(size, positions, values):
        out = np.zeros(size, np.complex128)
        out[positions] = values
        return out

    @staticmethod
    def irfftn(x, s, axes):
        return np.fft.irfftn(x, s=s, axes=axes)

    @staticmethod
    def ifftn(x, axes):
        return np.fft.ifftn(x, axes=axes)


class TorchBackend:
    real_part = staticmethod(lambda c: torch.complex(torch.real(c), torch.zeros_like(torch.real(c))))
    conj = staticmethod(lambda c: torch.conj(c))
    real = staticmethod(lambda x: torch.real(x))
    reshape = staticmethod(lambda x, shape: torch.reshape(x, shape))
    permute = staticmethod(lambda x, perm: x.permute(perm))
    stack = staticmethod(lambda xs: torch.stack(xs))

    @staticmethod
    def put(size, positions, values):
        out = torch.zeros(size, dtype=torch.complex64)
        return out.index_put((torch.tensor(positions),), torch.stack(values))

    @staticmethod
    def irfftn(x, s, axes):
        return torch.fft.irfftn(x, s=s, dim=axes)

    @staticmethod
    def ifftn(x, axes):
        return torch.fft.ifftn(x, dim=axes)


F32, C64 = np.float32, np.complex64
CASES = [
    # rfft over both axes of row tiles: pairs on the k = 0 and k = 8 planes,
    # self-conjugate bins among the candidates.
    DecompressCase("rfft_rows", [8, 16], [4, 16], [0, 1], "rfft", 7, F32),
    # An odd halved length over one axis, 2-D tiles (a transposed tiling),
    # scaled, times a dense operand.
    DecompressCase("rfft_odd_scaled", [6, 30], [2, 15], [1], "rfft", 4, F32,
                   scale=2.5, times_dense=True),
    # A prime tile, every candidate kept, three axes.
    DecompressCase("rfft_all", [2, 5, 6], [2, 5, 6], [0, 1, 2], "rfft", None, F32),
    # fft of complex data, 2-D tiles; fft of real data (the real part).
    DecompressCase("fft_complex", [6, 10], [3, 5], [0, 1], "fft", 6, C64,
                   times_dense=True),
    DecompressCase("fft_real", [4, 9], [4, 9], [0, 1], "fft", 7, F32),
    # Positions as an argument.
    DecompressCase("positions_argument", [4, 12], [2, 12], [1], "rfft", 5, F32,
                   positions_argument=True, times_dense=True),
]


if __name__ == "__main__":
    main(CASES)
