//===- Errors.h - Error reporting of the runtime ----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every entry point reports bad input through reportError, so that the
// default (print and abort) and the test hook behave the same everywhere.
// Code that must not report directly (e.g. while holding the planner lock)
// formats its message into an ErrorMessage and reports it later.
//
// This code is shared by the CPU and the CUDA runtime libraries, which may
// be loaded into one process: each library defines its own ErrorSink (its
// message prefix and its handler), so that errors go to the handler that
// was installed through that library's C ABI.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_ERRORS_H
#define SPECTRAL_RUNTIME_LIB_ERRORS_H

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

/// A message formatted now and reported later.
class ErrorMessage {
public:
  void set(const char *format, ...) __attribute__((format(printf, 2, 3)));
  const char *str() const { return text; }

private:
  char text[512] = {};
};

} // namespace runtime
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_ERRORS_H
