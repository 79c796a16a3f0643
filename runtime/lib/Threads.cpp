//===- Threads.cpp - Thread-count entry points ----------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "BlasThreads.h"
#include "ErrorReporting.h"
#include "spectral-core/Parallel.h"

#include "spectral-runtime/SpectralRuntime.h"

#include <mutex>

#ifdef SPECTRAL_HAVE_OPENBLAS_SET_NUM_THREADS
extern "C" void openblas_set_num_threads(int count);
#endif

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

void mlir::spectral::runtime::syncBlasThreads() {
#ifdef SPECTRAL_HAVE_OPENBLAS_SET_NUM_THREADS
  // OpenBLAS has a pool of its own: give it a count the user chose for us,
  // so that a GEMM and the runtime's other work never run more threads than
  // asked for. A defaulted count leaves OPENBLAS_NUM_THREADS in charge.
  if (!isNumThreadsChosen())
    return;
  static std::mutex mutex;
  static int32_t told = 0;
  int32_t count = getNumThreads();
  std::lock_guard<std::mutex> lock(mutex);
  if (told != count) {
    openblas_set_num_threads(count);
    told = count;
  }
#endif
}

extern "C" int32_t spectral_runtime_get_num_threads(void) {
  return getNumThreads();
}

extern "C" void spectral_runtime_set_num_threads(int32_t count) {
  if (count < 1) {
    reportError("spectral_runtime_set_num_threads",
                "count is %d; expected at least 1", count);
    return;
  }
  setNumThreads(count);
  syncBlasThreads();
}
