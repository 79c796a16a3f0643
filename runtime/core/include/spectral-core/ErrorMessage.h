//===- ErrorMessage.h - An error message returned to the caller -*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The core library never reports an error itself: it formats the message
// into an ErrorMessage and returns failure, and its caller decides. The
// runtime's entry points hand the message to their library's error handler
// (ErrorReporting.h); the compiler turns it into a diagnostic. No process-wide
// state is involved, so concurrent callers never see each other's errors.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_CORE_ERRORMESSAGE_H
#define SPECTRAL_RUNTIME_CORE_ERRORMESSAGE_H

#include <cstdarg>
#include <cstdio>

namespace mlir {
namespace spectral {
namespace core {

/// A message formatted now and reported (or returned) later.
class ErrorMessage {
public:
  void set(const char *format, ...) __attribute__((format(printf, 2, 3))) {
    va_list args;
    va_start(args, format);
    std::vsnprintf(text, sizeof(text), format, args);
    va_end(args);
  }
  const char *str() const { return text; }

private:
  char text[512] = {};
};

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_ERRORMESSAGE_H
