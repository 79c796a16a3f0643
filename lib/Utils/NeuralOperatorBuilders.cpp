//===- NeuralOperatorBuilders.cpp - IR of mode_mix and resample -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Everything here is tensor-level IR: spectral transforms (lowered later with
// the other ops), slices of the kept modes and one linalg.generic for the
// channel contraction, so that both pipelines compile it as it is and the
// mode tensors stay the size of the kept modes.
//
//===----------------------------------------------------------------------===//

#include "Utils/NeuralOperatorBuilders.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::spectral;

namespace {
/// A block of kept modes: along each axis, where it starts in the spectrum
/// and in the mode tensor, and how many entries it has.
struct ModeBlock {
  SmallVector<int64_t> spectrumOffsets, modeOffsets, sizes;
};
} // namespace

/// The blocks of kept modes of a spectrum with `lengths` entries along the
/// axes: on every axis but the last one block of the non-negative and one of
/// the negative frequencies; empty blocks are left out.
static SmallVector<ModeBlock> getModeBlocks(ArrayRef<int64_t> lengths,
                                            ArrayRef<int64_t> modes,
                                            bool lastIsHalved) {
  SmallVector<ModeBlock> blocks(1);
  for (auto [index, length] : llvm::enumerate(lengths)) {
    int64_t m = modes[index];
    bool halved = lastIsHalved && index + 1 == lengths.size();
    SmallVector<ModeBlock> next;
    for (const ModeBlock &block : blocks) {
      int64_t low = halved ? m : (m + 1) / 2, high = m - low;
      ModeBlock lowBlock = block;
      lowBlock.spectrumOffsets.push_back(0);
      lowBlock.modeOffsets.push_back(0);
      lowBlock.sizes.push_back(low);
      next.push_back(lowBlock);
      if (high == 0)
        continue;
      ModeBlock highBlock = block;
      highBlock.spectrumOffsets.push_back(length - high);
      highBlock.modeOffsets.push_back(low);
      highBlock.sizes.push_back(high);
      next.push_back(highBlock);
    }
    blocks = std::move(next);
  }
  return blocks;
}

/// Offsets, sizes and strides of a slice of `value` that is `offsets` and
/// `sizes` along `axes` and whole along the other dimensions.
static void getSliceParams(OpBuilder &b, Location loc, Value value,
                           ArrayRef<int64_t> axes, ArrayRef<int64_t> offsets,
                           ArrayRef<int64_t> sizes,
                           SmallVectorImpl<OpFoldResult> &mixedOffsets,
                           SmallVectorImpl<OpFoldResult> &mixedSizes,
                           SmallVectorImpl<OpFoldResult> &mixedStrides) {
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  mixedOffsets.assign(rank, b.getIndexAttr(0));
  mixedSizes = tensor::getMixedSizes(b, loc, value);
  mixedStrides.assign(rank, b.getIndexAttr(1));
  for (auto [index, axis] : llvm::enumerate(axes)) {
    mixedOffsets[axis] = b.getIndexAttr(offsets[index]);
    mixedSizes[axis] = b.getIndexAttr(sizes[index]);
  }
}

/// Copies the block of `source` at `sourceOffsets` (sizes `sizes` along
/// `axes`) into `dest` at `destOffsets`.
static Value copyBlock(OpBuilder &b, Location loc, Value source, Value dest,
                       ArrayRef<int64_t> axes, ArrayRef<int64_t> sourceOffsets,
                       ArrayRef<int64_t> destOffsets, ArrayRef<int64_t> sizes) {
  SmallVector<OpFoldResult> offsets, mixedSizes, strides;
  getSliceParams(b, loc, source, axes, sourceOffsets, sizes, offsets,
                 mixedSizes, strides);
  Value block = tensor::ExtractSliceOp::create(b, loc, source, offsets,
                                               mixedSizes, strides);
  getSliceParams(b, loc, dest, axes, destOffsets, sizes, offsets, mixedSizes,
                 strides);
  return tensor::InsertSliceOp::create(b, loc, block, dest, offsets, mixedSizes,
                                       strides);
}

static SmallVector<int64_t> getLengths(Value value, ArrayRef<int64_t> axes) {
  auto type = cast<RankedTensorType>(value.getType());
  return llvm::map_to_vector(
      axes, [&](int64_t axis) { return type.getDimSize(axis); });
}

Value mlir::spectral::gatherModes(OpBuilder &b, Location loc, Value spectrum,
                                  ArrayRef<int64_t> axes,
                                  ArrayRef<int64_t> modes, bool lastIsHalved) {
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, spectrum);
  for (auto [index, axis] : llvm::enumerate(axes))
    sizes[axis] = b.getIndexAttr(modes[index]);
  Type element = cast<RankedTensorType>(spectrum.getType()).getElementType();
  Value gathered = tensor::EmptyOp::create(b, loc, sizes, element);
  for (const ModeBlock &block :
       getModeBlocks(getLengths(spectrum, axes), modes, lastIsHalved))
    gathered = copyBlock(b, loc, spectrum, gathered, axes,
                         block.spectrumOffsets, block.modeOffsets, block.sizes);
  return gathered;
}

Value mlir::spectral::scatterModes(OpBuilder &b, Location loc, Value modeTensor,
                                   ArrayRef<int64_t> axes,
                                   ArrayRef<int64_t> lengths,
                                   bool lastIsHalved) {
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, modeTensor);
  for (auto [index, axis] : llvm::enumerate(axes))
    sizes[axis] = b.getIndexAttr(lengths[index]);
  Type element = cast<RankedTensorType>(modeTensor.getType()).getElementType();
  Value spectrum = createZerosOfSizes(b, loc, sizes, element);
  SmallVector<int64_t> modes = getLengths(modeTensor, axes);
  for (const ModeBlock &block : getModeBlocks(lengths, modes, lastIsHalved))
    spectrum = copyBlock(b, loc, modeTensor, spectrum, axes, block.modeOffsets,
                         block.spectrumOffsets, block.sizes);
  return spectrum;
}

Value mlir::spectral::computeKeptModes(OpBuilder &b, Location loc, Value input,
                                       ArrayRef<int64_t> axes,
                                       ArrayRef<int64_t> modes, FFTNorm norm) {
  // The transforms are separable: the real one along the halved axis first,
  // keeping only its kept bins, then the complex one along the others on
  // those bins alone.
  auto normAttr = FFTNormAttr::get(b.getContext(), norm);
  int64_t halved = axes.back();
  Value rows =
      RFFTOp::create(b, loc, input, b.getDenseI64ArrayAttr({halved}), normAttr);
  Value kept = gatherModes(b, loc, rows, {halved}, {modes.back()});
  if (axes.size() == 1)
    return kept;
  Value spectrum = FFTOp::create(
      b, loc, kept, b.getDenseI64ArrayAttr(axes.drop_back()), normAttr);
  return gatherModes(b, loc, spectrum, axes.drop_back(), modes.drop_back(),
                     /*lastIsHalved=*/false);
}

Value mlir::spectral::synthesizeFromModes(OpBuilder &b, Location loc,
                                          Value modeTensor,
                                          ArrayRef<int64_t> axes,
                                          RankedTensorType resultType,
                                          FFTNorm norm) {
  // The inverse of computeKeptModes: the complex inverse along the full axes
  // only on the kept bins of the halved axis (the others are zero), then
  // the real inverse along the halved axis.
  auto normAttr = FFTNormAttr::get(b.getContext(), norm);
  Value columns = modeTensor;
  if (axes.size() > 1) {
    SmallVector<int64_t> lengths =
        llvm::map_to_vector(axes.drop_back(), [&](int64_t axis) {
          return resultType.getDimSize(axis);
        });
    Value scattered =
        scatterModes(b, loc, modeTensor, axes.drop_back(), lengths,
                     /*lastIsHalved=*/false);
    columns = IFFTOp::create(
        b, loc, scattered, b.getDenseI64ArrayAttr(axes.drop_back()), normAttr);
  }
  int64_t halved = axes.back();
  int64_t outLength = resultType.getDimSize(halved);
  Value padded = scatterModes(b, loc, columns, {halved}, {outLength / 2 + 1});
  return IRFFTOp::create(b, loc, padded, b.getDenseI64ArrayAttr({halved}),
                         b.getI64IntegerAttr(outLength), normAttr);
}

/// `value * factor` for complex `value` and a real constant `factor`.
static Value scaleComplex(OpBuilder &b, Location loc, Value value,
                          double factor) {
  auto floatType =
      cast<FloatType>(cast<ComplexType>(value.getType()).getElementType());
  Value scale =
      arith::ConstantOp::create(b, loc, b.getFloatAttr(floatType, factor));
  return createRealScaling(b, loc, value, scale);
}

Value mlir::spectral::mixChannels(OpBuilder &b, Location loc, Value modeTensor,
                                  Value weight, int64_t channel,
                                  ArrayRef<int64_t> axes,
                                  bool conjugateTranspose, int64_t scaledBin,
                                  double binFactor) {
  MLIRContext *ctx = b.getContext();
  auto modesType = cast<RankedTensorType>(modeTensor.getType());
  auto weightType = cast<RankedTensorType>(weight.getType());
  int64_t rank = modesType.getRank();
  // The weight dimension that the result's channels come from.
  int64_t resultChannelDim = conjugateTranspose ? 0 : 1;

  // Loop d of the result's dimension d, except that the reduced channel
  // comes just before the result's channel, so that the innermost loops
  // stream contiguous modes on the CPU; spectral-map-to-gpu moves
  // reductions innermost for the GPU.
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, modeTensor);
  sizes[channel] = tensor::getMixedSize(b, loc, weight, resultChannelDim);
  auto complexType = cast<ComplexType>(weightType.getElementType());
  Value init = createZerosOfSizes(b, loc, sizes, complexType);
  auto loopOf = [&](int64_t dim) {
    return b.getAffineDimExpr(dim < channel ? dim : dim + 1);
  };
  AffineExpr reduced = b.getAffineDimExpr(channel);
  SmallVector<AffineExpr> inputExprs, weightExprs, outputExprs;
  for (int64_t dim = 0; dim < rank; ++dim) {
    outputExprs.push_back(loopOf(dim));
    inputExprs.push_back(dim == channel ? reduced : loopOf(dim));
  }
  if (conjugateTranspose)
    weightExprs.append({loopOf(channel), reduced});
  else
    weightExprs.append({reduced, loopOf(channel)});
  for (int64_t axis : axes)
    weightExprs.push_back(loopOf(axis));
  SmallVector<utils::IteratorType> iterators = getParallelIterators(rank + 1);
  iterators[channel] = utils::IteratorType::reduction;
  int64_t lastModeLoop = axes.back() < channel ? axes.back() : axes.back() + 1;
  auto contraction = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{modeTensor, weight}, ValueRange{init},
      ArrayRef<AffineMap>{AffineMap::get(rank + 1, 0, inputExprs, ctx),
                          AffineMap::get(rank + 1, 0, weightExprs, ctx),
                          AffineMap::get(rank + 1, 0, outputExprs, ctx)},
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value w = args[1];
        if (conjugateTranspose)
          w = createConjugate(nested, nestedLoc, w);
        Value term = complex::MulOp::create(nested, nestedLoc, args[0], w);
        if (scaledBin >= 0) {
          Value k = linalg::IndexOp::create(nested, nestedLoc, lastModeLoop);
          Value bin =
              arith::ConstantIndexOp::create(nested, nestedLoc, scaledBin);
          Value isScaled = arith::CmpIOp::create(
              nested, nestedLoc, arith::CmpIPredicate::eq, k, bin);
          Value scaled = scaleComplex(nested, nestedLoc, term, binFactor);
          term = arith::SelectOp::create(nested, nestedLoc, isScaled, scaled,
                                         term);
        }
        Value sum = complex::AddOp::create(nested, nestedLoc, args[2], term);
        linalg::YieldOp::create(nested, nestedLoc, sum);
      });
  return contraction.getResult(0);
}

Value mlir::spectral::buildModeMix(OpBuilder &b, Location loc, ModeMixOp op,
                                   Value input, Value weight, FFTNorm norm,
                                   RankedTensorType resultType) {
  ArrayRef<int64_t> axes = op.getAxes(), modes = op.getModes();
  int64_t channel = op.getChannel();

  // The weight's channel counts must be the input's and, where the result
  // has a static count, the result's; dynamic sizes are checked here.
  auto inputType = cast<RankedTensorType>(input.getType());
  auto weightType = cast<RankedTensorType>(weight.getType());
  if (inputType.isDynamicDim(channel) || weightType.isDynamicDim(0))
    checkSizeAtRunTime(b, loc, op, weight, "weight", 0,
                       tensor::getMixedSize(b, loc, input, channel));
  if (!resultType.isDynamicDim(channel) && weightType.isDynamicDim(1))
    checkSizeAtRunTime(b, loc, op, weight, "weight", 1,
                       b.getIndexAttr(resultType.getDimSize(channel)));

  Value gathered = computeKeptModes(b, loc, input, axes, modes, norm);
  Value mixed = mixChannels(b, loc, gathered, weight, channel, axes,
                            /*conjugateTranspose=*/false);
  Value result = synthesizeFromModes(b, loc, mixed, axes, resultType, norm);
  if (result.getType() != resultType)
    result = tensor::CastOp::create(b, loc, resultType, result);
  return result;
}

/// `factor * (a + b)`, or `factor * a` without `second`, element by element.
static Value combineSlices(OpBuilder &b, Location loc, Value first,
                           Value second, double factor) {
  SmallVector<Value> inputs{first};
  if (second)
    inputs.push_back(second);
  return mapElementwise(
      b, loc, inputs,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value sum = args[0];
        if (second)
          sum = complex::AddOp::create(nested, nestedLoc, sum, args[1]);
        return scaleComplex(nested, nestedLoc, sum, factor);
      });
}

/// The slice of `value` of one entry at `index` along `axis`.
static Value extractEntry(OpBuilder &b, Location loc, Value value, int64_t axis,
                          int64_t index) {
  SmallVector<OpFoldResult> offsets, sizes, strides;
  getSliceParams(b, loc, value, {axis}, {index}, {1}, offsets, sizes, strides);
  return tensor::ExtractSliceOp::create(b, loc, value, offsets, sizes, strides);
}

static Value insertEntry(OpBuilder &b, Location loc, Value entry, Value dest,
                         int64_t axis, int64_t index) {
  SmallVector<OpFoldResult> offsets, sizes, strides;
  getSliceParams(b, loc, dest, {axis}, {index}, {1}, offsets, sizes, strides);
  return tensor::InsertSliceOp::create(b, loc, entry, dest, offsets, sizes,
                                       strides);
}

/// Resizes `spectrum` along `axis` from a signal length `from` to `to`:
/// keeps the frequencies both lengths have and, for an even smaller length
/// s, treats the frequency s/2 as spectral.resample describes, weighted by
/// `nyquistFactor`. Going down, the result's bin s/2 is `nyquistFactor`
/// times the sum of X[s/2] and X[-s/2] (a full axis) or times X[s/2] (the
/// halved axis, whose negative frequencies are implicit); going up, X[s/2]
/// times `nyquistFactor` lands at +s/2 and -s/2 (at +s/2 only on the halved
/// axis). The same call with the lengths swapped is the adjoint.
static Value resizeSpectrumAxis(OpBuilder &b, Location loc, Value spectrum,
                                int64_t axis, int64_t from, int64_t to,
                                bool halved, double nyquistFactor) {
  int64_t smaller = std::min(from, to);
  int64_t fromBins = halved ? from / 2 + 1 : from;
  int64_t toBins = halved ? to / 2 + 1 : to;
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, spectrum);
  sizes[axis] = b.getIndexAttr(toBins);
  Type element = cast<RankedTensorType>(spectrum.getType()).getElementType();
  Value resized = createZerosOfSizes(b, loc, sizes, element);

  int64_t low = halved ? std::min(fromBins, toBins) : (smaller + 1) / 2;
  int64_t high = halved ? 0 : smaller / 2;
  resized = copyBlock(b, loc, spectrum, resized, {axis}, {0}, {0}, {low});
  if (high > 0)
    resized = copyBlock(b, loc, spectrum, resized, {axis}, {from - high},
                        {to - high}, {high});
  if (smaller % 2 != 0 || from == to)
    return resized;

  int64_t nyquist = smaller / 2;
  if (halved) {
    Value entry = extractEntry(b, loc, resized, axis, nyquist);
    entry = combineSlices(b, loc, entry, Value(), nyquistFactor);
    return insertEntry(b, loc, entry, resized, axis, nyquist);
  }
  if (to < from) {
    // Merge X[s/2] and X[-s/2] into the result's bin s/2 (frequency -s/2).
    Value positive = extractEntry(b, loc, spectrum, axis, nyquist);
    Value negative = extractEntry(b, loc, spectrum, axis, from - nyquist);
    Value merged = combineSlices(b, loc, positive, negative, nyquistFactor);
    return insertEntry(b, loc, merged, resized, axis, nyquist);
  }
  // Split X[s/2] (index s/2, frequency -s/2) over +s/2 and -s/2.
  Value entry =
      combineSlices(b, loc, extractEntry(b, loc, spectrum, axis, nyquist),
                    Value(), nyquistFactor);
  resized = insertEntry(b, loc, entry, resized, axis, nyquist);
  return insertEntry(b, loc, entry, resized, axis, to - nyquist);
}

Value mlir::spectral::buildResample(OpBuilder &b, Location loc, Value input,
                                    ArrayRef<int64_t> axes,
                                    RankedTensorType resultType, bool adjoint) {
  auto inputType = cast<RankedTensorType>(input.getType());
  bool real = !isa<ComplexType>(inputType.getElementType());
  DenseI64ArrayAttr axesAttr = b.getDenseI64ArrayAttr(axes);
  Value spectrum = real ? Value(RFFTOp::create(b, loc, input, axesAttr))
                        : Value(FFTOp::create(b, loc, input, axesAttr));

  // Forward, going up splits the Nyquist bin in halves and going down merges
  // both signs (twice the kept bin on the halved axis, whose negative half
  // is implicit). The adjoint resizes back with the same factors, except on
  // the halved axis, where the adjoints of the real transforms' bin weights
  // (1 at the Nyquist bin, 2 inside) cancel them. It is not scaled: the
  // n'/n of the op cancels against the transforms' adjoints.
  double scale = 1;
  for (auto [index, axis] : llvm::enumerate(axes)) {
    int64_t from = inputType.getDimSize(axis);
    int64_t to = resultType.getDimSize(axis);
    bool halved = real && index + 1 == axes.size();
    double factor;
    if (adjoint)
      factor = halved ? 1.0 : (to < from ? 0.5 : 1.0);
    else
      factor = to > from ? 0.5 : (halved ? 2.0 : 1.0);
    spectrum =
        resizeSpectrumAxis(b, loc, spectrum, axis, from, to, halved, factor);
    if (!adjoint)
      scale *= static_cast<double>(to) / static_cast<double>(from);
  }
  if (scale != 1.0)
    spectrum = combineSlices(b, loc, spectrum, Value(), scale);

  Value result;
  if (real)
    result = IRFFTOp::create(
        b, loc, spectrum, axesAttr,
        b.getI64IntegerAttr(resultType.getDimSize(axes.back())));
  else
    result = IFFTOp::create(b, loc, spectrum, axesAttr);
  if (result.getType() != resultType)
    result = tensor::CastOp::create(b, loc, resultType, result);
  return result;
}

Value mlir::spectral::scaleInteriorBins(OpBuilder &b, Location loc,
                                        Value spectrum, int64_t axis,
                                        OpFoldResult length, double factor) {
  auto type = cast<RankedTensorType>(spectrum.getType());
  Value init = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, spectrum), type.getElementType());
  Value n = getValueOrCreateConstantIndexOp(b, loc, length);
  AffineMap identity = b.getMultiDimIdentityMap(type.getRank());
  auto generic = linalg::GenericOp::create(
      b, loc, type, ValueRange{spectrum}, ValueRange{init},
      ArrayRef<AffineMap>{identity, identity},
      getParallelIterators(type.getRank()),
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        // Bin k is interior when 0 < k and 2k != n.
        Value k = linalg::IndexOp::create(nested, nestedLoc, axis);
        Value zero = arith::ConstantIndexOp::create(nested, nestedLoc, 0);
        Value two = arith::ConstantIndexOp::create(nested, nestedLoc, 2);
        Value twoK = arith::MulIOp::create(nested, nestedLoc, k, two);
        Value positive = arith::CmpIOp::create(
            nested, nestedLoc, arith::CmpIPredicate::ugt, k, zero);
        Value notNyquist = arith::CmpIOp::create(
            nested, nestedLoc, arith::CmpIPredicate::ne, twoK, n);
        Value interior =
            arith::AndIOp::create(nested, nestedLoc, positive, notNyquist);
        Value scaled = scaleComplex(nested, nestedLoc, args[0], factor);
        Value selected = arith::SelectOp::create(nested, nestedLoc, interior,
                                                 scaled, args[0]);
        linalg::YieldOp::create(nested, nestedLoc, selected);
      });
  return generic.getResult(0);
}
