//===- DenseOpPatterns.cpp - Dense spectral ops to mid-level ops ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Dense transforms become `spectral.dft`; everything pointwise around them
// (filter and kernel products) becomes `linalg.generic` on complex numbers,
// which a GPU backend can map to kernels as it is.
//
//===----------------------------------------------------------------------===//

#include "ExpandStoragePatterns.h"
#include "SpectralDialect/IR/SpectralUtils.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Utils/Utils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::spectral;

//===----------------------------------------------------------------------===//
// Dense transforms
//===----------------------------------------------------------------------===//

namespace {
template <typename OpTy, DFTKind kind>
struct LowerComplexTransform : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value result = createDFT(rewriter, loc, kind, op.getInput(), type,
                             getSizesLike(rewriter, loc, type, op.getInput()),
                             op.getEffectiveAxes(), op.getNorm());
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct LowerRFFT : OpRewritePattern<RFFTOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(RFFTOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<int64_t> axes = op.getEffectiveAxes();
    RankedTensorType type = op.getType();
    SmallVector<OpFoldResult> sizes =
        tensor::getMixedSizes(rewriter, loc, op.getInput());
    sizes[axes.back()] = getHalfSpectrumSize(rewriter, loc, sizes[axes.back()]);
    rewriter.replaceOp(op, createDFT(rewriter, loc, DFTKind::r2c, op.getInput(),
                                     type, sizes, axes, op.getNorm()));
    return success();
  }
};

struct LowerIRFFT : OpRewritePattern<IRFFTOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(IRFFTOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    // The output length n along the halved axis is always static; a dynamic
    // number of input bins there must be n/2+1, which the verifier could
    // not check.
    int64_t halved = op.getEffectiveAxes().back();
    checkSizeAtRunTime(rewriter, loc, op, op.getInput(), "input", halved,
                       rewriter.getIndexAttr(type.getDimSize(halved) / 2 + 1));
    rewriter.replaceOp(
        op, createDFT(rewriter, loc, DFTKind::c2r, op.getInput(), type,
                      getSizesLike(rewriter, loc, type, op.getInput()),
                      op.getEffectiveAxes(), op.getNorm()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Spectral layers
//===----------------------------------------------------------------------===//

struct LowerMix : OpRewritePattern<MixOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MixOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = op.getInput();
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType filterType = op.getFilter().getType();
    int64_t axis = op.getAxis(), rank = inputType.getRank();

    // rfft along the axis.
    SmallVector<int64_t> spectrumShape(inputType.getShape());
    if (!inputType.isDynamicDim(axis))
      spectrumShape[axis] = spectrumShape[axis] / 2 + 1;
    auto spectrumType = RankedTensorType::get(
        spectrumShape, ComplexType::get(inputType.getElementType()));
    SmallVector<OpFoldResult> sizes =
        tensor::getMixedSizes(rewriter, loc, input);
    sizes[axis] = getHalfSpectrumSize(rewriter, loc, sizes[axis]);
    Value spectrum = createDFT(rewriter, loc, DFTKind::r2c, input, spectrumType,
                               sizes, {axis}, FFTNorm::backward);

    // Multiply by the filter, broadcast over the dimensions it does not have
    // and over those where it has a static 1. Every other filter size must
    // be the spectrum's; where one of them is dynamic that is checked at run
    // time, before the multiply reads the filter.
    Value filter = op.getFilter();
    SmallVector<AffineExpr> filterExprs;
    if (filterType.getRank() == 1) {
      checkSizeAtRunTime(rewriter, loc, op, filter, "filter", 0, sizes[axis]);
      filterExprs.push_back(rewriter.getAffineDimExpr(axis));
    } else {
      for (int64_t dim = 0; dim < rank; ++dim) {
        bool broadcast = filterType.getDimSize(dim) == 1 &&
                         spectrumType.getDimSize(dim) != 1;
        if (!broadcast)
          checkSizeAtRunTime(rewriter, loc, op, filter, "filter", dim,
                             sizes[dim]);
        filterExprs.push_back(broadcast ? rewriter.getAffineConstantExpr(0)
                                        : rewriter.getAffineDimExpr(dim));
      }
    }
    AffineMap filterMap =
        AffineMap::get(rank, 0, filterExprs, rewriter.getContext());
    Value filtered =
        multiplySpectra(rewriter, loc, spectrum, filter, filterMap);

    // irfft back to the input's length; the filtered spectrum is ours to
    // overwrite.
    Value result = createDFT(rewriter, loc, DFTKind::c2r, filtered, inputType,
                             tensor::getMixedSizes(rewriter, loc, input),
                             {axis}, FFTNorm::backward,
                             /*overwriteInput=*/true);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct LowerConv : OpRewritePattern<ConvOp> {
  LowerConv(MLIRContext *ctx, bool fastLengths)
      : OpRewritePattern(ctx), fastLengths(fastLengths) {}

  LogicalResult matchAndRewrite(ConvOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType inputType = op.getInput().getType();
    RankedTensorType kernelType = op.getKernel().getType();
    ArrayRef<int64_t> axes = op.getAxes();
    for (int64_t axis : axes)
      if (inputType.isDynamicDim(axis) || kernelType.isDynamicDim(axis))
        return rewriter.notifyMatchFailure(
            op, "the convolved axes need static sizes");
    int64_t rank = inputType.getRank();
    Type element = inputType.getElementType();

    // The kernel broadcasts over the other dimensions where it has a static
    // 1; every other kernel size there must be the input's, which is
    // checked at run time where one of them is dynamic.
    SmallVector<OpFoldResult> inputSizes =
        tensor::getMixedSizes(rewriter, loc, op.getInput());
    SmallVector<AffineExpr> kernelExprs;
    for (int64_t dim = 0; dim < rank; ++dim) {
      bool convolved = llvm::is_contained(axes, dim);
      bool broadcast = !convolved && kernelType.getDimSize(dim) == 1 &&
                       inputType.getDimSize(dim) != 1;
      if (!convolved && !broadcast)
        checkSizeAtRunTime(rewriter, loc, op, op.getKernel(), "kernel", dim,
                           inputSizes[dim]);
      kernelExprs.push_back(broadcast ? rewriter.getAffineConstantExpr(0)
                                      : rewriter.getAffineDimExpr(dim));
    }

    // Pad both operands with zeros to a common length >= n + m - 1 along
    // every convolved axis, so the circular convolution of the padded
    // signals is the linear one.
    SmallVector<int64_t> paddedLengths;
    for (int64_t axis : axes) {
      int64_t length =
          inputType.getDimSize(axis) + kernelType.getDimSize(axis) - 1;
      paddedLengths.push_back(fastLengths ? getNextFastFFTLength(length)
                                          : length);
    }
    Value input =
        padWithZerosTo(rewriter, loc, op.getInput(), axes, paddedLengths);
    Value kernel =
        padWithZerosTo(rewriter, loc, op.getKernel(), axes, paddedLengths);

    auto spectrumOf = [&](Value value) -> Value {
      auto type = cast<RankedTensorType>(value.getType());
      SmallVector<int64_t> spectrumShape(type.getShape());
      spectrumShape[axes.back()] = spectrumShape[axes.back()] / 2 + 1;
      SmallVector<OpFoldResult> sizes =
          tensor::getMixedSizes(rewriter, loc, value);
      sizes[axes.back()] = rewriter.getIndexAttr(spectrumShape[axes.back()]);
      return createDFT(
          rewriter, loc, DFTKind::r2c, value,
          RankedTensorType::get(spectrumShape, ComplexType::get(element)),
          sizes, axes, FFTNorm::backward);
    };
    Value inputSpectrum = spectrumOf(input);
    Value kernelSpectrum = spectrumOf(kernel);
    Value product = multiplySpectra(
        rewriter, loc, inputSpectrum, kernelSpectrum,
        AffineMap::get(rank, 0, kernelExprs, rewriter.getContext()));

    Value full = createDFT(rewriter, loc, DFTKind::c2r, product,
                           cast<RankedTensorType>(input.getType()),
                           tensor::getMixedSizes(rewriter, loc, input), axes,
                           FFTNorm::backward, /*overwriteInput=*/true);

    // Cut the window of the mode out of the (padded) full convolution; the
    // other dimensions are the input's.
    RankedTensorType resultType = op.getType();
    SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> sizes = inputSizes;
    SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
    for (int64_t axis : axes) {
      sizes[axis] = rewriter.getIndexAttr(resultType.getDimSize(axis));
      if (op.getMode() == ConvMode::same)
        offsets[axis] =
            rewriter.getIndexAttr((kernelType.getDimSize(axis) - 1) / 2);
    }
    Value result = tensor::ExtractSliceOp::create(
        rewriter, loc, resultType, full, offsets, sizes, strides);
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  bool fastLengths;
};
} // namespace

void mlir::spectral::populateDenseOpPatterns(RewritePatternSet &patterns,
                                             bool fastConvolutionSizes) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<LowerComplexTransform<FFTOp, DFTKind::c2c_forward>,
               LowerComplexTransform<IFFTOp, DFTKind::c2c_inverse>, LowerRFFT,
               LowerIRFFT, LowerMix>(ctx);
  patterns.add<LowerConv>(ctx, fastConvolutionSizes);
}
