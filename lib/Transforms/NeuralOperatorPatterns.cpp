//===- NeuralOperatorPatterns.cpp - mode_mix and resample lowering --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Both ops become spectral transforms around slices of the kept modes (and,
// for mode_mix, one channel contraction per kept mode); the transforms are
// then lowered by the dense patterns like any other.
//
//===----------------------------------------------------------------------===//

#include "ExpandStoragePatterns.h"
#include "Utils/NeuralOperatorBuilders.h"

using namespace mlir;
using namespace mlir::spectral;

namespace {
struct LowerModeMix : OpRewritePattern<ModeMixOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ModeMixOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, buildModeMix(rewriter, op.getLoc(), op,
                                        op.getInput(), op.getWeight(),
                                        op.getNorm(), op.getType()));
    return success();
  }
};

struct LowerResample : OpRewritePattern<ResampleOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ResampleOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, buildResample(rewriter, op.getLoc(), op.getInput(),
                                         op.getAxes(), op.getType(),
                                         /*adjoint=*/false));
    return success();
  }
};
} // namespace

void mlir::spectral::populateNeuralOperatorPatterns(
    RewritePatternSet &patterns) {
  patterns.add<LowerModeMix, LowerResample>(patterns.getContext());
}
