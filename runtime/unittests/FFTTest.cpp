//===- FFTTest.cpp - Tests of the dense transforms ------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every transform is compared with a naive O(n^2) DFT in double precision,
// over odd, prime and non-power-of-two lengths, subsets of axes, strided and
// transposed layouts and every normalisation.
//
//===----------------------------------------------------------------------===//

#include "TestUtils.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>

using namespace spectral_test;

namespace {

constexpr double kTolerance = 1e-4;
const int32_t kNorms[] = {SPECTRAL_FFT_NORM_BACKWARD, SPECTRAL_FFT_NORM_FORWARD,
                          SPECTRAL_FFT_NORM_ORTHO};

/// Runs one c2c and compares it with the naive DFT, the scale included.
void checkC2C(const Shape &shape, int64_t mask, bool inverse, int32_t norm,
              LayoutSpec inSpec = LayoutSpec::dense(),
              LayoutSpec outSpec = LayoutSpec::dense()) {
  int errorsBefore = capturedErrors().count;
  SCOPED_TRACE(::testing::Message() << "mask " << mask << " inverse " << inverse
                                    << " norm " << norm);
  TestArray<cf> in(shape, inSpec), out(shape, outSpec);
  fillRandom(in);
  std::vector<cf> before = in.storage;
  std::vector<cd> expected =
      naiveDFT(toDouble(in.toDense()), shape, mask, inverse ? 1 : -1);
  double scale = normScale(norm, inverse, transformedCount(shape, mask));
  for (cd &value : expected)
    value *= scale;

  _mlir_ciface_spectral_fft_c2c(in.unranked(), out.unranked(), mask, inverse,
                                norm);
  EXPECT_EQ(capturedErrors().count, errorsBefore) << capturedErrors().message;
  EXPECT_LT(relativeError(out.toDense(), expected), kTolerance);
  EXPECT_EQ(in.storage, before) << "input modified";
  EXPECT_TRUE(out.paddingIntact()) << "wrote outside the output view";
}

void checkR2C(const Shape &shape, int64_t mask, int64_t halvedAxis,
              int32_t norm, LayoutSpec inSpec = LayoutSpec::dense(),
              LayoutSpec outSpec = LayoutSpec::dense()) {
  int errorsBefore = capturedErrors().count;
  SCOPED_TRACE(::testing::Message() << "mask " << mask << " halved "
                                    << halvedAxis << " norm " << norm);
  Shape halfShape = shape;
  halfShape[halvedAxis] = shape[halvedAxis] / 2 + 1;
  TestArray<float> in(shape, inSpec);
  TestArray<cf> out(halfShape, outSpec);
  fillRandom(in);
  std::vector<float> before = in.storage;
  std::vector<cd> expected = halfSpectrum(
      naiveDFT(toDouble(in.toDense()), shape, mask, -1), shape, halvedAxis);
  double scale = normScale(norm, false, transformedCount(shape, mask));
  for (cd &value : expected)
    value *= scale;

  _mlir_ciface_spectral_fft_r2c(in.unranked(), out.unranked(), mask, halvedAxis,
                                norm);
  EXPECT_EQ(capturedErrors().count, errorsBefore) << capturedErrors().message;
  EXPECT_LT(relativeError(out.toDense(), expected), kTolerance);
  EXPECT_EQ(in.storage, before) << "input modified";
  EXPECT_TRUE(out.paddingIntact()) << "wrote outside the output view";
}

/// The input is the exact (double) half spectrum of a random real signal,
/// so the expected output is the signal times the inverse scale times n.
/// With `overwriteInput`, calls the variant that may clobber its input.
void checkC2R(const Shape &shape, int64_t mask, int64_t halvedAxis,
              int32_t norm, LayoutSpec inSpec = LayoutSpec::dense(),
              LayoutSpec outSpec = LayoutSpec::dense(),
              bool overwriteInput = false) {
  int errorsBefore = capturedErrors().count;
  SCOPED_TRACE(::testing::Message() << "mask " << mask << " halved "
                                    << halvedAxis << " norm " << norm);
  Shape halfShape = shape;
  halfShape[halvedAxis] = shape[halvedAxis] / 2 + 1;
  std::vector<cd> signal(static_cast<size_t>(product(shape)));
  for (cd &value : signal)
    value = randomFloat();
  std::vector<cd> half =
      halfSpectrum(naiveDFT(signal, shape, mask, -1), shape, halvedAxis);

  TestArray<cf> in(halfShape, inSpec);
  TestArray<float> out(shape, outSpec);
  for (int64_t i = 0; i < in.size(); ++i)
    in.at(i) = cf(half[i]);
  std::vector<cf> before = in.storage;
  double count = transformedCount(shape, mask);
  double scale = normScale(norm, true, count) * count;
  for (cd &value : signal)
    value *= scale;

  if (overwriteInput)
    _mlir_ciface_spectral_fft_c2r_overwrite_input(in.unranked(), out.unranked(),
                                                  mask, halvedAxis, norm);
  else
    _mlir_ciface_spectral_fft_c2r(in.unranked(), out.unranked(), mask,
                                  halvedAxis, norm);
  EXPECT_EQ(capturedErrors().count, errorsBefore) << capturedErrors().message;
  EXPECT_LT(relativeError(out.toDense(), signal), kTolerance);
  if (!overwriteInput) {
    EXPECT_EQ(in.storage, before) << "c2r modified its input";
  }
  EXPECT_TRUE(out.paddingIntact()) << "wrote outside the output view";
}

class RuntimeC2C : public RuntimeTest {};
class RuntimeR2C : public RuntimeTest {};
class RuntimeC2R : public RuntimeTest {};
class RuntimeNorm : public RuntimeTest {};
class RuntimeFFTThreads : public RuntimeTest {};
class RuntimeFFTMeasure : public RuntimeTest {};

} // namespace

//===----------------------------------------------------------------------===//
// c2c
//===----------------------------------------------------------------------===//

TEST_F(RuntimeC2C, Rank1Lengths) {
  for (int64_t n : {1, 2, 7, 13, 97, 100, 128, 243, 360})
    for (bool inverse : {false, true})
      checkC2C({n}, 0b1, inverse, SPECTRAL_FFT_NORM_BACKWARD);
}

TEST_F(RuntimeC2C, Rank2) {
  checkC2C({12, 35}, 0b11, false, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2C({13, 8}, 0b11, true, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2C({97, 6}, 0b01, false, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2C({6, 97}, 0b10, true, SPECTRAL_FFT_NORM_ORTHO);
}

TEST_F(RuntimeC2C, Rank3Subsets) {
  Shape shape = {5, 7, 6};
  for (int64_t mask = 1; mask < 8; ++mask)
    checkC2C(shape, mask, mask % 2 == 0, SPECTRAL_FFT_NORM_BACKWARD);
}

TEST_F(RuntimeC2C, Rank3MiddleAxisOnly) {
  checkC2C({4, 13, 3}, 0b010, false, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2C({4, 13, 3}, 0b010, true, SPECTRAL_FFT_NORM_BACKWARD);
}

TEST_F(RuntimeC2C, Rank8) {
  Shape shape = {2, 3, 1, 2, 5, 2, 3, 2};
  checkC2C(shape, 0xff, false, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2C(shape, 0b10110101, true, SPECTRAL_FFT_NORM_ORTHO);
  checkC2C(shape, 0b01000010, false, SPECTRAL_FFT_NORM_FORWARD,
           LayoutSpec::transposed(8), LayoutSpec::strided(2));
}

TEST_F(RuntimeC2C, StridedAndTransposed) {
  Shape shape = {9, 10};
  checkC2C(shape, 0b11, false, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec::strided(2), LayoutSpec::dense());
  checkC2C(shape, 0b11, true, SPECTRAL_FFT_NORM_BACKWARD, LayoutSpec::dense(),
           LayoutSpec::strided(3));
  checkC2C(shape, 0b01, false, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec::transposed(2), LayoutSpec::dense());
  checkC2C(shape, 0b10, false, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec::transposed(2), LayoutSpec::transposed(2, 0));
  checkC2C({3, 11, 4}, 0b101, true, SPECTRAL_FFT_NORM_FORWARD,
           LayoutSpec{{1, 2, 0}, 2, 5}, LayoutSpec{{2, 0, 1}, 1, 0});
}

TEST_F(RuntimeC2C, MisalignedArraysGetTheirOwnPlan) {
  // Offsets 0 and 1 give arrays of different FFTW alignment classes for the
  // same problem; each needs its own cached plan.
  for (int repeat = 0; repeat < 2; ++repeat)
    for (int64_t offset : {0, 1, 2, 3}) {
      checkC2C({64}, 0b1, false, SPECTRAL_FFT_NORM_BACKWARD,
               LayoutSpec::strided(1, offset), LayoutSpec::strided(1, 0));
      checkC2C({64}, 0b1, false, SPECTRAL_FFT_NORM_BACKWARD,
               LayoutSpec::strided(1, 0), LayoutSpec::strided(1, offset));
    }
}

TEST_F(RuntimeC2C, BroadcastInput) {
  // A stride-0 input dimension (a broadcast row) is read, never written.
  TestArray<cf> row({8}), out({4, 8});
  fillRandom(row);
  UnrankedMemRefType<cf> *in = row.unranked();
  row.unrankedDesc.rank = 2;
  row.raw.sizesAndStrides[0] = 4;
  row.raw.sizesAndStrides[1] = 8;
  row.raw.sizesAndStrides[2] = 0;
  row.raw.sizesAndStrides[3] = 1;
  _mlir_ciface_spectral_fft_c2c(in, out.unranked(), 0b10, 0,
                                SPECTRAL_FFT_NORM_BACKWARD);
  expectNoError();
  std::vector<cd> rowSpectrum = naiveDFT(toDouble(row.toDense()), {8}, 0b1, -1);
  std::vector<cd> expected;
  for (int i = 0; i < 4; ++i)
    expected.insert(expected.end(), rowSpectrum.begin(), rowSpectrum.end());
  EXPECT_LT(relativeError(out.toDense(), expected), kTolerance);
}

TEST_F(RuntimeC2C, UnitDimensionsIgnoreTheirStrides) {
  // MLIR may put any stride on a dimension of size 1, even one beyond
  // FFTW's 32-bit strides.
  TestArray<cf> in({1, 12, 1}), out({1, 12, 1});
  fillRandom(in);
  std::vector<cd> expected =
      naiveDFT(toDouble(in.toDense()), {1, 12, 1}, 0b111, -1);
  UnrankedMemRefType<cf> *inDesc = in.unranked();
  in.raw.sizesAndStrides[3 + 0] = int64_t{1} << 40;
  in.raw.sizesAndStrides[3 + 2] = int64_t{1} << 35;
  _mlir_ciface_spectral_fft_c2c(inDesc, out.unranked(), 0b111, 0,
                                SPECTRAL_FFT_NORM_BACKWARD);
  expectNoError();
  EXPECT_LT(relativeError(out.toDense(), expected), kTolerance);
}

TEST_F(RuntimeC2C, EmptyBatchIsANoOp) {
  TestArray<cf> in({0, 4}), out({0, 4});
  _mlir_ciface_spectral_fft_c2c(in.unranked(), out.unranked(), 0b10, 0,
                                SPECTRAL_FFT_NORM_BACKWARD);
  expectNoError();
  EXPECT_TRUE(out.paddingIntact());
}

//===----------------------------------------------------------------------===//
// r2c
//===----------------------------------------------------------------------===//

TEST_F(RuntimeR2C, Rank1Lengths) {
  for (int64_t n : {1, 2, 3, 7, 8, 13, 97, 100, 256, 243})
    checkR2C({n}, 0b1, 0, SPECTRAL_FFT_NORM_BACKWARD);
}

TEST_F(RuntimeR2C, Rank2HalvedEitherAxis) {
  checkR2C({12, 35}, 0b11, 1, SPECTRAL_FFT_NORM_BACKWARD);
  checkR2C({13, 8}, 0b11, 0, SPECTRAL_FFT_NORM_BACKWARD);
  checkR2C({7, 10}, 0b10, 1, SPECTRAL_FFT_NORM_BACKWARD);
  checkR2C({10, 7}, 0b01, 0, SPECTRAL_FFT_NORM_ORTHO);
}

TEST_F(RuntimeR2C, Rank3Subsets) {
  checkR2C({5, 8, 6}, 0b111, 2, SPECTRAL_FFT_NORM_BACKWARD);
  checkR2C({5, 8, 6}, 0b010, 1, SPECTRAL_FFT_NORM_BACKWARD);
  checkR2C({5, 9, 6}, 0b101, 0, SPECTRAL_FFT_NORM_FORWARD);
  checkR2C({4, 13, 3}, 0b011, 1, SPECTRAL_FFT_NORM_BACKWARD);
}

TEST_F(RuntimeR2C, Rank8) {
  Shape shape = {2, 3, 1, 2, 5, 2, 3, 4};
  checkR2C(shape, 0xff, 7, SPECTRAL_FFT_NORM_BACKWARD);
  checkR2C(shape, 0b00110110, 4, SPECTRAL_FFT_NORM_ORTHO,
           LayoutSpec::transposed(8), LayoutSpec::strided(2));
}

TEST_F(RuntimeR2C, StridedAndTransposed) {
  checkR2C({9, 10}, 0b11, 1, SPECTRAL_FFT_NORM_BACKWARD, LayoutSpec::strided(2),
           LayoutSpec::strided(3));
  checkR2C({9, 10}, 0b11, 0, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec::transposed(2), LayoutSpec::dense());
  checkR2C({6, 11, 4}, 0b110, 1, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec{{2, 0, 1}, 2, 1}, LayoutSpec::transposed(3));
}

//===----------------------------------------------------------------------===//
// c2r
//===----------------------------------------------------------------------===//

TEST_F(RuntimeC2R, OverwriteInputVariantGivesTheSameResult) {
  const bool overwrite = true;
  checkC2R({13}, 0b1, 0, SPECTRAL_FFT_NORM_BACKWARD, LayoutSpec::dense(),
           LayoutSpec::dense(), overwrite);
  checkC2R({12, 35}, 0b11, 1, SPECTRAL_FFT_NORM_ORTHO, LayoutSpec::dense(),
           LayoutSpec::dense(), overwrite);
  checkC2R({5, 9, 6}, 0b101, 0, SPECTRAL_FFT_NORM_FORWARD,
           LayoutSpec::strided(2), LayoutSpec::transposed(3), overwrite);
  checkC2R({6, 11, 4}, 0b110, 1, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec{{2, 0, 1}, 2, 1}, LayoutSpec::strided(3), overwrite);
}

TEST_F(RuntimeC2R, Rank1Lengths) {
  for (int64_t n : {1, 2, 3, 7, 8, 13, 97, 100, 256, 243})
    checkC2R({n}, 0b1, 0, SPECTRAL_FFT_NORM_BACKWARD);
}

TEST_F(RuntimeC2R, Rank2HalvedEitherAxis) {
  checkC2R({12, 35}, 0b11, 1, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2R({13, 8}, 0b11, 0, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2R({7, 10}, 0b10, 1, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2R({10, 7}, 0b01, 0, SPECTRAL_FFT_NORM_ORTHO);
}

TEST_F(RuntimeC2R, Rank3Subsets) {
  checkC2R({5, 8, 6}, 0b111, 2, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2R({5, 8, 6}, 0b010, 1, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2R({5, 9, 6}, 0b101, 0, SPECTRAL_FFT_NORM_FORWARD);
  checkC2R({4, 13, 3}, 0b011, 1, SPECTRAL_FFT_NORM_BACKWARD);
}

TEST_F(RuntimeC2R, Rank8) {
  Shape shape = {2, 3, 1, 2, 5, 2, 3, 4};
  checkC2R(shape, 0xff, 7, SPECTRAL_FFT_NORM_BACKWARD);
  checkC2R(shape, 0b00110110, 4, SPECTRAL_FFT_NORM_ORTHO,
           LayoutSpec::transposed(8), LayoutSpec::strided(2));
}

TEST_F(RuntimeC2R, StridedAndTransposed) {
  checkC2R({9, 10}, 0b11, 1, SPECTRAL_FFT_NORM_BACKWARD, LayoutSpec::strided(2),
           LayoutSpec::strided(3));
  checkC2R({9, 10}, 0b11, 0, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec::transposed(2), LayoutSpec::dense());
  checkC2R({6, 11, 4}, 0b110, 1, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec{{2, 0, 1}, 2, 1}, LayoutSpec::transposed(3));
}

//===----------------------------------------------------------------------===//
// Normalisation
//===----------------------------------------------------------------------===//

TEST_F(RuntimeNorm, ExactScaleOfEveryNorm) {
  Shape shape = {6, 5, 7};
  for (int32_t norm : kNorms) {
    // c2c forward and inverse against the unscaled DFT times numpy's scale.
    checkC2C(shape, 0b111, false, norm);
    checkC2C(shape, 0b101, true, norm);
    checkR2C(shape, 0b110, 2, norm);
    checkC2R(shape, 0b011, 0, norm);
  }
}

TEST_F(RuntimeNorm, ForwardThenInverseIsIdentity) {
  Shape shape = {10, 3, 9};
  int64_t mask = 0b101;
  for (int32_t norm : kNorms) {
    SCOPED_TRACE(norm);
    TestArray<cf> x(shape), spectrum(shape), back(shape);
    fillRandom(x);
    _mlir_ciface_spectral_fft_c2c(x.unranked(), spectrum.unranked(), mask, 0,
                                  norm);
    _mlir_ciface_spectral_fft_c2c(spectrum.unranked(), back.unranked(), mask, 1,
                                  norm);
    EXPECT_LT(relativeError(back.toDense(), x.toDense()), 1e-5);

    Shape half = shape;
    half[2] = shape[2] / 2 + 1;
    TestArray<float> real(shape), realBack(shape);
    TestArray<cf> halfSpectrum(half);
    fillRandom(real);
    _mlir_ciface_spectral_fft_r2c(real.unranked(), halfSpectrum.unranked(),
                                  mask, 2, norm);
    _mlir_ciface_spectral_fft_c2r(halfSpectrum.unranked(), realBack.unranked(),
                                  mask, 2, norm);
    EXPECT_LT(relativeError(realBack.toDense(), real.toDense()), 1e-5);
  }
  expectNoError();
}

//===----------------------------------------------------------------------===//
// Plans: threads and FFTW_MEASURE
//===----------------------------------------------------------------------===//

TEST_F(RuntimeFFTThreads, ConcurrentCallsShareThePlanCache) {
  // Threads plan the same and different problems at once; the planner is
  // serialised and cached plans execute concurrently.
  const Shape shapes[] = {{30, 17}, {30, 17}, {11, 19}, {64, 3}};
  std::vector<std::thread> threads;
  std::vector<double> errors(8, 1.0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      const Shape &shape = shapes[t % 4];
      TestArray<cf> in(shape), out(shape);
      for (int64_t i = 0; i < in.size(); ++i)
        in.at(i) = cf(static_cast<float>((i * 7 + t) % 13) - 6.0f,
                      static_cast<float>((i * 3) % 5));
      std::vector<cd> expected =
          naiveDFT(toDouble(in.toDense()), shape, 0b11, -1);
      double worst = 0;
      for (int repeat = 0; repeat < 20; ++repeat) {
        _mlir_ciface_spectral_fft_c2c(in.unranked(), out.unranked(), 0b11, 0,
                                      SPECTRAL_FFT_NORM_BACKWARD);
        worst = std::max(worst, relativeError(out.toDense(), expected));
      }
      errors[t] = worst;
    });
  }
  for (std::thread &thread : threads)
    thread.join();
  for (double error : errors)
    EXPECT_LT(error, kTolerance);
  expectNoError();
}

TEST_F(RuntimeFFTMeasure, MeasurePlansOnScratchArrays) {
  // FFTW_MEASURE overwrites the arrays it plans on: the runtime must plan on
  // its own arrays, so the caller's input survives and the result is right.
  ASSERT_EQ(setenv("SPECTRAL_FFTW_PLANNING", "measure", 1), 0);
  spectral_runtime_reset_peak();
  checkC2C({45, 14}, 0b11, false, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec::strided(2));
  int64_t peak = spectral_runtime_peak_bytes();
  EXPECT_GE(peak, int64_t{45 * 14 * 2 * 8}) << "planning arrays not counted";
  checkR2C({45, 14}, 0b11, 1, SPECTRAL_FFT_NORM_ORTHO,
           LayoutSpec::transposed(2));
  checkC2R({45, 14}, 0b11, 1, SPECTRAL_FFT_NORM_FORWARD, LayoutSpec::dense(),
           LayoutSpec::strided(2, 1));
  ASSERT_EQ(unsetenv("SPECTRAL_FFTW_PLANNING"), 0);
  expectNoError();
}

TEST_F(RuntimeFFTMeasure, MeasuredPlansAreSavedAsWisdom) {
  // A shape planned nowhere else: measuring it adds wisdom, which is saved
  // to the folder SPECTRAL_FFTW_WISDOM names; with the files off, nothing
  // is written.
  char folder[] = "/tmp/spectral-wisdom-XXXXXX";
  ASSERT_NE(mkdtemp(folder), nullptr);
  std::string path = std::string(folder) + "/fftw-wisdom-f32";
  ASSERT_EQ(setenv("SPECTRAL_FFTW_WISDOM", "off", 1), 0);
  checkC2C({53, 6}, 0b01, false, SPECTRAL_FFT_NORM_BACKWARD);
  EXPECT_EQ(std::fopen(path.c_str(), "r"), nullptr);

  ASSERT_EQ(setenv("SPECTRAL_FFTW_WISDOM", folder, 1), 0);
  checkC2C({59, 6}, 0b01, false, SPECTRAL_FFT_NORM_BACKWARD);
  ASSERT_EQ(unsetenv("SPECTRAL_FFTW_WISDOM"), 0);
  std::FILE *file = std::fopen(path.c_str(), "r");
  ASSERT_NE(file, nullptr) << "no wisdom file at " << path;
  char head[64] = {};
  size_t read = std::fread(head, 1, sizeof(head) - 1, file);
  std::fclose(file);
  EXPECT_GT(read, 0u);
  EXPECT_NE(std::string(head).find("fftwf_wisdom"), std::string::npos)
      << "not FFTW wisdom: " << head;
  std::remove(path.c_str());
  rmdir(folder);
  expectNoError();
}

TEST(RuntimeVersion, IsSet) {
  EXPECT_STREQ(spectral_runtime_version(), "0.1.0");
}

TEST_F(RuntimeR2C, EmptyBatchIsANoOp) {
  TestArray<float> in({3, 0, 8});
  TestArray<cf> out({3, 0, 5});
  _mlir_ciface_spectral_fft_r2c(in.unranked(), out.unranked(), 0b101, 2,
                                SPECTRAL_FFT_NORM_BACKWARD);
  TestArray<float> back({3, 0, 8});
  _mlir_ciface_spectral_fft_c2r(out.unranked(), back.unranked(), 0b101, 2,
                                SPECTRAL_FFT_NORM_BACKWARD);
  expectNoError();
  EXPECT_TRUE(out.paddingIntact());
  EXPECT_TRUE(back.paddingIntact());
}
