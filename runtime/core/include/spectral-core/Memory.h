//===- Memory.h - Accounted allocation of runtime-owned memory --*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The one allocator of the runtime. Every buffer the runtime owns goes
// through it, so that spectral_runtime_live_bytes/peak_bytes see all of them
// and a memory limit can refuse an allocation with a clear error instead of
// letting the process run out of memory.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_MEMORY_H
#define SPECTRAL_RUNTIME_LIB_MEMORY_H

#include "spectral-core/ErrorMessage.h"

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace mlir {
namespace spectral {
namespace core {

/// Alignment of every runtime allocation: a cache line, which is also a
/// multiple of every SIMD alignment FFTW asks for.
constexpr size_t kAllocationAlignment = 64;

/// The highest value a live-bytes counter has reached since the last reset,
/// kept lock-free like the counter.
class PeakBytes {
public:
  int64_t get() const { return peak.load(); }

  /// Raises the peak to at least `value`.
  void raise(int64_t value) {
    int64_t current = peak.load();
    while (value > current && !peak.compare_exchange_weak(current, value)) {
    }
  }

  /// Sets the peak to what `live` holds now.
  void reset(const std::atomic<int64_t> &live) {
    peak.store(live.load());
    // An allocation between the load and the store raised the old peak, not
    // this one: make sure the new peak covers what is live now.
    raise(live.load());
  }

private:
  std::atomic<int64_t> peak{0};
};

/// Allocates `bytes` (> 0) aligned to kAllocationAlignment and counts them.
/// Returns null and fills `error` if the memory limit would be exceeded or
/// the system is out of memory.
void *allocateTracked(size_t bytes, ErrorMessage &error);

/// Releases memory from allocateTracked; `bytes` is the size allocated.
void freeTracked(void *ptr, size_t bytes);

/// Bytes allocated and not yet freed, and the most there have been since
/// the last resetPeakBytes (spectral_runtime_live_bytes and friends).
int64_t getLiveBytes();
int64_t getPeakBytes();
void resetPeakBytes();
/// Refuses allocations beyond `bytes` live (0: no limit; `bytes` >= 0).
void setMemoryLimit(int64_t bytes);

/// An owned, accounted array of `T` (trivial types only; not initialised).
template <typename T> class TrackedBuffer {
public:
  TrackedBuffer() = default;
  TrackedBuffer(const TrackedBuffer &) = delete;
  TrackedBuffer &operator=(const TrackedBuffer &) = delete;
  ~TrackedBuffer() { release(); }

  /// Allocates `count` elements (none for 0). On failure fills `error` and
  /// returns false.
  bool allocate(size_t count, ErrorMessage &error) {
    release();
    if (count == 0)
      return true;
    if (count > SIZE_MAX / sizeof(T)) {
      error.set("cannot allocate %zu elements of %zu bytes: the size "
                "overflows",
                count, sizeof(T));
      return false;
    }
    void *ptr = allocateTracked(count * sizeof(T), error);
    if (!ptr)
      return false;
    elements = static_cast<T *>(ptr);
    length = count;
    return true;
  }

  void release() {
    if (elements)
      freeTracked(elements, length * sizeof(T));
    elements = nullptr;
    length = 0;
  }

  T *data() const { return elements; }
  size_t size() const { return length; }
  T &operator[](size_t i) const { return elements[i]; }

private:
  T *elements = nullptr;
  size_t length = 0;
};

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_MEMORY_H
