//===- FFTConvolution.cpp - linalg convolutions to spectral.conv ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A linalg convolution of stride and dilation 1 computes, along each
// convolved axis, out[i] = sum_j x[i + j] k[j] (a correlation), over the
// input as given, which a frontend may have zero-padded by p before and q
// after. With kr the kernel reversed and full = x * kr the linear
// convolution of the unpadded input (n + m - 1 samples), out[i] =
// full[i + m - 1 - p]: a window of spectral.conv's full result, as long as
// p and q do not exceed m - 1.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Transforms/FFTConvolution.h"
#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/IR/SpectralUtils.h"
#include "SpectralDialect/Transforms/Passes.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALFFTCONVOLUTION
#include "SpectralDialect/Transforms/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

namespace {

/// Where a supported linalg convolution keeps its convolved axes, and how
/// its operands become spectral.conv operands of the output's rank.
struct ConvLayout {
  /// Convolved axes of the input and of the output.
  SmallVector<int64_t> inputAxes;
  /// Convolved axes of the kernel as the op has it.
  SmallVector<int64_t> kernelAxes;
  /// The kernel lacks the batch dimension: a unit one is prepended.
  bool prependKernelUnit = false;
  /// A channel multiplier: the input gains a trailing dimension, broadcast
  /// to the multiplier.
  bool multiplier = false;
  /// For convolutions that mix channels: where the input channel is in the
  /// input (C) and the kernel (C), and the output channel in the kernel (F)
  /// and the output (F). The batch is dimension 0 of input and output.
  struct Mixing {
    int64_t inputChannel, kernelIn, kernelOut, outputChannel;
  };
  std::optional<Mixing> mixing;
};

SmallVector<int64_t> range(int64_t first, int64_t count) {
  SmallVector<int64_t> values;
  for (int64_t i = 0; i < count; ++i)
    values.push_back(first + i);
  return values;
}

/// The layout of `op`, or the reason it has none.
FailureOr<ConvLayout> getLayout(Operation *op, std::string &reason) {
  auto depthwise = [](int64_t inputFirst, int64_t kernelFirst, int64_t rank,
                      bool multiplier = false) {
    return ConvLayout{range(inputFirst, rank), range(kernelFirst, rank), true,
                      multiplier, std::nullopt};
  };
  auto mixing = [](SmallVector<int64_t> inputAxes,
                   SmallVector<int64_t> kernelAxes, ConvLayout::Mixing roles) {
    return ConvLayout{inputAxes, kernelAxes, false, false, roles};
  };
  std::optional<ConvLayout> layout =
      llvm::TypeSwitch<Operation *, std::optional<ConvLayout>>(op)
          .Case([](linalg::Conv1DOp) {
            return ConvLayout{{0}, {0}, false, false, std::nullopt};
          })
          .Case([](linalg::Conv2DOp) {
            return ConvLayout{{0, 1}, {0, 1}, false, false, std::nullopt};
          })
          .Case([&](linalg::DepthwiseConv1DNwcWcOp) {
            return depthwise(1, 0, 1);
          })
          .Case([&](linalg::DepthwiseConv1DNcwCwOp) {
            return depthwise(2, 1, 1);
          })
          .Case([&](linalg::DepthwiseConv1DNwcWcmOp) {
            return depthwise(1, 0, 1, true);
          })
          .Case([&](linalg::DepthwiseConv2DNhwcHwcOp) {
            return depthwise(1, 0, 2);
          })
          .Case([&](linalg::DepthwiseConv2DNchwChwOp) {
            return depthwise(2, 1, 2);
          })
          .Case([&](linalg::DepthwiseConv2DNhwcHwcmOp) {
            return depthwise(1, 0, 2, true);
          })
          .Case([&](linalg::DepthwiseConv3DNdhwcDhwcOp) {
            return depthwise(1, 0, 3);
          })
          .Case([&](linalg::DepthwiseConv3DNcdhwCdhwOp) {
            return depthwise(2, 1, 3);
          })
          .Case([&](linalg::DepthwiseConv3DNdhwcDhwcmOp) {
            return depthwise(1, 0, 3, true);
          })
          // Channel-mixing forms: {C in input, C in kernel, F in kernel, F
          // in output}.
          .Case([&](linalg::Conv1DNwcWcfOp) {
            return mixing({1}, {0}, {2, 1, 2, 2});
          })
          .Case([&](linalg::Conv1DNcwFcwOp) {
            return mixing({2}, {2}, {1, 1, 0, 1});
          })
          .Case([&](linalg::Conv2DNhwcHwcfOp) {
            return mixing({1, 2}, {0, 1}, {3, 2, 3, 3});
          })
          .Case([&](linalg::Conv2DNhwcFhwcOp) {
            return mixing({1, 2}, {1, 2}, {3, 3, 0, 3});
          })
          .Case([&](linalg::Conv2DNchwFchwOp) {
            return mixing({2, 3}, {2, 3}, {1, 1, 0, 1});
          })
          .Default([](Operation *) { return std::nullopt; });
  if (layout)
    return *layout;
  reason = isa<linalg::ConvolutionOpInterface>(op)
               ? "it is a quantized or grouped convolution, or a 3-D one "
                 "that mixes channels"
               : "it is not a convolution";
  return failure();
}

/// Whether the `name` attribute of `op` (strides, dilations), when present,
/// is all ones.
bool allOnes(Operation *op, StringRef name) {
  auto attr = op->getAttrOfType<DenseIntElementsAttr>(name);
  return !attr || llvm::all_of(attr.getValues<APInt>(),
                               [](const APInt &v) { return v == 1; });
}

bool isZero(Value value) {
  return matchPattern(value, m_AnyZeroFloat()) || matchPattern(value, m_Zero());
}

/// Whether `init` is known to be all zeros: a zero fill or a zero splat
/// constant (which the float matcher sees through).
bool isZeroTensor(Value init) {
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    return isZero(fill.getInputs()[0]);
  return isZero(init);
}

/// Product of the static sizes of `shape`, dynamic ones counted as 1.
double staticProduct(ArrayRef<int64_t> shape) {
  double product = 1;
  for (int64_t size : shape)
    if (!ShapedType::isDynamic(size))
      product *= static_cast<double>(size);
  return product;
}

/// A convolution as the pass sees it: the unpadded input and its padding
/// along the convolved axes, and the kernel.
struct ConvOperands {
  Value input; // without the folded pad
  Value kernel;
  SmallVector<int64_t> padLow; // per convolved axis
};

/// `input` without a zero tensor.pad along `axes` that the window can
/// absorb (at most kernel length - 1 on each side, nothing elsewhere).
ConvOperands foldInputPad(Value input, Value kernel, const ConvLayout &layout) {
  auto kernelType = cast<RankedTensorType>(kernel.getType());
  ConvOperands operands{input, kernel,
                        SmallVector<int64_t>(layout.inputAxes.size(), 0)};
  auto pad = input.getDefiningOp<tensor::PadOp>();
  if (!pad || !pad.getConstantPaddingValue() ||
      !isZero(pad.getConstantPaddingValue()))
    return operands;
  SmallVector<int64_t> low(pad.getStaticLow()), high(pad.getStaticHigh());
  for (int64_t dim = 0, e = low.size(); dim < e; ++dim) {
    if (ShapedType::isDynamic(low[dim]) || ShapedType::isDynamic(high[dim]))
      return operands;
    const auto *axis = llvm::find(layout.inputAxes, dim);
    if (axis == layout.inputAxes.end()) {
      if (low[dim] != 0 || high[dim] != 0)
        return operands;
      continue;
    }
    int64_t index = axis - layout.inputAxes.begin();
    int64_t limit = kernelType.getDimSize(layout.kernelAxes[index]) - 1;
    if (low[dim] > limit || high[dim] > limit)
      return operands;
  }
  operands.input = pad.getSource();
  for (auto [index, dim] : llvm::enumerate(layout.inputAxes))
    operands.padLow[index] = low[dim];
  return operands;
}

/// `value` with a unit dimension inserted at `position`.
Value insertUnitDim(OpBuilder &b, Location loc, Value value, int64_t position) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape.insert(shape.begin() + position, 1);
  SmallVector<ReassociationIndices> groups;
  for (int64_t dim = 0; dim < type.getRank(); ++dim)
    groups.push_back({dim + (dim >= position ? 1 : 0)});
  if (position == type.getRank())
    groups.back().push_back(position);
  else
    groups[position].insert(groups[position].begin(), position);
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, value);
  sizes.insert(sizes.begin() + position, b.getIndexAttr(1));
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), value,
      groups, sizes);
}

/// spectral.conv (full) of `input` and the reversed kernel `kernel` of a
/// convolution without channel mixing: the kernel gets the input's rank, a
/// channel multiplier gets a copy of the input per output channel.
Value buildConvolution(OpBuilder &b, Location loc, Value input, Value kernel,
                       Value originalKernel, const ConvLayout &layout) {
  if (layout.prependKernelUnit)
    kernel = insertUnitDim(b, loc, kernel, 0);
  if (layout.multiplier) {
    // [..., C] -> [..., C, M]: one signal per output channel.
    auto inputType = cast<RankedTensorType>(input.getType());
    auto kernelType = cast<RankedTensorType>(originalKernel.getType());
    int64_t rank = inputType.getRank();
    SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, input);
    sizes.push_back(
        tensor::getMixedSize(b, loc, originalKernel, kernelType.getRank() - 1));
    Value init =
        tensor::EmptyOp::create(b, loc, sizes, inputType.getElementType());
    input = linalg::BroadcastOp::create(b, loc, input, init,
                                        ArrayRef<int64_t>{rank})
                ->getResult(0);
  }
  return ConvOp::create(b, loc, input, kernel,
                        b.getDenseI64ArrayAttr(layout.inputAxes),
                        ConvMode::full);
}

/// The full linear convolution of a channel-mixing convolution, through the
/// frequency domain: the half spectra of the padded input and reversed
/// kernel, per frequency the sum over input channels of their products
/// (a complex contraction), and the inverse transform. The result has the
/// output's layout with the FFT lengths along the convolved axes.
Value buildMixingConvolution(OpBuilder &b, Location loc, Value input,
                             Value kernel, const ConvLayout &layout,
                             ArrayRef<int64_t> fftLengths,
                             RankedTensorType outputType) {
  const ConvLayout::Mixing &roles = *layout.mixing;
  DenseI64ArrayAttr inputAxes = b.getDenseI64ArrayAttr(layout.inputAxes);
  DenseI64ArrayAttr kernelAxes = b.getDenseI64ArrayAttr(layout.kernelAxes);
  Value inputSpectrum = RFFTOp::create(
      b, loc, padWithZerosTo(b, loc, input, layout.inputAxes, fftLengths),
      inputAxes);
  Value kernelSpectrum = RFFTOp::create(
      b, loc, padWithZerosTo(b, loc, kernel, layout.kernelAxes, fftLengths),
      kernelAxes);

  // Iteration space: batch, the spectrum's axes, output channel, input
  // channel (the reduction).
  int64_t spatial = layout.inputAxes.size();
  int64_t outChannelDim = spatial + 1, inChannelDim = spatial + 2;
  int64_t loops = spatial + 3;
  auto mapOf = [&](int64_t rank, ArrayRef<int64_t> spatialAxes,
                   ArrayRef<std::pair<int64_t, int64_t>> others) {
    SmallVector<AffineExpr> exprs(rank);
    for (auto [index, axis] : llvm::enumerate(spatialAxes))
      exprs[axis] = b.getAffineDimExpr(1 + index);
    for (auto [position, dim] : others)
      exprs[position] = b.getAffineDimExpr(dim);
    return AffineMap::get(loops, 0, exprs, b.getContext());
  };
  int64_t rank = outputType.getRank();
  AffineMap inputMap = mapOf(rank, layout.inputAxes,
                             {{0, 0}, {roles.inputChannel, inChannelDim}});
  AffineMap kernelMap =
      mapOf(rank, layout.kernelAxes,
            {{roles.kernelIn, inChannelDim}, {roles.kernelOut, outChannelDim}});
  AffineMap outputMap = mapOf(rank, layout.inputAxes,
                              {{0, 0}, {roles.outputChannel, outChannelDim}});

  auto spectrumType = cast<RankedTensorType>(inputSpectrum.getType());
  auto complexType = cast<ComplexType>(spectrumType.getElementType());
  SmallVector<OpFoldResult> sizes(rank);
  sizes[0] = tensor::getMixedSize(b, loc, inputSpectrum, 0);
  for (int64_t axis : layout.inputAxes)
    sizes[axis] = b.getIndexAttr(spectrumType.getDimSize(axis));
  sizes[roles.outputChannel] =
      tensor::getMixedSize(b, loc, kernelSpectrum, roles.kernelOut);
  Value init = createZerosOfSizes(b, loc, sizes, complexType);

  SmallVector<utils::IteratorType> iterators = getParallelIterators(loops);
  iterators[inChannelDim] = utils::IteratorType::reduction;
  auto product = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{inputSpectrum, kernelSpectrum},
      ValueRange{init}, ArrayRef<AffineMap>{inputMap, kernelMap, outputMap},
      iterators, [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value term =
            complex::MulOp::create(nested, nestedLoc, args[0], args[1]);
        Value sum = complex::AddOp::create(nested, nestedLoc, args[2], term);
        linalg::YieldOp::create(nested, nestedLoc, sum);
      });
  return IRFFTOp::create(b, loc, product.getResult(0), inputAxes,
                         b.getI64IntegerAttr(fftLengths.back()));
}

/// The mechanism: a linalg convolution the rewrite supports becomes an FFT
/// convolution when `control` accepts the cost model's estimate; `control`
/// also hears why the others cannot be rewritten.
struct ConvolutionToFFT
    : OpInterfaceRewritePattern<linalg::ConvolutionOpInterface> {
  ConvolutionToFFT(MLIRContext *context, FFTConvolutionCostModel model,
                   FFTConvolutionControlFn control)
      : OpInterfaceRewritePattern(context), model(model),
        control(std::move(control)) {}

  LogicalResult matchAndRewrite(linalg::ConvolutionOpInterface conv,
                                PatternRewriter &rewriter) const override {
    auto op = dyn_cast<linalg::LinalgOp>(conv.getOperation());
    if (!op)
      return failure();
    return convert(op, rewriter);
  }

  FFTConvolutionCostModel model;
  FFTConvolutionControlFn control;

  /// Why `op` cannot be converted, or an empty string; fills `layout`.
  std::string check(linalg::LinalgOp op, ConvLayout &layout) const {
    std::string reason;
    FailureOr<ConvLayout> found = getLayout(op, reason);
    if (failed(found))
      return reason;
    layout = *found;
    if (!op.hasPureTensorSemantics())
      return "it works on buffers; the conversion runs on tensors";
    if (!allOnes(op, "strides") || !allOnes(op, "dilations"))
      return "its strides or dilations are not 1";
    Type element = getElementTypeOrSelf(op->getResult(0).getType());
    for (Value operand : op->getOperands())
      if (getElementTypeOrSelf(operand.getType()) != element)
        return "its operands do not share one element type";
    if (!isSupportedFloat(element))
      return "its element type is not f16, bf16, f32 or f64";
    auto inputType = cast<RankedTensorType>(op.getDpsInputs()[0].getType());
    auto kernelType = cast<RankedTensorType>(op.getDpsInputs()[1].getType());
    auto outputType = cast<RankedTensorType>(op.getDpsInits()[0].getType());
    for (auto [inputAxis, kernelAxis] :
         llvm::zip(layout.inputAxes, layout.kernelAxes))
      if (inputType.isDynamicDim(inputAxis) ||
          kernelType.isDynamicDim(kernelAxis) ||
          outputType.isDynamicDim(inputAxis))
        return "its convolved axes have dynamic sizes (the FFT lengths are "
               "chosen at compile time)";
    return "";
  }

  LogicalResult convert(linalg::LinalgOp op, PatternRewriter &rewriter) const {
    ConvLayout layout;
    std::string reason = check(op, layout);
    if (!reason.empty()) {
      control(op, nullptr, reason);
      return rewriter.notifyMatchFailure(op, reason);
    }
    Value init = op.getDpsInits()[0];
    auto outputType = cast<RankedTensorType>(init.getType());
    ConvOperands operands =
        foldInputPad(op.getDpsInputs()[0], op.getDpsInputs()[1], layout);
    auto inputType = cast<RankedTensorType>(operands.input.getType());
    auto kernelType = cast<RankedTensorType>(operands.kernel.getType());

    // An axis where both the (unpadded) input and the kernel have length 1
    // convolves nothing (a 1 x K kernel over 1 x W rows): not an FFT axis.
    ConvLayout active = layout;
    active.inputAxes.clear();
    active.kernelAxes.clear();
    SmallVector<int64_t> activePadLow;
    for (auto [index, axes] :
         llvm::enumerate(llvm::zip(layout.inputAxes, layout.kernelAxes))) {
      auto [inputAxis, kernelAxis] = axes;
      if (inputType.getDimSize(inputAxis) == 1 &&
          kernelType.getDimSize(kernelAxis) == 1)
        continue;
      active.inputAxes.push_back(inputAxis);
      active.kernelAxes.push_back(kernelAxis);
      activePadLow.push_back(operands.padLow[index]);
    }
    if (active.inputAxes.empty()) {
      StringRef why = "its kernel is a single tap (a pointwise product)";
      control(op, nullptr, why);
      return rewriter.notifyMatchFailure(op, why);
    }
    layout = active;
    operands.padLow = activePadLow;

    // The cost model, on static sizes (dynamic ones count as 1).
    SmallVector<int64_t> fftLengths;
    double points = 1, signalLength = 1, window = 1;
    for (auto [inputAxis, kernelAxis] :
         llvm::zip(layout.inputAxes, layout.kernelAxes)) {
      int64_t n = inputType.getDimSize(inputAxis);
      int64_t m = kernelType.getDimSize(kernelAxis);
      fftLengths.push_back(getNextFastFFTLength(n + m - 1));
      points *= static_cast<double>(fftLengths.back());
      signalLength *= static_cast<double>(n);
      window *= static_cast<double>(m);
    }
    double inputSignals = staticProduct(inputType.getShape()) / signalLength;
    double kernelSignals = staticProduct(kernelType.getShape()) / window;
    double outputSignals = inputSignals;
    double contractionNs = 0;
    if (layout.multiplier)
      outputSignals = inputSignals *=
          staticProduct(kernelType.getShape().take_back());
    if (layout.mixing) {
      // Per frequency, a complex product summed over the input channels:
      // four real multiply-accumulates each, at the direct loops' cost.
      double inChannels = staticProduct(
          inputType.getShape().slice(layout.mixing->inputChannel, 1));
      double outChannels = staticProduct(
          kernelType.getShape().slice(layout.mixing->kernelOut, 1));
      outputSignals = inputSignals / inChannels * outChannels;
      double bins = points / fftLengths.back() * (fftLengths.back() / 2 + 1);
      contractionNs =
          4 * model.directNsPerMac * outputSignals * inChannels * bins;
    }
    double transforms = inputSignals + kernelSignals + outputSignals;
    double directNs = model.directNsPerMac *
                      staticProduct(outputType.getShape()) * window *
                      (layout.mixing ? staticProduct(inputType.getShape().slice(
                                           layout.mixing->inputChannel, 1))
                                     : 1);
    double fftNs =
        transforms * points *
            (model.fftNsPerPointLog * std::log2(points) + model.fftNsPerPoint) +
        contractionNs;
    FFTConvolutionEstimate estimate{directNs, fftNs, fftLengths};
    if (!control(op, &estimate, ""))
      return rewriter.notifyMatchFailure(op, "left direct by the control");

    rewriter.setInsertionPoint(op);
    OpBuilder &b = rewriter;
    Location loc = op.getLoc();
    Value kernel = reverseAlongAxes(b, loc, operands.kernel, layout.kernelAxes);
    Value full = layout.mixing
                     ? buildMixingConvolution(b, loc, operands.input, kernel,
                                              layout, fftLengths, outputType)
                     : buildConvolution(b, loc, operands.input, kernel,
                                        operands.kernel, layout);

    // The window the linalg convolution computes.
    int64_t rank = outputType.getRank();
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
    SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, full);
    SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
    for (auto [index, axis] : llvm::enumerate(layout.inputAxes)) {
      int64_t m = kernelType.getDimSize(layout.kernelAxes[index]);
      offsets[axis] = b.getIndexAttr(m - 1 - operands.padLow[index]);
      sizes[axis] = b.getIndexAttr(outputType.getDimSize(axis));
    }
    Value result =
        tensor::ExtractSliceOp::create(b, loc, full, offsets, sizes, strides);
    if (result.getType() != outputType)
      result = tensor::CastOp::create(b, loc, outputType, result);
    // linalg convolutions accumulate into their init (a bias, say).
    if (!isZeroTensor(init))
      result = linalg::AddOp::create(b, loc, TypeRange{outputType},
                                     ValueRange{result, init}, ValueRange{init})
                   ->getResult(0);
    Operation *folded = op.getDpsInputs()[0].getDefiningOp<tensor::PadOp>();
    rewriter.replaceOp(op, result);
    if (folded && folded->use_empty())
      rewriter.eraseOp(folded);
    return success();
  }
};

/// The policy: the pass's `policy` option over the cost model's estimate,
/// every decision reported as a remark.
struct SpectralFFTConvolutionPass
    : spectral::impl::SpectralFFTConvolutionBase<SpectralFFTConvolutionPass> {
  using Base::Base;

  void runOnOperation() override {
    auto control = [&](linalg::LinalgOp op,
                       const FFTConvolutionEstimate *estimate,
                       StringRef whyNot) {
      if (!estimate) {
        op->emitRemark() << "not converted to an FFT convolution: " << whyNot;
        ++numKeptDirect;
        return false;
      }
      bool useFFT = policy == FFTConvolutionPolicy::Always ||
                    (policy == FFTConvolutionPolicy::Auto &&
                     estimate->fftNs < estimate->directNs);
      InFlightDiagnostic remark = op->emitRemark();
      remark << (useFFT ? "converted to an FFT convolution"
                        : "left a direct convolution");
      remark << llvm::formatv(
          ": predicted {0:e2} ns direct, {1:e2} ns by FFT of lengths [",
          estimate->directNs, estimate->fftNs);
      llvm::interleaveComma(estimate->fftLengths, remark);
      remark << "]";
      if (policy != FFTConvolutionPolicy::Auto)
        remark << " (policy="
               << (policy == FFTConvolutionPolicy::Always ? "always" : "never")
               << ")";
      ++(useFFT ? numConverted : numKeptDirect);
      return useFFT;
    };
    RewritePatternSet patterns(&getContext());
    populateFFTConvolutionPatterns(
        patterns, {directNsPerMac, fftNsPerPointLog, fftNsPerPoint}, control);
    // Each convolution is visited once, so each gets one remark.
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

} // namespace

void mlir::spectral::populateFFTConvolutionPatterns(
    RewritePatternSet &patterns, const FFTConvolutionCostModel &model,
    FFTConvolutionControlFn control) {
  patterns.add<ConvolutionToFFT>(patterns.getContext(), model,
                                 std::move(control));
}
