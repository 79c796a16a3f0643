//===- Errors.cpp - Error reporting of the runtime ------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Errors.h"

#include "spectral-runtime/SpectralRuntime.h"

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

using namespace mlir::spectral::runtime;

// Atomic so that a test may install a handler while another thread runs an
// entry point.
static std::atomic<spectral_runtime_error_handler> errorHandler{nullptr};

void mlir::spectral::runtime::reportError(const char *function,
                                          const char *format, ...) {
  char message[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(message, sizeof(message), format, args);
  va_end(args);

  if (spectral_runtime_error_handler handler = errorHandler.load()) {
    handler(function, message);
    return;
  }
  // Lowered code has no way to handle a failure, and going on would produce
  // a silently wrong result, so the default is to stop loudly.
  std::fprintf(stderr, "spectral runtime error: %s: %s\n", function, message);
  std::fflush(stderr);
  std::abort();
}

void ErrorMessage::set(const char *format, ...) {
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof(text), format, args);
  va_end(args);
}

extern "C" void
spectral_runtime_set_error_handler(spectral_runtime_error_handler handler) {
  errorHandler.store(handler);
}
