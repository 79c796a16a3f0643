//===- FFTStrategyTest.cpp - Transforms along non-innermost axes ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The layouts that the runtime transforms by gathering chunks of
// neighbouring transforms into scratch (GatheredTransforms.h) rather than
// with one strided plan: the transformed axis not innermost, a unit-stride
// batch dimension before or after it, chunks that do not divide the batch,
// odd and prime lengths, transposed and strided arrays, both precisions,
// several runtime threads and several user threads. Every result is
// compared with the naive DFT; results at a fixed thread count must repeat
// bit for bit.
//
//===----------------------------------------------------------------------===//

#include "TestUtils.h"

#include <thread>

using namespace spectral_test;

namespace {

/// Tolerances of single- and double-precision results against the DFT.
template <typename Real> constexpr double tolerance() {
  return std::is_same_v<Real, double> ? 1e-12 : 1e-4;
}

template <typename Real> void fillSignal(TestArray<Real> &array) {
  for (int64_t i = 0; i < array.size(); ++i)
    array.at(i) = static_cast<Real>(randomFloat());
}
template <typename Real> void fillSignal(TestArray<std::complex<Real>> &array) {
  for (int64_t i = 0; i < array.size(); ++i)
    array.at(i) = std::complex<Real>(randomFloat(), randomFloat());
}

void callC2C(TestArray<cf> &in, TestArray<cf> &out, int64_t mask, int inverse,
             int32_t norm) {
  _mlir_ciface_spectral_fft_c2c(in.unranked(), out.unranked(), mask, inverse,
                                norm);
}
void callC2C(TestArray<cd> &in, TestArray<cd> &out, int64_t mask, int inverse,
             int32_t norm) {
  _mlir_ciface_spectral_fft_c2c_f64(in.unranked(), out.unranked(), mask,
                                    inverse, norm);
}
void callR2C(TestArray<float> &in, TestArray<cf> &out, int64_t mask,
             int64_t halved, int32_t norm) {
  _mlir_ciface_spectral_fft_r2c(in.unranked(), out.unranked(), mask, halved,
                                norm);
}
void callR2C(TestArray<double> &in, TestArray<cd> &out, int64_t mask,
             int64_t halved, int32_t norm) {
  _mlir_ciface_spectral_fft_r2c_f64(in.unranked(), out.unranked(), mask, halved,
                                    norm);
}
void callC2R(TestArray<cf> &in, TestArray<float> &out, int64_t mask,
             int64_t halved, int32_t norm, bool overwrite) {
  if (overwrite)
    _mlir_ciface_spectral_fft_c2r_overwrite_input(in.unranked(), out.unranked(),
                                                  mask, halved, norm);
  else
    _mlir_ciface_spectral_fft_c2r(in.unranked(), out.unranked(), mask, halved,
                                  norm);
}
void callC2R(TestArray<cd> &in, TestArray<double> &out, int64_t mask,
             int64_t halved, int32_t norm, bool overwrite) {
  if (overwrite)
    _mlir_ciface_spectral_fft_c2r_overwrite_input_f64(
        in.unranked(), out.unranked(), mask, halved, norm);
  else
    _mlir_ciface_spectral_fft_c2r_f64(in.unranked(), out.unranked(), mask,
                                      halved, norm);
}

/// One layout case: the shape, the transformed axes, the halved axis of the
/// real transforms and the layouts of the real and the complex side.
struct Case {
  Shape shape;
  int64_t mask;
  int64_t halvedAxis;
  LayoutSpec realSpec = LayoutSpec::dense();
  LayoutSpec complexSpec = LayoutSpec::dense();
};

std::ostream &operator<<(std::ostream &os, const Case &c) {
  os << "shape [";
  for (int64_t size : c.shape)
    os << size << " ";
  return os << "] mask " << c.mask << " halved " << c.halvedAxis;
}

/// c2c both ways, r2c, and c2r (keeping and overwriting its input) of
/// `c` against the naive DFT; returns the r2c output for the repetition
/// check.
template <typename Real>
std::vector<std::complex<Real>> checkCase(const Case &c, int32_t norm) {
  using Complex = std::complex<Real>;
  SCOPED_TRACE(::testing::Message() << c << " norm " << norm);
  int errorsBefore = capturedErrors().count;
  const double count = transformedCount(c.shape, c.mask);

  // c2c, forward and inverse, real layout for input, complex for output.
  for (int inverse : {0, 1}) {
    TestArray<Complex> in(c.shape, c.realSpec), out(c.shape, c.complexSpec);
    fillSignal(in);
    std::vector<Complex> before = in.storage;
    std::vector<cd> expected =
        naiveDFT(toDouble(in.toDense()), c.shape, c.mask, inverse ? 1 : -1);
    for (cd &value : expected)
      value *= normScale(norm, inverse, count);
    callC2C(in, out, c.mask, inverse, norm);
    EXPECT_LT(relativeError(out.toDense(), expected), tolerance<Real>());
    EXPECT_EQ(in.storage, before) << "c2c modified its input";
    EXPECT_TRUE(out.paddingIntact()) << "c2c wrote outside its output";
  }

  // r2c.
  Shape halfShape = c.shape;
  halfShape[c.halvedAxis] = c.shape[c.halvedAxis] / 2 + 1;
  TestArray<Real> signal(c.shape, c.realSpec);
  fillSignal(signal);
  std::vector<Real> signalBefore = signal.storage;
  TestArray<Complex> spectrum(halfShape, c.complexSpec);
  std::vector<cd> expected =
      halfSpectrum(naiveDFT(toDouble(signal.toDense()), c.shape, c.mask, -1),
                   c.shape, c.halvedAxis);
  double forwardScale = normScale(norm, false, count);
  for (cd &value : expected)
    value *= forwardScale;
  callR2C(signal, spectrum, c.mask, c.halvedAxis, norm);
  EXPECT_LT(relativeError(spectrum.toDense(), expected), tolerance<Real>());
  EXPECT_EQ(signal.storage, signalBefore) << "r2c modified its input";
  EXPECT_TRUE(spectrum.paddingIntact()) << "r2c wrote outside its output";

  // c2r of that spectrum, keeping and overwriting its input.
  std::vector<cd> original = toDouble(signal.toDense());
  double roundTrip = forwardScale * normScale(norm, true, count) * count;
  for (cd &value : original)
    value *= roundTrip;
  for (bool overwrite : {false, true}) {
    TestArray<Complex> half(halfShape, c.complexSpec);
    half.fromDense(spectrum.toDense());
    std::vector<Complex> halfBefore = half.storage;
    TestArray<Real> back(c.shape, c.realSpec);
    callC2R(half, back, c.mask, c.halvedAxis, norm, overwrite);
    EXPECT_LT(relativeError(back.toDense(), original), tolerance<Real>())
        << "overwrite " << overwrite;
    if (!overwrite) {
      EXPECT_EQ(half.storage, halfBefore) << "c2r modified its input";
    }
    EXPECT_TRUE(back.paddingIntact()) << "c2r wrote outside its output";
  }
  EXPECT_EQ(capturedErrors().count, errorsBefore) << capturedErrors().message;
  return spectrum.storage;
}

/// Layouts whose transformed axes are not innermost.
std::vector<Case> gatheredCases() {
  return {
      // [B, T, D] along T: D (37) is chunked 16 + 16 + 5.
      {{3, 20, 37}, 0b010, 1},
      // Odd and prime lengths along the axis.
      {{2, 15, 24}, 0b010, 1},
      {{2, 17, 9}, 0b010, 1},
      // Batch dimensions before and after the axis, the axis outermost.
      {{2, 3, 17, 24}, 0b0100, 2},
      {{13, 2, 21}, 0b001, 0},
      // Fewer neighbours than a chunk holds.
      {{12, 3}, 0b01, 0},
      // Two transformed axes before a channel axis; either one halved.
      {{8, 6, 20}, 0b011, 1},
      {{9, 5, 18}, 0b011, 0},
      // Column-major arrays: the first axis has unit stride.
      {{20, 6},
       0b10,
       1,
       LayoutSpec::transposed(2),
       LayoutSpec::transposed(2, 0)},
      {{7, 3, 10},
       0b110,
       2,
       LayoutSpec::transposed(3),
       LayoutSpec::transposed(3, 0)},
      // Unit stride on one side only: the innermost axis is transformed
      // into a column-major output, and read from a column-major input.
      {{6, 22}, 0b10, 1, LayoutSpec::dense(), LayoutSpec::transposed(2)},
      {{6, 22}, 0b10, 1, LayoutSpec::transposed(2), LayoutSpec::dense()},
      // Strided rows of a wider array.
      {{4, 11, 19},
       0b010,
       1,
       LayoutSpec{{}, 1, 5},
       LayoutSpec{{0, 2, 1}, 1, 2}},
  };
}

class RuntimeFFTStrategy : public RuntimeTest {
protected:
  void TearDown() override {
    spectral_runtime_set_num_threads(defaultThreads);
    RuntimeTest::TearDown();
  }
  int32_t defaultThreads = spectral_runtime_get_num_threads();
};

} // namespace

TEST_F(RuntimeFFTStrategy, GatheredLayoutsSinglePrecision) {
  for (const Case &c : gatheredCases())
    for (int32_t norm : {SPECTRAL_FFT_NORM_BACKWARD, SPECTRAL_FFT_NORM_ORTHO})
      checkCase<float>(c, norm);
}

TEST_F(RuntimeFFTStrategy, GatheredLayoutsDoublePrecision) {
  for (const Case &c : gatheredCases())
    checkCase<double>(c, SPECTRAL_FFT_NORM_FORWARD);
}

TEST_F(RuntimeFFTStrategy, EveryThreadCountAgreesAndRepeatsBitForBit) {
  // A gathered batch of many chunks, and a contiguous one large enough for
  // FFTW's own threads: checked against the DFT at 1 thread, then at 2 and 3
  // threads against that result, each count twice.
  const Case cases[] = {{{4, 64, 70}, 0b010, 1}, {{48, 1024}, 0b10, 1}};
  for (const Case &c : cases) {
    SCOPED_TRACE(::testing::Message() << c);
    spectral_runtime_set_num_threads(1);
    checkCase<float>(c, SPECTRAL_FFT_NORM_BACKWARD);
    TestArray<float> signal(c.shape);
    fillSignal(signal);
    Shape halfShape = c.shape;
    halfShape[c.halvedAxis] = c.shape[c.halvedAxis] / 2 + 1;
    auto transform = [&] {
      TestArray<cf> spectrum(halfShape);
      callR2C(signal, spectrum, c.mask, c.halvedAxis,
              SPECTRAL_FFT_NORM_BACKWARD);
      return spectrum.toDense();
    };
    std::vector<cf> reference = transform();
    for (int32_t threads : {1, 2, 3}) {
      SCOPED_TRACE(::testing::Message() << "threads " << threads);
      spectral_runtime_set_num_threads(threads);
      ASSERT_EQ(spectral_runtime_get_num_threads(), threads);
      std::vector<cf> first = transform();
      EXPECT_LT(relativeError(first, toDouble(reference)), 1e-6);
      EXPECT_TRUE(first == transform()) << "not bitwise reproducible";
    }
  }
  expectNoError();
}

TEST_F(RuntimeFFTStrategy, UserThreadsCallWhileRuntimeThreadsRun) {
  // Four user threads at once, each running gathered and contiguous
  // transforms on the runtime's two threads: the plan cache, the memory
  // counters and the error handler are shared by all of them.
  spectral_runtime_set_num_threads(2);
  std::vector<double> worst(4, 1.0);
  std::vector<std::thread> users;
  for (int t = 0; t < 4; ++t) {
    users.emplace_back([&, t] {
      Shape shape = {2, 30 + 3 * t, 40};
      int64_t mask = t % 2 ? 0b010 : 0b110;
      TestArray<cf> in(shape), out(shape);
      for (int64_t i = 0; i < in.size(); ++i)
        in.at(i) = cf(static_cast<float>((i * 7 + t) % 13) - 6.0f,
                      static_cast<float>((i * 3) % 5));
      std::vector<cd> expected =
          naiveDFT(toDouble(in.toDense()), shape, mask, -1);
      double error = 0;
      for (int repeat = 0; repeat < 10; ++repeat) {
        _mlir_ciface_spectral_fft_c2c(in.unranked(), out.unranked(), mask, 0,
                                      SPECTRAL_FFT_NORM_BACKWARD);
        error = std::max(error, relativeError(out.toDense(), expected));
      }
      worst[t] = error;
    });
  }
  for (std::thread &user : users)
    user.join();
  for (double error : worst)
    EXPECT_LT(error, 1e-4);
  expectNoError();
}

TEST_F(RuntimeFFTStrategy, ThreadCountMustBePositive) {
  int32_t before = spectral_runtime_get_num_threads();
  spectral_runtime_set_num_threads(0);
  expectError("spectral_runtime_set_num_threads", {"count is 0"});
  EXPECT_EQ(spectral_runtime_get_num_threads(), before);
}

//===----------------------------------------------------------------------===//
// The filtered round trip (spectral_fft_filter)
//===----------------------------------------------------------------------===//

namespace {

void callFilter(TestArray<float> &in, TestArray<cf> &filter,
                TestArray<float> &out, int64_t axis, int32_t forwardNorm,
                int32_t inverseNorm) {
  _mlir_ciface_spectral_fft_filter(in.unranked(), filter.unranked(),
                                   out.unranked(), int64_t{1} << axis, axis,
                                   forwardNorm, inverseNorm);
}
void callFilter(TestArray<double> &in, TestArray<cd> &filter,
                TestArray<double> &out, int64_t axis, int32_t forwardNorm,
                int32_t inverseNorm) {
  _mlir_ciface_spectral_fft_filter_f64(in.unranked(), filter.unranked(),
                                       out.unranked(), int64_t{1} << axis, axis,
                                       forwardNorm, inverseNorm);
}

/// irfft(rfft(x) * f) along `axis` by the naive DFT: the half spectrum,
/// times the filter (size-1 dimensions broadcast), extended to a Hermitian
/// full spectrum (the imaginary parts of the DC and Nyquist bins dropped, as
/// a complex-to-real transform does), transformed back.
std::vector<cd> naiveFilter(const std::vector<cd> &signal, const Shape &shape,
                            const std::vector<cd> &filter,
                            const Shape &filterShape, int64_t axis,
                            double scale) {
  int64_t rank = static_cast<int64_t>(shape.size());
  int64_t n = shape[axis], bins = n / 2 + 1;
  Shape halfShape = shape;
  halfShape[axis] = bins;
  std::vector<cd> half = halfSpectrum(
      naiveDFT(signal, shape, int64_t{1} << axis, -1), shape, axis);
  Shape halfStrides = denseStrides(halfShape),
        filterStrides = denseStrides(filterShape);
  Shape fullStrides = denseStrides(shape);
  std::vector<cd> full(signal.size());
  for (int64_t i = 0; i < product(shape); ++i) {
    int64_t rest = i, halfIndex = 0, filterIndex = 0, k = 0;
    for (int64_t d = rank - 1; d >= 0; --d) {
      int64_t index = rest % shape[d];
      rest /= shape[d];
      if (d == axis) {
        k = index;
        index = k < bins ? k : n - k;
      }
      halfIndex += index * halfStrides[d];
      filterIndex += (filterShape[d] == 1 ? 0 : index) * filterStrides[d];
    }
    cd value = half[halfIndex] * filter[filterIndex];
    if (k == 0 || 2 * k == n)
      value = value.real();
    full[i] = k < bins ? value : std::conj(value);
    (void)fullStrides;
  }
  std::vector<cd> result = naiveDFT(full, shape, int64_t{1} << axis, +1);
  for (cd &value : result)
    value = value.real() * scale;
  return result;
}

template <typename Real>
void checkFilter(const Shape &shape, int64_t axis, const Shape &filterShape,
                 int32_t forwardNorm, int32_t inverseNorm,
                 LayoutSpec inSpec = LayoutSpec::dense(),
                 LayoutSpec outSpec = LayoutSpec::dense()) {
  using Complex = std::complex<Real>;
  SCOPED_TRACE(::testing::Message()
               << "axis " << axis << " rank " << shape.size() << " norms "
               << forwardNorm << " " << inverseNorm);
  int errorsBefore = capturedErrors().count;
  TestArray<Real> in(shape, inSpec), out(shape, outSpec);
  TestArray<Complex> filter(filterShape);
  fillSignal(in);
  fillSignal(filter);
  std::vector<Real> inBefore = in.storage;
  std::vector<Complex> filterBefore = filter.storage;
  double count = static_cast<double>(shape[axis]);
  double scale = normScale(forwardNorm, false, count) *
                 normScale(inverseNorm, true, count);
  std::vector<cd> expected =
      naiveFilter(toDouble(in.toDense()), shape, toDouble(filter.toDense()),
                  filterShape, axis, scale);
  callFilter(in, filter, out, axis, forwardNorm, inverseNorm);
  EXPECT_EQ(capturedErrors().count, errorsBefore) << capturedErrors().message;
  EXPECT_LT(relativeError(out.toDense(), expected), tolerance<Real>());
  EXPECT_EQ(in.storage, inBefore) << "input modified";
  EXPECT_EQ(filter.storage, filterBefore) << "filter modified";
  EXPECT_TRUE(out.paddingIntact()) << "wrote outside the output view";
}

} // namespace

TEST_F(RuntimeFFTStrategy, FilterAlongAMiddleAxis) {
  // Gathered: mixing [B, T, D] along T with a filter shared by the batch,
  // one per batch element, or shared by the channels too.
  for (int32_t threads : {1, 2}) {
    spectral_runtime_set_num_threads(threads);
    checkFilter<float>({3, 20, 37}, 1, {1, 11, 37}, SPECTRAL_FFT_NORM_BACKWARD,
                       SPECTRAL_FFT_NORM_BACKWARD);
    checkFilter<float>({2, 17, 9}, 1, {2, 9, 9}, SPECTRAL_FFT_NORM_ORTHO,
                       SPECTRAL_FFT_NORM_ORTHO);
    checkFilter<float>({2, 16, 40}, 1, {1, 9, 1}, SPECTRAL_FFT_NORM_FORWARD,
                       SPECTRAL_FFT_NORM_FORWARD);
  }
  checkFilter<double>({3, 15, 21}, 1, {1, 8, 21}, SPECTRAL_FFT_NORM_BACKWARD,
                      SPECTRAL_FFT_NORM_BACKWARD);
  // The axis outermost, and column-major arrays.
  checkFilter<float>({24, 5, 6}, 0, {13, 1, 6}, SPECTRAL_FFT_NORM_BACKWARD,
                     SPECTRAL_FFT_NORM_BACKWARD);
  checkFilter<float>({7, 12}, 1, {1, 7}, SPECTRAL_FFT_NORM_BACKWARD,
                     SPECTRAL_FFT_NORM_BACKWARD, LayoutSpec::transposed(2),
                     LayoutSpec::transposed(2, 0));
}

TEST_F(RuntimeFFTStrategy, FilterAlongTheInnermostAxis) {
  // Contiguous transforms: the half spectrum is a runtime buffer, released
  // before the call returns.
  checkFilter<float>({4, 33}, 1, {1, 17}, SPECTRAL_FFT_NORM_BACKWARD,
                     SPECTRAL_FFT_NORM_BACKWARD);
  checkFilter<double>({3, 2, 10}, 2, {3, 1, 6}, SPECTRAL_FFT_NORM_ORTHO,
                      SPECTRAL_FFT_NORM_BACKWARD);
  checkFilter<float>({19}, 0, {10}, SPECTRAL_FFT_NORM_FORWARD,
                     SPECTRAL_FFT_NORM_FORWARD);
}

TEST_F(RuntimeFFTStrategy, FilterChecksItsOperands) {
  TestArray<float> in({4, 16}), out({4, 16}), shorter({4, 15});
  TestArray<cf> wrongBins({1, 8}), wrongRank({9});
  out.fill(7.0f);
  _mlir_ciface_spectral_fft_filter(
      in.unranked(), wrongBins.unranked(), out.unranked(), 0b10, 1,
      SPECTRAL_FFT_NORM_BACKWARD, SPECTRAL_FFT_NORM_BACKWARD);
  expectError("spectral_fft_filter",
              {"filter dimension 1 has size 8, expected 9", "or 1"});
  _mlir_ciface_spectral_fft_filter(
      in.unranked(), wrongRank.unranked(), out.unranked(), 0b10, 1,
      SPECTRAL_FFT_NORM_BACKWARD, SPECTRAL_FFT_NORM_BACKWARD);
  expectError("spectral_fft_filter",
              {"filter has rank 1 but input has rank 2"});
  TestArray<cf> filter({1, 9});
  _mlir_ciface_spectral_fft_filter(
      in.unranked(), filter.unranked(), shorter.unranked(), 0b10, 1,
      SPECTRAL_FFT_NORM_BACKWARD, SPECTRAL_FFT_NORM_BACKWARD);
  expectError("spectral_fft_filter", {"output dimension 1 has size 15"});
  _mlir_ciface_spectral_fft_filter(in.unranked(), filter.unranked(),
                                   out.unranked(), 0b10, 1, 7,
                                   SPECTRAL_FFT_NORM_BACKWARD);
  expectError("spectral_fft_filter", {"norm is 7"});
  for (int64_t i = 0; i < out.size(); ++i)
    ASSERT_EQ(out.at(i), 7.0f) << "an error wrote the output";
}
