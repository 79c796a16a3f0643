//===- TileSelection.cpp - Top-k selection and scatter of tiles -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Selection runs in expected O(S) time per tile: std::nth_element under a
// strict total order finds the K-th best bin, and one pass in position order
// then keeps every bin that ranks at or before it, which also writes them in
// ascending position.
//
//===----------------------------------------------------------------------===//

#include "spectral-core/TileSelection.h"
#include "spectral-core/Memory.h"
#include "spectral-core/Parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>

using namespace mlir::spectral::core;

namespace {

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

bool mlir::spectral::core::validateNumKept(int64_t k, int64_t numCandidates,
                                           ErrorMessage &error) {
  if (k <= numCandidates)
    return true;
  error.set("K = %lld exceeds the %lld candidate bins of a tile "
            "(coeffs dimension 1)",
            static_cast<long long>(k), static_cast<long long>(numCandidates));
  return false;
}

bool mlir::spectral::core::validatePositions(
    const TileSpectrum &tile, const MemRefView<int64_t> &positions,
    int64_t *writer, PositionUse use, ErrorMessage &error) {
  int64_t numTiles = positions.sizes[0], k = positions.sizes[1];
  int64_t numBins = tile.getNumBins();
  // Slot + 1 of the slot that names each bin, 0 for none.
  for (int64_t p = 0; p < numBins; ++p)
    writer[p] = 0;
  // An empty view's strides are arbitrary: never index rows of one.
  if (k == 0)
    return true;

  for (int64_t t = 0; t < numTiles; ++t) {
    const int64_t *row = positions.data + t * positions.strides[0];
    for (int64_t i = 0; i < k; ++i) {
      int64_t p = row[i * positions.strides[1]];
      if (p < 0 || p >= numBins) {
        error.set("positions[%lld][%lld] (tile %lld, slot %lld) is %lld; "
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
        // A gather writes no bin: it reads the layout a scatter writes.
        bool writes = use == PositionUse::Write;
        error.set("positions[%lld][%lld] (tile %lld, slot %lld) is %lld, "
                  "which %s bin %lld already %s by slot %lld",
                  static_cast<long long>(t), static_cast<long long>(i),
                  static_cast<long long>(t), static_cast<long long>(i),
                  static_cast<long long>(p), writes ? "writes" : "names",
                  static_cast<long long>(bin), writes ? "written" : "named",
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

/// Tiles a thread takes at least: fewer are not worth waking it.
constexpr int64_t kTilesPerThread = 4;

/// Ranks the bins of tile `t` and stores its K best.
static void selectTile(int64_t t, Candidate *candidates, int64_t k,
                       const uint8_t *weights, int64_t numBins,
                       int64_t binStride, const MemRefView<complex32> &spectrum,
                       const MemRefView<complex32> &coeffs,
                       const MemRefView<int64_t> &positions) {
  const complex32 *row = spectrum.data + t * spectrum.strides[0];
  int64_t count = 0;
  for (int64_t p = 0; p < numBins; ++p)
    if (uint8_t weight = weights[p])
      candidates[count++] = {getEnergy(weight, row[p * binStride]), p};

  // The K-th best bin; every bin ranking at or before it is kept.
  std::nth_element(candidates, candidates + (k - 1), candidates + count,
                   ranksBefore);
  Candidate last = candidates[k - 1];

  complex32 *coeffRow = coeffs.data + t * coeffs.strides[0];
  int64_t *positionRow = positions.data + t * positions.strides[0];
  int64_t slot = 0;
  for (int64_t p = 0; p < numBins && slot < k; ++p) {
    uint8_t weight = weights[p];
    if (!weight)
      continue;
    complex32 x = row[p * binStride];
    if (ranksBefore(last, {getEnergy(weight, x), p}))
      continue;
    coeffRow[slot * coeffs.strides[1]] = x;
    positionRow[slot * positions.strides[1]] = p;
    ++slot;
  }
}

bool mlir::spectral::core::selectTopK(const TileSpectrum &tile,
                                      const MemRefView<complex32> &spectrum,
                                      const MemRefView<complex32> &coeffs,
                                      const MemRefView<int64_t> &positions,
                                      ErrorMessage &error) {
  int64_t numTiles = spectrum.sizes[0], numBins = tile.getNumBins();
  int64_t k = coeffs.sizes[1];

  // The rule depends only on the position, so weigh each bin once per call.
  TrackedBuffer<uint8_t> weights;
  if (!weights.allocate(static_cast<size_t>(numBins), error))
    return false;
  int64_t numCandidates = tile.computeWeights(weights.data());
  if (!validateNumKept(k, numCandidates, error))
    return false;
  if (numTiles == 0 || k == 0)
    return true;
  // Tiles are independent: each thread ranks its own range of them with a
  // candidate array of its own.
  const int64_t binStride = spectrum.strides[1];
  std::atomic<bool> failed{false};
  ErrorMessage firstError;
  std::mutex errorMutex;
  parallelForRanges(numTiles, kTilesPerThread, [&](int64_t begin, int64_t end) {
    ErrorMessage localError;
    TrackedBuffer<Candidate> candidates;
    if (!candidates.allocate(static_cast<size_t>(numCandidates), localError)) {
      std::lock_guard<std::mutex> lock(errorMutex);
      if (!failed.exchange(true))
        firstError = localError;
      return;
    }
    for (int64_t t = begin; t < end; ++t)
      selectTile(t, candidates.data(), k, weights.data(), numBins, binStride,
                 spectrum, coeffs, positions);
  });
  if (failed.load()) {
    error = firstError;
    return false;
  }
  return true;
}

/// validatePositions with a work space of its own.
static bool validatePositionsInWorkspace(const TileSpectrum &tile,
                                         const MemRefView<int64_t> &positions,
                                         PositionUse use, ErrorMessage &error) {
  TrackedBuffer<int64_t> writer;
  return writer.allocate(static_cast<size_t>(tile.getNumBins()), error) &&
         validatePositions(tile, positions, writer.data(), use, error);
}

bool mlir::spectral::core::scatterTiles(const TileSpectrum &tile,
                                        const MemRefView<complex32> &coeffs,
                                        const MemRefView<int64_t> &positions,
                                        const MemRefView<complex32> &spectrum,
                                        ErrorMessage &error) {
  if (!validatePositionsInWorkspace(tile, positions, PositionUse::Write, error))
    return false;

  int64_t numTiles = coeffs.sizes[0], k = coeffs.sizes[1];
  int64_t numBins = tile.getNumBins();
  const int64_t binStride = spectrum.strides[1];
  // Rows of an empty view are never addressed: its strides are arbitrary.
  if (numBins == 0)
    return true;
  parallelForRanges(numTiles, kTilesPerThread, [&](int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; ++t) {
      complex32 *row = spectrum.data + t * spectrum.strides[0];
      for (int64_t p = 0; p < numBins; ++p)
        row[p * binStride] = complex32(0.0f, 0.0f);
      if (k == 0)
        continue;
      const complex32 *coeffRow = coeffs.data + t * coeffs.strides[0];
      const int64_t *positionRow = positions.data + t * positions.strides[0];
      for (int64_t i = 0; i < k; ++i) {
        complex32 x = coeffRow[i * coeffs.strides[1]];
        int64_t p = positionRow[i * positions.strides[1]];
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
  });
  return true;
}

bool mlir::spectral::core::gatherTiles(const TileSpectrum &tile,
                                       const MemRefView<complex32> &spectrum,
                                       const MemRefView<int64_t> &positions,
                                       const MemRefView<complex32> &coeffs,
                                       ErrorMessage &error) {
  if (!validatePositionsInWorkspace(tile, positions, PositionUse::Read, error))
    return false;

  int64_t numTiles = coeffs.sizes[0], k = coeffs.sizes[1];
  // Rows of an empty view are never addressed: its strides are arbitrary.
  if (k == 0)
    return true;
  const int64_t binStride = spectrum.strides[1];
  parallelForRanges(numTiles, kTilesPerThread, [&](int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; ++t) {
      const complex32 *row = spectrum.data + t * spectrum.strides[0];
      const int64_t *positionRow = positions.data + t * positions.strides[0];
      complex32 *coeffRow = coeffs.data + t * coeffs.strides[0];
      for (int64_t i = 0; i < k; ++i)
        coeffRow[i * coeffs.strides[1]] =
            row[positionRow[i * positions.strides[1]] * binStride];
    }
  });
  return true;
}
