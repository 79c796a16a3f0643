//===- Parallel.cpp - The runtime's threads -------------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/Parallel.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <mutex>

using namespace mlir::spectral::core;

namespace {

/// The count, 0 until first asked for.
std::atomic<int32_t> numThreads{0};
std::atomic<bool> chosen{false};

/// SPECTRAL_NUM_THREADS as a positive count, or 0 where it is unset or not
/// one (then said once on stderr: an environment variable has no caller to
/// return an error to).
int32_t readCountVariable() {
  const char *text = std::getenv("SPECTRAL_NUM_THREADS");
  if (!text || !*text)
    return 0;
  char *end = nullptr;
  errno = 0;
  long value = std::strtol(text, &end, 10);
  if (errno == 0 && *end == '\0' && value >= 1 && value <= 4096)
    return static_cast<int32_t>(value);
  static std::once_flag warned;
  std::call_once(warned, [&] {
    std::fprintf(stderr,
                 "spectral runtime: ignoring SPECTRAL_NUM_THREADS='%s' (not "
                 "an integer from 1 to 4096)\n",
                 text);
  });
  return 0;
}

int32_t resolveDefaultCount() {
  if (int32_t fromVariable = readCountVariable()) {
    chosen.store(true);
    return fromVariable;
  }
  // OMP_NUM_THREADS where it is set, else the cores this process may run
  // on (libomp reads the affinity mask).
  return std::max(1, omp_get_max_threads());
}

} // namespace

int32_t mlir::spectral::core::getNumThreads() {
  int32_t count = numThreads.load(std::memory_order_relaxed);
  if (count > 0)
    return count;
  int32_t resolved = resolveDefaultCount();
  // Lowered code's OpenMP teams ask for this count themselves
  // (spectral-parallel-loops): the caller's own OpenMP settings stay as they
  // are.
  int32_t expected = 0;
  if (numThreads.compare_exchange_strong(expected, resolved))
    return resolved;
  return expected;
}

bool mlir::spectral::core::isNumThreadsChosen() {
  getNumThreads();
  return chosen.load();
}

void mlir::spectral::core::setNumThreads(int32_t count) {
  count = std::max(count, 1);
  chosen.store(true);
  numThreads.store(count);
}

void mlir::spectral::core::parallelForRanges(
    int64_t count, int64_t minPerThread,
    void (*body)(int64_t begin, int64_t end, void *context), void *context) {
  if (count <= 0)
    return;
  int64_t threads = getNumThreads();
  threads = std::min(
      threads,
      std::max<int64_t>(1, count / std::max<int64_t>(minPerThread, 1)));
  // Inside a caller's parallel region the caller's threads are the
  // parallelism: do not nest a second team.
  if (threads <= 1 || omp_in_parallel()) {
    body(0, count, context);
    return;
  }
#pragma omp parallel num_threads(static_cast <int>(threads))
  {
    int64_t team = omp_get_num_threads(), member = omp_get_thread_num();
    int64_t share = count / team, extra = count % team;
    int64_t begin = member * share + std::min(member, extra);
    int64_t end = begin + share + (member < extra ? 1 : 0);
    if (begin < end)
      body(begin, end, context);
  }
}
