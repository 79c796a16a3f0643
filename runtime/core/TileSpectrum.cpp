//===- TileSpectrum.cpp - Layout and Hermitian rule of a tile -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/TileSpectrum.h"

using namespace mlir::spectral;
using namespace mlir::spectral::core;

bool TileSpectrum::init(const MemRefView<int64_t> &view,
                        const TileLayout &layout, ErrorMessage &error) {
  int64_t mask = layout.axesMask, halved = layout.halvedAxis,
          length = layout.halvedLength;
  int64_t entries = view.sizes[0];
  if (entries < runtime::kMinDescriptorRank ||
      entries > runtime::kMaxDescriptorRank) {
    error.set("tileSpectrumShape has %lld entries; expected 1 to 8 (the "
              "rank of a tile)",
              static_cast<long long>(entries));
    return false;
  }
  rank = entries;
  numBins = 1;
  for (int64_t d = 0; d < rank; ++d) {
    shape[d] = view.data[d * view.strides[0]];
    if (shape[d] < 1) {
      error.set("tileSpectrumShape[%lld] is %lld; expected a "
                "positive size",
                static_cast<long long>(d), static_cast<long long>(shape[d]));
      return false;
    }
    if (__builtin_mul_overflow(numBins, shape[d], &numBins)) {
      error.set("the tile spectrum has more than 2^63 bins");
      return false;
    }
  }
  setDenseStrides(rank, shape, strides);

  if (!validateAxesMask(mask, rank, error))
    return false;
  axesMask = static_cast<uint64_t>(mask);
  halvedAxis = halved;
  if (halved == runtime::kNoHalvedAxis)
    return true;
  if (!validateHalvedAxis(halved, mask, rank, error))
    return false;
  if (length < 1) {
    error.set("halvedLength is %lld; expected the tile length (>= 1) along "
              "halvedAxis %lld",
              static_cast<long long>(length), static_cast<long long>(halved));
    return false;
  }
  if (shape[halved] != length / 2 + 1) {
    error.set(
        "tileSpectrumShape[%lld] is %lld, expected %lld (n/2+1 for "
        "halvedLength n = %lld)",
        static_cast<long long>(halved), static_cast<long long>(shape[halved]),
        static_cast<long long>(length / 2 + 1), static_cast<long long>(length));
    return false;
  }
  halvedLength = length;
  return true;
}

int64_t TileSpectrum::computeWeights(uint8_t *weights) const {
  int64_t candidates = 0;
  for (int64_t position = 0; position < numBins; ++position) {
    int32_t weight = classify(position).weight;
    weights[position] = static_cast<uint8_t>(weight);
    candidates += weight != 0;
  }
  return candidates;
}

bool mlir::spectral::core::validateAxesMask(int64_t axesMask, int64_t rank,
                                            ErrorMessage &error) {
  if (axesMask == 0) {
    error.set("axesMask is 0; at least one axis must be transformed");
    return false;
  }
  uint64_t bits = static_cast<uint64_t>(axesMask);
  if (bits >> rank) {
    int highest = 63 - __builtin_clzll(bits);
    error.set("axesMask 0x%llx names axis %d, but the rank is %lld",
              static_cast<unsigned long long>(bits), highest,
              static_cast<long long>(rank));
    return false;
  }
  return true;
}

bool mlir::spectral::core::validateHalvedAxis(int64_t halvedAxis,
                                              int64_t axesMask, int64_t rank,
                                              ErrorMessage &error) {
  if (halvedAxis < 0 || halvedAxis >= rank) {
    error.set("halvedAxis %lld is out of range for rank %lld",
              static_cast<long long>(halvedAxis), static_cast<long long>(rank));
    return false;
  }
  if (!((static_cast<uint64_t>(axesMask) >> halvedAxis) & 1)) {
    error.set("halvedAxis %lld is not a transformed axis (axesMask 0x%llx)",
              static_cast<long long>(halvedAxis),
              static_cast<unsigned long long>(axesMask));
    return false;
  }
  return true;
}
