//===- PlanCache.cpp - Cache of FFT plans ---------------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/PlanCache.h"

using namespace mlir::spectral::core;

PlanCache::~PlanCache() {
  std::lock_guard<std::mutex> lock(mutex);
  for (auto &entry : plans)
    backend.destroy(entry.second);
}

/// Flattens everything that decides whether a plan applies into one key.
static std::vector<int64_t> makeKey(const FFTProblem &problem, int32_t mode,
                                    int32_t inAlignment, int32_t outAlignment,
                                    bool inPlace) {
  std::vector<int64_t> key;
  key.reserve(8 + 3 * (problem.rank + problem.batchRank));
  key.push_back(static_cast<int64_t>(problem.kind));
  key.push_back(static_cast<int64_t>(problem.precision));
  key.push_back(problem.sign);
  key.push_back(problem.threads);
  key.push_back(mode);
  key.push_back(inAlignment);
  key.push_back(outAlignment);
  key.push_back(inPlace);
  key.push_back(problem.rank);
  for (int32_t i = 0; i < problem.rank; ++i) {
    key.push_back(problem.dims[i].length);
    key.push_back(problem.dims[i].inStride);
    key.push_back(problem.dims[i].outStride);
  }
  key.push_back(problem.batchRank);
  for (int32_t i = 0; i < problem.batchRank; ++i) {
    key.push_back(problem.batch[i].length);
    key.push_back(problem.batch[i].inStride);
    key.push_back(problem.batch[i].outStride);
  }
  return key;
}

const FFTPlan *PlanCache::getPlan(const FFTProblem &problem, void *in,
                                  void *out, ErrorMessage &error) {
  int32_t mode = backend.planningMode();
  std::vector<int64_t> key =
      makeKey(problem, mode, backend.alignmentOf(in, problem.precision),
              backend.alignmentOf(out, problem.precision), in == out);
  std::lock_guard<std::mutex> lock(mutex);
  auto it = plans.find(key);
  if (it != plans.end())
    return it->second;
  FFTPlan *plan = backend.plan(problem, mode, in, out, error);
  if (plan)
    plans.emplace(std::move(key), plan);
  return plan;
}

PlanCache &mlir::spectral::core::getHostPlanCache() {
  // Constructed after (so destroyed before) the backend it uses.
  static PlanCache cache(getHostFFTBackend());
  return cache;
}
