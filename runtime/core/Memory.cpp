//===- Memory.cpp - Accounted allocation of runtime-owned memory ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/Memory.h"

#include <atomic>
#include <cstdlib>

using namespace mlir::spectral::core;

// Lock-free counters: entry points run concurrently, and an allocation must
// reserve its bytes against the limit atomically with the check.
static std::atomic<int64_t> liveBytes{0};
static PeakBytes peakBytes;
static std::atomic<int64_t> memoryLimit{0};

void *mlir::spectral::core::allocateTracked(size_t bytes, ErrorMessage &error) {
  // aligned_alloc wants a multiple of the alignment; account what is really
  // taken.
  size_t rounded = (bytes + kAllocationAlignment - 1) / kAllocationAlignment *
                   kAllocationAlignment;
  if (bytes == 0 || rounded < bytes || rounded > INT64_MAX) {
    error.set("cannot allocate %zu bytes of runtime memory", bytes);
    return nullptr;
  }
  int64_t size = static_cast<int64_t>(rounded);

  // Reserve first, so that two threads cannot both pass the limit check.
  int64_t live = liveBytes.load();
  int64_t newLive;
  do {
    int64_t limit = memoryLimit.load();
    if (__builtin_add_overflow(live, size, &newLive) ||
        (limit > 0 && newLive > limit)) {
      error.set("cannot allocate %lld bytes of runtime memory: %lld bytes "
                "are live and the memory limit is %lld bytes",
                static_cast<long long>(size), static_cast<long long>(live),
                static_cast<long long>(limit));
      return nullptr;
    }
  } while (!liveBytes.compare_exchange_weak(live, newLive));

  void *ptr = std::aligned_alloc(kAllocationAlignment, rounded);
  if (!ptr) {
    liveBytes.fetch_sub(size);
    error.set("out of memory allocating %lld bytes of runtime memory",
              static_cast<long long>(size));
    return nullptr;
  }
  peakBytes.raise(newLive);
  return ptr;
}

void mlir::spectral::core::freeTracked(void *ptr, size_t bytes) {
  if (!ptr)
    return;
  size_t rounded = (bytes + kAllocationAlignment - 1) / kAllocationAlignment *
                   kAllocationAlignment;
  std::free(ptr);
  liveBytes.fetch_sub(static_cast<int64_t>(rounded));
}

int64_t mlir::spectral::core::getLiveBytes() { return liveBytes.load(); }

int64_t mlir::spectral::core::getPeakBytes() { return peakBytes.get(); }

void mlir::spectral::core::resetPeakBytes() { peakBytes.reset(liveBytes); }

void mlir::spectral::core::setMemoryLimit(int64_t bytes) {
  memoryLimit.store(bytes);
}
