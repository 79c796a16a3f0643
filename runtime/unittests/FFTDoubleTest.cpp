//===- FFTDoubleTest.cpp - Tests of the double-precision transforms -------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The _f64 entry points against the naive DFT, to double-precision
// accuracy (a single-precision transform would miss 1e-12 by far), and
// their plans kept apart from the single-precision ones of the same shape.
//
//===----------------------------------------------------------------------===//

#include "TestUtils.h"

using namespace spectral_test;

namespace {

constexpr double kTolerance = 1e-12;

void fillRandom(TestArray<cd> &array) {
  for (int64_t i = 0; i < array.size(); ++i)
    array.at(i) = cd(randomFloat(), randomFloat()) + cd(1e-9, -1e-9);
}

void fillRandom(TestArray<double> &array) {
  for (int64_t i = 0; i < array.size(); ++i)
    array.at(i) = randomFloat() + 1e-9;
}

void checkC2C(const Shape &shape, int64_t mask, bool inverse, int32_t norm,
              LayoutSpec outSpec = LayoutSpec::dense()) {
  int errorsBefore = capturedErrors().count;
  TestArray<cd> in(shape), out(shape, outSpec);
  fillRandom(in);
  std::vector<cd> expected =
      naiveDFT(in.toDense(), shape, mask, inverse ? 1 : -1);
  double scale = normScale(norm, inverse, transformedCount(shape, mask));
  for (cd &value : expected)
    value *= scale;
  _mlir_ciface_spectral_fft_c2c_f64(in.unranked(), out.unranked(), mask,
                                    inverse, norm);
  EXPECT_EQ(capturedErrors().count, errorsBefore) << capturedErrors().message;
  EXPECT_LT(relativeError(out.toDense(), expected), kTolerance);
  EXPECT_TRUE(out.paddingIntact()) << "wrote outside the output view";
}

void checkRealPair(const Shape &shape, int64_t mask, int64_t halvedAxis,
                   int32_t norm, bool overwriteInput) {
  int errorsBefore = capturedErrors().count;
  Shape halfShape = shape;
  halfShape[halvedAxis] = shape[halvedAxis] / 2 + 1;
  TestArray<double> signal(shape);
  fillRandom(signal);
  std::vector<cd> expected = halfSpectrum(
      naiveDFT(toDouble(signal.toDense()), shape, mask, -1), shape, halvedAxis);
  double count = transformedCount(shape, mask);
  double scale = normScale(norm, false, count);
  for (cd &value : expected)
    value *= scale;

  TestArray<cd> spectrum(halfShape);
  _mlir_ciface_spectral_fft_r2c_f64(signal.unranked(), spectrum.unranked(),
                                    mask, halvedAxis, norm);
  EXPECT_LT(relativeError(spectrum.toDense(), expected), kTolerance);

  // Back: the inverse with the same norm gives the signal times n times
  // both scales.
  TestArray<double> back(shape);
  if (overwriteInput)
    _mlir_ciface_spectral_fft_c2r_overwrite_input_f64(
        spectrum.unranked(), back.unranked(), mask, halvedAxis, norm);
  else
    _mlir_ciface_spectral_fft_c2r_f64(spectrum.unranked(), back.unranked(),
                                      mask, halvedAxis, norm);
  std::vector<cd> original = toDouble(signal.toDense());
  double roundTrip = scale * normScale(norm, true, count) * count;
  for (cd &value : original)
    value *= roundTrip;
  EXPECT_EQ(capturedErrors().count, errorsBefore) << capturedErrors().message;
  EXPECT_LT(relativeError(back.toDense(), original), kTolerance);
}

class RuntimeDouble : public RuntimeTest {};

} // namespace

TEST_F(RuntimeDouble, C2CLengthsAndNorms) {
  for (int64_t n : {1, 2, 7, 13, 97, 100, 128})
    for (bool inverse : {false, true})
      for (int32_t norm : {SPECTRAL_FFT_NORM_BACKWARD,
                           SPECTRAL_FFT_NORM_FORWARD, SPECTRAL_FFT_NORM_ORTHO})
        checkC2C({n}, 0b1, inverse, norm);
}

TEST_F(RuntimeDouble, C2CAxesAndStridedOutput) {
  checkC2C({6, 5, 7}, 0b101, false, SPECTRAL_FFT_NORM_ORTHO);
  checkC2C({9, 8}, 0b10, true, SPECTRAL_FFT_NORM_BACKWARD,
           LayoutSpec::strided(2));
}

TEST_F(RuntimeDouble, RealPairs) {
  checkRealPair({16}, 0b1, 0, SPECTRAL_FFT_NORM_BACKWARD, false);
  checkRealPair({17}, 0b1, 0, SPECTRAL_FFT_NORM_FORWARD, true);
  checkRealPair({4, 10, 9}, 0b110, 2, SPECTRAL_FFT_NORM_ORTHO, false);
  checkRealPair({6, 12}, 0b11, 0, SPECTRAL_FFT_NORM_BACKWARD, true);
}

TEST_F(RuntimeDouble, PlansAreKeptApartFromSinglePrecision) {
  // The same shape, axes and strides in both precisions, alternately: a
  // plan of the other precision would read its data as the wrong type.
  for (int round = 0; round < 2; ++round) {
    checkC2C({32, 4}, 0b01, false, SPECTRAL_FFT_NORM_BACKWARD);
    TestArray<cf> in({32, 4}), out({32, 4});
    for (int64_t i = 0; i < in.size(); ++i)
      in.at(i) = cf(randomFloat(), randomFloat());
    std::vector<cd> expected =
        naiveDFT(toDouble(in.toDense()), {32, 4}, 0b01, -1);
    _mlir_ciface_spectral_fft_c2c(in.unranked(), out.unranked(), 0b01, 0,
                                  SPECTRAL_FFT_NORM_BACKWARD);
    EXPECT_LT(relativeError(out.toDense(), expected), 1e-5);
  }
}
