//===- Parallel.h - The runtime's threads ------------------------*- C++
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// One thread count and one pool for everything the CPU runtime runs in
// parallel: its own loops, FFTW's (through FFTW's thread callback) and the
// OpenMP loops of lowered code, which share the process's OpenMP runtime
// (LLVM's libomp). The count is, in order: what setNumThreads last set,
// SPECTRAL_NUM_THREADS, OMP_NUM_THREADS, the cores this process may use.
//
// Work is split into contiguous, statically assigned ranges, so that a fixed
// thread count always gives every thread the same work: results are bitwise
// reproducible run to run.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_CORE_PARALLEL_H
#define SPECTRAL_RUNTIME_CORE_PARALLEL_H

#include <cstdint>
#include <type_traits>

namespace mlir {
namespace spectral {
namespace core {

/// The number of threads parallel work uses (>= 1).
int32_t getNumThreads();

/// True where the count was chosen (setNumThreads or SPECTRAL_NUM_THREADS)
/// rather than defaulted: only then does the runtime pass it on to
/// libraries with settings of their own (OpenBLAS).
bool isNumThreadsChosen();

/// Sets the number of threads (`count` >= 1) for the runtime and for the
/// OpenMP loops of lowered code, which read it at every team.
void setNumThreads(int32_t count);

/// Calls `body(begin, end, context)` on disjoint ranges that cover
/// [0, count), one range per thread, on at most getNumThreads() threads and
/// at most count / minPerThread of them. Returns when all have returned.
void parallelForRanges(int64_t count, int64_t minPerThread,
                       void (*body)(int64_t begin, int64_t end, void *context),
                       void *context);

/// The same for a callable `body(begin, end)`.
template <typename Body>
void parallelForRanges(int64_t count, int64_t minPerThread, Body &&body) {
  parallelForRanges(
      count, minPerThread,
      [](int64_t begin, int64_t end, void *context) {
        (*static_cast<std::remove_reference_t<Body> *>(context))(begin, end);
      },
      &body);
}

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_PARALLEL_H
