//===- SparseSpectralTypeTest.cpp - Tests of the !spectral.sst helpers ----===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/IR/SpectralTypes.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace mlir;
using namespace mlir::spectral;

namespace {

class SparseSpectralTypeTest : public ::testing::Test {
protected:
  SparseSpectralTypeTest() { context.loadDialect<SpectralDialect>(); }

  SparseSpectralType parse(StringRef text) {
    return dyn_cast_or_null<SparseSpectralType>(parseType(text, &context));
  }

  SparseSpectralType make(ArrayRef<int64_t> shape, int64_t keep,
                          TransformKind transform, ArrayRef<int64_t> axes,
                          ArrayRef<int64_t> tile, Type coeffElement,
                          unsigned indexWidth) {
    return SparseSpectralType::get(&context, shape, Float32Type::get(&context),
                                   keep, transform, axes, tile,
                                   ComplexType::get(coeffElement),
                                   IntegerType::get(&context, indexWidth));
  }

  MLIRContext context;
};

/// Counts candidate bins of a real tile spectrum by enumerating every bin
/// and applying the canonical-member rule directly: a bin on the k = 0 or
/// k = n/2 plane is a candidate when its index vector over the other
/// transformed axes is not lexicographically greater than its conjugate's.
/// Independent of the closed form the type uses.
int64_t countCandidatesByEnumeration(ArrayRef<int64_t> tile,
                                     ArrayRef<int64_t> axes) {
  int64_t halved = axes.back();
  std::vector<int64_t> spectrum(tile.begin(), tile.end());
  spectrum[halved] = tile[halved] / 2 + 1;
  int64_t total = llvm::product_of(spectrum);
  int64_t count = 0;
  std::vector<int64_t> index(spectrum.size());
  for (int64_t linear = 0; linear < total; ++linear) {
    int64_t rest = linear;
    for (int64_t d = spectrum.size() - 1; d >= 0; --d) {
      index[d] = rest % spectrum[d];
      rest /= spectrum[d];
    }
    int64_t k = index[halved], n = tile[halved];
    bool onHermitianPlane = k == 0 || 2 * k == n;
    if (!onHermitianPlane) {
      ++count;
      continue;
    }
    std::vector<int64_t> self, partner;
    for (int64_t axis : axes) {
      if (axis == halved)
        continue;
      self.push_back(index[axis]);
      partner.push_back((tile[axis] - index[axis]) % tile[axis]);
    }
    if (self <= partner)
      ++count;
  }
  return count;
}

TEST_F(SparseSpectralTypeTest, DefaultBuilderMatchesParsedDefaults) {
  auto built = SparseSpectralType::get({64, 48}, Float32Type::get(&context),
                                       /*keep=*/16);
  EXPECT_EQ(built, parse("!spectral.sst<64x48xf32, keep = 16>"));
  EXPECT_EQ(built.getTransform(), TransformKind::rfft);
  EXPECT_EQ(built.getAxes(), ArrayRef<int64_t>({0, 1}));
  EXPECT_EQ(built.getTile(), ArrayRef<int64_t>({64, 48}));
  EXPECT_EQ(built.getCoeffType(), ComplexType::get(Float32Type::get(&context)));
  EXPECT_TRUE(built.getIndexType().isSignlessInteger(32));
}

TEST_F(SparseSpectralTypeTest, TilesAndStorageTypes) {
  auto type = parse("!spectral.sst<256x512xf32, keep = 64, tile = [16, 128]>");
  ASSERT_TRUE(type);
  EXPECT_EQ(type.getTileGrid(), (SparseSpectralType::ShapeVector{16, 4}));
  EXPECT_EQ(type.getNumTiles(), 64);
  EXPECT_EQ(type.getTileSpectrumShape(),
            (SparseSpectralType::ShapeVector{16, 65}));
  EXPECT_EQ(type.getTileSpectrumSize(), 16 * 65);
  EXPECT_EQ(type.getCoefficientsType(),
            RankedTensorType::get({64, 64}, type.getCoeffType()));
  EXPECT_EQ(type.getPositionsType(),
            RankedTensorType::get({64, 64}, type.getIndexType()));
  EXPECT_EQ(type.getDenseType(),
            RankedTensorType::get({256, 512}, Float32Type::get(&context)));
}

TEST_F(SparseSpectralTypeTest, HalvedAxisIsTheLastListed) {
  auto type = parse("!spectral.sst<8x10x12xf32, keep = 4, axes = [2, 0]>");
  ASSERT_TRUE(type);
  EXPECT_EQ(type.getHalvedAxis(), 0);
  EXPECT_EQ(type.getTileSpectrumShape(),
            (SparseSpectralType::ShapeVector{5, 10, 12}));
  EXPECT_TRUE(type.isTransformedAxis(2));
  EXPECT_FALSE(type.isTransformedAxis(1));

  auto full = parse("!spectral.sst<8x10x12xf32, keep = 4, transform = fft>");
  ASSERT_TRUE(full);
  EXPECT_EQ(full.getTileSpectrumShape(),
            (SparseSpectralType::ShapeVector{8, 10, 12}));
}

TEST_F(SparseSpectralTypeTest, NonRedundantBinsMatchEnumeration) {
  // Odd and even lengths on the halved and on the other axes, batched
  // dimensions, lengths 1 and 2, and a non-trailing halved axis.
  struct Case {
    std::vector<int64_t> tile, axes;
  };
  std::vector<Case> cases = {{{1}, {0}},
                             {{2}, {0}},
                             {{7}, {0}},
                             {{8}, {0}},
                             {{8, 8}, {0, 1}},
                             {{7, 9}, {0, 1}},
                             {{6, 5}, {0, 1}},
                             {{5, 6}, {1, 0}},
                             {{4, 6, 3}, {0, 2}},
                             {{3, 4, 5}, {2, 1, 0}},
                             {{2, 2, 2, 2}, {0, 1, 2, 3}},
                             {{6, 10}, {1}},
                             {{3, 1, 4}, {0, 1, 2}}};
  for (const Case &c : cases) {
    auto type = make(c.tile, /*keep=*/1, TransformKind::rfft, c.axes, c.tile,
                     Float32Type::get(&context), 32);
    ASSERT_TRUE(type);
    SCOPED_TRACE(::testing::PrintToString(c.tile));
    EXPECT_EQ(type.getNumNonRedundantBins(),
              countCandidatesByEnumeration(c.tile, c.axes));
  }
}

TEST_F(SparseSpectralTypeTest, NonRedundantBinsCarryTheRealDegreesOfFreedom) {
  // Self-conjugate bins are real, the others complex: together they hold
  // exactly the tile's real samples. For 8x8: 30 complex + 4 real = 64.
  auto type = parse("!spectral.sst<8x8xf32, keep = 1>");
  ASSERT_TRUE(type);
  EXPECT_EQ(type.getNumNonRedundantBins(), 34);
  auto fft = parse("!spectral.sst<8x8xf32, keep = 1, transform = fft>");
  ASSERT_TRUE(fft);
  EXPECT_EQ(fft.getNumNonRedundantBins(), 64);
}

TEST_F(SparseSpectralTypeTest, BytesPerCoefficient) {
  // FFT-Tensor's 24 bytes (complex64 + 2 x int64) against the layouts here.
  auto wide = parse("!spectral.sst<64x64xf32, keep = 8, transform = fft, "
                    "index = i64>");
  auto standard = parse("!spectral.sst<64x64xf32, keep = 8>");
  auto compact = parse("!spectral.sst<64x64xf32, keep = 8, "
                       "coeff = complex<f16>, index = i16>");
  auto brain = parse("!spectral.sst<64x64xf32, keep = 8, "
                     "coeff = complex<bf16>, index = i16>");
  ASSERT_TRUE(wide && standard && compact && brain);
  EXPECT_EQ(wide.getBytesPerCoefficient(), 16);
  EXPECT_EQ(standard.getBytesPerCoefficient(), 12);
  EXPECT_EQ(compact.getBytesPerCoefficient(), 6);
  EXPECT_EQ(brain.getBytesPerCoefficient(), 6);
}

TEST_F(SparseSpectralTypeTest, StorageAndCompressionRatio) {
  auto type =
      parse("!spectral.sst<1024x1024xf32, keep = 512, tile = [32, 1024], "
            "coeff = complex<f16>, index = i16>");
  ASSERT_TRUE(type);
  EXPECT_EQ(type.getNumTiles(), 32);
  EXPECT_EQ(type.getStorageBytes(), 32 * 512 * 6);
  EXPECT_EQ(type.getDenseBytes(), 1024 * 1024 * 4);
  EXPECT_DOUBLE_EQ(type.getCompressionRatio(),
                   (1024.0 * 1024 * 4) / (32.0 * 512 * 6));

  auto complexElements =
      parse("!spectral.sst<16xcomplex<f64>, keep = 2, transform = fft>");
  ASSERT_TRUE(complexElements);
  EXPECT_EQ(complexElements.getDenseBytes(), 16 * 16);
}

TEST_F(SparseSpectralTypeTest, SameLayoutIgnoresKeepAndStorageTypes) {
  auto a = parse("!spectral.sst<64x64xf32, keep = 8, tile = [32, 64]>");
  auto b = parse("!spectral.sst<64x64xf32, keep = 3, tile = [32, 64], "
                 "coeff = complex<f16>, index = i16>");
  auto c = parse("!spectral.sst<64x64xf32, keep = 8>");
  auto d = parse("!spectral.sst<64x64xf32, keep = 8, tile = [32, 64], "
                 "axes = [1, 0]>");
  ASSERT_TRUE(a && b && c && d);
  EXPECT_TRUE(a.hasSameLayoutAs(b));
  EXPECT_FALSE(a.hasSameLayoutAs(c));
  EXPECT_FALSE(a.hasSameLayoutAs(d));
}

TEST_F(SparseSpectralTypeTest, PrintElidesDefaults) {
  auto type = make({8, 64, 48}, 100, TransformKind::fft, {2, 1}, {2, 16, 48},
                   Float16Type::get(&context), 16);
  ASSERT_TRUE(type);
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type;
  EXPECT_EQ(text, "!spectral.sst<8x64x48xf32, keep = 100, transform = fft, "
                  "axes = [2, 1], tile = [2, 16, 48], coeff = complex<f16>, "
                  "index = i16>");
  EXPECT_EQ(parse(text), type);
}

TEST_F(SparseSpectralTypeTest, GetCheckedReportsInsteadOfAsserting) {
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  auto type = SparseSpectralType::getChecked(
      [&] { return emitError(UnknownLoc::get(&context)); }, &context,
      ArrayRef<int64_t>{8, 8}, Type(Float32Type::get(&context)),
      /*keep=*/int64_t{4}, TransformKind::rfft, ArrayRef<int64_t>{0, 1},
      ArrayRef<int64_t>{8, 3}, ComplexType::get(Float32Type::get(&context)),
      IntegerType::get(&context, 32));
  EXPECT_FALSE(type);
  EXPECT_EQ(message, "tile size 3 does not divide dimension 1 of size 8");
}

} // namespace
