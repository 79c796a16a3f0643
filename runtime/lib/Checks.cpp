//===- Checks.cpp - Run-time checks of lowered code -----------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Checks the compiler emits where a verifier cannot decide (dynamic values).
// They report through the same error path as the entry points: stderr and
// abort by default, so that a bad value never turns into a wrong result.
//
//===----------------------------------------------------------------------===//

#include "Errors.h"
#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::runtime;

extern "C" void spectral_check_tile_offset(int64_t dim, int64_t offset,
                                           int64_t tile, int64_t limit) {
  const char *function = "spectral_check_tile_offset";
  if (tile <= 0) {
    reportError(function, "tile size %lld of dimension %lld is not positive",
                static_cast<long long>(tile), static_cast<long long>(dim));
    return;
  }
  if (offset < 0 || offset % tile != 0)
    reportError(function,
                "spectral.decompress_tiles offset %lld of dimension %lld is "
                "not a non-negative multiple of the tile size %lld",
                static_cast<long long>(offset), static_cast<long long>(dim),
                static_cast<long long>(tile));
  else if (offset > limit)
    reportError(function,
                "spectral.decompress_tiles offset %lld of dimension %lld is "
                "out of bounds: the slice needs an offset of at most %lld",
                static_cast<long long>(offset), static_cast<long long>(dim),
                static_cast<long long>(limit));
}
