//===- TopKTest.cpp - Tests of top-k selection, scatter and gather --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The reference enumerates the Hermitian rule by brute force over dense bins:
// a stored bin b and its mirror -b (every transformed index negated, the
// halved one included) form an orbit of 1 or 2 dense bins; the orbit's
// candidate is its member of lowest position inside the half spectrum, and
// weighs the orbit's size. Selection is a full sort.
//
//===----------------------------------------------------------------------===//

#include "TestUtils.h"

#include <set>

using namespace spectral_test;

namespace {

/// A tile spectrum layout, as passed to top-k and scatter.
struct Rule {
  Shape shape; // of the tile spectrum
  int64_t mask;
  int64_t halvedAxis; // -1 for fft
  int64_t halvedLength;

  int64_t numBins() const { return product(shape); }
};

Shape unravel(int64_t position, const Shape &shape) {
  Shape index(shape.size());
  for (size_t d = shape.size(); d-- > 0;) {
    index[d] = position % shape[d];
    position /= shape[d];
  }
  return index;
}

int64_t ravel(const Shape &index, const Shape &shape) {
  int64_t position = 0;
  for (size_t d = 0; d < shape.size(); ++d)
    position = position * shape[d] + index[d];
  return position;
}

struct BruteBin {
  int weight;      // 0 = not a candidate
  int64_t partner; // stored conjugate partner (itself if self-conjugate), -1
};

std::vector<BruteBin> bruteForceRule(const Rule &rule) {
  std::vector<BruteBin> bins(rule.numBins());
  for (int64_t p = 0; p < rule.numBins(); ++p) {
    if (rule.halvedAxis < 0) {
      bins[p] = {1, -1};
      continue;
    }
    Shape index = unravel(p, rule.shape), mirror = index;
    for (size_t d = 0; d < index.size(); ++d) {
      if (!((rule.mask >> d) & 1))
        continue;
      int64_t length = static_cast<int64_t>(d) == rule.halvedAxis
                           ? rule.halvedLength
                           : rule.shape[d];
      mirror[d] = (length - index[d]) % length;
    }
    int orbitSize = mirror == index ? 1 : 2;
    bool mirrorStored = mirror[rule.halvedAxis] < rule.shape[rule.halvedAxis];
    int64_t mirrorPosition = mirrorStored ? ravel(mirror, rule.shape) : -1;
    int64_t canonical = mirrorStored ? std::min(p, mirrorPosition) : p;
    bins[p] = {p == canonical ? orbitSize : 0, mirrorPosition};
  }
  return bins;
}

/// Candidates per tile by the formula of docs/dialect.md section 3.
int64_t formulaCandidates(const Rule &rule) {
  if (rule.halvedAxis < 0)
    return rule.numBins();
  int64_t n = rule.halvedLength, batch = 1, planeBins = 1, self = 1;
  for (size_t d = 0; d < rule.shape.size(); ++d) {
    if (static_cast<int64_t>(d) == rule.halvedAxis)
      continue;
    if (!((rule.mask >> d) & 1)) {
      batch *= rule.shape[d];
      continue;
    }
    planeBins *= rule.shape[d];
    self *= rule.shape[d] % 2 == 0 ? 2 : 1;
  }
  int64_t planes = n % 2 == 0 ? 2 : 1;
  int64_t interior = n / 2 + 1 - planes;
  return batch * (planeBins * interior + planes * (planeBins + self) / 2);
}

/// Positions selected by a full sort by (energy desc, position asc), in
/// ascending order.
std::vector<int64_t> bruteForceTopK(const std::vector<cf> &row,
                                    const std::vector<BruteBin> &bins,
                                    int64_t k) {
  std::vector<std::pair<double, int64_t>> ranked;
  for (size_t p = 0; p < row.size(); ++p) {
    if (!bins[p].weight)
      continue;
    double re = row[p].real(), im = row[p].imag();
    ranked.push_back(
        {-bins[p].weight * (re * re + im * im), static_cast<int64_t>(p)});
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<int64_t> selected;
  for (int64_t i = 0; i < k; ++i)
    selected.push_back(ranked[i].second);
  std::sort(selected.begin(), selected.end());
  return selected;
}

TestArray<int64_t> shapeArray(const Shape &shape) {
  TestArray<int64_t> array({static_cast<int64_t>(shape.size())});
  array.fromDense(shape);
  return array;
}

class RuntimeTopK : public RuntimeTest {
protected:
  /// Runs top-k over `numTiles` tiles of `values` (T x S, row-major) and
  /// compares every tile with the brute force.
  void check(const Rule &rule, int64_t numTiles, int64_t k,
             const std::vector<cf> &values,
             LayoutSpec spectrumSpec = LayoutSpec::dense(),
             LayoutSpec outSpec = LayoutSpec::dense()) {
    SCOPED_TRACE(::testing::Message() << "mask " << rule.mask << " halved "
                                      << rule.halvedAxis << " K " << k);
    int64_t numBins = rule.numBins();
    TestArray<cf> spectrum({numTiles, numBins}, spectrumSpec);
    spectrum.fromDense(values);
    TestArray<int64_t> shape = shapeArray(rule.shape);
    TestArray<cf> coeffs({numTiles, k}, outSpec);
    TestArray<int64_t> positions({numTiles, k}, outSpec);
    _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(),
                               rule.mask, rule.halvedAxis, rule.halvedLength,
                               coeffs.ranked<2>(), positions.ranked<2>());
    expectNoError();
    std::vector<BruteBin> bins = bruteForceRule(rule);
    for (int64_t t = 0; t < numTiles; ++t) {
      std::vector<cf> row(values.begin() + t * numBins,
                          values.begin() + (t + 1) * numBins);
      std::vector<int64_t> expected = bruteForceTopK(row, bins, k);
      for (int64_t i = 0; i < k; ++i) {
        ASSERT_EQ(positions.at(t * k + i), expected[i])
            << "tile " << t << " slot " << i;
        EXPECT_EQ(coeffs.at(t * k + i), row[expected[i]]);
      }
    }
    EXPECT_TRUE(coeffs.paddingIntact());
    EXPECT_TRUE(positions.paddingIntact());
  }
};

class RuntimeScatter : public RuntimeTest {};

class RuntimeGather : public RuntimeTest {};

std::vector<cf> randomValues(int64_t count) {
  std::vector<cf> values(count);
  for (cf &value : values)
    value = cf(randomFloat(), randomFloat());
  return values;
}

/// Values with few distinct energies, so that many bins tie.
std::vector<cf> tiedValues(int64_t count) {
  const cf choices[] = {{1, 0}, {0, 1}, {-1, 0}, {1, 1}, {-1, 1}, {0, -2}};
  std::vector<cf> values(count);
  for (int64_t i = 0; i < count; ++i)
    values[i] = choices[(i * 7 + i / 3) % 6];
  return values;
}

const Rule kHermitianRules[] = {
    {{9}, 0b1, 0, 16},                      // even n
    {{8}, 0b1, 0, 15},                      // odd n
    {{8, 5}, 0b11, 1, 8},                   // the 8x8 example: 34 candidates
    {{7, 5}, 0b11, 1, 9},                   // odd other axis, odd n
    {{6, 7}, 0b11, 0, 10},                  // halved axis first
    {{4, 6, 5}, 0b101, 2, 8},               // dimension 1 untransformed
    {{6, 6, 4}, 0b111, 1, 10},              // halved axis in the middle
    {{3, 4, 2, 3}, 0b1011, 3, 4},           // rank 4 with a batch dimension
    {{2, 2, 2, 2, 2, 2, 2, 3}, 0xff, 7, 5}, // rank 8
};

} // namespace

//===----------------------------------------------------------------------===//
// Top-k
//===----------------------------------------------------------------------===//

TEST_F(RuntimeTopK, FftLayoutMatchesBruteForce) {
  check({{50}, 0b1, -1, 0}, 3, 7, randomValues(150));
  check({{6, 9}, 0b11, -1, 0}, 2, 20, randomValues(108));
  check({{4, 3, 5}, 0b101, -1, 0}, 1, 60, randomValues(60));
}

TEST_F(RuntimeTopK, ManyTilesOnSeveralThreads) {
  // Enough tiles for every thread to take a range: each tile still matches
  // the brute force, whatever the thread count.
  int32_t threads = spectral_runtime_get_num_threads();
  for (int32_t count : {1, 2, 3}) {
    spectral_runtime_set_num_threads(count);
    check({{8, 5}, 0b11, 1, 8}, 37, 6, randomValues(37 * 40));
    check({{24}, 0b1, -1, 0}, 50, 5, tiedValues(50 * 24));
  }
  spectral_runtime_set_num_threads(threads);
}

TEST_F(RuntimeTopK, TiesBreakToLowerPosition) {
  check({{40}, 0b1, -1, 0}, 2, 9, tiedValues(80));
  // Weight-2 bins of |X|^2 = 1 tie with weight-1 bins of |X|^2 = 2.
  check({{8, 5}, 0b11, 1, 8}, 3, 11, tiedValues(120));
  check({{7, 5}, 0b11, 1, 9}, 1, 13, tiedValues(35));
}

TEST_F(RuntimeTopK, HermitianRuleMatchesBruteForce) {
  for (const Rule &rule : kHermitianRules) {
    std::vector<BruteBin> bins = bruteForceRule(rule);
    int64_t candidates = 0;
    for (const BruteBin &bin : bins)
      candidates += bin.weight != 0;
    EXPECT_EQ(candidates, formulaCandidates(rule));
    int64_t numBins = rule.numBins();
    check(rule, 2, candidates, randomValues(2 * numBins));
    check(rule, 3, (candidates + 1) / 3, randomValues(3 * numBins));
    check(rule, 2, 1, tiedValues(2 * numBins));
  }
  EXPECT_EQ(formulaCandidates({{8, 5}, 0b11, 1, 8}), 34);
}

TEST_F(RuntimeTopK, StridedOperands) {
  Rule rule{{6, 4}, 0b11, 1, 6};
  check(rule, 3, 5, randomValues(72), LayoutSpec::transposed(2),
        LayoutSpec::strided(2));
  check(rule, 3, 5, randomValues(72), LayoutSpec::strided(3),
        LayoutSpec::transposed(2));
}

TEST_F(RuntimeTopK, NaNRanksFirst) {
  std::vector<cf> values = randomValues(20);
  values[13] = cf(std::nanf(""), 0.0f);
  TestArray<cf> spectrum({1, 20}), coeffs({1, 2});
  spectrum.fromDense(values);
  TestArray<int64_t> positions({1, 2}), shape = shapeArray({20});
  _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b1, -1,
                             0, coeffs.ranked<2>(), positions.ranked<2>());
  expectNoError();
  EXPECT_TRUE(positions.at(0) == 13 || positions.at(1) == 13);
}

TEST_F(RuntimeTopK, ZeroTilesOrZeroKeptAreNoOps) {
  TestArray<cf> spectrum({0, 10}), coeffs({0, 3}), spectrum1({1, 10}),
      coeffs1({1, 0});
  TestArray<int64_t> positions({0, 3}), positions1({1, 0}),
      shape = shapeArray({10});
  _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b1, -1,
                             0, coeffs.ranked<2>(), positions.ranked<2>());
  _mlir_ciface_spectral_topk(spectrum1.ranked<2>(), shape.ranked<1>(), 0b1, -1,
                             0, coeffs1.ranked<2>(), positions1.ranked<2>());
  expectNoError();
}

//===----------------------------------------------------------------------===//
// Scatter
//===----------------------------------------------------------------------===//

TEST_F(RuntimeScatter, FftLayoutWritesOnlyKeptBins) {
  Rule rule{{5, 4}, 0b11, -1, 0};
  TestArray<cf> coeffs({2, 3}), spectrum({2, 20}, LayoutSpec::strided(2));
  TestArray<int64_t> positions({2, 3}), shape = shapeArray(rule.shape);
  coeffs.fromDense({{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}});
  positions.fromDense({0, 7, 19, 3, 2, 1});
  spectrum.fill(cf(99, 99));
  _mlir_ciface_spectral_scatter(coeffs.ranked<2>(), positions.ranked<2>(),
                                shape.ranked<1>(), rule.mask, -1, 0,
                                spectrum.ranked<2>());
  expectNoError();
  std::vector<cf> expected(40);
  expected[0] = {1, 2};
  expected[7] = {3, 4};
  expected[19] = {5, 6};
  expected[20 + 3] = {7, 8};
  expected[20 + 2] = {9, 10};
  expected[20 + 1] = {11, 12};
  EXPECT_EQ(spectrum.toDense(), expected);
  EXPECT_TRUE(spectrum.paddingIntact());
}

TEST_F(RuntimeScatter, ZeroTilesIsANoOp) {
  TestArray<cf> coeffs({0, 3}), spectrum({0, 40});
  TestArray<int64_t> positions({0, 3}), shape = shapeArray({8, 5});
  _mlir_ciface_spectral_scatter(coeffs.ranked<2>(), positions.ranked<2>(),
                                shape.ranked<1>(), 0b11, 1, 8,
                                spectrum.ranked<2>());
  expectNoError();
}

TEST_F(RuntimeScatter, ZeroKeptZeroesTheSpectrumWithoutAddressingRows) {
  // An empty view's strides are arbitrary; a row stride near INT64_MAX must
  // not be multiplied into a pointer (UBSan's pointer-overflow check).
  TestArray<cf> coeffs({3, 0}), spectrum({3, 10});
  TestArray<int64_t> positions({3, 0}), shape = shapeArray({10});
  // Corrupted after ranked(), which would restore the strides.
  StridedMemRefType<cf, 2> *coeffsDesc = coeffs.ranked<2>();
  StridedMemRefType<int64_t, 2> *positionsDesc = positions.ranked<2>();
  coeffsDesc->strides[0] = INT64_MAX / 2;
  positionsDesc->strides[0] = INT64_MAX / 2;
  spectrum.fill(cf(99, 99));
  _mlir_ciface_spectral_scatter(coeffsDesc, positionsDesc, shape.ranked<1>(),
                                0b1, -1, 0, spectrum.ranked<2>());
  expectNoError();
  EXPECT_EQ(spectrum.toDense(), std::vector<cf>(30));
}

TEST_F(RuntimeScatter, RestoresConjugatePartners) {
  // 6x8 real tile, both axes, axis 1 halved: spectrum 6x5, planes k = 0 and
  // k = 4.
  Rule rule{{6, 5}, 0b11, 1, 8};
  auto pos = [](int64_t j, int64_t k) { return j * 5 + k; };
  TestArray<cf> coeffs({1, 5}), spectrum({1, 30});
  TestArray<int64_t> positions({1, 5}), shape = shapeArray(rule.shape);
  coeffs.fromDense({{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}});
  // canonical plane bin, self-conjugate bin, interior bin, non-canonical
  // plane bin (its partner is canonical), self-conjugate DC.
  positions.fromDense({pos(1, 0), pos(3, 4), pos(2, 2), pos(4, 4), pos(0, 0)});
  _mlir_ciface_spectral_scatter(coeffs.ranked<2>(), positions.ranked<2>(),
                                shape.ranked<1>(), rule.mask, 1, 8,
                                spectrum.ranked<2>());
  expectNoError();
  std::vector<cf> expected(30);
  expected[pos(1, 0)] = {1, 2};
  expected[pos(5, 0)] = {1, -2};
  expected[pos(3, 4)] = {3, 0};
  expected[pos(2, 2)] = {5, 6};
  expected[pos(4, 4)] = {7, 8};
  expected[pos(2, 4)] = {7, -8};
  expected[pos(0, 0)] = {9, 0};
  EXPECT_EQ(spectrum.toDense(), expected);

  // The brute-force partners agree with what was written.
  std::vector<BruteBin> bins = bruteForceRule(rule);
  EXPECT_EQ(bins[pos(1, 0)].partner, pos(5, 0));
  EXPECT_EQ(bins[pos(4, 4)].partner, pos(2, 4));
  EXPECT_EQ(bins[pos(3, 4)].partner, pos(3, 4));
  EXPECT_EQ(bins[pos(2, 2)].partner, -1);
}

TEST_F(RuntimeScatter, RoundTripOfExactlySparseSignalIsExact) {
  // Real tiles whose half spectra have exactly K non-zero candidate bins:
  // compress (r2c + top-k) then decompress (scatter + c2r) reproduces them.
  struct Case {
    Shape tile;
    int64_t mask;
    int64_t halvedAxis;
    int64_t k;
  };
  const Case cases[] = {
      {{16}, 0b1, 0, 4},         {{9}, 0b1, 0, 3},
      {{8, 6}, 0b11, 1, 7},      {{5, 7}, 0b11, 0, 6},
      {{4, 3, 10}, 0b101, 2, 9}, {{6, 10, 4}, 0b111, 1, 12},
  };
  const int64_t numTiles = 3;
  for (const Case &c : cases) {
    SCOPED_TRACE(::testing::Message()
                 << "tile rank " << c.tile.size() << " mask " << c.mask);
    Rule rule{c.tile, c.mask, c.halvedAxis, c.tile[c.halvedAxis]};
    rule.shape[c.halvedAxis] = c.tile[c.halvedAxis] / 2 + 1;
    int64_t numBins = rule.numBins();
    std::vector<BruteBin> bins = bruteForceRule(rule);
    std::vector<int64_t> candidates;
    for (int64_t p = 0; p < numBins; ++p)
      if (bins[p].weight)
        candidates.push_back(p);

    // Exactly Hermitian half spectra with K random candidates per tile.
    std::vector<cf> half(numTiles * numBins);
    std::vector<std::set<int64_t>> chosen(numTiles);
    for (int64_t t = 0; t < numTiles; ++t) {
      std::shuffle(candidates.begin(), candidates.end(), rng());
      for (int64_t i = 0; i < c.k; ++i) {
        int64_t p = candidates[i];
        chosen[t].insert(p);
        float magnitude = 0.5f + std::abs(randomFloat());
        float phase = 3.14159f * randomFloat();
        cf value = std::polar(magnitude, phase);
        if (bins[p].partner == p)
          value = cf(randomFloat() < 0 ? -magnitude : magnitude, 0);
        half[t * numBins + p] = value;
        if (bins[p].partner >= 0 && bins[p].partner != p)
          half[t * numBins + bins[p].partner] = std::conj(value);
      }
    }

    // Batch of tiles: dimension 0 untransformed.
    Shape realShape = {numTiles}, halfShape = {numTiles};
    realShape.insert(realShape.end(), c.tile.begin(), c.tile.end());
    halfShape.insert(halfShape.end(), rule.shape.begin(), rule.shape.end());
    int64_t mask = c.mask << 1, halvedAxis = c.halvedAxis + 1;
    TestArray<cf> spectrum(halfShape);
    spectrum.fromDense(half);
    TestArray<float> signal(realShape);
    _mlir_ciface_spectral_fft_c2r(spectrum.unranked(), signal.unranked(), mask,
                                  halvedAxis, SPECTRAL_FFT_NORM_BACKWARD);

    // Compress.
    TestArray<cf> forward(halfShape);
    _mlir_ciface_spectral_fft_r2c(signal.unranked(), forward.unranked(), mask,
                                  halvedAxis, SPECTRAL_FFT_NORM_BACKWARD);
    TestArray<cf> forward2d({numTiles, numBins}), coeffs({numTiles, c.k});
    forward2d.fromDense(forward.toDense());
    TestArray<int64_t> positions({numTiles, c.k}),
        shape = shapeArray(rule.shape);
    _mlir_ciface_spectral_topk(forward2d.ranked<2>(), shape.ranked<1>(), c.mask,
                               c.halvedAxis, rule.halvedLength,
                               coeffs.ranked<2>(), positions.ranked<2>());
    for (int64_t t = 0; t < numTiles; ++t) {
      std::vector<int64_t> expected(chosen[t].begin(), chosen[t].end());
      for (int64_t i = 0; i < c.k; ++i)
        EXPECT_EQ(positions.at(t * c.k + i), expected[i]);
    }

    // Decompress.
    TestArray<cf> restored({numTiles, numBins});
    _mlir_ciface_spectral_scatter(coeffs.ranked<2>(), positions.ranked<2>(),
                                  shape.ranked<1>(), c.mask, c.halvedAxis,
                                  rule.halvedLength, restored.ranked<2>());
    EXPECT_LT(relativeError(restored.toDense(), half), 1e-5)
        << "conjugate partners not restored";
    TestArray<cf> restoredNd(halfShape);
    restoredNd.fromDense(restored.toDense());
    TestArray<float> decompressed(realShape);
    _mlir_ciface_spectral_fft_c2r(restoredNd.unranked(),
                                  decompressed.unranked(), mask, halvedAxis,
                                  SPECTRAL_FFT_NORM_BACKWARD);
    EXPECT_LT(relativeError(decompressed.toDense(), signal.toDense()), 1e-5);
  }
  expectNoError();
}

//===----------------------------------------------------------------------===//
// Gather
//===----------------------------------------------------------------------===//

TEST_F(RuntimeGather, ReturnsTopKCoefficientsExactly) {
  std::vector<Rule> rules = {{{50}, 0b1, -1, 0}, {{6, 9}, 0b11, -1, 0}};
  rules.insert(rules.end(), std::begin(kHermitianRules),
               std::end(kHermitianRules));
  for (const Rule &rule : rules) {
    SCOPED_TRACE(::testing::Message()
                 << "mask " << rule.mask << " halved " << rule.halvedAxis);
    const int64_t numTiles = 3, numBins = rule.numBins();
    int64_t k = std::max<int64_t>(1, numBins / 4);
    TestArray<cf> spectrum({numTiles, numBins}, LayoutSpec::strided(2));
    spectrum.fromDense(randomValues(numTiles * numBins));
    TestArray<int64_t> shape = shapeArray(rule.shape);
    TestArray<cf> coeffs({numTiles, k});
    TestArray<int64_t> positions({numTiles, k}, LayoutSpec::transposed(2));
    _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(),
                               rule.mask, rule.halvedAxis, rule.halvedLength,
                               coeffs.ranked<2>(), positions.ranked<2>());
    TestArray<cf> gathered({numTiles, k}, LayoutSpec::strided(3));
    _mlir_ciface_spectral_gather(spectrum.ranked<2>(), positions.ranked<2>(),
                                 shape.ranked<1>(), rule.mask, rule.halvedAxis,
                                 rule.halvedLength, gathered.ranked<2>());
    expectNoError();
    std::vector<cf> expected = coeffs.toDense(), actual = gathered.toDense();
    ASSERT_EQ(actual.size(), expected.size());
    EXPECT_EQ(
        std::memcmp(actual.data(), expected.data(), actual.size() * sizeof(cf)),
        0);
    EXPECT_TRUE(gathered.paddingIntact());
  }
}

TEST_F(RuntimeGather, FftLayoutReadsHandChosenBins) {
  // 2 tiles of a 5x4 fft layout; every operand strided or offset.
  Rule rule{{5, 4}, 0b11, -1, 0};
  TestArray<cf> spectrum({2, 20}, LayoutSpec::strided(2, 5));
  for (int64_t i = 0; i < 40; ++i)
    spectrum.at(i) = cf(static_cast<float>(i), static_cast<float>(-i));
  TestArray<int64_t> positions({2, 3}, LayoutSpec::transposed(2, 2)),
      shape = shapeArray(rule.shape);
  positions.fromDense({19, 0, 7, 3, 2, 1});
  TestArray<cf> coeffs({2, 3}, LayoutSpec::strided(3, 1));
  coeffs.fill(cf(99, 99));
  _mlir_ciface_spectral_gather(spectrum.ranked<2>(), positions.ranked<2>(),
                               shape.ranked<1>(), rule.mask, -1, 0,
                               coeffs.ranked<2>());
  expectNoError();
  std::vector<cf> expected = {{19, -19}, {0, 0},    {7, -7},
                              {23, -23}, {22, -22}, {21, -21}};
  EXPECT_EQ(coeffs.toDense(), expected);
  EXPECT_TRUE(coeffs.paddingIntact());
}

TEST_F(RuntimeGather, RfftLayoutReadsWithoutConjugating) {
  // 6x8 real tile, axis 1 halved: spectrum 6x5. The bins of
  // RestoresConjugatePartners, plus the non-canonical partner of a plane
  // bin: each is read as stored, imaginary part of a self-conjugate bin
  // included.
  Rule rule{{6, 5}, 0b11, 1, 8};
  auto pos = [](int64_t j, int64_t k) { return j * 5 + k; };
  TestArray<cf> spectrum({2, 30}, LayoutSpec::transposed(2, 4));
  for (int64_t i = 0; i < 60; ++i)
    spectrum.at(i) = cf(static_cast<float>(i) + 0.5f, static_cast<float>(i));
  TestArray<int64_t> positions({2, 4}, LayoutSpec::strided(2)),
      shape = shapeArray(rule.shape);
  positions.fromDense({pos(1, 0), pos(3, 4), pos(2, 2), pos(0, 0), //
                       pos(5, 0), pos(4, 4), pos(0, 4), pos(2, 1)});
  TestArray<cf> coeffs({2, 4}, LayoutSpec::transposed(2, 3));
  _mlir_ciface_spectral_gather(spectrum.ranked<2>(), positions.ranked<2>(),
                               shape.ranked<1>(), rule.mask, 1, 8,
                               coeffs.ranked<2>());
  expectNoError();
  // Bin p of tile t holds (30 t + p + 0.5, 30 t + p).
  std::vector<cf> expected = {{5.5f, 5},   {19.5f, 19}, {12.5f, 12},
                              {0.5f, 0},   {55.5f, 55}, {54.5f, 54},
                              {34.5f, 34}, {41.5f, 41}};
  EXPECT_EQ(coeffs.toDense(), expected);
  EXPECT_TRUE(coeffs.paddingIntact());
}

TEST_F(RuntimeGather, ZeroKeptOrZeroTilesAddressesNothing) {
  // An empty view's strides are arbitrary (see
  // ZeroKeptZeroesTheSpectrumWithoutAddressingRows).
  TestArray<cf> spectrum({3, 10}), coeffs({3, 0});
  TestArray<int64_t> positions({3, 0}), shape = shapeArray({10});
  // Corrupted after ranked(), which would restore the strides.
  StridedMemRefType<cf, 2> *coeffsDesc = coeffs.ranked<2>();
  StridedMemRefType<int64_t, 2> *positionsDesc = positions.ranked<2>();
  coeffsDesc->strides[0] = INT64_MAX / 2;
  positionsDesc->strides[0] = INT64_MAX / 2;
  _mlir_ciface_spectral_gather(spectrum.ranked<2>(), positionsDesc,
                               shape.ranked<1>(), 0b1, -1, 0, coeffsDesc);
  TestArray<cf> noSpectrum({0, 40}), noCoeffs({0, 3});
  TestArray<int64_t> noPositions({0, 3}), rfftShape = shapeArray({8, 5});
  _mlir_ciface_spectral_gather(noSpectrum.ranked<2>(), noPositions.ranked<2>(),
                               rfftShape.ranked<1>(), 0b11, 1, 8,
                               noCoeffs.ranked<2>());
  expectNoError();
}

TEST_F(RuntimeGather, ScatterAndGatherOfManyTilesOnSeveralThreads) {
  // 45 tiles of 30 bins: scatter writes each tile's kept bins and zeroes
  // the rest, gather reads the same bins back, at every thread count.
  const int64_t numTiles = 45, numBins = 30, k = 7;
  TestArray<int64_t> shape = shapeArray({numBins});
  TestArray<cf> spectrum({numTiles, numBins}), coeffs({numTiles, k});
  TestArray<int64_t> positions({numTiles, k});
  spectrum.fromDense(randomValues(numTiles * numBins));
  _mlir_ciface_spectral_topk(spectrum.ranked<2>(), shape.ranked<1>(), 0b1, -1,
                             0, coeffs.ranked<2>(), positions.ranked<2>());
  int32_t threads = spectral_runtime_get_num_threads();
  for (int32_t count : {1, 2, 3}) {
    SCOPED_TRACE(::testing::Message() << "threads " << count);
    spectral_runtime_set_num_threads(count);
    TestArray<cf> restored({numTiles, numBins}), gathered({numTiles, k});
    restored.fill(cf(9, 9));
    _mlir_ciface_spectral_scatter(coeffs.ranked<2>(), positions.ranked<2>(),
                                  shape.ranked<1>(), 0b1, -1, 0,
                                  restored.ranked<2>());
    for (int64_t t = 0; t < numTiles; ++t) {
      std::vector<cf> expected(numBins, cf(0, 0));
      for (int64_t i = 0; i < k; ++i)
        expected[positions.at(t * k + i)] = coeffs.at(t * k + i);
      for (int64_t p = 0; p < numBins; ++p)
        ASSERT_EQ(restored.at(t * numBins + p), expected[p])
            << "tile " << t << " bin " << p;
    }
    _mlir_ciface_spectral_gather(restored.ranked<2>(), positions.ranked<2>(),
                                 shape.ranked<1>(), 0b1, -1, 0,
                                 gathered.ranked<2>());
    EXPECT_EQ(gathered.storage, coeffs.storage);
  }
  spectral_runtime_set_num_threads(threads);
  expectNoError();
}
