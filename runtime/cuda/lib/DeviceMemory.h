//===- DeviceMemory.h - Accounted device memory -----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Two accounts of device bytes: the program's (what mgpuMemAlloc hands out
// to lowered code) and the runtime's (scratch the entry points allocate for
// themselves). Runtime scratch is allocated and freed in stream order on the
// legacy default stream, where the entry points enqueue their work, so that
// freeing a buffer never waits for the device; drivers without memory pools
// fall back to synchronising before the free.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_LIB_DEVICEMEMORY_H
#define SPECTRAL_CUDA_RUNTIME_LIB_DEVICEMEMORY_H

#include "Driver.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

namespace mlir {
namespace spectral {
namespace cuda {

/// A block mgpuMemAlloc handed out.
struct ProgramBlock {
  uint64_t bytes = 0;
  /// cuMemAllocManaged rather than cuMemAlloc.
  bool managed = false;
};

/// Records a block mgpuMemAlloc returned.
void recordProgramAllocation(void *ptr, ProgramBlock block);

/// Forgets a block passed to mgpuMemFree and returns what it was; none if
/// it was not recorded.
std::optional<ProgramBlock> forgetProgramAllocation(void *ptr);

/// A runtime-owned device buffer, counted while allocated. Needs the
/// context of enterContext current.
class DeviceBuffer {
public:
  DeviceBuffer() = default;
  DeviceBuffer(const DeviceBuffer &) = delete;
  DeviceBuffer &operator=(const DeviceBuffer &) = delete;
  ~DeviceBuffer() { release(); }

  /// Allocates `bytes` (nothing for 0); reports a failure as an error of
  /// `function` and returns false.
  bool allocate(const DriverAPI &driver, size_t bytes, const char *function);

  /// Same, for `count` elements of `T`, checking the size for overflow.
  template <typename T>
  bool allocateArray(const DriverAPI &driver, size_t count,
                     const char *function) {
    if (count > SIZE_MAX / sizeof(T))
      return allocate(driver, SIZE_MAX, function);
    return allocate(driver, count * sizeof(T), function);
  }

  /// Enqueues the free on the legacy stream.
  void release();

  void *data() const { return ptr; }
  template <typename T> T *as() const { return static_cast<T *>(ptr); }
  size_t size() const { return bytes; }

private:
  const DriverAPI *driver = nullptr;
  const char *function = nullptr;
  void *ptr = nullptr;
  size_t bytes = 0;
  bool streamOrdered = false;
};

/// A host array, for what must be read or prepared on the host (positions
/// to check, candidate lists). Not counted: the accounts are of device
/// memory.
template <typename T> class HostBuffer {
public:
  HostBuffer() = default;
  HostBuffer(const HostBuffer &) = delete;
  HostBuffer &operator=(const HostBuffer &) = delete;
  ~HostBuffer() { std::free(elements); }

  /// Allocates `count` elements (at least one); reports a failure as an
  /// error of `function`.
  bool allocate(size_t count, const char *function);

  T *data() const { return elements; }
  T &operator[](size_t i) const { return elements[i]; }

private:
  T *elements = nullptr;
};

/// Reports that `bytes` of host memory could not be allocated.
void reportHostAllocationFailure(const char *function, size_t count,
                                 size_t elementSize);

template <typename T>
bool HostBuffer<T>::allocate(size_t count, const char *function) {
  std::free(elements);
  elements = nullptr;
  if (count == 0)
    count = 1;
  if (count <= SIZE_MAX / sizeof(T))
    elements = static_cast<T *>(std::malloc(count * sizeof(T)));
  if (!elements)
    reportHostAllocationFailure(function, count, sizeof(T));
  return elements != nullptr;
}

} // namespace cuda
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_CUDA_RUNTIME_LIB_DEVICEMEMORY_H
