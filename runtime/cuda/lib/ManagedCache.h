//===- ManagedCache.h - Freed managed blocks kept for reuse -----*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Lowered code allocates its managed buffers (gpu.alloc host_shared) on every
// call and frees them before returning. cuMemAllocManaged is slow, a fresh
// block's pages fault in on their first device access, and cuMemFree may
// wait for the whole device. So mgpuMemFree keeps a freed managed block,
// and mgpuMemAlloc hands it out again for a request of exactly its size.
// Reuse is stream ordered: the free records an event on its stream, and a
// block is reused only once that event has completed, so work enqueued
// before the free may still read it (as with cuMemFreeAsync).
//
// At most SPECTRAL_CUDA_MANAGED_CACHE_BYTES (default 1 GiB; 0 turns the
// cache off) are kept per device; a failing cuMemAllocManaged first frees
// the cache and tries again.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_LIB_MANAGEDCACHE_H
#define SPECTRAL_CUDA_RUNTIME_LIB_MANAGEDCACHE_H

#include "Driver.h"

#include <cstdint>

namespace mlir {
namespace spectral {
namespace cuda {

/// A cached block of exactly `bytes` of the default device whose free has
/// completed, or null.
void *takeCachedManagedBlock(const DriverAPI &driver, uint64_t bytes);

/// Keeps `ptr` (`bytes`, managed, of the default device) for reuse once the
/// work enqueued so far on `stream` has completed; false if the cache is
/// full or off (the caller frees the block).
bool cacheManagedBlock(const char *function, const DriverAPI &driver, void *ptr,
                       uint64_t bytes, CUstream stream);

/// Frees every cached block of the default device, after its free's event;
/// false after reporting a failing driver call.
bool trimManagedCache(const char *function, const DriverAPI &driver);

/// Bytes cached, all devices together.
int64_t getManagedCacheBytes();

} // namespace cuda
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_CUDA_RUNTIME_LIB_MANAGEDCACHE_H
