//===- ErrorReporting.cpp - Error reporting of the runtime ----------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ErrorReporting.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

void mlir::spectral::runtime::reportError(const char *function,
                                          const char *format, ...) {
  char message[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(message, sizeof(message), format, args);
  va_end(args);

  const ErrorSink &sink = getErrorSink();
  if (ErrorHandler handler = sink.handler->load()) {
    handler(function, message);
    return;
  }
  // Lowered code has no way to handle a failure, and going on would produce
  // a silently wrong result, so the default is to stop loudly.
  std::fprintf(stderr, "%s: %s: %s\n", sink.prefix, function, message);
  std::fflush(stderr);
  std::abort();
}
