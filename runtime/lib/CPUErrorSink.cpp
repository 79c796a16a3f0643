//===- CPUErrorSink.cpp - Error handler of the CPU runtime ----------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The ErrorSink of libspectral_runtime.so (see ErrorReporting.h).
//
//===----------------------------------------------------------------------===//

#include "ErrorReporting.h"

#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

// Atomic so that a test may install a handler while another thread runs an
// entry point.
static std::atomic<ErrorHandler> errorHandler{nullptr};

const ErrorSink &mlir::spectral::runtime::getErrorSink() {
  static const ErrorSink sink{"spectral runtime error", &errorHandler};
  return sink;
}

extern "C" void
spectral_runtime_set_error_handler(spectral_runtime_error_handler handler) {
  errorHandler.store(handler);
}
