//===- BufferCache.cpp - Allocator for buffers of lowered code ------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// spectral-cpu-pipeline lowers memref.alloc/dealloc to MLIR's generic
// allocation functions (`use-generic-functions`), implemented here. Code that
// allocates a large temporary on every call (a spectrum, a result) would
// otherwise get fresh pages from the system every time: glibc serves blocks
// above its mmap threshold (at most 32 MiB) by mmap and returns them on free,
// so each call pays the page faults of touching them again. Freed blocks of
// at least kMinCachedBytes are kept, up to kMaxCachedBytes in all, and handed
// out again for a request of the same size and alignment.
//
//===----------------------------------------------------------------------===//

#include "spectral-runtime/SpectralRuntime.h"

#include <cstddef>
#include <cstdlib>
#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace {

constexpr size_t kMinCachedBytes = size_t(1) << 20;
constexpr size_t kMaxCachedBytes = size_t(1) << 30;

struct BlockKey {
  size_t bytes;
  size_t alignment;
  bool operator<(const BlockKey &other) const {
    return std::pair(bytes, alignment) <
           std::pair(other.bytes, other.alignment);
  }
};

class BufferCache {
public:
  void *allocate(size_t bytes, size_t alignment) {
    BlockKey key{bytes, alignment};
    if (bytes >= kMinCachedBytes) {
      std::lock_guard<std::mutex> lock(mutex);
      auto it = idle.find(key);
      if (it != idle.end()) {
        void *ptr = it->second;
        idle.erase(it);
        idleBytes -= bytes;
        live.emplace(ptr, key);
        return ptr;
      }
    }
    void *ptr = allocateFresh(bytes, alignment);
    if (ptr && bytes >= kMinCachedBytes) {
      std::lock_guard<std::mutex> lock(mutex);
      live.emplace(ptr, key);
    }
    return ptr;
  }

  void release(void *ptr) {
    if (!ptr)
      return;
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto it = live.find(ptr);
      if (it != live.end()) {
        BlockKey key = it->second;
        live.erase(it);
        if (idleBytes + key.bytes <= kMaxCachedBytes) {
          idle.emplace(key, ptr);
          idleBytes += key.bytes;
          return;
        }
      }
    }
    std::free(ptr);
  }

  int64_t getIdleBytes() {
    std::lock_guard<std::mutex> lock(mutex);
    return static_cast<int64_t>(idleBytes);
  }

  void releaseIdle() {
    std::lock_guard<std::mutex> lock(mutex);
    for (auto &[key, ptr] : idle)
      std::free(ptr);
    idle.clear();
    idleBytes = 0;
  }

private:
  static void *allocateFresh(size_t bytes, size_t alignment) {
    if (alignment <= alignof(std::max_align_t))
      return std::malloc(bytes == 0 ? 1 : bytes);
    void *ptr = nullptr;
    // posix_memalign needs a power of two multiple of sizeof(void *).
    size_t align = alignment < sizeof(void *) ? sizeof(void *) : alignment;
    if (posix_memalign(&ptr, align, bytes == 0 ? 1 : bytes) != 0)
      return nullptr;
    return ptr;
  }

  std::mutex mutex;
  std::multimap<BlockKey, void *> idle;
  std::unordered_map<void *, BlockKey> live;
  size_t idleBytes = 0;
};

BufferCache &getBufferCache() {
  // Never destroyed: lowered code may free buffers during exit.
  static BufferCache *cache = new BufferCache();
  return *cache;
}

} // namespace

extern "C" void *_mlir_memref_to_llvm_alloc(size_t bytes) {
  return getBufferCache().allocate(bytes, alignof(std::max_align_t));
}

extern "C" void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment,
                                                    size_t bytes) {
  return getBufferCache().allocate(bytes, alignment);
}

extern "C" void _mlir_memref_to_llvm_free(void *ptr) {
  getBufferCache().release(ptr);
}

extern "C" int64_t spectral_runtime_cached_bytes(void) {
  return getBufferCache().getIdleBytes();
}

extern "C" void spectral_runtime_release_cached(void) {
  getBufferCache().releaseIdle();
}
