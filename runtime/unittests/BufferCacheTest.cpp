//===- BufferCacheTest.cpp - The allocator of lowered code ----------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-runtime/SpectralRuntime.h"

#include "gtest/gtest.h"

#include <cstdint>
#include <cstring>

namespace {

constexpr size_t kLarge = size_t(3) << 20; // above the 1 MiB cache threshold

class RuntimeBufferCache : public ::testing::Test {
protected:
  void SetUp() override { spectral_runtime_release_cached(); }
  void TearDown() override { spectral_runtime_release_cached(); }
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

} // namespace
