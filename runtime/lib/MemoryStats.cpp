//===- MemoryStats.cpp - C ABI of the runtime's memory accounting ---------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ErrorReporting.h"
#include "spectral-core/Memory.h"

#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

extern "C" int64_t spectral_runtime_live_bytes(void) { return getLiveBytes(); }

extern "C" int64_t spectral_runtime_peak_bytes(void) { return getPeakBytes(); }

extern "C" void spectral_runtime_reset_peak(void) { resetPeakBytes(); }

extern "C" void spectral_runtime_set_memory_limit(int64_t bytes) {
  if (bytes < 0) {
    reportError("spectral_runtime_set_memory_limit",
                "limit is %lld bytes; expected 0 (no limit) or a positive "
                "number of bytes",
                static_cast<long long>(bytes));
    return;
  }
  setMemoryLimit(bytes);
}
