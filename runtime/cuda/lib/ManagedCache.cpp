//===- ManagedCache.cpp - Freed managed blocks kept for reuse -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ManagedCache.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <vector>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;

namespace {

struct CachedBlock {
  void *ptr;
  /// Completes when the work enqueued before the free has.
  CUevent freed;
};

struct DeviceCache {
  /// By size; blocks of one size in the order they were freed.
  std::multimap<uint64_t, CachedBlock> blocks;
  uint64_t bytes = 0;
  /// Events of blocks handed out again, for the next frees.
  std::vector<CUevent> spareEvents;
};

struct ManagedCache {
  std::mutex mutex;
  std::map<int, DeviceCache> devices;
  std::atomic<int64_t> totalBytes{0};
};

ManagedCache &getCache() {
  // Never destroyed: blocks outlive static destructors run at exit.
  static auto *cache = new ManagedCache();
  return *cache;
}

uint64_t getCapacity() {
  static const uint64_t capacity = [] {
    const char *text = std::getenv("SPECTRAL_CUDA_MANAGED_CACHE_BYTES");
    if (!text || !*text)
      return uint64_t(1) << 30;
    char *end = nullptr;
    unsigned long long value = std::strtoull(text, &end, 10);
    // Not a number: the default, rather than silently no cache.
    return *end == '\0' ? static_cast<uint64_t>(value) : uint64_t(1) << 30;
  }();
  return capacity;
}

} // namespace

void *mlir::spectral::cuda::takeCachedManagedBlock(const DriverAPI &driver,
                                                   uint64_t bytes) {
  ManagedCache &cache = getCache();
  std::lock_guard<std::mutex> lock(cache.mutex);
  DeviceCache &device = cache.devices[getDefaultDevice()];
  auto [begin, end] = device.blocks.equal_range(bytes);
  for (auto it = begin; it != end; ++it) {
    // Not ready (CUDA_ERROR_NOT_READY) or failed: try the next, else leave
    // the block for a later request.
    if (driver.cuEventQuery(it->second.freed) != CUDA_SUCCESS)
      continue;
    void *ptr = it->second.ptr;
    device.spareEvents.push_back(it->second.freed);
    device.blocks.erase(it);
    device.bytes -= bytes;
    cache.totalBytes.fetch_sub(static_cast<int64_t>(bytes));
    return ptr;
  }
  return nullptr;
}

bool mlir::spectral::cuda::cacheManagedBlock(const char *function,
                                             const DriverAPI &driver, void *ptr,
                                             uint64_t bytes, CUstream stream) {
  ManagedCache &cache = getCache();
  std::lock_guard<std::mutex> lock(cache.mutex);
  DeviceCache &device = cache.devices[getDefaultDevice()];
  if (device.bytes + bytes > getCapacity())
    return false;
  CUevent freed = nullptr;
  if (!device.spareEvents.empty()) {
    freed = device.spareEvents.back();
    device.spareEvents.pop_back();
  } else if (!checkDriver(
                 function, "cuEventCreate",
                 driver.cuEventCreate(&freed, CU_EVENT_DISABLE_TIMING))) {
    return false;
  }
  if (!checkDriver(function, "cuEventRecord",
                   driver.cuEventRecord(freed, stream))) {
    device.spareEvents.push_back(freed);
    return false;
  }
  device.blocks.emplace(bytes, CachedBlock{ptr, freed});
  device.bytes += bytes;
  cache.totalBytes.fetch_add(static_cast<int64_t>(bytes));
  return true;
}

bool mlir::spectral::cuda::trimManagedCache(const char *function,
                                            const DriverAPI &driver) {
  ManagedCache &cache = getCache();
  std::lock_guard<std::mutex> lock(cache.mutex);
  DeviceCache &device = cache.devices[getDefaultDevice()];
  bool ok = true;
  for (auto &[bytes, block] : device.blocks) {
    ok = checkDriver(function, "cuEventSynchronize",
                     driver.cuEventSynchronize(block.freed)) &&
         checkDriver(
             function, "cuMemFree",
             driver.cuMemFree(reinterpret_cast<CUdeviceptr>(block.ptr))) &&
         ok;
    device.spareEvents.push_back(block.freed);
    cache.totalBytes.fetch_sub(static_cast<int64_t>(bytes));
  }
  device.blocks.clear();
  device.bytes = 0;
  return ok;
}

int64_t mlir::spectral::cuda::getManagedCacheBytes() {
  return getCache().totalBytes.load();
}

extern "C" int64_t spectral_cuda_managed_cache_bytes(void) {
  return getManagedCacheBytes();
}

extern "C" void spectral_cuda_managed_cache_trim(void) {
  const char *function = "spectral_cuda_managed_cache_trim";
  if (getManagedCacheBytes() == 0)
    return;
  if (const DriverAPI *driver = enterContext(function))
    trimManagedCache(function, *driver);
}
