//===- FFTConvolutionPatternsTest.cpp - The FFT convolution rewrite -------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// populateFFTConvolutionPatterns as an embedder uses it, with a control of
// its own instead of the pass's policy: the control sees every convolution
// once, an estimate for the supported ones and a reason for the others, and
// decides alone which are rewritten.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/Transforms/FFTConvolution.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"
#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace mlir;
using namespace mlir::spectral;

namespace {

// A long causal convolution (supported), and one with strides 2 (not).
const char *const kModule = R"mlir(
func.func @long(%x: tensor<8191xf32>, %k: tensor<4096xf32>,
                %init: tensor<4096xf32>) -> tensor<4096xf32> {
  %y = linalg.conv_1d ins(%x, %k : tensor<8191xf32>, tensor<4096xf32>)
         outs(%init : tensor<4096xf32>) -> tensor<4096xf32>
  return %y : tensor<4096xf32>
}
func.func @strided(%x: tensor<1x64x1xf32>, %k: tensor<3x1x1xf32>,
                   %init: tensor<1x31x1xf32>) -> tensor<1x31x1xf32> {
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>,
                               strides = dense<2> : tensor<1xi64>}
         ins(%x, %k : tensor<1x64x1xf32>, tensor<3x1x1xf32>)
         outs(%init : tensor<1x31x1xf32>) -> tensor<1x31x1xf32>
  return %y : tensor<1x31x1xf32>
}
)mlir";

struct Seen {
  bool supported;
  std::string whyNot;
  FFTConvolutionEstimate estimate;
};

class FFTConvolutionPatternsTest : public ::testing::Test {
protected:
  FFTConvolutionPatternsTest() {
    context.loadDialect<SpectralDialect, arith::ArithDialect, func::FuncDialect,
                        linalg::LinalgDialect, tensor::TensorDialect>();
    module = parseSourceString<ModuleOp>(kModule, &context);
  }

  /// Applies the patterns with a control that records what it sees and
  /// answers `accept`.
  std::vector<Seen> run(bool accept, FFTConvolutionCostModel model = {}) {
    std::vector<Seen> seen;
    RewritePatternSet patterns(&context);
    populateFFTConvolutionPatterns(
        patterns, model,
        [&](linalg::LinalgOp, const FFTConvolutionEstimate *estimate,
            StringRef whyNot) {
          seen.push_back({estimate != nullptr, whyNot.str(),
                          estimate ? *estimate : FFTConvolutionEstimate{}});
          return accept;
        });
    walkAndApplyPatterns(*module, std::move(patterns));
    return seen;
  }

  int count(StringRef name) {
    int n = 0;
    module->walk(
        [&](Operation *op) { n += op->getName().getStringRef() == name; });
    return n;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(FFTConvolutionPatternsTest, ControlSeesEveryConvolutionOnce) {
  ASSERT_TRUE(module);
  std::vector<Seen> seen = run(/*accept=*/false);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_TRUE(seen[0].supported);
  EXPECT_EQ(seen[0].estimate.fftLengths.size(), 1u);
  // n + m - 1 = 12286, padded to a fast length at least that long.
  EXPECT_GE(seen[0].estimate.fftLengths[0], 12286);
  EXPECT_GT(seen[0].estimate.directNs, seen[0].estimate.fftNs);
  EXPECT_FALSE(seen[1].supported);
  EXPECT_NE(seen[1].whyNot.find("strides"), std::string::npos);
  // Refused: nothing changes.
  EXPECT_EQ(count("spectral.conv"), 0);
  EXPECT_EQ(count("linalg.conv_1d"), 1);
}

TEST_F(FFTConvolutionPatternsTest, ControlDecidesAlone) {
  ASSERT_TRUE(module);
  run(/*accept=*/true);
  EXPECT_EQ(count("spectral.conv"), 1);
  EXPECT_EQ(count("linalg.conv_1d"), 0);
  // The unsupported one stays, whatever the control answers.
  EXPECT_EQ(count("linalg.conv_1d_nwc_wcf"), 1);
}

TEST_F(FFTConvolutionPatternsTest, CostModelScalesTheEstimate) {
  ASSERT_TRUE(module);
  FFTConvolutionCostModel doubled;
  doubled.directNsPerMac *= 2;
  double base = run(false)[0].estimate.directNs;
  double twice = run(false, doubled)[0].estimate.directNs;
  EXPECT_DOUBLE_EQ(twice, 2 * base);
}

} // namespace
