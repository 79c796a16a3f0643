//===- FuzzStats.cpp - How far the fuzz inputs got ------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FuzzStats.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

namespace {
/// Stages in order of first use; a handful per target.
std::vector<std::pair<const char *, uint64_t>> &getCounts() {
  static auto *counts = new std::vector<std::pair<const char *, uint64_t>>();
  return *counts;
}

void printCounts() {
  for (const auto &[stage, count] : getCounts())
    std::fprintf(stderr, "spectral-fuzz stat: %s: %llu\n", stage,
                 static_cast<unsigned long long>(count));
}
} // namespace

void spectral_fuzz::countStage(const char *stage) {
  static bool enabled = [] {
    if (!std::getenv("SPECTRAL_FUZZ_STATS"))
      return false;
    std::atexit(printCounts);
    return true;
  }();
  if (!enabled)
    return;
  auto &counts = getCounts();
  for (auto &entry : counts)
    if (std::strcmp(entry.first, stage) == 0) {
      ++entry.second;
      return;
    }
  counts.emplace_back(stage, 1);
}
