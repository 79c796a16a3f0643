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
// Every block handed out, small or large, is recorded with its requested
// size: that is how a freed block is found to be cacheable, and what the
// program accounting (spectral_runtime_program_live_bytes/peak_bytes) counts
// exactly. The records are split by address into shards with a lock each,
// so that threads allocating small buffers rarely wait for one another.
//
//===----------------------------------------------------------------------===//

#include "spectral-runtime/SpectralRuntime.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace {

constexpr size_t kMinCachedBytes = size_t(1) << 20;
constexpr size_t kMaxCachedBytes = size_t(1) << 30;
constexpr unsigned kShardBits = 4;

struct BlockKey {
  size_t bytes;
  size_t alignment;
  bool operator<(const BlockKey &other) const {
    return std::pair(bytes, alignment) <
           std::pair(other.bytes, other.alignment);
  }
};

/// Mixes the bits of an address (splitmix64's finaliser), whose low bits are
/// alignment and whose high bits rarely change.
uint64_t hashAddress(const void *ptr) {
  uint64_t z = reinterpret_cast<uintptr_t>(ptr);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/// Address -> BlockKey, by open addressing with linear probing: no
/// allocation per block (unlike a node-based map), which matters to code
/// that allocates small buffers in a loop.
class AddressMap {
public:
  /// Records `ptr`; returns the bytes of the record it replaces, 0 if none.
  size_t insert(void *ptr, BlockKey key) {
    if ((count + 1) * 2 > slots.size())
      grow();
    Slot &slot = slots[find(ptr)];
    if (slot.ptr) {
      size_t replaced = slot.key.bytes;
      slot.key = key;
      return replaced;
    }
    slot = {ptr, key};
    ++count;
    return 0;
  }

  /// Removes the record of `ptr` into `key`; false if there is none.
  bool remove(void *ptr, BlockKey &key) {
    if (slots.empty())
      return false;
    size_t hole = find(ptr);
    if (!slots[hole].ptr)
      return false;
    key = slots[hole].key;
    // Backward-shift deletion (no tombstones): move each later record of
    // the run into the hole unless its home lies between the hole and it.
    size_t mask = slots.size() - 1;
    for (size_t i = (hole + 1) & mask; slots[i].ptr; i = (i + 1) & mask) {
      size_t home = hashAddress(slots[i].ptr) & mask;
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        slots[hole] = slots[i];
        hole = i;
      }
    }
    slots[hole].ptr = nullptr;
    --count;
    return true;
  }

private:
  struct Slot {
    void *ptr = nullptr; // null: empty
    BlockKey key{};
  };

  /// The slot holding `ptr`, or the empty slot where it would go.
  size_t find(const void *ptr) const {
    size_t mask = slots.size() - 1;
    size_t i = hashAddress(ptr) & mask;
    while (slots[i].ptr && slots[i].ptr != ptr)
      i = (i + 1) & mask;
    return i;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots);
    slots.assign(old.empty() ? 64 : 2 * old.size(), Slot());
    for (const Slot &slot : old)
      if (slot.ptr)
        slots[find(slot.ptr)] = slot;
  }

  std::vector<Slot> slots; // a power of two of them, at most half full
  size_t count = 0;
};

/// The blocks handed out and not yet freed, by address, in shards with a
/// lock each.
class LiveBlocks {
public:
  /// Records `ptr`. Returns the bytes of a record already at that address
  /// (a block of ours that someone freed without us, whose memory malloc
  /// has now handed out again), which are then no longer live; 0 if none.
  size_t insert(void *ptr, BlockKey key) {
    Shard &shard = getShard(ptr);
    std::lock_guard<std::mutex> lock(shard.mutex);
    return shard.blocks.insert(ptr, key);
  }

  /// Removes the record of `ptr` into `key`; false if there is none.
  bool remove(void *ptr, BlockKey &key) {
    Shard &shard = getShard(ptr);
    std::lock_guard<std::mutex> lock(shard.mutex);
    return shard.blocks.remove(ptr, key);
  }

private:
  // A cache line each, so that locking one shard does not slow the others.
  struct alignas(64) Shard {
    std::mutex mutex;
    AddressMap blocks;
  };

  Shard &getShard(const void *ptr) {
    return shards[hashAddress(ptr) >> (64 - kShardBits)];
  }

  Shard shards[size_t(1) << kShardBits];
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
                    static_cast<int64_t>(live.insert(ptr, key));
    raisePeak(liveBytes.fetch_add(added) + added);
    return ptr;
  }

  void release(void *ptr) {
    if (!ptr)
      return;
    BlockKey key;
    // Not ours (memory from elsewhere): free it as before, uncounted.
    if (!live.remove(ptr, key)) {
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
  int64_t getPeakBytes() const { return peakBytes.load(); }

  void resetPeak() {
    peakBytes.store(liveBytes.load());
    // An allocation between the load and the store raised the old peak, not
    // this one: make sure the new peak covers what is live now.
    raisePeak(liveBytes.load());
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

  void raisePeak(int64_t value) {
    int64_t peak = peakBytes.load();
    while (value > peak && !peakBytes.compare_exchange_weak(peak, value)) {
    }
  }

  LiveBlocks live;
  // Apart, so that reading the peak on every allocation does not contend
  // with the updates of the live bytes.
  alignas(64) std::atomic<int64_t> liveBytes{0};
  alignas(64) std::atomic<int64_t> peakBytes{0};

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
