//===- MemoryTest.cpp - Tests of the memory accounting --------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "TestUtils.h"

#include <cstdlib>

using namespace spectral_test;

namespace {

class RuntimeMemory : public RuntimeTest {
protected:
  /// c2r of a 64x33 half spectrum (16896 bytes, which the runtime copies).
  void c2r() {
    _mlir_ciface_spectral_fft_c2r(half.unranked(), real.unranked(), 0b11, 1,
                                  SPECTRAL_FFT_NORM_BACKWARD);
  }
  void SetUp() override {
    RuntimeTest::SetUp();
    fillRandom(half);
    real.fill(7.0f);
  }

  TestArray<cf> half{{64, 33}};
  TestArray<float> real{{64, 64}};
};

TEST_F(RuntimeMemory, LiveReturnsToZeroAndPeakSeesTheC2RCopy) {
  EXPECT_EQ(spectral_runtime_live_bytes(), 0);
  spectral_runtime_reset_peak();
  EXPECT_EQ(spectral_runtime_peak_bytes(), 0);
  c2r();
  expectNoError();
  EXPECT_EQ(spectral_runtime_live_bytes(), 0);
  EXPECT_GE(spectral_runtime_peak_bytes(), int64_t{64 * 33 * 8});
  spectral_runtime_reset_peak();
  EXPECT_EQ(spectral_runtime_peak_bytes(), 0);
}

TEST_F(RuntimeMemory, TopKAndScatterReleaseTheirWorkArrays) {
  TestArray<cf> spectrum({3, 40}), coeffs({3, 5}), restored({3, 40});
  TestArray<int64_t> positions({3, 5}), shape({2});
  fillRandom(spectrum);
  shape.fromDense({8, 5});
  spectral_runtime_reset_peak();
  _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b11, 1,
                             8, coeffs.ranked<2>(), positions.ranked<2>());
  EXPECT_GT(spectral_runtime_peak_bytes(), 0);
  _mlir_ciface_spectral_scatter(coeffs.ranked<2>(), positions.ranked<2>(),
                                shape.ranked<1>(), 0b11, 1, 8,
                                restored.ranked<2>());
  expectNoError();
  EXPECT_EQ(spectral_runtime_live_bytes(), 0);
}

TEST_F(RuntimeMemory, LimitMakesC2RFailWithoutWriting) {
  spectral_runtime_set_memory_limit(1024);
  c2r();
  expectError("spectral_fft_c2r",
              {"cannot allocate 16896 bytes", "memory limit is 1024 bytes"});
  for (int64_t i = 0; i < real.size(); ++i)
    ASSERT_EQ(real.at(i), 7.0f);
  EXPECT_EQ(spectral_runtime_live_bytes(), 0);

  // A limit that fits lets it through; 0 removes the limit.
  spectral_runtime_set_memory_limit(64 * 33 * 8);
  c2r();
  spectral_runtime_set_memory_limit(0);
  c2r();
  expectNoError();
}

TEST_F(RuntimeMemory, LimitMakesTopKAndScatterFail) {
  TestArray<cf> spectrum({1, 40}), coeffs({1, 5}), restored({1, 40});
  TestArray<int64_t> positions({1, 5}), shape({2});
  fillRandom(spectrum);
  shape.fromDense({8, 5});
  // 1 byte: the 40 weights (one 64-byte block) do not fit.
  spectral_runtime_set_memory_limit(1);
  _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b11, 1,
                             8, coeffs.ranked<2>(), positions.ranked<2>());
  expectError("spectral_topk", {"cannot allocate 64 bytes"});
  // 64 bytes: the weights fit, the 34 candidates (16 bytes each) do not.
  spectral_runtime_set_memory_limit(64);
  _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b11, 1,
                             8, coeffs.ranked<2>(), positions.ranked<2>());
  expectError("spectral_topk", {"cannot allocate 576 bytes", "64 bytes are "
                                                             "live"});
  for (int64_t i = 0; i < coeffs.size(); ++i)
    ASSERT_EQ(coeffs.at(i), TestArray<cf>::sentinel());

  spectral_runtime_set_memory_limit(0);
  _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b11, 1,
                             8, coeffs.ranked<2>(), positions.ranked<2>());
  expectNoError();
  restored.fill(cf(7, 7));
  spectral_runtime_set_memory_limit(64);
  _mlir_ciface_spectral_scatter(coeffs.ranked<2>(), positions.ranked<2>(),
                                shape.ranked<1>(), 0b11, 1, 8,
                                restored.ranked<2>());
  expectError("spectral_scatter", {"cannot allocate 320 bytes"});
  for (int64_t i = 0; i < restored.size(); ++i)
    ASSERT_EQ(restored.at(i), cf(7, 7));
}

TEST_F(RuntimeMemory, MeasurePlanningWithinTheLimitOrEstimated) {
  // A problem planned nowhere else, so that planning really happens. Its
  // measuring arrays do not fit the limit: the plan is estimated instead
  // (measuring is an optimisation), the result is right and the runtime
  // never holds more than the limit.
  ASSERT_EQ(setenv("SPECTRAL_FFTW_PLANNING", "measure", 1), 0);
  TestArray<cf> in({3, 37}), out({3, 37});
  fillRandom(in);
  std::vector<cd> expected =
      naiveDFT(toDouble(in.toDense()), {3, 37}, 0b10, -1);
  spectral_runtime_reset_peak();
  spectral_runtime_set_memory_limit(512);
  _mlir_ciface_spectral_fft_c2c(in.unranked(), out.unranked(), 0b10, 0,
                                SPECTRAL_FFT_NORM_BACKWARD);
  ASSERT_EQ(unsetenv("SPECTRAL_FFTW_PLANNING"), 0);
  expectNoError();
  EXPECT_LT(relativeError(out.toDense(), expected), 1e-4);
  EXPECT_LE(spectral_runtime_peak_bytes(), 512);
}

} // namespace
