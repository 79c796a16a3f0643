//===- RunnerUtils.cpp - Printing and timing for compiled programs --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The functions of MLIR's runner utilities that spectral programs call
// (printMemref*, print*, rtclock, and memrefCopy, which memref-to-llvm
// calls for copies between non-contiguous memrefs), for programs that
// sst-compile links.
// Debian's libmlir_c_runner_utils.so depends on libMLIR.so and libLLVM.so
// (hundreds of MB), so a compiled program could not be moved to a machine
// without LLVM; these are built on MLIR's header-only printing templates,
// so the output is the same as under mlir-runner.
//
//===----------------------------------------------------------------------===//

#include "mlir/ExecutionEngine/RunnerUtils.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

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

/// Copies `src` to `dst` (same shape, any strides), `elementSize` bytes an
/// element: the innermost dimension element by element, the others by an
/// odometer over their indices.
extern "C" void memrefCopy(int64_t elementSize, UnrankedMemRefType<char> *src,
                           UnrankedMemRefType<char> *dst) {
  DynamicMemRefType<char> from(*src), to(*dst);
  int64_t rank = from.rank;
  char *fromBase = from.data + from.offset * elementSize;
  char *toBase = to.data + to.offset * elementSize;
  if (rank == 0) {
    std::memcpy(toBase, fromBase, elementSize);
    return;
  }
  for (int64_t d = 0; d < rank; ++d)
    if (from.sizes[d] == 0)
      return;
  std::vector<int64_t> index(rank, 0);
  int64_t inner = rank - 1;
  while (true) {
    int64_t fromOffset = 0, toOffset = 0;
    for (int64_t d = 0; d < inner; ++d) {
      fromOffset += index[d] * from.strides[d];
      toOffset += index[d] * to.strides[d];
    }
    for (int64_t i = 0; i < from.sizes[inner]; ++i)
      std::memcpy(toBase + (toOffset + i * to.strides[inner]) * elementSize,
                  fromBase +
                      (fromOffset + i * from.strides[inner]) * elementSize,
                  elementSize);
    int64_t d = inner - 1;
    while (d >= 0 && ++index[d] == from.sizes[d])
      index[d--] = 0;
    if (d < 0)
      return;
  }
}
