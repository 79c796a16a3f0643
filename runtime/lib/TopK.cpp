//===- TopK.cpp - Per-tile top-k selection by energy ----------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Selects, in every tile, the K candidate bins of highest energy in expected
// O(S) time: std::nth_element under a strict total order finds the K-th
// best bin, and one pass in position order then keeps every bin that ranks
// at or before it, which also writes them in ascending position.
//
//===----------------------------------------------------------------------===//

#include "Arguments.h"
#include "Memory.h"
#include "TileSpectrum.h"

#include "spectral-runtime/SpectralRuntime.h"

#include <algorithm>
#include <cmath>
#include <complex>

using namespace mlir::spectral::runtime;

namespace {

const char *const kTopK = "spectral_topk";

struct Candidate {
  double energy;
  int64_t position;
};

/// Energy of a bin: weight * |x|^2. The products of two floats are exact in
/// double and the sum is rounded once, so every backend that follows this
/// formula ranks bins identically. NaN ranks above everything, which keeps
/// the order total (and makes a NaN visible after decompression).
double getEnergy(uint8_t weight, complex32 x) {
  double re = x.real(), im = x.imag();
  double energy = weight * (re * re + im * im);
  return std::isnan(energy) ? HUGE_VAL : energy;
}

/// Strict total order of selection: higher energy first, then lower
/// position.
bool ranksBefore(const Candidate &a, const Candidate &b) {
  if (a.energy != b.energy)
    return a.energy > b.energy;
  return a.position < b.position;
}

} // namespace

extern "C" void
_mlir_ciface_spectral_topk(StridedMemRefType<complex32, 2> *spectrum,
                           StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                           int64_t axesMask, int64_t halvedAxis,
                           int64_t halvedLength,
                           StridedMemRefType<complex32, 2> *coeffs,
                           StridedMemRefType<int64_t, 2> *positions) {
  MemRefView<complex32> input, output;
  MemRefView<int64_t> shape, outPositions;
  TileSpectrum tile;
  Checked checked = checkTopK(kTopK, spectrum, tileSpectrumShape, axesMask,
                              halvedAxis, halvedLength, coeffs, positions,
                              input, shape, output, outPositions, tile);
  if (checked == Checked::Error)
    return;
  int64_t numTiles = input.sizes[0], numBins = tile.getNumBins();
  int64_t k = output.sizes[1];

  // The rule depends only on the position, so weigh each bin once per call.
  TrackedBuffer<uint8_t> weights;
  if (!weights.allocate(static_cast<size_t>(numBins), kTopK))
    return;
  int64_t numCandidates = tile.computeWeights(weights.data());
  if (!checkNumKept(kTopK, k, numCandidates) || checked == Checked::Empty)
    return;
  TrackedBuffer<Candidate> candidates;
  if (!candidates.allocate(static_cast<size_t>(numCandidates), kTopK))
    return;

  const int64_t binStride = input.strides[1];
  for (int64_t t = 0; t < numTiles; ++t) {
    const complex32 *row = input.data + t * input.strides[0];
    int64_t count = 0;
    for (int64_t p = 0; p < numBins; ++p)
      if (uint8_t weight = weights[p])
        candidates[count++] = {getEnergy(weight, row[p * binStride]), p};

    // The K-th best bin; every bin ranking at or before it is kept.
    std::nth_element(candidates.data(), candidates.data() + (k - 1),
                     candidates.data() + count, ranksBefore);
    Candidate last = candidates[k - 1];

    complex32 *coeffRow = output.data + t * output.strides[0];
    int64_t *positionRow = outPositions.data + t * outPositions.strides[0];
    int64_t slot = 0;
    for (int64_t p = 0; p < numBins && slot < k; ++p) {
      uint8_t weight = weights[p];
      if (!weight)
        continue;
      complex32 x = row[p * binStride];
      if (ranksBefore(last, {getEnergy(weight, x), p}))
        continue;
      coeffRow[slot * output.strides[1]] = x;
      positionRow[slot * outPositions.strides[1]] = p;
      ++slot;
    }
  }
}
