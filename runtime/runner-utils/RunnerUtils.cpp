//===- RunnerUtils.cpp - Printing and timing for compiled programs --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The functions of MLIR's runner utilities that spectral programs call
// (printMemref*, print*, rtclock), for programs that sst-compile links.
// Debian's libmlir_c_runner_utils.so depends on libMLIR.so and libLLVM.so
// (hundreds of MB), so a compiled program could not be moved to a machine
// without LLVM; these are built on MLIR's header-only printing templates,
// so the output is the same as under mlir-runner.
//
//===----------------------------------------------------------------------===//

#include "mlir/ExecutionEngine/RunnerUtils.h"

#include <chrono>
#include <cstdio>

namespace {
template <typename T> void printUnranked(int64_t rank, void *descriptor) {
  UnrankedMemRefType<T> memref = {rank, descriptor};
  impl::printMemRef(memref);
}
} // namespace

#define SPECTRAL_RUNNER_PRINT(SUFFIX, TYPE)                                    \
  extern "C" void printMemref##SUFFIX(int64_t rank, void *descriptor) {        \
    printUnranked<TYPE>(rank, descriptor);                                     \
  }                                                                            \
  extern "C" void _mlir_ciface_printMemref##SUFFIX(                            \
      UnrankedMemRefType<TYPE> *memref) {                                      \
    impl::printMemRef(*memref);                                                \
  }

SPECTRAL_RUNNER_PRINT(F32, float)
SPECTRAL_RUNNER_PRINT(F64, double)
SPECTRAL_RUNNER_PRINT(I8, int8_t)
SPECTRAL_RUNNER_PRINT(I16, int16_t)
SPECTRAL_RUNNER_PRINT(I32, int32_t)
SPECTRAL_RUNNER_PRINT(I64, int64_t)
SPECTRAL_RUNNER_PRINT(C32, impl::complex32)
SPECTRAL_RUNNER_PRINT(C64, impl::complex64)

#undef SPECTRAL_RUNNER_PRINT

extern "C" void printF32(float value) {
  if (std::isnan(value) && std::signbit(value))
    std::fputs("-nan", stdout);
  else
    std::printf("%g", value);
}
extern "C" void printF64(double value) {
  if (std::isnan(value) && std::signbit(value))
    std::fputs("-nan", stdout);
  else
    std::printf("%lg", value);
}
extern "C" void printI64(int64_t value) {
  std::printf("%lld", static_cast<long long>(value));
}
extern "C" void printU64(uint64_t value) {
  std::printf("%llu", static_cast<unsigned long long>(value));
}
extern "C" void printString(const char *text) { std::fputs(text, stdout); }
extern "C" void printOpen() { std::fputs("( ", stdout); }
extern "C" void printClose() { std::fputs(" )", stdout); }
extern "C" void printComma() { std::fputs(", ", stdout); }
extern "C" void printNewline() { std::fputc('\n', stdout); }

/// Seconds on a monotonic clock, for timing differences.
extern "C" double rtclock() {
  auto now = std::chrono::steady_clock::now().time_since_epoch();
  return std::chrono::duration<double>(now).count();
}
