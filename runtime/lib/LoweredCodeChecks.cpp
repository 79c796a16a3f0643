//===- LoweredCodeChecks.cpp - Run-time checks of lowered code ------------===//
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

#include "EntryPointChecks.h"
#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

extern "C" void spectral_check_tile_offset(int64_t dim, int64_t offset,
                                           int64_t tile, int64_t limit) {
  checkTileOffset("spectral_check_tile_offset", dim, offset, tile, limit);
}

extern "C" void spectral_check_size(int32_t op, int32_t operand, int64_t dim,
                                    int64_t found, int64_t expected) {
  checkSize("spectral_check_size", op, operand, dim, found, expected);
}
