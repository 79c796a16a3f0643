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
// at least kMinCachedBytes (glibc's initial mmap threshold, 128 KiB) are
// kept, up to kMaxCachedBytes in all, and handed out again for a request of
// the same size and alignment. (With 1 MiB, the 256 x 256 TOSA fft2d of
// benchmarks/run_tosa_fft.sh spent a third of its time in page faults.)
//
// Every block handed out, small or large, is recorded with its requested
// size: that is how a freed block is found to be cacheable, and what the
// program accounting (spectral_runtime_program_live_bytes/peak_bytes) counts
// exactly.
//
//===----------------------------------------------------------------------===//

#include "spectral-core/Memory.h"
#include "spectral-runtime/SpectralRuntime.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace {

constexpr size_t kMinCachedBytes = size_t(1) << 17;
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
    void *ptr = bytes >= kMinCachedBytes ? takeIdle(key) : nullptr;
    if (!ptr)
      ptr = allocateFresh(bytes, alignment);
    if (!ptr)
      return nullptr;
    int64_t added = static_cast<int64_t>(bytes) -
                    static_cast<int64_t>(recordLive(ptr, key));
    peakBytes.raise(liveBytes.fetch_add(added) + added);
    return ptr;
  }

  void release(void *ptr) {
    if (!ptr)
      return;
    BlockKey key;
    // Not ours (memory from elsewhere): free it as before, uncounted.
    if (!forgetLive(ptr, key)) {
      std::free(ptr);
      return;
    }
    liveBytes.fetch_sub(static_cast<int64_t>(key.bytes));
    if (key.bytes >= kMinCachedBytes && keepIdle(ptr, key))
      return;
    std::free(ptr);
  }

  int64_t getIdleBytes() {
    std::lock_guard<std::mutex> lock(idleMutex);
    return static_cast<int64_t>(idleBytes);
  }

  void releaseIdle() {
    std::lock_guard<std::mutex> lock(idleMutex);
    for (auto &[key, ptr] : idle)
      std::free(ptr);
    idle.clear();
    idleBytes = 0;
  }

  int64_t getLiveBytes() const { return liveBytes.load(); }
  int64_t getPeakBytes() const { return peakBytes.get(); }
  void resetPeak() { peakBytes.reset(liveBytes); }

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

  /// An idle block for `key`, or null.
  void *takeIdle(BlockKey key) {
    std::lock_guard<std::mutex> lock(idleMutex);
    auto it = idle.find(key);
    if (it == idle.end())
      return nullptr;
    void *ptr = it->second;
    idle.erase(it);
    idleBytes -= key.bytes;
    return ptr;
  }

  /// Keeps `ptr` for reuse if the cache has room.
  bool keepIdle(void *ptr, BlockKey key) {
    std::lock_guard<std::mutex> lock(idleMutex);
    if (idleBytes + key.bytes > kMaxCachedBytes)
      return false;
    idle.emplace(key, ptr);
    idleBytes += key.bytes;
    return true;
  }

  /// Records `ptr`. Returns the bytes of a record already at that address
  /// (a block of ours that someone freed without us, whose memory malloc
  /// has now handed out again), which are then no longer live; 0 if none.
  size_t recordLive(void *ptr, BlockKey key) {
    std::lock_guard<std::mutex> lock(liveMutex);
    auto [it, inserted] = live.try_emplace(ptr, key);
    if (inserted)
      return 0;
    size_t replaced = it->second.bytes;
    it->second = key;
    return replaced;
  }

  /// Removes the record of `ptr` into `key`; false if there is none.
  bool forgetLive(void *ptr, BlockKey &key) {
    std::lock_guard<std::mutex> lock(liveMutex);
    auto it = live.find(ptr);
    if (it == live.end())
      return false;
    key = it->second;
    live.erase(it);
    return true;
  }

  std::mutex liveMutex;
  std::unordered_map<void *, BlockKey> live;
  std::atomic<int64_t> liveBytes{0};
  mlir::spectral::core::PeakBytes peakBytes;

  std::mutex idleMutex;
  std::multimap<BlockKey, void *> idle;
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

extern "C" int64_t spectral_runtime_program_live_bytes(void) {
  return getBufferCache().getLiveBytes();
}

extern "C" int64_t spectral_runtime_program_peak_bytes(void) {
  return getBufferCache().getPeakBytes();
}

extern "C" void spectral_runtime_program_reset_peak(void) {
  getBufferCache().resetPeak();
}
