//===- Scatter.cpp - Scatter of kept coefficients into a spectrum ---------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Rebuilds the spectrum of every tile from its kept coefficients. With an
// `rfft` layout it also restores the conjugate partner of each bin on a
// Hermitian plane, so that the complex-to-real inverse sees an exactly
// Hermitian half spectrum and every backend computes the same signal.
//
//===----------------------------------------------------------------------===//

#include "Memory.h"
#include "TileSpectrum.h"
#include "Validation.h"

#include "spectral-runtime/SpectralRuntime.h"

#include <complex>

using namespace mlir::spectral::runtime;

using complex32 = std::complex<float>;

namespace {

const char *const kScatter = "spectral_scatter";

/// Checks every position before anything is written: in range, and no bin
/// written twice by one tile (directly or as a conjugate partner), since the
/// later write would silently win.
bool checkPositions(const TileSpectrum &tile,
                    const MemRefView<int64_t> &positions) {
  int64_t numTiles = positions.sizes[0], k = positions.sizes[1];
  int64_t numBins = tile.getNumBins();
  // Slot + 1 of the slot that writes each bin, 0 for none.
  TrackedBuffer<int64_t> writer;
  if (!writer.allocate(static_cast<size_t>(numBins), kScatter))
    return false;
  for (int64_t p = 0; p < numBins; ++p)
    writer[p] = 0;

  for (int64_t t = 0; t < numTiles; ++t) {
    const int64_t *row = positions.data + t * positions.strides[0];
    for (int64_t i = 0; i < k; ++i) {
      int64_t p = row[i * positions.strides[1]];
      if (p < 0 || p >= numBins) {
        reportError(kScatter,
                    "positions[%lld][%lld] (tile %lld, slot %lld) is %lld; "
                    "expected 0 <= position < %lld",
                    static_cast<long long>(t), static_cast<long long>(i),
                    static_cast<long long>(t), static_cast<long long>(i),
                    static_cast<long long>(p), static_cast<long long>(numBins));
        return false;
      }
      int64_t partner = tile.classify(p).partner;
      for (int64_t bin : {p, partner}) {
        if (bin < 0 || writer[bin] == 0)
          continue;
        reportError(kScatter,
                    "positions[%lld][%lld] (tile %lld, slot %lld) is %lld, "
                    "which writes bin %lld already written by slot %lld",
                    static_cast<long long>(t), static_cast<long long>(i),
                    static_cast<long long>(t), static_cast<long long>(i),
                    static_cast<long long>(p), static_cast<long long>(bin),
                    static_cast<long long>(writer[bin] - 1));
        return false;
      }
      writer[p] = i + 1;
      if (partner >= 0)
        writer[partner] = i + 1;
    }
    // Clear only what this tile marked: O(K) instead of O(S) per tile.
    for (int64_t i = 0; i < k; ++i) {
      int64_t p = row[i * positions.strides[1]];
      writer[p] = 0;
      int64_t partner = tile.classify(p).partner;
      if (partner >= 0)
        writer[partner] = 0;
    }
  }
  return true;
}

} // namespace

extern "C" void
_mlir_ciface_spectral_scatter(StridedMemRefType<complex32, 2> *coeffs,
                              StridedMemRefType<int64_t, 2> *positions,
                              StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                              int64_t axesMask, int64_t halvedAxis,
                              int64_t halvedLength,
                              StridedMemRefType<complex32, 2> *spectrum) {
  MemRefView<complex32> input, output;
  MemRefView<int64_t> inPositions, shape;
  TileSpectrum tile;
  if (!readRanked(kScatter, "coeffs", coeffs, input) ||
      !readRanked(kScatter, "positions", positions, inPositions) ||
      !readRanked(kScatter, "tileSpectrumShape", tileSpectrumShape, shape) ||
      !readRanked(kScatter, "spectrum", spectrum, output) ||
      !tile.init(kScatter, shape, axesMask, halvedAxis, halvedLength))
    return;

  int64_t numTiles = input.sizes[0], k = input.sizes[1];
  int64_t numBins = tile.getNumBins();
  if (inPositions.sizes[0] != numTiles || inPositions.sizes[1] != k) {
    reportError(kScatter,
                "positions has shape %lldx%lld, expected %lldx%lld (as "
                "coeffs)",
                static_cast<long long>(inPositions.sizes[0]),
                static_cast<long long>(inPositions.sizes[1]),
                static_cast<long long>(numTiles), static_cast<long long>(k));
    return;
  }
  if (output.sizes[0] != numTiles || output.sizes[1] != numBins) {
    reportError(kScatter,
                "spectrum has shape %lldx%lld, expected %lldx%lld (tiles of "
                "coeffs x product of tileSpectrumShape)",
                static_cast<long long>(output.sizes[0]),
                static_cast<long long>(output.sizes[1]),
                static_cast<long long>(numTiles),
                static_cast<long long>(numBins));
    return;
  }
  if (!checkNoSelfOverlap(kScatter, "spectrum", output) ||
      !checkDisjoint(kScatter, "spectrum", output, "coeffs", input) ||
      !checkDisjoint(kScatter, "spectrum", output, output.data,
                     sizeof(complex32), "positions", inPositions,
                     inPositions.data, sizeof(int64_t)) ||
      !checkDisjoint(kScatter, "spectrum", output, output.data,
                     sizeof(complex32), "tileSpectrumShape", shape, shape.data,
                     sizeof(int64_t)))
    return;
  if (numTiles == 0)
    return;
  if (!checkPositions(tile, inPositions))
    return;

  const int64_t binStride = output.strides[1];
  for (int64_t t = 0; t < numTiles; ++t) {
    complex32 *row = output.data + t * output.strides[0];
    for (int64_t p = 0; p < numBins; ++p)
      row[p * binStride] = complex32(0.0f, 0.0f);
    const complex32 *coeffRow = input.data + t * input.strides[0];
    const int64_t *positionRow = inPositions.data + t * inPositions.strides[0];
    for (int64_t i = 0; i < k; ++i) {
      complex32 x = coeffRow[i * input.strides[1]];
      int64_t p = positionRow[i * inPositions.strides[1]];
      int64_t partner = tile.classify(p).partner;
      if (partner < 0) {
        row[p * binStride] = x;
      } else if (partner == p) {
        // Self-conjugate: a Hermitian spectrum is real there.
        row[p * binStride] = complex32(x.real(), 0.0f);
      } else {
        row[p * binStride] = x;
        row[partner * binStride] = std::conj(x);
      }
    }
  }
}
