//===- PlanCache.h - Cache of FFT plans -------------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Planning is expensive and, in FFTW, not thread-safe, while executing a plan
// on new arrays is cheap and thread-safe. The cache therefore plans each
// distinct problem once under a lock and hands out plans that any number of
// threads execute concurrently. A plan is keyed by everything that decides
// whether it applies to a pair of arrays: the problem (kind, direction,
// lengths and strides of transformed and batch dimensions, threads), the
// alignment classes of both arrays, whether they are the same array, and the
// planning mode. Plans live as long as the cache (the process).
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_PLANCACHE_H
#define SPECTRAL_RUNTIME_LIB_PLANCACHE_H

#include "spectral-core/FFTBackend.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <vector>

namespace mlir {
namespace spectral {
namespace core {

class PlanCache {
public:
  explicit PlanCache(FFTBackend &backend) : backend(backend) {}
  PlanCache(const PlanCache &) = delete;
  PlanCache &operator=(const PlanCache &) = delete;
  ~PlanCache();

  /// Returns a plan that executes `problem` on `in` and `out`, planning it
  /// on first use. Thread-safe. On failure fills `error` and returns null.
  const FFTPlan *getPlan(const FFTProblem &problem, void *in, void *out,
                         ErrorMessage &error);

  FFTBackend &getBackend() const { return backend; }

private:
  FFTBackend &backend;
  std::mutex mutex;
  std::map<std::vector<int64_t>, FFTPlan *> plans;
};

/// The cache of the host backend.
PlanCache &getHostPlanCache();

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_PLANCACHE_H
