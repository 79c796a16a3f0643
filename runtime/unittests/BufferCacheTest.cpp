//===- BufferCacheTest.cpp - The allocator of lowered code ----------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-runtime/SpectralRuntime.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <thread>
#include <utility>
#include <vector>

namespace {

constexpr size_t kLarge = size_t(3) << 20; // above the 128 KiB cache threshold

class RuntimeBufferCache : public ::testing::Test {
protected:
  void SetUp() override {
    spectral_runtime_release_cached();
    base = spectral_runtime_program_live_bytes();
  }
  void TearDown() override {
    spectral_runtime_release_cached();
    // Every test frees what it allocates.
    EXPECT_EQ(spectral_runtime_program_live_bytes(), base);
  }

  /// Program live bytes before the test.
  int64_t base = 0;
};

TEST_F(RuntimeBufferCache, LargeBlockIsReusedForTheSameRequest) {
  void *first = _mlir_memref_to_llvm_aligned_alloc(64, kLarge);
  ASSERT_NE(first, nullptr);
  std::memset(first, 1, kLarge);
  _mlir_memref_to_llvm_free(first);
  EXPECT_EQ(spectral_runtime_cached_bytes(), static_cast<int64_t>(kLarge));

  void *second = _mlir_memref_to_llvm_aligned_alloc(64, kLarge);
  EXPECT_EQ(second, first);
  EXPECT_EQ(spectral_runtime_cached_bytes(), 0);
  _mlir_memref_to_llvm_free(second);
}

TEST_F(RuntimeBufferCache, OtherSizesAndAlignmentsGetOtherBlocks) {
  void *block = _mlir_memref_to_llvm_aligned_alloc(64, kLarge);
  _mlir_memref_to_llvm_free(block);
  void *bigger = _mlir_memref_to_llvm_aligned_alloc(64, kLarge + 4096);
  void *aligned = _mlir_memref_to_llvm_aligned_alloc(4096, kLarge);
  EXPECT_NE(bigger, block);
  EXPECT_NE(aligned, block);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(aligned) % 4096, 0u);
  EXPECT_EQ(spectral_runtime_cached_bytes(), static_cast<int64_t>(kLarge));
  _mlir_memref_to_llvm_free(bigger);
  _mlir_memref_to_llvm_free(aligned);
}

TEST_F(RuntimeBufferCache, SmallBlocksAreNotKept) {
  void *small = _mlir_memref_to_llvm_alloc(4096);
  ASSERT_NE(small, nullptr);
  _mlir_memref_to_llvm_free(small);
  EXPECT_EQ(spectral_runtime_cached_bytes(), 0);
}

TEST_F(RuntimeBufferCache, ReleaseReturnsIdleBlocks) {
  void *a = _mlir_memref_to_llvm_alloc(kLarge);
  void *b = _mlir_memref_to_llvm_alloc(kLarge);
  EXPECT_NE(a, b);
  _mlir_memref_to_llvm_free(a);
  _mlir_memref_to_llvm_free(b);
  EXPECT_EQ(spectral_runtime_cached_bytes(), static_cast<int64_t>(2 * kLarge));
  spectral_runtime_release_cached();
  EXPECT_EQ(spectral_runtime_cached_bytes(), 0);
}

TEST_F(RuntimeBufferCache, FreeingNullIsANoOp) {
  _mlir_memref_to_llvm_free(nullptr);
  EXPECT_EQ(spectral_runtime_cached_bytes(), 0);
}

TEST_F(RuntimeBufferCache, GeneratedCodeBuffersAreNotRuntimeAccounted) {
  int64_t live = spectral_runtime_live_bytes();
  void *block = _mlir_memref_to_llvm_alloc(kLarge);
  EXPECT_EQ(spectral_runtime_live_bytes(), live);
  _mlir_memref_to_llvm_free(block);
}

//===----------------------------------------------------------------------===//
// Program accounting
//===----------------------------------------------------------------------===//

TEST_F(RuntimeBufferCache, ProgramLiveCountsEveryBlockExactly) {
  EXPECT_EQ(base, 0);
  void *empty = _mlir_memref_to_llvm_alloc(0);
  void *tiny = _mlir_memref_to_llvm_alloc(1);
  void *small = _mlir_memref_to_llvm_alloc(4100);
  void *aligned = _mlir_memref_to_llvm_aligned_alloc(256, 1000);
  void *large = _mlir_memref_to_llvm_aligned_alloc(64, kLarge + 3);
  ASSERT_TRUE(empty && tiny && small && aligned && large);
  const int64_t all = 1 + 4100 + 1000 + kLarge + 3;
  EXPECT_EQ(spectral_runtime_program_live_bytes(), all);

  _mlir_memref_to_llvm_free(small);
  EXPECT_EQ(spectral_runtime_program_live_bytes(), all - 4100);
  // An idle cached block is not live.
  _mlir_memref_to_llvm_free(large);
  EXPECT_EQ(spectral_runtime_cached_bytes(), static_cast<int64_t>(kLarge + 3));
  EXPECT_EQ(spectral_runtime_program_live_bytes(), 1 + 1000);
  _mlir_memref_to_llvm_free(empty);
  _mlir_memref_to_llvm_free(tiny);
  _mlir_memref_to_llvm_free(aligned);
  EXPECT_EQ(spectral_runtime_program_live_bytes(), 0);
}

TEST_F(RuntimeBufferCache, ReuseFromTheCacheIsCountedAgain) {
  void *first = _mlir_memref_to_llvm_alloc(kLarge);
  EXPECT_EQ(spectral_runtime_program_live_bytes(),
            base + static_cast<int64_t>(kLarge));
  _mlir_memref_to_llvm_free(first);
  EXPECT_EQ(spectral_runtime_program_live_bytes(), base);
  void *second = _mlir_memref_to_llvm_alloc(kLarge);
  EXPECT_EQ(second, first);
  EXPECT_EQ(spectral_runtime_program_live_bytes(),
            base + static_cast<int64_t>(kLarge));
  _mlir_memref_to_llvm_free(second);
  // Returning idle blocks to the system changes nothing live.
  spectral_runtime_release_cached();
  EXPECT_EQ(spectral_runtime_program_live_bytes(), base);
}

TEST_F(RuntimeBufferCache, ProgramPeakAndReset) {
  spectral_runtime_program_reset_peak();
  EXPECT_EQ(spectral_runtime_program_peak_bytes(), base);
  void *a = _mlir_memref_to_llvm_alloc(100);
  void *b = _mlir_memref_to_llvm_alloc(kLarge);
  const int64_t high = base + 100 + static_cast<int64_t>(kLarge);
  EXPECT_EQ(spectral_runtime_program_peak_bytes(), high);
  _mlir_memref_to_llvm_free(b);
  void *c = _mlir_memref_to_llvm_alloc(50);
  // The peak stays until it is reset, and then starts from what is live.
  EXPECT_EQ(spectral_runtime_program_live_bytes(), base + 150);
  EXPECT_EQ(spectral_runtime_program_peak_bytes(), high);
  spectral_runtime_program_reset_peak();
  EXPECT_EQ(spectral_runtime_program_peak_bytes(), base + 150);
  // A block reused from the cache raises it again.
  void *d = _mlir_memref_to_llvm_alloc(kLarge);
  EXPECT_EQ(d, b);
  EXPECT_EQ(spectral_runtime_program_peak_bytes(), high + 50);
  _mlir_memref_to_llvm_free(a);
  _mlir_memref_to_llvm_free(c);
  _mlir_memref_to_llvm_free(d);
  EXPECT_EQ(spectral_runtime_program_peak_bytes(), high + 50);
  spectral_runtime_program_reset_peak();
  EXPECT_EQ(spectral_runtime_program_peak_bytes(), base);
}

TEST_F(RuntimeBufferCache, ForeignPointersAreFreedUncounted) {
  void *ours = _mlir_memref_to_llvm_alloc(24);
  spectral_runtime_program_reset_peak();
  // Memory from elsewhere goes to free() (a leak checker would see it
  // otherwise) and leaves the counters alone.
  _mlir_memref_to_llvm_free(std::malloc(kLarge));
  _mlir_memref_to_llvm_free(std::malloc(40));
  _mlir_memref_to_llvm_free(nullptr);
  EXPECT_EQ(spectral_runtime_program_live_bytes(), base + 24);
  EXPECT_EQ(spectral_runtime_program_peak_bytes(), base + 24);
  EXPECT_EQ(spectral_runtime_cached_bytes(), 0);
  _mlir_memref_to_llvm_free(ours);
}

TEST_F(RuntimeBufferCache, ManyBlocksFreedInAnyOrder) {
  // Enough blocks to grow the records several times over, freed in an order
  // unrelated to their addresses.
  constexpr int kBlocks = 5000;
  std::vector<std::pair<void *, int64_t>> blocks;
  int64_t live = base;
  for (int i = 0; i < kBlocks; ++i) {
    int64_t bytes = 1 + (i * 7919) % 3000;
    blocks.push_back({_mlir_memref_to_llvm_alloc(bytes), bytes});
    live += bytes;
  }
  EXPECT_EQ(spectral_runtime_program_live_bytes(), live);
  std::mt19937 engine(7);
  std::shuffle(blocks.begin(), blocks.end(), engine);
  for (auto [ptr, bytes] : blocks) {
    _mlir_memref_to_llvm_free(ptr);
    live -= bytes;
    ASSERT_EQ(spectral_runtime_program_live_bytes(), live);
  }
}

TEST_F(RuntimeBufferCache, ConcurrentAllocationsBalance) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 2000;
  constexpr int kHeld = 8;
  spectral_runtime_program_reset_peak();
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t] {
      void *held[kHeld] = {};
      for (int round = 0; round < kRounds; ++round) {
        int slot = round % kHeld;
        _mlir_memref_to_llvm_free(held[slot]);
        // Mostly small blocks, now and then a large (cached) one.
        size_t bytes = round % 97 == 0 ? kLarge : 16 + (round * 37 + t) % 4000;
        held[slot] = _mlir_memref_to_llvm_aligned_alloc(64, bytes);
      }
      for (void *ptr : held)
        _mlir_memref_to_llvm_free(ptr);
    });
  }
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(spectral_runtime_program_live_bytes(), base);
  // At most kHeld blocks per thread were live at once.
  EXPECT_LE(spectral_runtime_program_peak_bytes(),
            base + static_cast<int64_t>(kThreads * kHeld * kLarge));
  EXPECT_GT(spectral_runtime_program_peak_bytes(), base);
}

} // namespace
