//===- OverlapTest.cpp - GEMMs of an overlapped streamed loop -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The calls spectral-gpu-overlap-groups emits, in the order it emits them:
// the product of groups of B's rows, each written into one of two slot
// buffers on the legacy stream and multiplied on the lane, must equal the
// CPU runtime's whole product. Argument errors are checked everywhere; the
// products need a GPU (skipped otherwise).
//
//===----------------------------------------------------------------------===//

#include "CUDATestUtils.h"

using namespace spectral_cuda_test;

namespace {

constexpr const char *kAcquire = "spectral_cuda_overlap_acquire";
constexpr const char *kEnd = "spectral_cuda_overlap_end";
constexpr const char *kGemm = "spectral_cuda_gemm_f32_overlapped";

using CUDARuntimeOverlapArguments = CUDARuntimeTest;

TEST_F(CUDARuntimeOverlapArguments, UnknownLanesAreReported) {
  int notALane = 0;
  spectral_cuda_overlap_acquire(&notALane, 0);
  expectError(kAcquire, {"is not a lane of spectral_cuda_overlap_begin"});
  spectral_cuda_overlap_end(nullptr);
  expectError(kEnd, {"is not a lane of spectral_cuda_overlap_begin"});
  TestArray<float> a({2, 3}), b({3, 4}), c({2, 4});
  _mlir_ciface_spectral_cuda_gemm_f32_overlapped(&notALane, 0, a.ranked<2>(),
                                                 b.ranked<2>(), c.ranked<2>());
  expectError(kGemm, {"is not a lane of spectral_cuda_overlap_begin"});
}

TEST_F(CUDARuntimeOverlapArguments, BeginWithoutDeviceReportsTheDriver) {
  if (spectral_cuda_device_count() > 0)
    GTEST_SKIP() << "a CUDA device is present";
  std::string status = spectral_cuda_driver_status();
  EXPECT_EQ(spectral_cuda_overlap_begin(), nullptr);
  expectError("spectral_cuda_overlap_begin", {status.c_str()});
}

using CUDARuntimeOverlap = CUDADeviceTest;

/// x . w as the overlapped loop computes it: groups of `groupRows` rows of
/// w, in slot buffers laid out as `slotLayout`.
void checkGroupedProduct(int64_t m, int64_t inner, int64_t n, int64_t groupRows,
                         LayoutSpec slotLayout) {
  TestArray<float> x({m, inner}), w({inner, n}), y({m, n}), expected({m, n});
  for (int64_t i = 0; i < x.size(); ++i)
    x.at(i) = randomFloat();
  for (int64_t i = 0; i < w.size(); ++i)
    w.at(i) = randomFloat();
  y.fill(0.0f);
  expected.fill(0.0f);
  _mlir_ciface_spectral_gemm_f32(x.ranked<2>(), w.ranked<2>(),
                                 expected.ranked<2>());

  TestArray<float> slot0({groupRows, n}, slotLayout),
      slot1({groupRows, n}, slotLayout);
  DeviceArray<float> dx(x), dy(y), d0(slot0), d1(slot1);
  TestArray<float> *slots[2] = {&slot0, &slot1};
  DeviceArray<float> *deviceSlots[2] = {&d0, &d1};

  void *lane = spectral_cuda_overlap_begin();
  ASSERT_NE(lane, nullptr);
  for (int64_t group = 0; group * groupRows < inner; ++group) {
    int64_t slot = group % 2;
    spectral_cuda_overlap_acquire(lane, slot);
    // The group's rows, written on the legacy stream (as decompression is).
    for (int64_t r = 0; r < groupRows; ++r)
      for (int64_t col = 0; col < n; ++col)
        slots[slot]->at(r * n + col) = w.at((group * groupRows + r) * n + col);
    deviceSlots[slot]->upload();
    StridedMemRefType<float, 2> columns = *dx.ranked<2>();
    columns.offset += group * groupRows * columns.strides[1];
    columns.sizes[1] = groupRows;
    _mlir_ciface_spectral_cuda_gemm_f32_overlapped(
        lane, slot, &columns, deviceSlots[slot]->ranked<2>(), dy.ranked<2>());
  }
  spectral_cuda_overlap_end(lane);
  dy.download();
  double error = 0, scale = 0;
  for (int64_t i = 0; i < y.size(); ++i) {
    error = std::max(error, std::abs(double(y.at(i)) - expected.at(i)));
    scale = std::max(scale, std::abs(double(expected.at(i))));
  }
  EXPECT_LT(error, 1e-5 * scale) << m << "x" << inner << "x" << n;
}

TEST_F(CUDARuntimeOverlap, GroupedProductMatchesCPU) {
  checkGroupedProduct(5, 64, 24, 16, LayoutSpec::dense());
  checkGroupedProduct(33, 96, 40, 8, LayoutSpec::dense());
  expectNoError();
}

TEST_F(CUDARuntimeOverlap, CopiedOperandsRunSynchronouslyAndMatch) {
  // Every other element: cuBLAS cannot read it in place.
  checkGroupedProduct(7, 48, 12, 8, LayoutSpec::strided(2));
  expectNoError();
}

TEST_F(CUDARuntimeOverlap, BadSlotIsReported) {
  void *lane = spectral_cuda_overlap_begin();
  ASSERT_NE(lane, nullptr);
  spectral_cuda_overlap_acquire(lane, 2);
  expectError(kAcquire, {"slot 2 is not in [0, 2)"});
  spectral_cuda_overlap_end(lane);
  // Ended: the handle is no longer a lane.
  spectral_cuda_overlap_end(lane);
  expectError(kEnd, {"is not a lane of spectral_cuda_overlap_begin"});
}

TEST_F(CUDARuntimeOverlap, LanesAreReused) {
  void *first = spectral_cuda_overlap_begin();
  spectral_cuda_overlap_end(first);
  void *second = spectral_cuda_overlap_begin();
  EXPECT_EQ(first, second);
  spectral_cuda_overlap_end(second);
  expectNoError();
}

} // namespace
