//===- DeviceMemory.cpp - Accounted device memory -------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "DeviceMemory.h"

#include "ErrorReporting.h"
#include "spectral-core/Memory.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;

namespace {

std::atomic<int64_t> programLive{0};
core::PeakBytes programPeak;
std::atomic<int64_t> runtimeLive{0};
core::PeakBytes runtimePeak;

std::mutex programMutex;
std::unordered_map<void *, ProgramBlock> &getProgramBlocks() {
  static std::unordered_map<void *, ProgramBlock> blocks;
  return blocks;
}

void addBytes(std::atomic<int64_t> &live, core::PeakBytes &peak,
              int64_t bytes) {
  peak.raise(live.fetch_add(bytes) + bytes);
}

/// Whether the calling thread's default device has memory pools
/// (cuMemAllocAsync); asked once per device.
bool hasMemoryPools(const DriverAPI &driver) {
  if (!driver.cuMemAllocAsync || !driver.cuMemFreeAsync)
    return false;
  static std::mutex mutex;
  static std::unordered_map<int, bool> known;
  int ordinal = getDefaultDevice();
  std::lock_guard<std::mutex> lock(mutex);
  auto it = known.find(ordinal);
  if (it != known.end())
    return it->second;
  CUdevice device;
  int supported = 0;
  if (driver.cuDeviceGet(&device, ordinal) != CUDA_SUCCESS ||
      driver.cuDeviceGetAttribute(&supported,
                                  CU_DEVICE_ATTRIBUTE_MEMORY_POOLS_SUPPORTED,
                                  device) != CUDA_SUCCESS)
    supported = 0;
  known.emplace(ordinal, supported != 0);
  return supported != 0;
}

} // namespace

void mlir::spectral::cuda::recordProgramAllocation(void *ptr,
                                                   ProgramBlock block) {
  {
    std::lock_guard<std::mutex> lock(programMutex);
    getProgramBlocks()[ptr] = block;
  }
  addBytes(programLive, programPeak, static_cast<int64_t>(block.bytes));
}

std::optional<ProgramBlock>
mlir::spectral::cuda::forgetProgramAllocation(void *ptr) {
  ProgramBlock block;
  {
    std::lock_guard<std::mutex> lock(programMutex);
    auto &blocks = getProgramBlocks();
    auto it = blocks.find(ptr);
    if (it == blocks.end())
      return std::nullopt;
    block = it->second;
    blocks.erase(it);
  }
  programLive.fetch_sub(static_cast<int64_t>(block.bytes));
  return block;
}

bool DeviceBuffer::allocate(const DriverAPI &api, size_t size,
                            const char *name) {
  release();
  if (size == 0)
    return true;
  if (size == SIZE_MAX || size > static_cast<size_t>(INT64_MAX)) {
    runtime::reportError(name,
                         "cannot allocate %zu bytes of device memory "
                         "(the size overflows)",
                         size);
    return false;
  }
  driver = &api;
  function = name;
  streamOrdered = hasMemoryPools(api);
  CUdeviceptr address = 0;
  CUresult result = streamOrdered
                        ? api.cuMemAllocAsync(&address, size, /*stream=*/0)
                        : api.cuMemAlloc(&address, size);
  if (result != CUDA_SUCCESS) {
    char description[512];
    runtime::reportError(
        name, "cannot allocate %zu bytes of device scratch memory: %s", size,
        describeDriverResult(result, description, sizeof(description)));
    return false;
  }
  ptr = reinterpret_cast<void *>(address);
  bytes = size;
  addBytes(runtimeLive, runtimePeak, static_cast<int64_t>(size));
  return true;
}

void DeviceBuffer::release() {
  if (!ptr)
    return;
  CUdeviceptr address = reinterpret_cast<CUdeviceptr>(ptr);
  if (streamOrdered) {
    checkDriver(function, "cuMemFreeAsync",
                driver->cuMemFreeAsync(address, /*stream=*/0));
  } else {
    // Without stream-ordered frees, the work that uses the buffer must end
    // before the memory can be reused.
    if (checkDriver(function, "cuStreamSynchronize",
                    driver->cuStreamSynchronize(/*stream=*/0)))
      checkDriver(function, "cuMemFree", driver->cuMemFree(address));
  }
  runtimeLive.fetch_sub(static_cast<int64_t>(bytes));
  ptr = nullptr;
  bytes = 0;
}

void mlir::spectral::cuda::reportHostAllocationFailure(const char *function,
                                                       size_t count,
                                                       size_t elementSize) {
  runtime::reportError(function,
                       "out of host memory allocating %zu elements of %zu "
                       "bytes",
                       count, elementSize);
}

extern "C" int64_t spectral_cuda_program_live_bytes(void) {
  return programLive.load();
}

extern "C" int64_t spectral_cuda_program_peak_bytes(void) {
  return programPeak.get();
}

extern "C" void spectral_cuda_program_reset_peak(void) {
  programPeak.reset(programLive);
}

extern "C" int64_t spectral_cuda_runtime_live_bytes(void) {
  return runtimeLive.load();
}

extern "C" int64_t spectral_cuda_runtime_peak_bytes(void) {
  return runtimePeak.get();
}

extern "C" void spectral_cuda_runtime_reset_peak(void) {
  runtimePeak.reset(runtimeLive);
}
