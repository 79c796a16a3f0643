//===- ManagedCacheTest.cpp - Reuse of freed managed blocks ---------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// mgpuMemFree keeps freed managed blocks and mgpuMemAlloc reuses them for
// requests of the same size, once the freeing stream's earlier work is
// done; device memory (not host_shared) is never cached. The accounting of
// program bytes is that of the program's requests either way.
//
//===----------------------------------------------------------------------===//

#include "CUDATestUtils.h"

using namespace spectral_cuda_test;

namespace {

using CUDARuntimeManagedCacheNoDevice = CUDARuntimeTest;

TEST_F(CUDARuntimeManagedCacheNoDevice, EmptyCacheNeedsNoDriver) {
  if (spectral_cuda_device_count() > 0)
    GTEST_SKIP() << "a CUDA device is present";
  EXPECT_EQ(spectral_cuda_managed_cache_bytes(), 0);
  spectral_cuda_managed_cache_trim();
  expectNoError();
}

using CUDARuntimeManagedCache = CUDADeviceTest;

TEST_F(CUDARuntimeManagedCache, FreedBlocksOfTheSameSizeAreReused) {
  spectral_cuda_managed_cache_trim();
  int64_t live = spectral_cuda_program_live_bytes();
  void *first = mgpuMemAlloc(4096, nullptr, true);
  ASSERT_NE(first, nullptr);
  mgpuMemFree(first, nullptr);
  EXPECT_EQ(spectral_cuda_managed_cache_bytes(), 4096);
  EXPECT_EQ(spectral_cuda_program_live_bytes(), live);
  // Another size is a new block; the same size the cached one.
  void *other = mgpuMemAlloc(8192, nullptr, true);
  void *again = mgpuMemAlloc(4096, nullptr, true);
  EXPECT_NE(other, first);
  EXPECT_EQ(again, first);
  EXPECT_EQ(spectral_cuda_managed_cache_bytes(), 0);
  EXPECT_EQ(spectral_cuda_program_live_bytes(), live + 4096 + 8192);
  // A reused block is memory like any other.
  static_cast<uint32_t *>(again)[1023] = 7u;
  EXPECT_EQ(static_cast<uint32_t *>(again)[1023], 7u);
  mgpuMemFree(other, nullptr);
  mgpuMemFree(again, nullptr);
  EXPECT_EQ(spectral_cuda_managed_cache_bytes(), 4096 + 8192);
  spectral_cuda_managed_cache_trim();
  EXPECT_EQ(spectral_cuda_managed_cache_bytes(), 0);
  expectNoError();
}

TEST_F(CUDARuntimeManagedCache, BlockFreedOnAStreamIsReusedOnceItIsDone) {
  spectral_cuda_managed_cache_trim();
  void *stream = mgpuStreamCreate();
  void *block = mgpuMemAlloc(1 << 20, stream, true);
  ASSERT_NE(block, nullptr);
  // Work still queued on the stream when the block is freed on it.
  mgpuMemset32(block, 0x5a5a5a5au, (1 << 20) / 4, stream);
  mgpuMemFree(block, stream);
  mgpuStreamSynchronize(stream);
  // Once the stream is done, the block is handed out again.
  EXPECT_EQ(mgpuMemAlloc(1 << 20, nullptr, true), block);
  mgpuMemFree(block, nullptr);
  mgpuStreamDestroy(stream);
  spectral_cuda_managed_cache_trim();
  expectNoError();
}

TEST_F(CUDARuntimeManagedCache, DeviceMemoryIsNotCached) {
  spectral_cuda_managed_cache_trim();
  void *block = mgpuMemAlloc(4096, nullptr, false);
  ASSERT_NE(block, nullptr);
  mgpuMemFree(block, nullptr);
  EXPECT_EQ(spectral_cuda_managed_cache_bytes(), 0);
  expectNoError();
}

} // namespace
