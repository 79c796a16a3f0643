//===- SpectralFolds.cpp - Folders and canonicalization patterns ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Only exact identities are folded: a transform followed by its inverse, a
// storage round trip, scaling by one, scale chains. Compression is lossy and
// never folded away, and neither is rfft(irfft(y)), which drops the imaginary
// parts a real signal cannot have.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::spectral;

//===----------------------------------------------------------------------===//
// Transform pairs
//===----------------------------------------------------------------------===//

/// True when both lists name the same set of axes.
static bool sameAxisSet(SmallVector<int64_t> lhs, SmallVector<int64_t> rhs) {
  llvm::sort(lhs);
  llvm::sort(rhs);
  return lhs == rhs;
}

/// Folds `outer(inner(x))` to `x` when `inner` is the inverse transform of
/// `outer` over the same axes with the same normalisation.
template <typename InverseOp, typename OuterOp>
static Value foldInversePair(OuterOp outer) {
  auto inner = outer.getInput().template getDefiningOp<InverseOp>();
  if (!inner || inner.getNorm() != outer.getNorm() ||
      !sameAxisSet(inner.getEffectiveAxes(), outer.getEffectiveAxes()))
    return {};
  return inner.getInput();
}

OpFoldResult FFTOp::fold(FoldAdaptor) { return foldInversePair<IFFTOp>(*this); }

OpFoldResult IFFTOp::fold(FoldAdaptor) { return foldInversePair<FFTOp>(*this); }

OpFoldResult IRFFTOp::fold(FoldAdaptor) {
  auto rfft = getInput().getDefiningOp<RFFTOp>();
  if (!rfft || rfft.getNorm() != getNorm())
    return {};
  // The halved axis must be the same one, and the output length must be the
  // original length (n = 2m - 1 and 2m - 2 read the same number of bins).
  SmallVector<int64_t> rfftAxes = rfft.getEffectiveAxes(),
                       irfftAxes = getEffectiveAxes();
  if (rfftAxes.back() != irfftAxes.back() || !sameAxisSet(rfftAxes, irfftAxes))
    return {};
  if (rfft.getInput().getType() != getType())
    return {};
  return rfft.getInput();
}

//===----------------------------------------------------------------------===//
// Storage round trips
//===----------------------------------------------------------------------===//

OpFoldResult AssembleOp::fold(FoldAdaptor) {
  auto coefficients = getCoefficients().getDefiningOp<CoefficientsOp>();
  auto positions = getPositions().getDefiningOp<PositionsOp>();
  if (!coefficients || !positions ||
      coefficients.getInput() != positions.getInput() ||
      coefficients.getInput().getType() != getType())
    return {};
  return coefficients.getInput();
}

OpFoldResult CoefficientsOp::fold(FoldAdaptor) {
  if (auto assemble = getInput().getDefiningOp<AssembleOp>())
    return assemble.getCoefficients();
  return {};
}

OpFoldResult PositionsOp::fold(FoldAdaptor) {
  if (auto assemble = getInput().getDefiningOp<AssembleOp>())
    return assemble.getPositions();
  return {};
}

//===----------------------------------------------------------------------===//
// ScaleOp
//===----------------------------------------------------------------------===//

/// True when `factor` is a constant 1 (real) or 1 + 0i (complex).
static bool isConstantOne(Value factor) {
  if (matchPattern(factor, m_OneFloat()))
    return true;
  auto constant = factor.getDefiningOp<complex::ConstantOp>();
  if (!constant)
    return false;
  ArrayAttr parts = constant.getValue();
  auto re = dyn_cast<FloatAttr>(parts[0]), im = dyn_cast<FloatAttr>(parts[1]);
  return re && im && re.getValue().isExactlyValue(1.0) &&
         im.getValue().isZero();
}

OpFoldResult ScaleOp::fold(FoldAdaptor) {
  if (isConstantOne(getFactor()))
    return getInput();
  return {};
}

namespace {
/// scale(scale(s, a), b) -> scale(s, a * b). A real factor meeting a complex
/// one is promoted to complex first.
struct CombineScaleChain : OpRewritePattern<ScaleOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ScaleOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<ScaleOp>();
    if (!inner)
      return rewriter.notifyMatchFailure(op, "input is not a spectral.scale");
    Location loc = op.getLoc();
    Value a = inner.getFactor(), b = op.getFactor();
    Value product;
    if (a.getType() == b.getType()) {
      if (isa<ComplexType>(a.getType()))
        product = complex::MulOp::create(rewriter, loc, a, b);
      else
        product = arith::MulFOp::create(rewriter, loc, a, b);
    } else {
      auto toComplex = [&](Value real, ComplexType type) -> Value {
        Value zero = arith::ConstantOp::create(
            rewriter, loc, rewriter.getFloatAttr(real.getType(), 0.0));
        return complex::CreateOp::create(rewriter, loc, type, real, zero);
      };
      if (auto type = dyn_cast<ComplexType>(a.getType()))
        b = toComplex(b, type);
      else
        a = toComplex(a, cast<ComplexType>(b.getType()));
      product = complex::MulOp::create(rewriter, loc, a, b);
    }
    rewriter.replaceOpWithNewOp<ScaleOp>(op, inner.getInput(), product);
    return success();
  }
};
} // namespace

void ScaleOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                          MLIRContext *context) {
  results.add<CombineScaleChain>(context);
}
