//===- SpectralNeuralOps.cpp - Verifiers of the neural-operator ops -------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/IR/SpectralUtils.h"

using namespace mlir;
using namespace mlir::spectral;

/// Checks what the FFT-based layers need of their spatial axes: a valid,
/// increasing list whose input and result sizes are static and non-zero.
/// Every other dimension of the result must be the input's, except `except`.
static LogicalResult verifySpatialAxes(EmitErrorFn emitError,
                                       ArrayRef<int64_t> axes,
                                       RankedTensorType input,
                                       RankedTensorType result,
                                       std::optional<int64_t> except) {
  if (failed(verifyRank(emitError, "input", input.getRank())) ||
      failed(verifyAxes(emitError, axes, input.getRank())))
    return failure();
  if (result.getRank() != input.getRank())
    return emitError() << "result rank " << result.getRank()
                       << " differs from input rank " << input.getRank();
  if (!llvm::is_sorted(axes))
    return emitError() << "axes must be increasing";
  for (int64_t dim = 0; dim < input.getRank(); ++dim) {
    int64_t n = input.getDimSize(dim), r = result.getDimSize(dim);
    if (llvm::is_contained(axes, dim)) {
      if (ShapedType::isDynamic(n) || ShapedType::isDynamic(r))
        return emitError() << "needs static input and result sizes along "
                              "axis "
                           << dim;
      if (n == 0 || r == 0)
        return emitError() << "needs at least one sample along axis " << dim
                           << " of the input and the result";
      continue;
    }
    if (dim != except && n != r)
      return emitError() << "result dimension " << dim << " (" << r
                         << ") differs from the input's (" << n << ")";
  }
  return success();
}

static std::string sizeString(int64_t size) {
  return ShapedType::isDynamic(size) ? "?" : std::to_string(size);
}

LogicalResult ModeMixOp::verify() {
  auto emitError = [&] { return emitOpError(); };
  RankedTensorType input = getInput().getType(), result = getType();
  RankedTensorType weight = getWeight().getType();
  ArrayRef<int64_t> axes = getAxes(), modes = getModes();
  int64_t channel = getChannel();
  if (axes.size() > 3)
    return emitOpError() << "mixes over 1 to 3 spatial axes, got "
                         << axes.size();
  if (channel < 0 || channel >= input.getRank())
    return emitOpError() << "channel " << channel
                         << " is out of range for rank " << input.getRank();
  if (llvm::is_contained(axes, channel))
    return emitOpError() << "channel " << channel
                         << " cannot also be a spatial axis";
  if (failed(verifySpatialAxes(emitError, axes, input, result, channel)))
    return failure();
  if (result.getElementType() != input.getElementType())
    return emitOpError() << "result element type " << result.getElementType()
                         << " differs from input element type "
                         << input.getElementType();
  Type expectedWeight = ComplexType::get(input.getElementType());
  if (weight.getElementType() != expectedWeight)
    return emitOpError() << "weight element type " << weight.getElementType()
                         << " must be " << expectedWeight;
  int64_t spatial = axes.size();
  if (weight.getRank() != spatial + 2)
    return emitOpError() << "weight must have rank " << spatial + 2
                         << " ([in, out, modes...]), got rank "
                         << weight.getRank();
  if (static_cast<int64_t>(modes.size()) != spatial)
    return emitOpError() << "needs one mode count per axis: " << spatial
                         << " axes, " << modes.size() << " mode counts";

  auto channelsDiffer = [](int64_t a, int64_t b) {
    return !ShapedType::isDynamic(a) && !ShapedType::isDynamic(b) && a != b;
  };
  if (channelsDiffer(weight.getDimSize(0), input.getDimSize(channel)))
    return emitOpError() << "weight has " << weight.getDimSize(0)
                         << " input channels but the input has "
                         << input.getDimSize(channel);
  if (channelsDiffer(weight.getDimSize(1), result.getDimSize(channel)))
    return emitOpError() << "weight has " << weight.getDimSize(1)
                         << " output channels but the result has "
                         << result.getDimSize(channel);

  for (auto [index, axis] : llvm::enumerate(axes)) {
    int64_t m = modes[index];
    bool halved = index + 1 == axes.size();
    int64_t in = input.getDimSize(axis), out = result.getDimSize(axis);
    int64_t limit = halved ? std::min(in, out) / 2 + 1 : std::min(in, out);
    if (m < 1 || m > limit)
      return emitOpError() << "keeps " << m << " modes along axis " << axis
                           << "; expected 1 to " << limit << " for lengths "
                           << in << " (input) and " << out << " (result)"
                           << (halved ? " of the halved axis" : "");
    int64_t weightSize = weight.getDimSize(index + 2);
    if (weightSize != m)
      return emitOpError() << "weight dimension " << index + 2 << " is "
                           << sizeString(weightSize) << "; expected the " << m
                           << " modes of axis " << axis;
  }
  return success();
}

LogicalResult ResampleOp::verify() {
  RankedTensorType input = getInput().getType(), result = getType();
  if (result.getElementType() != input.getElementType())
    return emitOpError() << "result element type " << result.getElementType()
                         << " differs from input element type "
                         << input.getElementType();
  return verifySpatialAxes([&] { return emitOpError(); }, getAxes(), input,
                           result, std::nullopt);
}
