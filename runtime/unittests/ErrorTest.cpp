//===- ErrorTest.cpp - Tests of argument validation -----------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// One case per validation of every entry point. Each case checks the name
// of the function, the key values in the message, and that the outputs were
// not written. The wrong scalar arguments (axes, halved axis and length,
// norm, direction) are tables of cases, one GoogleTest test each; the cases
// that corrupt descriptors or alias buffers are written out. The capturing
// handler is installed by RuntimeTest.
//
//===----------------------------------------------------------------------===//

#include "TestUtils.h"

#include <climits>

using namespace spectral_test;

namespace {

constexpr const char *kC2C = "spectral_fft_c2c";
constexpr const char *kR2C = "spectral_fft_r2c";
constexpr const char *kC2R = "spectral_fft_c2r";
constexpr const char *kC2ROverwrite = "spectral_fft_c2r_overwrite_input";
constexpr const char *kTopK = "spectral_topk";
constexpr const char *kScatter = "spectral_scatter";
constexpr const char *kGather = "spectral_gather";

/// Makes `array`'s descriptor point `elements` elements into `other`'s
/// buffer, to create aliasing arguments of any element types.
template <typename T, typename U>
void pointInto(TestArray<T> &array, TestArray<U> &other, int64_t elements) {
  T *target = reinterpret_cast<T *>(other.storage.data() + elements);
  array.raw.basePtr = target;
  array.raw.data = target;
  array.raw.offset = 0;
}

//===----------------------------------------------------------------------===//
// Dense transforms
//===----------------------------------------------------------------------===//

class RuntimeErrorsFFT : public RuntimeTest {
protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    fillRandom(cin);
    fillRandom(rin);
    fillRandom(hin);
    cout.fill(cf(7, 7));
    hout.fill(cf(7, 7));
    rout.fill(7.0f);
    hinBefore = hin.storage;
  }

  /// Checks the error and that no output (nor the c2r input) was written.
  void expectFailure(const char *function,
                     const std::vector<const char *> &parts) {
    expectError(function, parts);
    for (int64_t i = 0; i < cout.size(); ++i)
      ASSERT_EQ(cout.at(i), cf(7, 7)) << "c2c output written";
    for (int64_t i = 0; i < hout.size(); ++i)
      ASSERT_EQ(hout.at(i), cf(7, 7)) << "r2c output written";
    for (int64_t i = 0; i < rout.size(); ++i)
      ASSERT_EQ(rout.at(i), 7.0f) << "c2r output written";
    EXPECT_EQ(hin.storage, hinBefore) << "c2r input written";
  }

  void c2c(int64_t mask = 0b11, int32_t inverse = 0, int32_t norm = 0) {
    _mlir_ciface_spectral_fft_c2c(in, out, mask, inverse, norm);
  }
  void r2c(int64_t mask = 0b11, int64_t halvedAxis = 1, int32_t norm = 0) {
    _mlir_ciface_spectral_fft_r2c(rinDesc, houtDesc, mask, halvedAxis, norm);
  }
  void c2r(int64_t mask = 0b11, int64_t halvedAxis = 1, int32_t norm = 0) {
    _mlir_ciface_spectral_fft_c2r(hinDesc, routDesc, mask, halvedAxis, norm);
  }

  // c2c: 4x8 -> 4x8; r2c: 4x8 real -> 4x5; c2r: 4x5 -> 4x8 real.
  TestArray<cf> cin{{4, 8}}, cout{{4, 8}};
  TestArray<float> rin{{4, 8}}, rout{{4, 8}};
  TestArray<cf> hin{{4, 5}}, hout{{4, 5}};
  std::vector<cf> hinBefore;
  UnrankedMemRefType<cf> *in = cin.unranked(), *out = cout.unranked();
  UnrankedMemRefType<float> *rinDesc = rin.unranked(),
                            *routDesc = rout.unranked();
  UnrankedMemRefType<cf> *hinDesc = hin.unranked(), *houtDesc = hout.unranked();
};

TEST_F(RuntimeErrorsFFT, NullArguments) {
  _mlir_ciface_spectral_fft_c2c(nullptr, out, 0b11, 0, 0);
  expectFailure(kC2C, {"input is a null pointer"});
  _mlir_ciface_spectral_fft_c2c(in, nullptr, 0b11, 0, 0);
  expectFailure(kC2C, {"output is a null pointer"});
  _mlir_ciface_spectral_fft_r2c(nullptr, houtDesc, 0b11, 1, 0);
  expectFailure(kR2C, {"input is a null pointer"});
  _mlir_ciface_spectral_fft_c2r(hinDesc, nullptr, 0b11, 1, 0);
  expectFailure(kC2R, {"output is a null pointer"});
  cin.unrankedDesc.descriptor = nullptr;
  c2c();
  expectFailure(kC2C, {"input has a null descriptor"});
}

TEST_F(RuntimeErrorsFFT, Rank) {
  cin.unrankedDesc.rank = 0;
  c2c();
  expectFailure(kC2C, {"input has rank 0", "expected 1 to 8"});
  cin.unrankedDesc.rank = 9;
  c2c();
  expectFailure(kC2C, {"input has rank 9"});
  in = cin.unranked();
  TestArray<cf> rank1({32});
  _mlir_ciface_spectral_fft_c2c(in, rank1.unranked(), 0b1, 0, 0);
  expectFailure(kC2C, {"input has rank 2 but output has rank 1"});
  _mlir_ciface_spectral_fft_r2c(rinDesc, rank1.unranked(), 0b1, 0, 0);
  expectFailure(kR2C, {"input has rank 2 but output has rank 1"});
  TestArray<float> real1({32});
  _mlir_ciface_spectral_fft_c2r(hinDesc, real1.unranked(), 0b1, 0, 0);
  expectFailure(kC2R, {"input has rank 2 but output has rank 1"});
}

TEST_F(RuntimeErrorsFFT, NegativeSizesAndStrides) {
  cout.raw.sizesAndStrides[1] = -2;
  c2c();
  expectFailure(kC2C, {"output dimension 1 has negative size -2"});
  cout.unranked();
  cin.raw.sizesAndStrides[2 + 0] = -8;
  c2c();
  expectFailure(kC2C,
                {"input dimension 0 has negative stride -8", "not supported"});
}

TEST_F(RuntimeErrorsFFT, SpanOverflowAndNullData) {
  cin.raw.sizesAndStrides[0] = INT64_MAX / 2;
  cin.raw.sizesAndStrides[2] = 1024;
  c2c();
  expectFailure(kC2C, {"input spans more than 2^63 bytes"});
  cin.unranked();
  rin.raw.data = nullptr;
  r2c();
  expectFailure(kR2C, {"input has a null data pointer", "32 elements"});
}

/// One wrong scalar argument of a transform entry point (4 x 8 operands)
/// and what its message must say.
struct ScalarArgumentCase {
  const char *name;
  enum Entry { C2C, R2C, C2R } entry;
  int64_t axesMask;
  /// `inverse` for c2c, `halvedAxis` for r2c and c2r.
  int64_t third;
  int32_t norm;
  std::vector<const char *> parts;
};

const ScalarArgumentCase kScalarArgumentCases[] = {
    {"C2CNoAxes", ScalarArgumentCase::C2C, 0, 0, 0, {"axesMask is 0"}},
    {"C2CAxisBeyondRank",
     ScalarArgumentCase::C2C,
     0b100,
     0,
     0,
     {"axesMask 0x4 names axis 2", "rank is 2"}},
    {"C2CAllBits", ScalarArgumentCase::C2C, -1, 0, 0, {"names axis 63"}},
    {"R2CAxisBeyondRank",
     ScalarArgumentCase::R2C,
     0b1000,
     1,
     0,
     {"axesMask 0x8 names axis 3"}},
    {"C2RNoAxes", ScalarArgumentCase::C2R, 0, 1, 0, {"axesMask is 0"}},
    {"R2CNegativeHalvedAxis",
     ScalarArgumentCase::R2C,
     0b11,
     -1,
     0,
     {"halvedAxis -1 is out of range for rank 2"}},
    {"R2CHalvedAxisBeyondRank",
     ScalarArgumentCase::R2C,
     0b11,
     2,
     0,
     {"halvedAxis 2 is out of range"}},
    {"R2CHalvedAxisNotTransformed",
     ScalarArgumentCase::R2C,
     0b10,
     0,
     0,
     {"halvedAxis 0 is not a transformed axis", "axesMask 0x2"}},
    {"C2RHalvedAxisNotTransformed",
     ScalarArgumentCase::C2R,
     0b01,
     1,
     0,
     {"halvedAxis 1 is not a transformed axis"}},
    {"C2CNorm", ScalarArgumentCase::C2C, 0b11, 0, 3, {"norm is 3", "backward"}},
    {"R2CNorm", ScalarArgumentCase::R2C, 0b11, 1, -1, {"norm is -1"}},
    {"C2RNorm", ScalarArgumentCase::C2R, 0b11, 1, 7, {"norm is 7"}},
    {"C2CDirection", ScalarArgumentCase::C2C, 0b11, 2, 0, {"inverse is 2"}},
};

class RuntimeErrorsFFTScalars
    : public RuntimeErrorsFFT,
      public ::testing::WithParamInterface<ScalarArgumentCase> {};

TEST_P(RuntimeErrorsFFTScalars, Rejected) {
  const ScalarArgumentCase &c = GetParam();
  switch (c.entry) {
  case ScalarArgumentCase::C2C:
    c2c(c.axesMask, static_cast<int32_t>(c.third), c.norm);
    return expectFailure(kC2C, c.parts);
  case ScalarArgumentCase::R2C:
    r2c(c.axesMask, c.third, c.norm);
    return expectFailure(kR2C, c.parts);
  case ScalarArgumentCase::C2R:
    c2r(c.axesMask, c.third, c.norm);
    return expectFailure(kC2R, c.parts);
  }
}

INSTANTIATE_TEST_SUITE_P(
    AxesHalvedAxisNormDirection, RuntimeErrorsFFTScalars,
    ::testing::ValuesIn(kScalarArgumentCases),
    [](const ::testing::TestParamInfo<ScalarArgumentCase> &info) {
      return std::string(info.param.name);
    });

TEST_F(RuntimeErrorsFFT, ShapeRelations) {
  TestArray<cf> wrong({4, 7});
  _mlir_ciface_spectral_fft_c2c(in, wrong.unranked(), 0b11, 0, 0);
  expectFailure(kC2C, {"output dimension 1 has size 7, expected 8"});

  // The message of the design document, word for word.
  TestArray<cf> wide({4, 9});
  _mlir_ciface_spectral_fft_r2c(rinDesc, wide.unranked(), 0b11, 1, 0);
  expectFailure(kR2C, {"output dimension 1 has size 9, expected 5 (n/2+1 "
                       "for n = 8)"});
  TestArray<cf> tall({3, 5});
  _mlir_ciface_spectral_fft_r2c(rinDesc, tall.unranked(), 0b11, 1, 0);
  expectFailure(kR2C, {"output dimension 0 has size 3, expected 4 (the "
                       "input size)"});

  TestArray<cf> wideIn({4, 9});
  wideIn.fill(cf(1, 1));
  _mlir_ciface_spectral_fft_c2r(wideIn.unranked(), routDesc, 0b11, 1, 0);
  expectFailure(kC2R, {"input dimension 1 has size 9, expected 5 (n/2+1 "
                       "for n = 8)"});
  TestArray<float> tallOut({5, 8});
  _mlir_ciface_spectral_fft_c2r(hinDesc, tallOut.unranked(), 0b11, 1, 0);
  expectFailure(kC2R, {"output dimension 0 has size 5, expected 4"});
}

TEST_F(RuntimeErrorsFFT, EmptyTransformedAxis) {
  TestArray<cf> emptyIn({4, 0}), emptyOut({4, 0});
  _mlir_ciface_spectral_fft_c2c(emptyIn.unranked(), emptyOut.unranked(), 0b10,
                                0, 0);
  expectFailure(kC2C, {"input dimension 1 is transformed but has size 0"});
  TestArray<float> emptyReal({4, 0});
  TestArray<cf> one({4, 1});
  _mlir_ciface_spectral_fft_r2c(emptyReal.unranked(), one.unranked(), 0b11, 1,
                                0);
  expectFailure(kR2C, {"input dimension 1 is transformed but has size 0"});
  _mlir_ciface_spectral_fft_c2r(one.unranked(), emptyReal.unranked(), 0b11, 1,
                                0);
  expectFailure(kC2R, {"output dimension 1 is transformed but has size 0"});
}

TEST_F(RuntimeErrorsFFT, OutputOverlapsItself) {
  cout.raw.sizesAndStrides[2 + 0] = 0; // every row on the same memory
  c2c();
  expectFailure(kC2C,
                {"output has overlapping elements", "dimension 0", "stride 0"});
  cout.unranked();
  hout.raw.sizesAndStrides[2 + 0] = 3; // rows of 5 every 3 elements
  r2c();
  expectFailure(kR2C, {"output has overlapping elements", "stride 3"});
  rout.raw.sizesAndStrides[2 + 1] = 0;
  c2r();
  expectFailure(kC2R, {"output has overlapping elements", "dimension 1"});
}

TEST_F(RuntimeErrorsFFT, OverwrittenInputMustNotOverlapItself) {
  // Rows of the half spectrum on the same memory: overwriting one row would
  // clobber the others before they are read.
  hin.raw.sizesAndStrides[2 + 0] = 0;
  _mlir_ciface_spectral_fft_c2r_overwrite_input(hinDesc, routDesc, 0b11, 1, 0);
  expectFailure(kC2ROverwrite,
                {"input has overlapping elements", "dimension 0", "stride 0"});
}

TEST_F(RuntimeErrorsFFT, InputAndOutputAlias) {
  _mlir_ciface_spectral_fft_c2c(in, in, 0b11, 0, 0);
  expectError(kC2C, {"input and output overlap in memory"});
  // Partial overlap: the output starts in the last row of the input.
  pointInto(cout, cin, 24);
  c2c();
  expectError(kC2C, {"input and output overlap"});
  pointInto(hout, rin, 20); // complex output inside the real input
  r2c();
  expectError(kR2C, {"input and output overlap"});
  pointInto(rout, hin, 2);
  c2r();
  expectError(kC2R, {"input and output overlap"});
  EXPECT_EQ(hin.storage, hinBefore);
}

TEST_F(RuntimeErrorsFFT, StrideBeyondFFTWLimit) {
  // The input is never read: planning (FFTW_ESTIMATE) rejects the stride.
  // The output lies below the input so that the ranges are disjoint.
  TestArray<cf> buffer({64});
  TestArray<cf> input({2}), output({2});
  input.unranked();
  output.unranked();
  pointInto(output, buffer, 0);
  pointInto(input, buffer, 8);
  input.raw.sizesAndStrides[1] = int64_t{INT_MAX} + 1;
  _mlir_ciface_spectral_fft_c2c(&input.unrankedDesc, &output.unrankedDesc, 0b1,
                                0, 0);
  expectError(kC2C, {"transformed dimension 0", "input stride 2147483648",
                     "32-bit limit"});
}

TEST_F(RuntimeErrorsFFT, DefaultHandlerPrintsAndAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        spectral_runtime_set_error_handler(nullptr);
        _mlir_ciface_spectral_fft_r2c(rinDesc, houtDesc, 0b11, 5, 0);
      },
      "spectral runtime error: spectral_fft_r2c: halvedAxis 5 is out of "
      "range for rank 2");
}

//===----------------------------------------------------------------------===//
// Top-k, scatter and gather
//===----------------------------------------------------------------------===//

/// Valid arguments: 2 tiles of an 8x8 real tile (spectrum 8x5, 40 bins,
/// 34 candidates), K = 3. Gather reads `spectrum` at `keptPositions` into
/// `coeffs`.
class RuntimeErrorsSparse : public RuntimeTest {
protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    fillRandom(spectrum);
    shape.fromDense({8, 5});
    coeffs.fill(cf(7, 7));
    positions.fill(7);
    keptCoeffs.fromDense({{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}});
    keptPositions.fromDense({0, 1, 2, 10, 20, 39});
    dense.fill(cf(7, 7));
    refresh();
  }

  /// Hands out fresh descriptors (undoing any corruption).
  void refresh() {
    spectrumDesc = spectrum.ranked<2>();
    shapeDesc = shape.ranked<1>();
    coeffsDesc = coeffs.ranked<2>();
    positionsDesc = positions.ranked<2>();
    keptCoeffsDesc = keptCoeffs.ranked<2>();
    keptPositionsDesc = keptPositions.ranked<2>();
    denseDesc = dense.ranked<2>();
  }

  void topk(int64_t mask = 0b11, int64_t halvedAxis = 1,
            int64_t halvedLength = 8) {
    _mlir_ciface_spectral_topk(spectrumDesc, shapeDesc, mask, halvedAxis,
                               halvedLength, coeffsDesc, positionsDesc);
  }
  void scatter(int64_t mask = 0b11, int64_t halvedAxis = 1,
               int64_t halvedLength = 8) {
    _mlir_ciface_spectral_scatter(keptCoeffsDesc, keptPositionsDesc, shapeDesc,
                                  mask, halvedAxis, halvedLength, denseDesc);
  }
  void gather(int64_t mask = 0b11, int64_t halvedAxis = 1,
              int64_t halvedLength = 8) {
    _mlir_ciface_spectral_gather(spectrumDesc, keptPositionsDesc, shapeDesc,
                                 mask, halvedAxis, halvedLength, coeffsDesc);
  }

  void expectFailure(const char *function,
                     const std::vector<const char *> &parts) {
    expectError(function, parts);
    for (int64_t i = 0; i < coeffs.size(); ++i)
      ASSERT_EQ(coeffs.at(i), cf(7, 7)) << "coeffs written";
    for (int64_t i = 0; i < positions.size(); ++i)
      ASSERT_EQ(positions.at(i), 7) << "positions written";
    for (int64_t i = 0; i < dense.size(); ++i)
      ASSERT_EQ(dense.at(i), cf(7, 7)) << "spectrum written";
    refresh();
  }

  TestArray<cf> spectrum{{2, 40}};
  TestArray<int64_t> shape{{2}};
  TestArray<cf> coeffs{{2, 3}};
  TestArray<int64_t> positions{{2, 3}};
  TestArray<cf> keptCoeffs{{2, 3}};
  TestArray<int64_t> keptPositions{{2, 3}};
  TestArray<cf> dense{{2, 40}};

  StridedMemRefType<cf, 2> *spectrumDesc, *coeffsDesc, *keptCoeffsDesc,
      *denseDesc;
  StridedMemRefType<int64_t, 1> *shapeDesc;
  StridedMemRefType<int64_t, 2> *positionsDesc, *keptPositionsDesc;
};

TEST_F(RuntimeErrorsSparse, ValidArgumentsPass) {
  topk();
  scatter();
  gather();
  expectNoError();
}

TEST_F(RuntimeErrorsSparse, NullArguments) {
  spectrumDesc = nullptr;
  topk();
  expectFailure(kTopK, {"spectrum is a null pointer"});
  shapeDesc = nullptr;
  topk();
  expectFailure(kTopK, {"tileSpectrumShape is a null pointer"});
  coeffsDesc = nullptr;
  topk();
  expectFailure(kTopK, {"coeffs is a null pointer"});
  positionsDesc = nullptr;
  topk();
  expectFailure(kTopK, {"positions is a null pointer"});
  keptCoeffsDesc = nullptr;
  scatter();
  expectFailure(kScatter, {"coeffs is a null pointer"});
  keptPositionsDesc = nullptr;
  scatter();
  expectFailure(kScatter, {"positions is a null pointer"});
  shapeDesc = nullptr;
  scatter();
  expectFailure(kScatter, {"tileSpectrumShape is a null pointer"});
  denseDesc = nullptr;
  scatter();
  expectFailure(kScatter, {"spectrum is a null pointer"});
}

TEST_F(RuntimeErrorsSparse, RankedDescriptorChecks) {
  coeffsDesc->sizes[1] = -3;
  topk();
  expectFailure(kTopK, {"coeffs dimension 1 has negative size -3"});
  keptPositionsDesc->strides[0] = -3;
  scatter();
  expectFailure(kScatter, {"positions dimension 0 has negative stride -3"});
  denseDesc->data = nullptr;
  scatter();
  expectFailure(kScatter, {"spectrum has a null data pointer"});
}

TEST_F(RuntimeErrorsSparse, TileSpectrumShape) {
  shapeDesc->sizes[0] = 0;
  topk();
  expectFailure(kTopK, {"tileSpectrumShape has 0 entries", "1 to 8"});
  TestArray<int64_t> nine({9});
  nine.fill(1);
  shapeDesc = nine.ranked<1>();
  scatter();
  expectFailure(kScatter, {"tileSpectrumShape has 9 entries"});
  shape.at(1) = 0;
  topk();
  expectFailure(kTopK, {"tileSpectrumShape[1] is 0", "positive"});
  shape.at(0) = int64_t{1} << 40;
  shape.at(1) = int64_t{1} << 40;
  topk(0b11, -1, 0);
  expectFailure(kTopK, {"more than 2^63 bins"});
  shape.fromDense({8, 5});
}

/// One wrong layout scalar of top-k, scatter or gather (tile spectra of
/// 8 x 5, halved axis 1 of length 8) and what its message must say.
struct LayoutScalarCase {
  const char *name;
  enum Entry { TopK, Scatter, Gather } entry;
  int64_t axesMask;
  int64_t halvedAxis;
  int64_t halvedLength;
  std::vector<const char *> parts;
};

const LayoutScalarCase kLayoutScalarCases[] = {
    {"TopKNoAxes", LayoutScalarCase::TopK, 0, 1, 8, {"axesMask is 0"}},
    {"ScatterAxisBeyondRank",
     LayoutScalarCase::Scatter,
     0b100,
     1,
     8,
     {"axesMask 0x4 names axis 2", "rank is 2"}},
    {"TopKHalvedAxisBeyondRank",
     LayoutScalarCase::TopK,
     0b11,
     2,
     8,
     {"halvedAxis 2 is out of range for rank 2"}},
    {"ScatterNegativeHalvedAxis",
     LayoutScalarCase::Scatter,
     0b11,
     -2,
     8,
     {"halvedAxis -2 is out of range"}},
    {"TopKHalvedAxisNotTransformed",
     LayoutScalarCase::TopK,
     0b01,
     1,
     8,
     {"halvedAxis 1 is not a transformed axis"}},
    {"TopKZeroHalvedLength",
     LayoutScalarCase::TopK,
     0b11,
     1,
     0,
     {"halvedLength is 0"}},
    {"ScatterNegativeHalvedLength",
     LayoutScalarCase::Scatter,
     0b11,
     1,
     -4,
     {"halvedLength is -4"}},
    {"TopKHalvedLengthDisagrees",
     LayoutScalarCase::TopK,
     0b11,
     1,
     10,
     {"tileSpectrumShape[1] is 5, expected 6 (n/2+1 for halvedLength n = "
      "10)"}},
    {"ScatterHalvedAxisDisagrees",
     LayoutScalarCase::Scatter,
     0b11,
     0,
     8,
     {"tileSpectrumShape[0] is 8, expected 5"}},
    {"GatherNoAxes", LayoutScalarCase::Gather, 0, 1, 8, {"axesMask is 0"}},
    {"GatherHalvedLengthDisagrees",
     LayoutScalarCase::Gather,
     0b11,
     1,
     10,
     {"tileSpectrumShape[1] is 5, expected 6"}},
};

class RuntimeErrorsSparseLayout
    : public RuntimeErrorsSparse,
      public ::testing::WithParamInterface<LayoutScalarCase> {};

TEST_P(RuntimeErrorsSparseLayout, Rejected) {
  const LayoutScalarCase &c = GetParam();
  switch (c.entry) {
  case LayoutScalarCase::TopK:
    topk(c.axesMask, c.halvedAxis, c.halvedLength);
    return expectFailure(kTopK, c.parts);
  case LayoutScalarCase::Scatter:
    scatter(c.axesMask, c.halvedAxis, c.halvedLength);
    return expectFailure(kScatter, c.parts);
  case LayoutScalarCase::Gather:
    gather(c.axesMask, c.halvedAxis, c.halvedLength);
    return expectFailure(kGather, c.parts);
  }
}

INSTANTIATE_TEST_SUITE_P(
    AxesHalvedAxisHalvedLength, RuntimeErrorsSparseLayout,
    ::testing::ValuesIn(kLayoutScalarCases),
    [](const ::testing::TestParamInfo<LayoutScalarCase> &info) {
      return std::string(info.param.name);
    });

TEST_F(RuntimeErrorsSparse, TopKShapes) {
  TestArray<cf> narrow({2, 12});
  spectrumDesc = narrow.ranked<2>();
  topk();
  expectFailure(kTopK, {"spectrum has 12 bins per tile", "expected 40"});
  TestArray<cf> threeTiles({3, 3});
  coeffsDesc = threeTiles.ranked<2>();
  topk();
  expectFailure(kTopK, {"coeffs has 3 tiles", "expected 2"});
  TestArray<int64_t> oneTile({1, 3});
  positionsDesc = oneTile.ranked<2>();
  topk();
  expectFailure(kTopK, {"positions has 1 tiles", "expected 2"});
  TestArray<int64_t> fourSlots({2, 4});
  positionsDesc = fourSlots.ranked<2>();
  topk();
  expectFailure(kTopK, {"positions has 4 slots per tile", "expected 3"});
}

TEST_F(RuntimeErrorsSparse, TopKKeepsAtMostTheCandidates) {
  TestArray<cf> wideCoeffs({2, 35});
  TestArray<int64_t> widePositions({2, 35});
  wideCoeffs.fill(cf(7, 7));
  coeffsDesc = wideCoeffs.ranked<2>();
  positionsDesc = widePositions.ranked<2>();
  topk();
  expectFailure(kTopK, {"K = 35 exceeds the 34 candidate bins"});
  for (int64_t i = 0; i < wideCoeffs.size(); ++i)
    ASSERT_EQ(wideCoeffs.at(i), cf(7, 7));
  // With the fft layout all 40 bins are candidates.
  TestArray<cf> tooMany({2, 41});
  TestArray<int64_t> tooManyPositions({2, 41});
  coeffsDesc = tooMany.ranked<2>();
  positionsDesc = tooManyPositions.ranked<2>();
  topk(0b11, -1, 0);
  expectFailure(kTopK, {"K = 41 exceeds the 40 candidate bins"});
}

TEST_F(RuntimeErrorsSparse, TopKOutputOverlap) {
  coeffsDesc->strides[0] = 1; // rows of 3 every element
  topk();
  expectFailure(kTopK, {"coeffs has overlapping elements"});
  positionsDesc->strides[1] = 0;
  topk();
  expectFailure(kTopK, {"positions has overlapping elements"});

  // Aliasing of every output with every other argument.
  pointInto(coeffs, spectrum, 70);
  topk();
  expectError(kTopK, {"coeffs and spectrum overlap"});
  refresh();
  TestArray<int64_t> shared({16});
  shared.fill(0);
  shared.at(4) = 8;
  shared.at(5) = 5;
  pointInto(positions, shared, 0);
  pointInto(shape, shared, 4);
  topk();
  expectError(kTopK, {"positions and tileSpectrumShape overlap"});
  shape.unranked();
  refresh();
  pointInto(coeffs, positions, 0);
  topk();
  expectError(kTopK, {"coeffs and positions overlap"});
  refresh();
  pointInto(coeffs, shape, 0);
  topk();
  expectError(kTopK, {"coeffs and tileSpectrumShape overlap"});
  refresh();
  pointInto(positions, spectrum, 4);
  topk();
  expectError(kTopK, {"positions and spectrum overlap"});
  refresh();
}

TEST_F(RuntimeErrorsSparse, ScatterShapes) {
  TestArray<int64_t> wrongPositions({2, 4});
  keptPositionsDesc = wrongPositions.ranked<2>();
  scatter();
  expectFailure(kScatter, {"positions has shape 2x4, expected 2x3"});
  TestArray<cf> wrongDense({2, 41});
  wrongDense.fill(cf(7, 7));
  denseDesc = wrongDense.ranked<2>();
  scatter();
  expectFailure(kScatter, {"spectrum has shape 2x41, expected 2x40"});
  TestArray<cf> wrongTiles({3, 40});
  denseDesc = wrongTiles.ranked<2>();
  scatter();
  expectFailure(kScatter, {"spectrum has shape 3x40, expected 2x40"});
}

TEST_F(RuntimeErrorsSparse, ScatterOutputOverlap) {
  denseDesc->strides[0] = 39;
  scatter();
  expectFailure(kScatter, {"spectrum has overlapping elements", "stride 39"});
  pointInto(dense, keptCoeffs, 0);
  scatter();
  expectError(kScatter, {"spectrum and coeffs overlap"});
  refresh();
  TestArray<int64_t> shared({200});
  shared.fill(0);
  for (int64_t i = 0; i < 6; ++i)
    shared.at(100 + i) = i;
  shared.at(2) = 8;
  shared.at(3) = 5;
  pointInto(keptPositions, shared, 100);
  pointInto(dense, shared, 50);
  scatter();
  expectError(kScatter, {"spectrum and positions overlap"});
  keptPositions.unranked();
  refresh();
  pointInto(shape, shared, 2);
  pointInto(dense, shared, 0);
  scatter();
  expectError(kScatter, {"spectrum and tileSpectrumShape overlap"});
  shape.unranked();
  refresh();
}

TEST_F(RuntimeErrorsSparse, ScatterPositions) {
  keptPositions.at(5) = -1;
  scatter();
  expectFailure(kScatter, {"positions[1][2] (tile 1, slot 2) is -1",
                           "expected 0 <= position < 40"});
  keptPositions.at(5) = 40;
  scatter();
  expectFailure(kScatter, {"(tile 1, slot 2) is 40"});
  keptPositions.fromDense({0, 1, 2, 10, 20, 10});
  scatter();
  expectFailure(kScatter, {"positions[1][2] (tile 1, slot 2) is 10",
                           "bin 10 already written by slot 0"});
  // 5 = (j = 1, k = 0) and 35 = (j = 7, k = 0) are conjugate partners.
  keptPositions.fromDense({5, 35, 2, 10, 20, 39});
  scatter();
  expectFailure(kScatter, {"positions[0][1] (tile 0, slot 1) is 35",
                           "bin 35 already written by slot 0"});
  // The same pair is fine with the fft layout, where nothing is mirrored.
  scatter(0b11, -1, 0);
  expectNoError();
}

TEST_F(RuntimeErrorsSparse, GatherChecksLikeScatter) {
  spectrumDesc = nullptr;
  gather();
  expectFailure(kGather, {"spectrum is a null pointer"});
  keptPositionsDesc->strides[1] = -1;
  gather();
  expectFailure(kGather, {"positions dimension 1 has negative stride -1"});
  gather(0b11, 0, 8);
  expectFailure(kGather, {"tileSpectrumShape[0] is 8, expected 5"});
  // Sizes follow positions, the first T x K argument.
  TestArray<cf> wideCoeffs({2, 4});
  wideCoeffs.fill(cf(7, 7));
  coeffsDesc = wideCoeffs.ranked<2>();
  gather();
  expectFailure(kGather, {"coeffs has shape 2x4, expected 2x3 (as positions)"});
  TestArray<cf> wrongSpectrum({2, 41});
  spectrumDesc = wrongSpectrum.ranked<2>();
  gather();
  expectFailure(kGather, {"spectrum has shape 2x41, expected 2x40 (tiles of "
                          "positions x product of tileSpectrumShape)"});
  // Only the output, coeffs, must not overlap itself or an input.
  coeffsDesc->strides[0] = 2;
  gather();
  expectFailure(kGather, {"coeffs has overlapping elements"});
  spectrumDesc->strides[0] = 0;
  gather();
  expectNoError();
  refresh();
  pointInto(coeffs, spectrum, 30);
  gather();
  expectError(kGather, {"coeffs and spectrum overlap"});
  refresh();
  pointInto(coeffs, keptPositions, 0);
  gather();
  expectError(kGather, {"coeffs and positions overlap"});
  refresh();
  pointInto(coeffs, shape, 0);
  gather();
  expectError(kGather, {"coeffs and tileSpectrumShape overlap"});
  refresh();
}

TEST_F(RuntimeErrorsSparse, GatherPositions) {
  keptPositions.at(5) = -1;
  gather();
  expectFailure(kGather, {"positions[1][2] (tile 1, slot 2) is -1",
                          "expected 0 <= position < 40"});
  keptPositions.at(5) = 40;
  gather();
  expectFailure(kGather, {"(tile 1, slot 2) is 40"});
  keptPositions.fromDense({0, 1, 2, 10, 20, 10});
  gather();
  expectFailure(kGather, {"positions[1][2] (tile 1, slot 2) is 10",
                          "bin 10 already named by slot 0"});
  // 5 = (j = 1, k = 0) and 35 = (j = 7, k = 0) are conjugate partners.
  keptPositions.fromDense({5, 35, 2, 10, 20, 39});
  gather();
  expectFailure(kGather, {"positions[0][1] (tile 0, slot 1) is 35",
                          "bin 35 already named by slot 0"});
  // The same pair is fine with the fft layout, where nothing is mirrored.
  gather(0b11, -1, 0);
  expectNoError();
  EXPECT_EQ(coeffs.at(1), spectrum.at(35));
}

//===----------------------------------------------------------------------===//
// Accounting
//===----------------------------------------------------------------------===//

TEST_F(RuntimeErrorsSparse, NegativeMemoryLimit) {
  spectral_runtime_set_memory_limit(-5);
  expectError("spectral_runtime_set_memory_limit", {"limit is -5 bytes"});
}

} // namespace
