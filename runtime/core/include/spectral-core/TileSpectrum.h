//===- TileSpectrum.h - Layout and Hermitian rule of a tile -----*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The spectrum of one tile, as top-k and scatter see it: its shape, the
// transformed axes and, for an `rfft` layout, the halved axis. It decides
// which bins are candidates for selection, what each weighs, and where the
// conjugate partner of a bin on a Hermitian plane is (docs/dialect.md,
// section 3), so that selection and decompression apply the same rule.
//
// classify() is inline and, compiled by nvcc, also a device function: the
// CUDA runtime's kernels apply the very same rule. A TileSpectrum is
// trivially copyable, so kernels take it by value.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_TILESPECTRUM_H
#define SPECTRAL_RUNTIME_LIB_TILESPECTRUM_H

#include "SpectralDialect/IR/TileRule.h"
#include "spectral-core/ErrorMessage.h"
#include "spectral-core/MemRefView.h"

#include <cstdint>

namespace mlir {
namespace spectral {
namespace core {

/// The layout scalars that lowered code passes beside a tile spectrum's
/// shape: the transformed axes (a bit mask), and the halved axis
/// (runtime::kNoHalvedAxis for none) with the signal's length along it.
struct TileLayout {
  int64_t axesMask = 0;
  int64_t halvedAxis = runtime::kNoHalvedAxis;
  int64_t halvedLength = 0;
};

class TileSpectrum {
public:
  using Bin = tile_rule::Bin;

  /// Validates the layout arguments of top-k and scatter: `shape` holds the
  /// dimensions of the tile spectrum (already read as a memref).
  bool init(const MemRefView<int64_t> &shape, const TileLayout &layout,
            ErrorMessage &error);

  /// Number of bins of a tile spectrum (S).
  SPECTRAL_HOST_DEVICE int64_t getNumBins() const { return numBins; }

  SPECTRAL_HOST_DEVICE Bin classify(int64_t position) const {
    return tile_rule::classify(position, rank, shape, strides, axesMask,
                               halvedAxis, halvedLength);
  }

  /// Writes the weight of every bin (S entries) and returns the number of
  /// candidates.
  int64_t computeWeights(uint8_t *weights) const;

private:
  int64_t rank = 0;
  int64_t shape[runtime::kMaxDescriptorRank] = {};
  /// Row-major strides of the tile spectrum.
  int64_t strides[runtime::kMaxDescriptorRank] = {};
  uint64_t axesMask = 0;
  int64_t halvedAxis = runtime::kNoHalvedAxis;
  int64_t halvedLength = 0;
  int64_t numBins = 0;
};

/// Checks that `axesMask` names at least one axis and only axes below
/// `rank`.
bool validateAxesMask(int64_t axesMask, int64_t rank, ErrorMessage &error);

/// Checks that `halvedAxis` is one of the axes in `axesMask`.
bool validateHalvedAxis(int64_t halvedAxis, int64_t axesMask, int64_t rank,
                        ErrorMessage &error);

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_TILESPECTRUM_H
