//===- ValidationTest.cpp - Argument checks before any device work --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Run everywhere. The compute entry points check their arguments with the
// CPU runtime's checks before they touch a device, so a bad argument is
// reported as itself (not as a missing driver) on any machine, and calls
// with nothing to do succeed without a device. Data pointers here are host
// pointers: they are never dereferenced.
//
//===----------------------------------------------------------------------===//

#include "CUDATestUtils.h"

using namespace spectral_cuda_test;

namespace {

constexpr const char *kC2C = "spectral_cuda_fft_c2c";
constexpr const char *kR2C = "spectral_cuda_fft_r2c";
constexpr const char *kC2R = "spectral_cuda_fft_c2r";
constexpr const char *kTopK = "spectral_cuda_topk";
constexpr const char *kScatter = "spectral_cuda_scatter";
constexpr const char *kGather = "spectral_cuda_gather";
constexpr const char *kGemm = "spectral_cuda_gemm_f32";

using CUDARuntimeValidation = CUDARuntimeTest;

TEST_F(CUDARuntimeValidation, TransformsCheckLikeTheCPURuntime) {
  TestArray<cf> in({4, 8}), out({4, 8}), half({4, 5});
  TestArray<float> real({4, 8});
  UnrankedMemRefType<cf> *bad = in.unranked();
  in.raw.sizesAndStrides[2 + 1] = -1;
  _mlir_ciface_spectral_cuda_fft_c2c(bad, out.unranked(), 0b11, 0, 0);
  expectError(kC2C, {"input dimension 1 has negative stride -1",
                     "negative strides are not supported"});
  _mlir_ciface_spectral_cuda_fft_c2c(in.unranked(), out.unranked(), 0b11, 0, 3);
  expectError(kC2C, {"norm is 3"});
  _mlir_ciface_spectral_cuda_fft_r2c(real.unranked(), half.unranked(), 0b10, 0,
                                     0);
  expectError(kR2C, {"halvedAxis 0 is not a transformed axis"});
  _mlir_ciface_spectral_cuda_fft_c2r(in.unranked(), real.unranked(), 0b11, 1,
                                     0);
  expectError(kC2R, {"input dimension 1 has size 8, expected 5 (n/2+1 for n "
                     "= 8)"});
  _mlir_ciface_spectral_cuda_fft_c2c(in.unranked(), in.unranked(), 0b11, 0, 0);
  expectError(kC2C, {"input and output overlap"});
}

TEST_F(CUDARuntimeValidation, EmptyCallsNeedNoDevice) {
  TestArray<cf> in({0, 6}), out({0, 6});
  _mlir_ciface_spectral_cuda_fft_c2c(in.unranked(), out.unranked(), 0b10, 0, 0);
  TestArray<float> a({3, 0}), b({0, 4}), c({3, 4});
  _mlir_ciface_spectral_cuda_gemm_f32(a.ranked<2>(), b.ranked<2>(),
                                      c.ranked<2>());
  expectNoError();
}

TEST_F(CUDARuntimeValidation, TopKChecksKOnTheHost) {
  // An 8-point rfft layout has 5 bins, all candidates.
  TestArray<cf> spectrum({2, 5}), coeffs({2, 6});
  TestArray<int64_t> shape({1}), positions({2, 6});
  shape.at(0) = 5;
  _mlir_ciface_spectral_cuda_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b1,
                                  0, 8, coeffs.ranked<2>(),
                                  positions.ranked<2>());
  expectError(kTopK, {"K = 6 exceeds the 5 candidate bins of a tile"});
  shape.at(0) = 4;
  _mlir_ciface_spectral_cuda_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b1,
                                  0, 8, coeffs.ranked<2>(),
                                  positions.ranked<2>());
  expectError(kTopK, {"tileSpectrumShape[0] is 4, expected 5"});
}

TEST_F(CUDARuntimeValidation, ScatterAndGemmShapes) {
  TestArray<cf> coeffs({2, 3}), spectrum({2, 7});
  TestArray<int64_t> shape({1}), positions({2, 4});
  shape.at(0) = 8;
  _mlir_ciface_spectral_cuda_scatter(coeffs.ranked<2>(), positions.ranked<2>(),
                                     shape.ranked<1>(), 0b1, -1, 0,
                                     spectrum.ranked<2>());
  expectError(kScatter, {"positions has shape 2x4, expected 2x3"});
  TestArray<float> a({3, 5}), b({4, 2}), c({3, 2});
  _mlir_ciface_spectral_cuda_gemm_f32(a.ranked<2>(), b.ranked<2>(),
                                      c.ranked<2>());
  expectError(kGemm, {"B has shape 4x2, expected 5 rows"});
}

TEST_F(CUDARuntimeValidation, GatherChecksLikeTheCPURuntime) {
  TestArray<cf> spectrum({2, 8}), coeffs({2, 4});
  TestArray<int64_t> shape({1}), positions({2, 3});
  shape.at(0) = 8;
  _mlir_ciface_spectral_cuda_gather(spectrum.ranked<2>(), positions.ranked<2>(),
                                    shape.ranked<1>(), 0b1, -1, 0,
                                    coeffs.ranked<2>());
  expectError(kGather, {"coeffs has shape 2x4, expected 2x3 (as positions)"});
  // K = 0: nothing to read or write, so no device is needed.
  TestArray<cf> noCoeffs({2, 0});
  TestArray<int64_t> noPositions({2, 0});
  _mlir_ciface_spectral_cuda_gather(spectrum.ranked<2>(),
                                    noPositions.ranked<2>(), shape.ranked<1>(),
                                    0b1, -1, 0, noCoeffs.ranked<2>());
  expectNoError();
}

/// Valid calls on a machine without a device report the driver problem.
class CUDARuntimeNoDeviceCompute : public CUDARuntimeTest {
protected:
  void SetUp() override {
    CUDARuntimeTest::SetUp();
    if (spectral_cuda_device_count() > 0)
      GTEST_SKIP() << "a CUDA device is present";
  }
};

TEST_F(CUDARuntimeNoDeviceCompute, ValidCallsReportTheDriver) {
  std::string status = spectral_cuda_driver_status();
  TestArray<cf> in({4, 6}), out({4, 6});
  _mlir_ciface_spectral_cuda_fft_c2c(in.unranked(), out.unranked(), 0b11, 0,
                                     SPECTRAL_FFT_NORM_BACKWARD);
  expectError(kC2C, {status.c_str()});
  TestArray<cf> spectrum({2, 5}), coeffs({2, 3});
  TestArray<int64_t> shape({1}), positions({2, 3});
  shape.at(0) = 5;
  _mlir_ciface_spectral_cuda_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b1,
                                  0, 8, coeffs.ranked<2>(),
                                  positions.ranked<2>());
  expectError(kTopK, {status.c_str()});
  TestArray<double> a({3, 5}), b({5, 2}), c({3, 2});
  _mlir_ciface_spectral_cuda_gemm_f64(a.ranked<2>(), b.ranked<2>(),
                                      c.ranked<2>());
  expectError("spectral_cuda_gemm_f64", {status.c_str()});
}

} // namespace
