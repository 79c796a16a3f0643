//===- EntryPointChecks.cpp - Checked arguments of the entry points -------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "EntryPointChecks.h"
#include "DescriptorChecks.h"
#include "spectral-core/TileSelection.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

//===----------------------------------------------------------------------===//
// Dense transforms
//===----------------------------------------------------------------------===//

namespace {

bool checkSameRank(const char *function, const Layout &in, const Layout &out) {
  if (in.rank == out.rank)
    return true;
  reportError(function, "input has rank %lld but output has rank %lld",
              static_cast<long long>(in.rank),
              static_cast<long long>(out.rank));
  return false;
}

/// Checks that every dimension but `halvedAxis` (-1 for none) has the same
/// size in `in` and `out`, which have the same rank.
bool checkShapes(const char *function, const Layout &in, const Layout &out,
                 int64_t halvedAxis) {
  for (int64_t d = 0; d < in.rank; ++d) {
    if (d == halvedAxis || in.sizes[d] == out.sizes[d])
      continue;
    reportError(function,
                "output dimension %lld has size %lld, expected %lld (the "
                "input size)",
                static_cast<long long>(d), static_cast<long long>(out.sizes[d]),
                static_cast<long long>(in.sizes[d]));
    return false;
  }
  return true;
}

/// Checks that every transformed dimension of `real` (the array with the
/// full lengths) is non-empty: a DFT of length 0 is undefined.
bool checkTransformedLengths(const char *function, const char *what,
                             const Layout &real, int64_t axesMask) {
  for (int64_t d = 0; d < real.rank; ++d) {
    if (isTransformed(axesMask, d) && real.sizes[d] == 0) {
      reportError(function, "%s dimension %lld is transformed but has size 0",
                  what, static_cast<long long>(d));
      return false;
    }
  }
  return true;
}

/// Checks that the halved axis of the complex side has n/2+1 bins.
bool checkHalvedLength(const char *function, const char *what,
                       const Layout &complexSide, const Layout &realSide,
                       int64_t halvedAxis) {
  int64_t n = realSide.sizes[halvedAxis];
  if (complexSide.sizes[halvedAxis] == n / 2 + 1)
    return true;
  reportError(function,
              "%s dimension %lld has size %lld, expected %lld (n/2+1 for n = "
              "%lld)",
              what, static_cast<long long>(halvedAxis),
              static_cast<long long>(complexSide.sizes[halvedAxis]),
              static_cast<long long>(n / 2 + 1), static_cast<long long>(n));
  return false;
}

/// Validates the layout arguments of top-k and scatter into `tile`.
bool initTile(const char *function, const MemRefView<int64_t> &shape,
              const TileLayout &layout, TileSpectrum &tile) {
  ErrorMessage error;
  return succeededOrReport(tile.init(shape, layout, error), function, error);
}

} // namespace

template <typename Real>
Checked mlir::spectral::runtime::checkC2C(
    const char *function, ::UnrankedMemRefType<std::complex<Real>> *in,
    ::UnrankedMemRefType<std::complex<Real>> *out, int64_t axesMask,
    int32_t inverse, int32_t norm, MemRefView<std::complex<Real>> &input,
    MemRefView<std::complex<Real>> &output) {
  if (!readUnranked(function, "input", in, input) ||
      !readUnranked(function, "output", out, output) ||
      !checkSameRank(function, input, output) ||
      !checkAxesMask(function, axesMask, input.rank) ||
      !checkNorm(function, norm) ||
      !checkShapes(function, input, output, /*halvedAxis=*/-1))
    return Checked::Error;
  if (inverse != 0 && inverse != 1) {
    reportError(function, "inverse is %d; expected 0 (forward) or 1 (inverse)",
                inverse);
    return Checked::Error;
  }
  if (!checkTransformedLengths(function, "input", input, axesMask) ||
      !checkNoSelfOverlap(function, "output", output))
    return Checked::Error;
  if (output.numElements() == 0)
    return Checked::Empty;
  if (!checkDisjoint(function, "input", input, "output", output))
    return Checked::Error;
  return Checked::Run;
}

template <typename Real>
Checked mlir::spectral::runtime::checkR2C(
    const char *function, ::UnrankedMemRefType<Real> *in,
    ::UnrankedMemRefType<std::complex<Real>> *out, int64_t axesMask,
    int64_t halvedAxis, int32_t norm, MemRefView<Real> &input,
    MemRefView<std::complex<Real>> &output) {
  if (!readUnranked(function, "input", in, input) ||
      !readUnranked(function, "output", out, output) ||
      !checkSameRank(function, input, output) ||
      !checkAxesMask(function, axesMask, input.rank) ||
      !checkHalvedAxis(function, halvedAxis, axesMask, input.rank) ||
      !checkNorm(function, norm) ||
      !checkShapes(function, input, output, halvedAxis) ||
      !checkHalvedLength(function, "output", output, input, halvedAxis) ||
      !checkTransformedLengths(function, "input", input, axesMask) ||
      !checkNoSelfOverlap(function, "output", output))
    return Checked::Error;
  if (output.numElements() == 0)
    return Checked::Empty;
  if (!checkDisjoint(function, "input", input, input.data, sizeof(Real),
                     "output", output, output.data, sizeof(std::complex<Real>)))
    return Checked::Error;
  return Checked::Run;
}

template <typename Real>
Checked mlir::spectral::runtime::checkC2R(
    const char *function, ::UnrankedMemRefType<std::complex<Real>> *in,
    ::UnrankedMemRefType<Real> *out, int64_t axesMask, int64_t halvedAxis,
    int32_t norm, bool mayOverwriteInput, MemRefView<std::complex<Real>> &input,
    MemRefView<Real> &output) {
  if (!readUnranked(function, "input", in, input) ||
      !readUnranked(function, "output", out, output) ||
      !checkSameRank(function, input, output) ||
      !checkAxesMask(function, axesMask, input.rank) ||
      !checkHalvedAxis(function, halvedAxis, axesMask, input.rank) ||
      !checkNorm(function, norm) ||
      !checkShapes(function, input, output, halvedAxis) ||
      !checkHalvedLength(function, "input", input, output, halvedAxis) ||
      !checkTransformedLengths(function, "output", output, axesMask) ||
      !checkNoSelfOverlap(function, "output", output))
    return Checked::Error;
  if (output.numElements() == 0)
    return Checked::Empty;
  if (!checkDisjoint(function, "input", input, input.data,
                     sizeof(std::complex<Real>), "output", output, output.data,
                     sizeof(Real)))
    return Checked::Error;
  if (mayOverwriteInput && !checkNoSelfOverlap(function, "input", input))
    return Checked::Error;
  return Checked::Run;
}

template <typename Real>
Checked mlir::spectral::runtime::checkFilter(
    const char *function, ::UnrankedMemRefType<Real> *in,
    ::UnrankedMemRefType<std::complex<Real>> *filter,
    ::UnrankedMemRefType<Real> *out, int64_t axesMask, int64_t halvedAxis,
    int32_t forwardNorm, int32_t inverseNorm, MemRefView<Real> &input,
    MemRefView<std::complex<Real>> &filterView, MemRefView<Real> &output) {
  if (!readUnranked(function, "input", in, input) ||
      !readUnranked(function, "filter", filter, filterView) ||
      !readUnranked(function, "output", out, output) ||
      !checkSameRank(function, input, output) ||
      !checkAxesMask(function, axesMask, input.rank) ||
      !checkHalvedAxis(function, halvedAxis, axesMask, input.rank) ||
      !checkNorm(function, forwardNorm) || !checkNorm(function, inverseNorm) ||
      !checkShapes(function, input, output, /*halvedAxis=*/-1))
    return Checked::Error;
  if (filterView.rank != input.rank) {
    reportError(function, "filter has rank %lld but input has rank %lld",
                static_cast<long long>(filterView.rank),
                static_cast<long long>(input.rank));
    return Checked::Error;
  }
  for (int64_t d = 0; d < input.rank; ++d) {
    int64_t bins = d == halvedAxis ? input.sizes[d] / 2 + 1 : input.sizes[d];
    if (filterView.sizes[d] == bins || filterView.sizes[d] == 1)
      continue;
    reportError(function,
                "filter dimension %lld has size %lld, expected %lld (the half "
                "spectrum's size) or 1",
                static_cast<long long>(d),
                static_cast<long long>(filterView.sizes[d]),
                static_cast<long long>(bins));
    return Checked::Error;
  }
  if (!checkTransformedLengths(function, "input", input, axesMask) ||
      !checkNoSelfOverlap(function, "output", output))
    return Checked::Error;
  if (output.numElements() == 0)
    return Checked::Empty;
  if (!checkDisjoint(function, "input", input, "output", output) ||
      !checkDisjoint(function, "filter", filterView, filterView.data,
                     sizeof(std::complex<Real>), "output", output, output.data,
                     sizeof(Real)))
    return Checked::Error;
  return Checked::Run;
}

namespace mlir {
namespace spectral {
namespace runtime {
template Checked checkFilter<float>(const char *, ::UnrankedMemRefType<float> *,
                                    ::UnrankedMemRefType<complex32> *,
                                    ::UnrankedMemRefType<float> *, int64_t,
                                    int64_t, int32_t, int32_t,
                                    MemRefView<float> &,
                                    MemRefView<complex32> &,
                                    MemRefView<float> &);
template Checked
checkFilter<double>(const char *, ::UnrankedMemRefType<double> *,
                    ::UnrankedMemRefType<complex64> *,
                    ::UnrankedMemRefType<double> *, int64_t, int64_t, int32_t,
                    int32_t, MemRefView<double> &, MemRefView<complex64> &,
                    MemRefView<double> &);
template Checked checkC2C<float>(const char *,
                                 ::UnrankedMemRefType<complex32> *,
                                 ::UnrankedMemRefType<complex32> *, int64_t,
                                 int32_t, int32_t, MemRefView<complex32> &,
                                 MemRefView<complex32> &);
template Checked checkC2C<double>(const char *,
                                  ::UnrankedMemRefType<complex64> *,
                                  ::UnrankedMemRefType<complex64> *, int64_t,
                                  int32_t, int32_t, MemRefView<complex64> &,
                                  MemRefView<complex64> &);
template Checked checkR2C<float>(const char *, ::UnrankedMemRefType<float> *,
                                 ::UnrankedMemRefType<complex32> *, int64_t,
                                 int64_t, int32_t, MemRefView<float> &,
                                 MemRefView<complex32> &);
template Checked checkR2C<double>(const char *, ::UnrankedMemRefType<double> *,
                                  ::UnrankedMemRefType<complex64> *, int64_t,
                                  int64_t, int32_t, MemRefView<double> &,
                                  MemRefView<complex64> &);
template Checked checkC2R<float>(const char *,
                                 ::UnrankedMemRefType<complex32> *,
                                 ::UnrankedMemRefType<float> *, int64_t,
                                 int64_t, int32_t, bool,
                                 MemRefView<complex32> &, MemRefView<float> &);
template Checked
checkC2R<double>(const char *, ::UnrankedMemRefType<complex64> *,
                 ::UnrankedMemRefType<double> *, int64_t, int64_t, int32_t,
                 bool, MemRefView<complex64> &, MemRefView<double> &);
} // namespace runtime
} // namespace spectral
} // namespace mlir

//===----------------------------------------------------------------------===//
// Sparse spectral storage
//===----------------------------------------------------------------------===//

Checked mlir::spectral::runtime::checkTopK(
    const char *function, ::StridedMemRefType<complex32, 2> *spectrum,
    ::StridedMemRefType<int64_t, 1> *tileSpectrumShape,
    const TileLayout &layout, ::StridedMemRefType<complex32, 2> *coeffs,
    ::StridedMemRefType<int64_t, 2> *positions, SparseOperands &operands) {
  MemRefView<complex32> &input = operands.spectrum;
  MemRefView<complex32> &output = operands.coeffs;
  MemRefView<int64_t> &outPositions = operands.positions;
  MemRefView<int64_t> &shape = operands.tileShape;
  TileSpectrum &tile = operands.tile;
  if (!readRanked(function, "spectrum", spectrum, input) ||
      !readRanked(function, "tileSpectrumShape", tileSpectrumShape, shape) ||
      !readRanked(function, "coeffs", coeffs, output) ||
      !readRanked(function, "positions", positions, outPositions) ||
      !initTile(function, shape, layout, tile))
    return Checked::Error;

  int64_t numTiles = input.sizes[0], numBins = tile.getNumBins();
  int64_t k = output.sizes[1];
  if (input.sizes[1] != numBins) {
    reportError(function,
                "spectrum has %lld bins per tile (dimension 1), expected "
                "%lld (the product of tileSpectrumShape)",
                static_cast<long long>(input.sizes[1]),
                static_cast<long long>(numBins));
    return Checked::Error;
  }
  if (output.sizes[0] != numTiles || outPositions.sizes[0] != numTiles) {
    bool coeffsWrong = output.sizes[0] != numTiles;
    reportError(function,
                "%s has %lld tiles (dimension 0), expected %lld (as spectrum)",
                coeffsWrong ? "coeffs" : "positions",
                static_cast<long long>(coeffsWrong ? output.sizes[0]
                                                   : outPositions.sizes[0]),
                static_cast<long long>(numTiles));
    return Checked::Error;
  }
  if (outPositions.sizes[1] != k) {
    reportError(function,
                "positions has %lld slots per tile (dimension 1), expected "
                "%lld (as coeffs)",
                static_cast<long long>(outPositions.sizes[1]),
                static_cast<long long>(k));
    return Checked::Error;
  }
  if (!checkNoSelfOverlap(function, "coeffs", output) ||
      !checkNoSelfOverlap(function, "positions", outPositions) ||
      !checkDisjoint(function, "coeffs", output, "spectrum", input) ||
      !checkDisjoint(function, "positions", outPositions, "tileSpectrumShape",
                     shape) ||
      !checkDisjoint(function, "coeffs", output, output.data, sizeof(complex32),
                     "positions", outPositions, outPositions.data,
                     sizeof(int64_t)) ||
      !checkDisjoint(function, "coeffs", output, output.data, sizeof(complex32),
                     "tileSpectrumShape", shape, shape.data, sizeof(int64_t)) ||
      !checkDisjoint(function, "positions", outPositions, outPositions.data,
                     sizeof(int64_t), "spectrum", input, input.data,
                     sizeof(complex32)))
    return Checked::Error;
  return numTiles == 0 || k == 0 ? Checked::Empty : Checked::Run;
}

bool mlir::spectral::runtime::checkNumKept(const char *function, int64_t k,
                                           int64_t numCandidates) {
  ErrorMessage error;
  return succeededOrReport(validateNumKept(k, numCandidates, error), function,
                           error);
}

namespace {

/// The checks of scatter and gather, which copy between the kept
/// coefficients (T x K) and the tile spectra (T x S) in opposite
/// directions: the descriptors are read in the entry point's argument order,
/// sizes follow its first T x K argument (coeffs for scatter, positions for
/// gather), and the one output must overlap neither itself nor an input.
Checked checkSparseCopy(const char *function, PositionUse use,
                        ::StridedMemRefType<complex32, 2> *coeffsDesc,
                        ::StridedMemRefType<int64_t, 2> *positionsDesc,
                        ::StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                        const TileLayout &layout,
                        ::StridedMemRefType<complex32, 2> *spectrumDesc,
                        SparseOperands &operands) {
  MemRefView<complex32> &coeffs = operands.coeffs;
  MemRefView<complex32> &spectrum = operands.spectrum;
  MemRefView<int64_t> &positions = operands.positions;
  MemRefView<int64_t> &shape = operands.tileShape;
  TileSpectrum &tile = operands.tile;
  bool scatter = use == PositionUse::Write;
  auto readCoeffs = [&] {
    return readRanked(function, "coeffs", coeffsDesc, coeffs);
  };
  auto readSpectrum = [&] {
    return readRanked(function, "spectrum", spectrumDesc, spectrum);
  };
  if (!(scatter ? readCoeffs() : readSpectrum()) ||
      !readRanked(function, "positions", positionsDesc, positions) ||
      !readRanked(function, "tileSpectrumShape", tileSpectrumShape, shape) ||
      !(scatter ? readSpectrum() : readCoeffs()) ||
      !initTile(function, shape, layout, tile))
    return Checked::Error;

  const char *keyName = scatter ? "coeffs" : "positions";
  const char *otherName = scatter ? "positions" : "coeffs";
  const Layout &key = scatter ? static_cast<const Layout &>(coeffs) : positions;
  const Layout &other =
      scatter ? static_cast<const Layout &>(positions) : coeffs;
  int64_t numTiles = key.sizes[0], k = key.sizes[1];
  int64_t numBins = tile.getNumBins();
  if (other.sizes[0] != numTiles || other.sizes[1] != k) {
    reportError(function, "%s has shape %lldx%lld, expected %lldx%lld (as %s)",
                otherName, static_cast<long long>(other.sizes[0]),
                static_cast<long long>(other.sizes[1]),
                static_cast<long long>(numTiles), static_cast<long long>(k),
                keyName);
    return Checked::Error;
  }
  if (spectrum.sizes[0] != numTiles || spectrum.sizes[1] != numBins) {
    reportError(function,
                "spectrum has shape %lldx%lld, expected %lldx%lld (tiles of "
                "%s x product of tileSpectrumShape)",
                static_cast<long long>(spectrum.sizes[0]),
                static_cast<long long>(spectrum.sizes[1]),
                static_cast<long long>(numTiles),
                static_cast<long long>(numBins), keyName);
    return Checked::Error;
  }

  const char *outName = scatter ? "spectrum" : "coeffs";
  const char *inName = scatter ? "coeffs" : "spectrum";
  const MemRefView<complex32> &output = scatter ? spectrum : coeffs;
  const MemRefView<complex32> &input = scatter ? coeffs : spectrum;
  if (!checkNoSelfOverlap(function, outName, output) ||
      !checkDisjoint(function, outName, output, inName, input) ||
      !checkDisjoint(function, outName, output, output.data, sizeof(complex32),
                     "positions", positions, positions.data, sizeof(int64_t)) ||
      !checkDisjoint(function, outName, output, output.data, sizeof(complex32),
                     "tileSpectrumShape", shape, shape.data, sizeof(int64_t)))
    return Checked::Error;
  // A scatter of no coefficients still zeroes the spectrum.
  return numTiles == 0 || (!scatter && k == 0) ? Checked::Empty : Checked::Run;
}

} // namespace

Checked mlir::spectral::runtime::checkScatter(
    const char *function, ::StridedMemRefType<complex32, 2> *coeffs,
    ::StridedMemRefType<int64_t, 2> *positions,
    ::StridedMemRefType<int64_t, 1> *tileSpectrumShape,
    const TileLayout &layout, ::StridedMemRefType<complex32, 2> *spectrum,
    SparseOperands &operands) {
  return checkSparseCopy(function, PositionUse::Write, coeffs, positions,
                         tileSpectrumShape, layout, spectrum, operands);
}

Checked mlir::spectral::runtime::checkGather(
    const char *function, ::StridedMemRefType<complex32, 2> *spectrum,
    ::StridedMemRefType<int64_t, 2> *positions,
    ::StridedMemRefType<int64_t, 1> *tileSpectrumShape,
    const TileLayout &layout, ::StridedMemRefType<complex32, 2> *coeffs,
    SparseOperands &operands) {
  return checkSparseCopy(function, PositionUse::Read, coeffs, positions,
                         tileSpectrumShape, layout, spectrum, operands);
}

bool mlir::spectral::runtime::checkPositions(
    const char *function, const TileSpectrum &tile,
    const MemRefView<int64_t> &positions, int64_t *writer, PositionUse use) {
  ErrorMessage error;
  return succeededOrReport(
      validatePositions(tile, positions, writer, use, error), function, error);
}

bool mlir::spectral::runtime::checkTileOffset(const char *function, int64_t dim,
                                              int64_t offset, int64_t tile,
                                              int64_t limit) {
  if (tile <= 0) {
    reportError(function, "tile size %lld of dimension %lld is not positive",
                static_cast<long long>(tile), static_cast<long long>(dim));
    return false;
  }
  if (offset < 0 || offset % tile != 0) {
    reportError(function,
                "spectral.decompress_tiles offset %lld of dimension %lld is "
                "not a non-negative multiple of the tile size %lld",
                static_cast<long long>(offset), static_cast<long long>(dim),
                static_cast<long long>(tile));
    return false;
  }
  if (offset > limit) {
    reportError(function,
                "spectral.decompress_tiles offset %lld of dimension %lld is "
                "out of bounds: the slice needs an offset of at most %lld",
                static_cast<long long>(offset), static_cast<long long>(dim),
                static_cast<long long>(limit));
    return false;
  }
  return true;
}

bool mlir::spectral::runtime::checkSize(const char *function, int32_t op,
                                        int32_t operand, int64_t dim,
                                        int64_t found, int64_t expected) {
  if (op < 0 || op >= kNumCheckedOps || operand < 0 ||
      operand >= kNumCheckedOperands) {
    reportError(function,
                "op %d or operand %d is not in the tables of checked sizes "
                "(compiled against another runtime version?)",
                op, operand);
    return false;
  }
  if (found == expected)
    return true;
  reportError(function,
              "%s: %s dimension %lld has size %lld at run time; expected "
              "%lld",
              kCheckedOps[op], kCheckedOperands[operand],
              static_cast<long long>(dim), static_cast<long long>(found),
              static_cast<long long>(expected));
  return false;
}

//===----------------------------------------------------------------------===//
// Dense linear algebra
//===----------------------------------------------------------------------===//

Checked mlir::spectral::runtime::checkGemmShapes(
    const char *function, const Layout &lhs, const void *lhsData,
    const Layout &rhs, const void *rhsData, const Layout &out,
    const void *outData, size_t elementSize) {
  int64_t m = lhs.sizes[0], k = lhs.sizes[1], n = rhs.sizes[1];
  if (rhs.sizes[0] != k) {
    reportError(function,
                "B has shape %lldx%lld, expected %lld rows (the columns of "
                "A, which has shape %lldx%lld)",
                static_cast<long long>(rhs.sizes[0]), static_cast<long long>(n),
                static_cast<long long>(k), static_cast<long long>(m),
                static_cast<long long>(k));
    return Checked::Error;
  }
  if (out.sizes[0] != m || out.sizes[1] != n) {
    reportError(function,
                "C has shape %lldx%lld, expected %lldx%lld (rows of A x "
                "columns of B)",
                static_cast<long long>(out.sizes[0]),
                static_cast<long long>(out.sizes[1]), static_cast<long long>(m),
                static_cast<long long>(n));
    return Checked::Error;
  }
  if (!checkNoSelfOverlap(function, "C", out) ||
      !checkDisjoint(function, "C", out, outData, elementSize, "A", lhs,
                     lhsData, elementSize) ||
      !checkDisjoint(function, "C", out, outData, elementSize, "B", rhs,
                     rhsData, elementSize))
    return Checked::Error;
  // linalg.matmul: an empty sum adds nothing to C.
  if (m == 0 || n == 0 || k == 0)
    return Checked::Empty;
  for (auto [name, value] :
       {std::pair("M", m), std::pair("N", n), std::pair("K", k)}) {
    if (value > INT_MAX) {
      reportError(function,
                  "%s = %lld (A is %lldx%lld, B is %lldx%lld) exceeds BLAS's "
                  "32-bit limit of %d",
                  name, static_cast<long long>(value),
                  static_cast<long long>(m), static_cast<long long>(k),
                  static_cast<long long>(k), static_cast<long long>(n),
                  INT_MAX);
      return Checked::Error;
    }
  }
  return Checked::Run;
}

bool mlir::spectral::runtime::describeMatrix(MatrixOrder order, int64_t rows,
                                             int64_t cols,
                                             const int64_t *strides, int &ld) {
  bool rowMajor = order == MatrixOrder::RowMajor;
  int64_t lineLength = rowMajor ? cols : rows;
  int64_t numLines = rowMajor ? rows : cols;
  int64_t elementStride = strides[rowMajor ? 1 : 0];
  int64_t lineStride = strides[rowMajor ? 0 : 1];
  if (lineLength > 1 && elementStride != 1)
    return false;
  int64_t minLd = std::max<int64_t>(lineLength, 1);
  int64_t value = numLines > 1 ? lineStride : minLd;
  if (value < minLd || value > INT_MAX)
    return false;
  ld = static_cast<int>(value);
  return true;
}
