//===- GemmDeviceTest.cpp - cuBLAS GEMM against the CPU runtime -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Needs a GPU (skipped otherwise). C += A * B on every combination of
// row-major, transposed and strided (copied) operands, against the CPU
// runtime's OpenBLAS GEMM on the same layouts.
//
//===----------------------------------------------------------------------===//

#include "CUDATestUtils.h"

using namespace spectral_cuda_test;

namespace {

template <typename T> void fillMatrix(TestArray<T> &array) {
  for (int64_t i = 0; i < array.size(); ++i)
    array.at(i) = static_cast<T>(randomFloat());
}

template <typename T> double maxRelative(TestArray<T> &a, TestArray<T> &b) {
  double error = 0, scale = 0;
  for (int64_t i = 0; i < a.size(); ++i) {
    error = std::max(error, std::abs(static_cast<double>(a.at(i) - b.at(i))));
    scale = std::max(scale, std::abs(static_cast<double>(b.at(i))));
  }
  return scale == 0 ? error : error / scale;
}

template <typename T>
void checkGemm(int64_t m, int64_t n, int64_t k, double tolerance,
               void (*gpu)(StridedMemRefType<T, 2> *, StridedMemRefType<T, 2> *,
                           StridedMemRefType<T, 2> *),
               void (*cpu)(StridedMemRefType<T, 2> *, StridedMemRefType<T, 2> *,
                           StridedMemRefType<T, 2> *)) {
  std::vector<LayoutSpec> layouts = {
      LayoutSpec::dense(), LayoutSpec::transposed(2), LayoutSpec::strided(2)};
  for (const LayoutSpec &la : layouts) {
    for (const LayoutSpec &lb : layouts) {
      for (const LayoutSpec &lc : layouts) {
        TestArray<T> a({m, k}, la), b({k, n}, lb), c({m, n}, lc),
            expected({m, n}, lc);
        fillMatrix(a);
        fillMatrix(b);
        fillMatrix(c);
        expected.storage = c.storage;
        DeviceArray<T> da(a), db(b), dc(c);
        gpu(da.template ranked<2>(), db.template ranked<2>(),
            dc.template ranked<2>());
        dc.download();
        cpu(a.template ranked<2>(), b.template ranked<2>(),
            expected.template ranked<2>());
        EXPECT_LT(maxRelative(c, expected), tolerance)
            << m << "x" << k << " * " << k << "x" << n;
        EXPECT_TRUE(c.paddingIntact());
      }
    }
  }
}

using CUDARuntimeGemm = CUDADeviceTest;

TEST_F(CUDARuntimeGemm, F32MatchesCPU) {
  for (auto [m, n, k] : {std::tuple<int64_t, int64_t, int64_t>{1, 1, 1},
                         {7, 5, 3},
                         {33, 17, 65},
                         {1, 40, 9}})
    checkGemm<float>(m, n, k, 1e-5, _mlir_ciface_spectral_cuda_gemm_f32,
                     _mlir_ciface_spectral_gemm_f32);
  expectNoError();
}

TEST_F(CUDARuntimeGemm, F64MatchesCPU) {
  for (auto [m, n, k] :
       {std::tuple<int64_t, int64_t, int64_t>{7, 5, 3}, {31, 18, 64}})
    checkGemm<double>(m, n, k, 1e-12, _mlir_ciface_spectral_cuda_gemm_f64,
                      _mlir_ciface_spectral_gemm_f64);
  expectNoError();
}

TEST_F(CUDARuntimeGemm, EmptySumWritesNothing) {
  TestArray<float> a({3, 0}), b({0, 4}), c({3, 4});
  c.fill(5.0f);
  DeviceArray<float> da(a), db(b), dc(c);
  _mlir_ciface_spectral_cuda_gemm_f32(da.ranked<2>(), db.ranked<2>(),
                                      dc.ranked<2>());
  dc.download();
  for (int64_t i = 0; i < c.size(); ++i)
    EXPECT_EQ(c.at(i), 5.0f);
  expectNoError();
}

} // namespace
