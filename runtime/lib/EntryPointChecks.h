//===- EntryPointChecks.h - Checked arguments of entry points ---*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The complete argument checks of every compute entry point, shared by the
// CPU runtime and the CUDA runtime so that both accept exactly the same
// calls and word every rejection the same way (only the function name in the
// message differs). They read descriptors and compare addresses only, never
// data, so they apply to device pointers too; the checks that need data
// (top-k's candidate count, scatter's and gather's positions) take host
// arrays.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_ENTRYPOINTCHECKS_H
#define SPECTRAL_RUNTIME_LIB_ENTRYPOINTCHECKS_H

#include "spectral-core/MemRefView.h"
#include "spectral-core/Normalization.h"
#include "spectral-core/TileSelection.h"
#include "spectral-core/TileSpectrum.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <complex>
#include <cstdint>

namespace mlir {
namespace spectral {
namespace runtime {

/// Outcome of a check: an error was reported, there is nothing to compute
/// (the outputs are empty), or the entry point has work to do.
enum class Checked { Error, Empty, Run };

//===----------------------------------------------------------------------===//
// Dense transforms
//===----------------------------------------------------------------------===//

/// For Real = float or double.
template <typename Real>
Checked checkC2C(const char *function,
                 ::UnrankedMemRefType<std::complex<Real>> *in,
                 ::UnrankedMemRefType<std::complex<Real>> *out,
                 int64_t axesMask, int32_t inverse, int32_t norm,
                 core::MemRefView<std::complex<Real>> &input,
                 core::MemRefView<std::complex<Real>> &output);

template <typename Real>
Checked checkR2C(const char *function, ::UnrankedMemRefType<Real> *in,
                 ::UnrankedMemRefType<std::complex<Real>> *out,
                 int64_t axesMask, int64_t halvedAxis, int32_t norm,
                 core::MemRefView<Real> &input,
                 core::MemRefView<std::complex<Real>> &output);

/// With `mayOverwriteInput`, `in` must not overlap itself either.
template <typename Real>
Checked checkC2R(const char *function,
                 ::UnrankedMemRefType<std::complex<Real>> *in,
                 ::UnrankedMemRefType<Real> *out, int64_t axesMask,
                 int64_t halvedAxis, int32_t norm, bool mayOverwriteInput,
                 core::MemRefView<std::complex<Real>> &input,
                 core::MemRefView<Real> &output);

/// The filtered round trip: `in` and `out` real of one shape, `filter`
/// the half spectrum's shape with any dimension 1.
template <typename Real>
Checked checkFilter(const char *function, ::UnrankedMemRefType<Real> *in,
                    ::UnrankedMemRefType<std::complex<Real>> *filter,
                    ::UnrankedMemRefType<Real> *out, int64_t axesMask,
                    int64_t halvedAxis, int32_t forwardNorm,
                    int32_t inverseNorm, core::MemRefView<Real> &input,
                    core::MemRefView<std::complex<Real>> &filterView,
                    core::MemRefView<Real> &output);

//===----------------------------------------------------------------------===//
// Sparse spectral storage
//===----------------------------------------------------------------------===//

/// The operands of top-k, scatter and gather once their descriptors are
/// read and checked: the tile spectra (T x S), the kept coefficients and
/// their positions (T x K), the tile spectrum's shape, and the tile rule
/// built from that shape and the layout scalars.
struct SparseOperands {
  core::MemRefView<core::complex32> spectrum;
  core::MemRefView<core::complex32> coeffs;
  core::MemRefView<int64_t> positions;
  core::MemRefView<int64_t> tileShape;
  core::TileSpectrum tile;
};

/// Everything top-k checks before it looks at the data. Returns Empty if
/// there are no tiles or K is 0 (the K bound still has to be checked).
Checked checkTopK(const char *function,
                  ::StridedMemRefType<core::complex32, 2> *spectrum,
                  ::StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                  const core::TileLayout &layout,
                  ::StridedMemRefType<core::complex32, 2> *coeffs,
                  ::StridedMemRefType<int64_t, 2> *positions,
                  SparseOperands &operands);

/// Checks that K does not exceed the number of candidates of a tile.
bool checkNumKept(const char *function, int64_t k, int64_t numCandidates);

/// Everything scatter checks before it looks at the positions. Returns
/// Empty if there are no tiles.
Checked checkScatter(const char *function,
                     ::StridedMemRefType<core::complex32, 2> *coeffs,
                     ::StridedMemRefType<int64_t, 2> *positions,
                     ::StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                     const core::TileLayout &layout,
                     ::StridedMemRefType<core::complex32, 2> *spectrum,
                     SparseOperands &operands);

/// Everything gather checks before it looks at the positions: scatter's
/// checks with the spectrum read and coeffs written. Returns Empty if there
/// are no tiles or K is 0.
Checked checkGather(const char *function,
                    ::StridedMemRefType<core::complex32, 2> *spectrum,
                    ::StridedMemRefType<int64_t, 2> *positions,
                    ::StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                    const core::TileLayout &layout,
                    ::StridedMemRefType<core::complex32, 2> *coeffs,
                    SparseOperands &operands);

/// Checks every position (a host view) of a scatter (`use` Write) or a
/// gather (Read) before anything is written: in range, and no bin named
/// twice by one tile (directly or as a conjugate partner), since a
/// scatter's later write would silently win. `writer` is work space of S
/// entries.
bool checkPositions(const char *function, const core::TileSpectrum &tile,
                    const core::MemRefView<int64_t> &positions, int64_t *writer,
                    core::PositionUse use);

/// The check of a dynamic spectral.decompress_tiles offset: `offset` along
/// `dim` must be a non-negative multiple of `tile` and at most `limit`.
bool checkTileOffset(const char *function, int64_t dim, int64_t offset,
                     int64_t tile, int64_t limit);

/// The check of a dynamic size (spectral_check_size): `found` must equal
/// `expected`; `op` and `operand` index kCheckedOps and kCheckedOperands.
bool checkSize(const char *function, int32_t op, int32_t operand, int64_t dim,
               int64_t found, int64_t expected);

//===----------------------------------------------------------------------===//
// Dense linear algebra
//===----------------------------------------------------------------------===//

/// Checks the shapes and overlaps of C += A * B. Returns Empty if M, N or K
/// is 0 (linalg.matmul then writes nothing).
Checked checkGemmShapes(const char *function, const core::Layout &lhs,
                        const void *lhsData, const core::Layout &rhs,
                        const void *rhsData, const core::Layout &out,
                        const void *outData, size_t elementSize);

template <typename T>
Checked checkGemm(const char *function, ::StridedMemRefType<T, 2> *a,
                  ::StridedMemRefType<T, 2> *b, ::StridedMemRefType<T, 2> *c,
                  core::MemRefView<T> &lhs, core::MemRefView<T> &rhs,
                  core::MemRefView<T> &out);

/// Storage order in which BLAS reads a matrix.
enum class MatrixOrder { RowMajor, ColMajor };

/// Sets `ld` and returns true if BLAS can read the `rows` x `cols` matrix
/// with `strides` in place in storage `order`. A stride matters only along
/// a dimension of size > 1, and BLAS wants a leading dimension of at least
/// max(1, length of a contiguous line) and at most INT_MAX.
bool describeMatrix(MatrixOrder order, int64_t rows, int64_t cols,
                    const int64_t *strides, int &ld);

} // namespace runtime
} // namespace spectral
} // namespace mlir

#include "DescriptorChecks.h"

template <typename T>
mlir::spectral::runtime::Checked mlir::spectral::runtime::checkGemm(
    const char *function, ::StridedMemRefType<T, 2> *a,
    ::StridedMemRefType<T, 2> *b, ::StridedMemRefType<T, 2> *c,
    core::MemRefView<T> &lhs, core::MemRefView<T> &rhs,
    core::MemRefView<T> &out) {
  if (!readRanked(function, "A", a, lhs) ||
      !readRanked(function, "B", b, rhs) || !readRanked(function, "C", c, out))
    return Checked::Error;
  return checkGemmShapes(function, lhs, lhs.data, rhs, rhs.data, out, out.data,
                         sizeof(T));
}

#endif // SPECTRAL_RUNTIME_LIB_ENTRYPOINTCHECKS_H
