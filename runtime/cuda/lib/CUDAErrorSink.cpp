//===- CUDAErrorSink.cpp - Error handler of the CUDA runtime --------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The ErrorSink of libspectral_cuda_runtime.so (see
// runtime/lib/ErrorReporting.h): its own prefix and handler, apart from the CPU
// runtime's.
//
//===----------------------------------------------------------------------===//

#include "ErrorReporting.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

static std::atomic<ErrorHandler> errorHandler{nullptr};

const ErrorSink &mlir::spectral::runtime::getErrorSink() {
  static const ErrorSink sink{"spectral cuda runtime error", &errorHandler};
  return sink;
}

extern "C" void spectral_cuda_runtime_set_error_handler(
    spectral_cuda_runtime_error_handler handler) {
  errorHandler.store(handler);
}
