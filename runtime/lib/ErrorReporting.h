//===- ErrorReporting.h - Error reporting of the runtime --------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every entry point reports bad input through reportError, so that the
// default (print and abort) and the test hook behave the same everywhere.
// The core library (runtime/core) does not report: it returns an
// core::ErrorMessage, which the entry point reports here.
//
// This code is shared by the CPU and the CUDA runtime libraries, which may
// be loaded into one process: each library defines its own ErrorSink (its
// message prefix and its handler), so that errors go to the handler that
// was installed through that library's C ABI.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_ERRORREPORTING_H
#define SPECTRAL_RUNTIME_LIB_ERRORREPORTING_H

#include "spectral-core/ErrorMessage.h"

#include <atomic>
#include <cstddef>

namespace mlir {
namespace spectral {
namespace runtime {

/// Receives the entry point's name and the message (C ABI of both runtimes).
using ErrorHandler = void (*)(const char *function, const char *message);

/// Where the errors of one library go.
struct ErrorSink {
  /// Start of the default message, e.g. "spectral runtime error".
  const char *prefix;
  /// The installed handler; null for the default (print and abort).
  std::atomic<ErrorHandler> *handler;
};

/// Defined once by each library that links this code.
const ErrorSink &getErrorSink();

/// Reports an error in entry point `function` (printf-style message). With
/// the default handler this does not return; with an installed handler it
/// returns and the caller must return without writing its outputs.
void reportError(const char *function, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/// Returns `succeeded`; on failure first reports `error` (a core function's
/// message) as an error of entry point `function`.
inline bool succeededOrReport(bool succeeded, const char *function,
                              const core::ErrorMessage &error) {
  if (!succeeded)
    reportError(function, "%s", error.str());
  return succeeded;
}

} // namespace runtime
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_ERRORREPORTING_H
