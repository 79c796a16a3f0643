//===- FFTDeviceTest.cpp - cuFFT transforms against a naive DFT -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Needs a GPU (skipped otherwise). Each case runs an entry point on device
// copies of strided test arrays and compares with the double-precision
// naive DFT of runtime/unittests/TestUtils.h and with the CPU runtime on
// the same layout; the padding around every view must stay untouched and a
// c2r input unmodified.
//
//===----------------------------------------------------------------------===//

#include "CUDATestUtils.h"

using namespace spectral_cuda_test;

namespace {

constexpr double kTolerance = 1e-5;

struct Case {
  Shape shape; // real side
  int64_t mask;
  int64_t halvedAxis;
  LayoutSpec inLayout, outLayout;
};

std::string describe(const Case &c) {
  return ::testing::PrintToString(c.shape) + " mask " + std::to_string(c.mask) +
         " halved " + std::to_string(c.halvedAxis);
}

std::vector<Case> getC2CCases() {
  return {
      {{7}, 0b1, -1, LayoutSpec::dense(), LayoutSpec::dense()},
      {{1000}, 0b1, -1, LayoutSpec::strided(2), LayoutSpec::dense()},
      {{6, 35}, 0b10, -1, LayoutSpec::dense(), LayoutSpec::transposed(2)},
      {{9, 10, 11}, 0b111, -1, LayoutSpec::transposed(3), LayoutSpec::dense()},
      {{9, 10, 11}, 0b101, -1, LayoutSpec::strided(3), LayoutSpec::strided(2)},
      {{3, 5, 2, 7, 3},
       0b11111,
       -1,
       LayoutSpec::dense(),
       LayoutSpec::transposed(5)},
      {{2, 3, 2, 1, 3, 2, 2, 3},
       0xff,
       -1,
       LayoutSpec::strided(2),
       LayoutSpec::dense()},
      {{6, 5, 4, 5},
       0b0010,
       -1,
       LayoutSpec{{1, 0, 2, 3}, 1, 1},
       LayoutSpec{{3, 2, 0, 1}, 1, 0}},
  };
}

std::vector<Case> getRealCases() {
  return {
      {{9}, 0b1, 0, LayoutSpec::dense(), LayoutSpec::dense()},
      {{5, 1000}, 0b10, 1, LayoutSpec::strided(2), LayoutSpec::dense()},
      {{15, 12}, 0b11, 0, LayoutSpec::dense(), LayoutSpec::transposed(2)},
      {{6, 5, 7}, 0b111, 2, LayoutSpec::transposed(3), LayoutSpec::strided(3)},
      {{3, 4, 2, 5, 3}, 0b11111, 3, LayoutSpec::dense(), LayoutSpec::dense()},
      {{3, 4, 2, 5, 3},
       0b10111,
       0,
       LayoutSpec::strided(2),
       LayoutSpec::transposed(5)},
      {{5, 1}, 0b11, 1, LayoutSpec::dense(), LayoutSpec::dense()},
  };
}

Shape getHalfShape(const Case &c) {
  Shape half = c.shape;
  half[c.halvedAxis] = c.shape[c.halvedAxis] / 2 + 1;
  return half;
}

std::vector<cd> scaled(std::vector<cd> values, double scale) {
  for (cd &value : values)
    value *= scale;
  return values;
}

using CUDARuntimeFFT = CUDADeviceTest;

TEST_F(CUDARuntimeFFT, C2CMatchesNaiveDFTAndCPU) {
  for (const Case &c : getC2CCases()) {
    for (int inverse : {0, 1}) {
      for (int32_t norm : {SPECTRAL_FFT_NORM_BACKWARD, SPECTRAL_FFT_NORM_ORTHO,
                           SPECTRAL_FFT_NORM_FORWARD}) {
        SCOPED_TRACE(describe(c) + " inverse " + std::to_string(inverse) +
                     " norm " + std::to_string(norm));
        TestArray<cf> in(c.shape, c.inLayout), out(c.shape, c.outLayout);
        TestArray<cf> cpu(c.shape, c.outLayout);
        fillRandom(in);
        std::vector<cf> inBefore = in.storage;
        DeviceArray<cf> deviceIn(in), deviceOut(out);
        _mlir_ciface_spectral_cuda_fft_c2c(
            deviceIn.unranked(), deviceOut.unranked(), c.mask, inverse, norm);
        deviceOut.download();
        deviceIn.download();
        expectNoError();
        _mlir_ciface_spectral_fft_c2c(in.unranked(), cpu.unranked(), c.mask,
                                      inverse, norm);
        double scale =
            normScale(norm, inverse == 1, transformedCount(c.shape, c.mask));
        std::vector<cd> expected =
            scaled(naiveDFT(toDouble(in.toDense()), c.shape, c.mask,
                            inverse ? +1 : -1),
                   scale);
        EXPECT_LT(relativeError(out.toDense(), expected), kTolerance);
        EXPECT_LT(relativeError(out.toDense(), cpu.toDense()), kTolerance);
        EXPECT_TRUE(out.paddingIntact());
        EXPECT_EQ(in.storage, inBefore) << "c2c input modified";
      }
    }
  }
}

TEST_F(CUDARuntimeFFT, R2CMatchesNaiveDFTAndCPU) {
  for (const Case &c : getRealCases()) {
    SCOPED_TRACE(describe(c));
    TestArray<float> in(c.shape, c.inLayout);
    TestArray<cf> out(getHalfShape(c), c.outLayout),
        cpu(getHalfShape(c), c.outLayout);
    fillRandom(in);
    DeviceArray<float> deviceIn(in);
    DeviceArray<cf> deviceOut(out);
    _mlir_ciface_spectral_cuda_fft_r2c(deviceIn.unranked(),
                                       deviceOut.unranked(), c.mask,
                                       c.halvedAxis, SPECTRAL_FFT_NORM_ORTHO);
    deviceOut.download();
    expectNoError();
    _mlir_ciface_spectral_fft_r2c(in.unranked(), cpu.unranked(), c.mask,
                                  c.halvedAxis, SPECTRAL_FFT_NORM_ORTHO);
    double scale = normScale(SPECTRAL_FFT_NORM_ORTHO, false,
                             transformedCount(c.shape, c.mask));
    std::vector<cd> expected = scaled(
        halfSpectrum(naiveDFT(toDouble(in.toDense()), c.shape, c.mask, -1),
                     c.shape, c.halvedAxis),
        scale);
    EXPECT_LT(relativeError(out.toDense(), expected), kTolerance);
    EXPECT_LT(relativeError(out.toDense(), cpu.toDense()), kTolerance);
    EXPECT_TRUE(out.paddingIntact());
  }
}

TEST_F(CUDARuntimeFFT, C2RInvertsR2CAndKeepsItsInput) {
  for (const Case &c : getRealCases()) {
    for (bool overwrite : {false, true}) {
      SCOPED_TRACE(describe(c) + (overwrite ? " overwrite" : ""));
      // A Hermitian spectrum: that of a real signal.
      TestArray<float> signal(c.shape);
      fillRandom(signal);
      std::vector<cd> spectrum = halfSpectrum(
          naiveDFT(toDouble(signal.toDense()), c.shape, c.mask, -1), c.shape,
          c.halvedAxis);
      TestArray<cf> in(getHalfShape(c), c.outLayout);
      in.fromDense(std::vector<cf>(spectrum.begin(), spectrum.end()));
      std::vector<cf> inBefore = in.storage;
      TestArray<float> out(c.shape, c.inLayout);
      DeviceArray<cf> deviceIn(in);
      DeviceArray<float> deviceOut(out);
      if (overwrite)
        _mlir_ciface_spectral_cuda_fft_c2r_overwrite_input(
            deviceIn.unranked(), deviceOut.unranked(), c.mask, c.halvedAxis,
            SPECTRAL_FFT_NORM_BACKWARD);
      else
        _mlir_ciface_spectral_cuda_fft_c2r(
            deviceIn.unranked(), deviceOut.unranked(), c.mask, c.halvedAxis,
            SPECTRAL_FFT_NORM_BACKWARD);
      deviceOut.download();
      deviceIn.download();
      expectNoError();
      EXPECT_LT(relativeError(out.toDense(), signal.toDense()), kTolerance);
      EXPECT_TRUE(out.paddingIntact());
      if (!overwrite) {
        EXPECT_EQ(in.storage, inBefore) << "c2r input modified";
      }
    }
  }
}

TEST_F(CUDARuntimeFFT, ScratchIsCountedAndReturned) {
  // A transposed output goes through staging copies.
  Shape shape = {64, 48};
  TestArray<cf> in(shape, LayoutSpec::strided(3)),
      out(shape, LayoutSpec::transposed(2));
  fillRandom(in);
  DeviceArray<cf> deviceIn(in), deviceOut(out);
  spectral_cuda_runtime_reset_peak();
  _mlir_ciface_spectral_cuda_fft_c2c(deviceIn.unranked(), deviceOut.unranked(),
                                     0b11, 0, SPECTRAL_FFT_NORM_BACKWARD);
  deviceOut.download();
  expectNoError();
  EXPECT_EQ(spectral_cuda_runtime_live_bytes(), 0);
  EXPECT_GT(spectral_cuda_runtime_peak_bytes(), 0);
}

} // namespace
