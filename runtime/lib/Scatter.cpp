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

#include "Arguments.h"
#include "Memory.h"
#include "TileSpectrum.h"

#include "spectral-runtime/SpectralRuntime.h"

#include <complex>

using namespace mlir::spectral::runtime;

namespace {

const char *const kScatter = "spectral_scatter";

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
  if (checkScatter(kScatter, coeffs, positions, tileSpectrumShape, axesMask,
                   halvedAxis, halvedLength, spectrum, input, inPositions,
                   shape, output, tile) != Checked::Run)
    return;
  TrackedBuffer<int64_t> writer;
  if (!writer.allocate(static_cast<size_t>(tile.getNumBins()), kScatter) ||
      !checkScatterPositions(kScatter, tile, inPositions, writer.data()))
    return;

  int64_t numTiles = input.sizes[0], k = input.sizes[1];
  int64_t numBins = tile.getNumBins();
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
