//===- RuntimeLayout.h - How the runtime describes a layout -----*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The arguments with which the runtime's entry points (runtime/include/
// spectral-runtime/SpectralRuntime.h) describe transformed axes and tile
// layouts, derived once for the code that calls them: the generated calls of
// convert-spectral-to-runtime and the compile-time calls of
// spectral-compress-constants.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_RUNTIMEABI_RUNTIMELAYOUT_H
#define SPECTRALDIALECT_RUNTIMEABI_RUNTIMELAYOUT_H

#include "SpectralDialect/IR/SpectralTypes.h"

namespace mlir {
namespace spectral {

/// The runtime's bit mask of transformed dimensions: bit `axis + shift` for
/// each of `axes` (`shift` counts leading dimensions of the view, such as
/// the tile index of a tile-major view).
int64_t getRuntimeAxesMask(ArrayRef<int64_t> axes, int64_t shift = 0);

/// How spectral_topk and spectral_scatter describe the tiles of `type`.
struct RuntimeTileLayout {
  explicit RuntimeTileLayout(SparseSpectralType type);

  /// The tile spectrum shape, the mask of the tile's transformed axes, and,
  /// for rfft, the halved axis and its length in the tile (-1 and 0 for fft).
  SmallVector<int64_t> spectrumShape;
  int64_t axesMask;
  int64_t halvedAxis;
  int64_t halvedLength;
};

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_RUNTIMEABI_RUNTIMELAYOUT_H
