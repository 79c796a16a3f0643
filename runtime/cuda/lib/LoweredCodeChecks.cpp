//===- LoweredCodeChecks.cpp - Run-time checks of lowered code ------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "EntryPointChecks.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

extern "C" void spectral_cuda_check_tile_offset(int64_t dim, int64_t offset,
                                                int64_t tile, int64_t limit) {
  mlir::spectral::runtime::checkTileOffset("spectral_cuda_check_tile_offset",
                                           dim, offset, tile, limit);
}

extern "C" void spectral_cuda_check_size(int32_t op, int32_t operand,
                                         int64_t dim, int64_t found,
                                         int64_t expected) {
  mlir::spectral::runtime::checkSize("spectral_cuda_check_size", op, operand,
                                     dim, found, expected);
}
