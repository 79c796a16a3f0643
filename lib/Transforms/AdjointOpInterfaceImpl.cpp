//===- AdjointOpInterfaceImpl.cpp - VJPs of the spectral ops --------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The vector-Jacobian products, in PyTorch's convention (docs/dialect.md,
// "Adjoints"). Each is built from the dialect's own ops, so it lowers with
// them on both pipelines. With N the product of the transformed lengths and
// `dual` swapping the backward and forward norms (ortho is its own dual):
//
//   fft:   G -> ifft(G, dual)        ifft:  G -> fft(G, dual)
//   rfft:  G -> irfft(G / c, dual)   irfft: g -> c * rfft(g, dual)
//
// where c weights the bins of the halved axis that stand for two
// frequencies (all but bin 0 and the Nyquist bin) by 2.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Transforms/AdjointOpInterfaceImpl.h"
#include "SpectralDialect/IR/SpectralOps.h"
#include "Utils/IRBuildingHelpers.h"
#include "Utils/NeuralOperatorBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::spectral;

static FFTNorm getDualNorm(FFTNorm norm) {
  switch (norm) {
  case FFTNorm::backward:
    return FFTNorm::forward;
  case FFTNorm::forward:
    return FFTNorm::backward;
  case FFTNorm::ortho:
    return FFTNorm::ortho;
  }
  llvm_unreachable("unknown norm");
}

static Value castTo(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

/// `sum over the reduced loops of lhs * conj(rhs)`: a linalg.generic whose
/// first `loops - outputSizes.size()` loops are the reduced ones (outermost,
/// so that the CPU streams the output; spectral-map-to-gpu moves them
/// innermost) and the others index the output in order. `lhsMap` and
/// `rhsMap` read the operands.
static Value contractWithConjugate(OpBuilder &b, Location loc, Value lhs,
                                   Value rhs, AffineMap lhsMap,
                                   AffineMap rhsMap,
                                   ArrayRef<OpFoldResult> outputSizes) {
  int64_t loops = lhsMap.getNumDims();
  int64_t outputRank = outputSizes.size();
  int64_t reduced = loops - outputRank;
  Type element = cast<RankedTensorType>(lhs.getType()).getElementType();
  Value init = createZerosOfSizes(b, loc, outputSizes, element);
  SmallVector<utils::IteratorType> iterators = getParallelIterators(loops);
  for (int64_t loop = 0; loop < reduced; ++loop)
    iterators[loop] = utils::IteratorType::reduction;
  AffineMap outputMap = AffineMap::getMultiDimIdentityMap(loops, b.getContext())
                            .getMinorSubMap(outputRank);
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{lhs, rhs}, ValueRange{init},
      ArrayRef<AffineMap>{lhsMap, rhsMap, outputMap}, iterators,
      [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value conj = createConjugate(nested, nestedLoc, args[1]);
        Value term = complex::MulOp::create(nested, nestedLoc, args[0], conj);
        Value sum = complex::AddOp::create(nested, nestedLoc, args[2], term);
        linalg::YieldOp::create(nested, nestedLoc, sum);
      });
  return generic.getResult(0);
}

/// `value`, whose dimensions are `kept` of `targetType`'s in order, with the
/// other (unit) dimensions of `targetType` inserted.
static Value restoreUnitDims(OpBuilder &b, Location loc, Value value,
                             ArrayRef<int64_t> kept,
                             RankedTensorType targetType) {
  int64_t rank = targetType.getRank();
  if (static_cast<int64_t>(kept.size()) == rank)
    return value;
  // Each kept dimension starts a group; unit dimensions join the group
  // before them, or the first one when they lead.
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices leading;
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (llvm::is_contained(kept, dim))
      groups.push_back({dim});
    else if (groups.empty())
      leading.push_back(dim);
    else
      groups.back().push_back(dim);
  }
  groups.front().insert(groups.front().begin(), leading.begin(), leading.end());
  auto valueType = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape(rank, 1);
  for (auto [index, dim] : llvm::enumerate(kept))
    shape[dim] = valueType.getDimSize(index);
  auto expandedType = RankedTensorType::get(shape, valueType.getElementType());
  return tensor::ExpandShapeOp::create(b, loc, expandedType, value, groups);
}

/// `value` summed over the dimensions where `targetType` has a static 1 and
/// `value` does not (those an operand was broadcast along), cast to
/// `targetType`.
static Value sumToBroadcastShape(OpBuilder &b, Location loc, Value value,
                                 RankedTensorType targetType) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> kept, reduced;
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (targetType.getDimSize(dim) == 1 && type.getDimSize(dim) != 1)
      reduced.push_back(dim);
    else
      kept.push_back(dim);
  }
  if (reduced.empty())
    return castTo(b, loc, value, targetType);
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim : kept)
    sizes.push_back(tensor::getMixedSize(b, loc, value, dim));
  Value init = createZerosOfSizes(b, loc, sizes, type.getElementType());
  SmallVector<AffineExpr> outputExprs;
  for (int64_t dim : kept)
    outputExprs.push_back(b.getAffineDimExpr(dim));
  SmallVector<utils::IteratorType> iterators = getParallelIterators(rank);
  for (int64_t dim : reduced)
    iterators[dim] = utils::IteratorType::reduction;
  auto sum = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{value}, ValueRange{init},
      ArrayRef<AffineMap>{b.getMultiDimIdentityMap(rank),
                          AffineMap::get(rank, 0, outputExprs, b.getContext())},
      iterators, [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value total =
            arith::AddFOp::create(nested, nestedLoc, args[0], args[1]);
        linalg::YieldOp::create(nested, nestedLoc, total);
      });
  return castTo(b, loc,
                restoreUnitDims(b, loc, sum.getResult(0), kept, targetType),
                targetType);
}

/// Offsets and sizes of the window of `value` at `offsets` with `lengths`
/// along `axes` (whole along the other dimensions), and unit strides.
static void getWindow(OpBuilder &b, Location loc, Value value,
                      ArrayRef<int64_t> axes, ArrayRef<int64_t> offsets,
                      ArrayRef<int64_t> lengths,
                      SmallVectorImpl<OpFoldResult> &at,
                      SmallVectorImpl<OpFoldResult> &sizes,
                      SmallVectorImpl<OpFoldResult> &strides) {
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  sizes = tensor::getMixedSizes(b, loc, value);
  at.assign(rank, b.getIndexAttr(0));
  strides.assign(rank, b.getIndexAttr(1));
  for (auto [index, axis] : llvm::enumerate(axes)) {
    sizes[axis] = b.getIndexAttr(lengths[index]);
    at[axis] = b.getIndexAttr(offsets[index]);
  }
}

/// `value` placed at `offsets` along `axes` in zeros of `lengths` there
/// (its own sizes elsewhere).
static Value placeInZeros(OpBuilder &b, Location loc, Value value,
                          ArrayRef<int64_t> axes, ArrayRef<int64_t> offsets,
                          ArrayRef<int64_t> lengths) {
  SmallVector<OpFoldResult> at, sizes, strides;
  getWindow(b, loc, value, axes, offsets, lengths, at, sizes, strides);
  Type element = cast<RankedTensorType>(value.getType()).getElementType();
  Value zeros = createZerosOfSizes(b, loc, sizes, element);
  return tensor::InsertSliceOp::create(
      b, loc, value, zeros, at, tensor::getMixedSizes(b, loc, value), strides);
}

/// The window of `value` at `offsets` with `lengths` along `axes`.
static Value takeWindow(OpBuilder &b, Location loc, Value value,
                        ArrayRef<int64_t> axes, ArrayRef<int64_t> offsets,
                        ArrayRef<int64_t> lengths) {
  SmallVector<OpFoldResult> at, sizes, strides;
  getWindow(b, loc, value, axes, offsets, lengths, at, sizes, strides);
  return tensor::ExtractSliceOp::create(b, loc, value, at, sizes, strides);
}

namespace {
template <typename OpTy, typename AdjointOpTy>
struct ComplexTransformAdjoint
    : AdjointOpInterface::ExternalModel<
          ComplexTransformAdjoint<OpTy, AdjointOpTy>, OpTy> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto transform = cast<OpTy>(op);
    Value adjoint = AdjointOpTy::create(
        b, op->getLoc(), cotangents[0],
        b.getDenseI64ArrayAttr(transform.getEffectiveAxes()),
        getDualNorm(transform.getNorm()));
    return SmallVector<Value>{adjoint};
  }
};

struct RFFTAdjoint : AdjointOpInterface::ExternalModel<RFFTAdjoint, RFFTOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto rfft = cast<RFFTOp>(op);
    Location loc = op->getLoc();
    SmallVector<int64_t> axes = rfft.getEffectiveAxes();
    RankedTensorType inputType = rfft.getInput().getType();
    int64_t length = inputType.getDimSize(axes.back());
    if (ShapedType::isDynamic(length))
      return op->emitOpError()
             << "cannot be differentiated with a dynamic length along its "
                "halved axis "
             << axes.back() << ": the adjoint irfft needs it statically";
    Value halved = scaleInteriorBins(b, loc, cotangents[0], axes.back(),
                                     b.getIndexAttr(length), 0.5);
    Value adjoint = IRFFTOp::create(
        b, loc, halved, b.getDenseI64ArrayAttr(axes),
        b.getI64IntegerAttr(length), getDualNorm(rfft.getNorm()));
    return SmallVector<Value>{castTo(b, loc, adjoint, inputType)};
  }
};

struct IRFFTAdjoint : AdjointOpInterface::ExternalModel<IRFFTAdjoint, IRFFTOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto irfft = cast<IRFFTOp>(op);
    Location loc = op->getLoc();
    SmallVector<int64_t> axes = irfft.getEffectiveAxes();
    int64_t length = irfft.getType().getDimSize(axes.back());
    Value spectrum =
        RFFTOp::create(b, loc, cotangents[0], b.getDenseI64ArrayAttr(axes),
                       getDualNorm(irfft.getNorm()));
    Value doubled = scaleInteriorBins(b, loc, spectrum, axes.back(),
                                      b.getIndexAttr(length), 2.0);
    return SmallVector<Value>{
        castTo(b, loc, doubled, irfft.getInput().getType())};
  }
};

/// spectral.mix is irfft(rfft(x) * F): its adjoint for x is the mix with
/// conj(F) (the bin weights of the two transforms cancel), and for F the
/// sum, over the dimensions F is broadcast along, of
/// c * rfft(g, forward) * conj(rfft(x)).
struct MixAdjoint : AdjointOpInterface::ExternalModel<MixAdjoint, MixOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto mix = cast<MixOp>(op);
    Location loc = op->getLoc();
    Value g = cotangents[0];
    Value filter = mix.getFilter();
    RankedTensorType filterType = mix.getFilter().getType();
    int64_t axis = mix.getAxis();
    int64_t rank = mix.getType().getRank();

    Value conjFilter = mapElements(
        b, loc, filter, filterType.getElementType(),
        [](OpBuilder &nested, Location nestedLoc, Value value) -> Value {
          return createConjugate(nested, nestedLoc, value);
        });
    Value inputCotangent = MixOp::create(b, loc, g, conjFilter, axis);

    DenseI64ArrayAttr axisAttr = b.getDenseI64ArrayAttr({axis});
    Value gSpectrum = RFFTOp::create(b, loc, g, axisAttr, FFTNorm::forward);
    Value xSpectrum = RFFTOp::create(b, loc, mix.getInput(), axisAttr);

    // The output keeps the dimensions the filter is not broadcast along, in
    // order; the others are reduced.
    SmallVector<int64_t> kept;
    if (filterType.getRank() == 1) {
      kept.push_back(axis);
    } else {
      auto spectrumType = cast<RankedTensorType>(gSpectrum.getType());
      for (int64_t dim = 0; dim < rank; ++dim)
        if (!(filterType.getDimSize(dim) == 1 &&
              spectrumType.getDimSize(dim) != 1))
          kept.push_back(dim);
    }
    SmallVector<AffineExpr> exprs(rank);
    SmallVector<OpFoldResult> outputSizes;
    int64_t numReduced = rank - kept.size(), reduced = 0;
    for (int64_t dim = 0; dim < rank; ++dim) {
      auto *it = llvm::find(kept, dim);
      if (it != kept.end()) {
        exprs[dim] = b.getAffineDimExpr(numReduced + (it - kept.begin()));
        outputSizes.push_back(tensor::getMixedSize(b, loc, gSpectrum, dim));
      } else {
        exprs[dim] = b.getAffineDimExpr(reduced++);
      }
    }
    AffineMap map = AffineMap::get(rank, 0, exprs, b.getContext());
    Value product = contractWithConjugate(b, loc, gSpectrum, xSpectrum, map,
                                          map, outputSizes);
    int64_t axisInOutput = llvm::find(kept, axis) - kept.begin();
    Value filterCotangent = scaleInteriorBins(
        b, loc, product, axisInOutput,
        tensor::getMixedSize(b, loc, mix.getInput(), axis), 2.0);
    filterCotangent =
        restoreUnitDims(b, loc, filterCotangent, kept, filterType);
    return SmallVector<Value>{inputCotangent,
                              castTo(b, loc, filterCotangent, filterType)};
  }
};

/// spectral.mode_mix: for the input, the mode_mix of the cotangent with the
/// conjugate transposed weight (with the dual norm, and the bin weights of
/// the halved axis where input and result lengths treat a kept bin
/// differently); for the weight, per kept mode the sum over the batch of
/// the cotangent's modes (rfft with the dual norm, bin-weighted) times the
/// conjugate input modes.
struct ModeMixAdjoint
    : AdjointOpInterface::ExternalModel<ModeMixAdjoint, ModeMixOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto modeMix = cast<ModeMixOp>(op);
    Location loc = op->getLoc();
    MLIRContext *ctx = b.getContext();
    Value g = cotangents[0];
    ArrayRef<int64_t> axes = modeMix.getAxes(), modes = modeMix.getModes();
    int64_t channel = modeMix.getChannel();
    int64_t spatial = axes.size();
    RankedTensorType inputType = modeMix.getInput().getType();
    RankedTensorType weightType = modeMix.getWeight().getType();
    FFTNorm dual = getDualNorm(modeMix.getNorm());

    // The bin of the halved axis that is an edge bin (weight 1) for one of
    // the two lengths and interior (weight 2) for the other, if any.
    int64_t inLength = inputType.getDimSize(axes.back());
    int64_t outLength = modeMix.getType().getDimSize(axes.back());
    int64_t specialBin = -1;
    double specialFactor = 1;
    if (inLength < outLength && inLength % 2 == 0) {
      specialBin = inLength / 2;
      specialFactor = 2;
    } else if (outLength < inLength && outLength % 2 == 0) {
      specialBin = outLength / 2;
      specialFactor = 0.5;
    }
    if (specialBin >= modes.back())
      specialBin = -1;

    // The input: the kept modes of g mixed by W'[o, i, k...] =
    // conj(W[i, o, k...]) * factor(k_last), read from W in place (no
    // transposed copy of a possibly large weight), synthesized with the
    // dual norm.
    Value gKept = computeKeptModes(b, loc, g, axes, modes, dual);
    Value inputModes =
        mixChannels(b, loc, gKept, modeMix.getWeight(), channel, axes,
                    /*conjugateTranspose=*/true, specialBin, specialFactor);
    Value inputCotangent =
        synthesizeFromModes(b, loc, inputModes, axes, inputType, dual);
    if (inputCotangent.getType() != inputType)
      inputCotangent =
          tensor::CastOp::create(b, loc, inputType, inputCotangent);

    // The weight: sum over batch dims of Gy[.., o, k] * conj(Xg[.., i, k]).
    Value gModes = scaleInteriorBins(b, loc, gKept, axes.back(),
                                     b.getIndexAttr(outLength), 2.0);
    Value xModes = computeKeptModes(b, loc, modeMix.getInput(), axes, modes,
                                    modeMix.getNorm());
    int64_t rank = inputType.getRank();
    SmallVector<AffineExpr> gExprs(rank), xExprs(rank);
    // Loops: the batch dimensions (reduced), then the weight's.
    int64_t numBatch = rank - 1 - spatial, reduced = 0;
    for (int64_t dim = 0; dim < rank; ++dim) {
      const int64_t *axis = llvm::find(axes, dim);
      if (dim == channel) {
        gExprs[dim] = b.getAffineDimExpr(numBatch + 1);
        xExprs[dim] = b.getAffineDimExpr(numBatch);
      } else if (axis != axes.end()) {
        gExprs[dim] = xExprs[dim] =
            b.getAffineDimExpr(numBatch + 2 + (axis - axes.begin()));
      } else {
        gExprs[dim] = xExprs[dim] = b.getAffineDimExpr(reduced++);
      }
    }
    SmallVector<OpFoldResult> weightSizes =
        tensor::getMixedSizes(b, loc, modeMix.getWeight());
    Value weightCotangent = contractWithConjugate(
        b, loc, gModes, xModes, AffineMap::get(rank + 1, 0, gExprs, ctx),
        AffineMap::get(rank + 1, 0, xExprs, ctx), weightSizes);
    return SmallVector<Value>{inputCotangent,
                              castTo(b, loc, weightCotangent, weightType)};
  }
};

/// spectral.conv: with G the cotangent placed in the full convolution's
/// window (zeros around it), the input's cotangent is the correlation of G
/// with the kernel and the kernel's the correlation of G with the input,
/// each a full convolution with the other operand reversed, cut to the
/// operand's window (and summed over the dimensions the kernel is broadcast
/// along).
struct ConvAdjoint : AdjointOpInterface::ExternalModel<ConvAdjoint, ConvOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto conv = cast<ConvOp>(op);
    Location loc = op->getLoc();
    ArrayRef<int64_t> axes = conv.getAxes();
    RankedTensorType inputType = conv.getInput().getType();
    RankedTensorType kernelType = conv.getKernel().getType();
    SmallVector<int64_t> n, m, full, offsets;
    for (int64_t axis : axes) {
      if (inputType.isDynamicDim(axis) || kernelType.isDynamicDim(axis))
        return op->emitOpError()
               << "cannot be differentiated with a dynamic size along "
                  "convolved axis "
               << axis;
      n.push_back(inputType.getDimSize(axis));
      m.push_back(kernelType.getDimSize(axis));
      full.push_back(n.back() + m.back() - 1);
      offsets.push_back(conv.getMode() == ConvMode::same ? (m.back() - 1) / 2
                                                         : 0);
    }
    Value g = placeInZeros(b, loc, cotangents[0], axes, offsets, full);
    DenseI64ArrayAttr axesAttr = conv.getAxesAttr();

    Value reversedKernel = reverseAlongAxes(b, loc, conv.getKernel(), axes);
    Value inputFull = ConvOp::create(b, loc, g, reversedKernel, axesAttr);
    SmallVector<int64_t> kernelLast =
        llvm::map_to_vector(m, [](int64_t length) { return length - 1; });
    Value inputCotangent = castTo(
        b, loc, takeWindow(b, loc, inputFull, axes, kernelLast, n), inputType);

    Value reversedInput = reverseAlongAxes(b, loc, conv.getInput(), axes);
    Value kernelFull = ConvOp::create(b, loc, g, reversedInput, axesAttr);
    SmallVector<int64_t> inputLast =
        llvm::map_to_vector(n, [](int64_t length) { return length - 1; });
    Value kernelWindow = takeWindow(b, loc, kernelFull, axes, inputLast, m);
    return SmallVector<Value>{
        inputCotangent, sumToBroadcastShape(b, loc, kernelWindow, kernelType)};
  }
};

struct ResampleAdjoint
    : AdjointOpInterface::ExternalModel<ResampleAdjoint, ResampleOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto resample = cast<ResampleOp>(op);
    return SmallVector<Value>{
        buildResample(b, op->getLoc(), cotangents[0], resample.getAxes(),
                      resample.getInput().getType(), /*adjoint=*/true)};
  }
};

/// The cotangent of a `!spectral.sst` value is a `!spectral.sst` of the same
/// type and positions whose coefficients are the cotangents of the
/// primal's coefficients: it stays as sparse as the primal.
struct DecompressAdjoint
    : AdjointOpInterface::ExternalModel<DecompressAdjoint, DecompressOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto decompress = cast<DecompressOp>(op);
    return SmallVector<Value>{DecompressAdjointOp::create(
        b, op->getLoc(), cotangents[0], decompress.getInput())};
  }
};

struct CoefficientsAdjoint
    : AdjointOpInterface::ExternalModel<CoefficientsAdjoint, CoefficientsOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto coefficients = cast<CoefficientsOp>(op);
    Location loc = op->getLoc();
    Value input = coefficients.getInput();
    Value positions = PositionsOp::create(b, loc, input);
    return SmallVector<Value>{
        AssembleOp::create(b, loc, input.getType(), cotangents[0], positions)};
  }
};

struct AssembleAdjoint
    : AdjointOpInterface::ExternalModel<AssembleAdjoint, AssembleOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    // Positions are integers: no cotangent.
    return SmallVector<Value>{
        CoefficientsOp::create(b, op->getLoc(), cotangents[0]), Value()};
  }
};

/// scale(s, a) is complex-linear in s: its adjoint scales by conj(a). The
/// factor is a scalar, which spectral-differentiate does not differentiate.
struct ScaleAdjoint : AdjointOpInterface::ExternalModel<ScaleAdjoint, ScaleOp> {
  FailureOr<SmallVector<Value>> buildAdjoint(Operation *op, OpBuilder &b,
                                             ValueRange cotangents) const {
    auto scale = cast<ScaleOp>(op);
    Location loc = op->getLoc();
    Value factor = scale.getFactor();
    if (isa<ComplexType>(factor.getType()))
      factor = createConjugate(b, loc, factor);
    return SmallVector<Value>{ScaleOp::create(b, loc, cotangents[0], factor),
                              Value()};
  }
};
} // namespace

void mlir::spectral::registerAdjointOpInterfaceModels(
    DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, SpectralDialect *) {
    FFTOp::attachInterface<ComplexTransformAdjoint<FFTOp, IFFTOp>>(*ctx);
    IFFTOp::attachInterface<ComplexTransformAdjoint<IFFTOp, FFTOp>>(*ctx);
    RFFTOp::attachInterface<RFFTAdjoint>(*ctx);
    IRFFTOp::attachInterface<IRFFTAdjoint>(*ctx);
    MixOp::attachInterface<MixAdjoint>(*ctx);
    ModeMixOp::attachInterface<ModeMixAdjoint>(*ctx);
    ResampleOp::attachInterface<ResampleAdjoint>(*ctx);
    ConvOp::attachInterface<ConvAdjoint>(*ctx);
    DecompressOp::attachInterface<DecompressAdjoint>(*ctx);
    CoefficientsOp::attachInterface<CoefficientsAdjoint>(*ctx);
    AssembleOp::attachInterface<AssembleAdjoint>(*ctx);
    ScaleOp::attachInterface<ScaleAdjoint>(*ctx);
  });
}
