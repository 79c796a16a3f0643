//===- SpectralOps.cpp - Spectral op verification and type inference -----===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Ops whose result type follows from their operands compute it in
// `inferReturnTypes`, which is also where invalid operands are diagnosed:
// the parser calls it before the verifier would ever run. Other ops check
// their operands in `verify`.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/IR/SpectralUtils.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::spectral;

#define GET_OP_CLASSES
#include "SpectralDialect/IR/SpectralOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

namespace {
/// Emits diagnostics from `inferReturnTypes`, which has a location only when
/// called on behalf of a real op. The prefix matches `Operation::emitOpError`
/// so that every diagnostic of an op reads the same.
class InferDiagnostics {
public:
  InferDiagnostics(std::optional<Location> loc, StringRef opName)
      : loc(loc), opName(opName) {}
  InFlightDiagnostic operator()() const {
    if (!loc)
      return InFlightDiagnostic();
    return mlir::emitError(*loc) << "'" << opName << "' op ";
  }

private:
  std::optional<Location> loc;
  StringRef opName;
};
} // namespace

/// The type of `operand` as a `T`, or an error. inferReturnTypes runs while
/// an op is parsed or built, before the verifier has checked its operand
/// types, so it cannot assume them.
template <typename T>
static FailureOr<T> getOperandType(const InferDiagnostics &emitError,
                                   Value operand, StringRef name,
                                   StringRef expected) {
  if (auto type = dyn_cast<T>(operand.getType()))
    return type;
  emitError() << name << " must be " << expected << ", got "
              << operand.getType();
  return failure();
}

static FailureOr<SparseSpectralType>
getSSTOperandType(const InferDiagnostics &emitError, Value operand,
                  StringRef name) {
  return getOperandType<SparseSpectralType>(emitError, operand, name,
                                            "a !spectral.sst value");
}

static FailureOr<RankedTensorType>
getTensorOperandType(const InferDiagnostics &emitError, Value operand,
                     StringRef name) {
  return getOperandType<RankedTensorType>(emitError, operand, name,
                                          "a ranked tensor");
}

/// The real scalar type of a float or complex-of-float type.
static Type getRealScalarType(Type type) {
  if (auto complex = dyn_cast<ComplexType>(type))
    return complex.getElementType();
  return type;
}

/// Checks the axes of a dense transform and that every transformed length
/// is non-zero.
static LogicalResult verifyTransformAxes(EmitErrorFn emitError,
                                         RankedTensorType type,
                                         ArrayRef<int64_t> axes) {
  if (failed(verifyRank(emitError, "input", type.getRank())) ||
      failed(verifyAxes(emitError, axes, type.getRank())))
    return failure();
  for (int64_t axis : axes)
    if (type.getDimSize(axis) == 0)
      return emitError() << "input has length 0 along transformed axis "
                         << axis;
  return success();
}

//===----------------------------------------------------------------------===//
// CompressOp
//===----------------------------------------------------------------------===//

LogicalResult CompressOp::verify() {
  RankedTensorType denseType = getResult().getType().getDenseType();
  if (getInput().getType() != denseType)
    return emitOpError() << "input type " << getInput().getType()
                         << " does not match the dense type " << denseType
                         << " of the result";
  return success();
}

//===----------------------------------------------------------------------===//
// DecompressOp, DecompressAdjointOp and DecompressTilesOp
//===----------------------------------------------------------------------===//

LogicalResult DecompressAdjointOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  InferDiagnostics emitError(location, getOperationName());
  FailureOr<SparseSpectralType> type =
      getSSTOperandType(emitError, adaptor.getInput(), "input");
  FailureOr<RankedTensorType> cotangent =
      getTensorOperandType(emitError, adaptor.getCotangent(), "cotangent");
  if (failed(type) || failed(cotangent))
    return failure();
  // The cotangent of decompress's result has that result's type.
  if (*cotangent != type->getDenseType())
    return emitError() << "cotangent type " << *cotangent
                       << " must be the dense type " << type->getDenseType()
                       << " of the input";
  inferredReturnTypes.push_back(*type);
  return success();
}

SmallVector<OpFoldResult> DecompressTilesOp::getMixedOffsets() {
  return getMixedValues(getStaticOffsets(), getOffsets(), getContext());
}

LogicalResult DecompressTilesOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  InferDiagnostics emitError(location, getOperationName());
  FailureOr<SparseSpectralType> sst =
      getSSTOperandType(emitError, adaptor.getInput(), "input");
  if (failed(sst))
    return failure();
  SparseSpectralType type = *sst;
  ArrayRef<int64_t> offsets = adaptor.getStaticOffsets();
  ArrayRef<int64_t> sizes = adaptor.getStaticSizes();
  int64_t rank = type.getRank();
  if (static_cast<int64_t>(offsets.size()) != rank)
    return emitError() << "expected " << rank
                       << " offsets, one per dimension, got " << offsets.size();
  if (static_cast<int64_t>(sizes.size()) != rank)
    return emitError() << "expected " << rank
                       << " sizes, one per dimension, got " << sizes.size();
  int64_t numDynamic = llvm::count(offsets, ShapedType::kDynamic);
  if (numDynamic != static_cast<int64_t>(adaptor.getOffsets().size()))
    return emitError() << "has " << adaptor.getOffsets().size()
                       << " dynamic offset operands but " << numDynamic
                       << " dynamic entries in static_offsets";

  ArrayRef<int64_t> shape = type.getShape(), tile = type.getTile();
  for (int64_t dim = 0; dim < rank; ++dim) {
    int64_t size = sizes[dim], offset = offsets[dim];
    if (size <= 0 || size % tile[dim] != 0 || size > shape[dim])
      return emitError() << "size " << size << " of dimension " << dim
                         << " must be a positive multiple of the tile size "
                         << tile[dim] << " and at most " << shape[dim];
    if (ShapedType::isDynamic(offset))
      continue;
    if (offset < 0 || offset % tile[dim] != 0)
      return emitError() << "offset " << offset << " of dimension " << dim
                         << " must be a non-negative multiple of the tile size "
                         << tile[dim];
    if (offset + size > shape[dim])
      return emitError() << "slice [" << offset << ", " << offset + size
                         << ") of dimension " << dim
                         << " is out of bounds for size " << shape[dim];
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(sizes, type.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Storage access
//===----------------------------------------------------------------------===//

LogicalResult AssembleOp::verify() {
  SparseSpectralType type = getResult().getType();
  if (getCoefficients().getType() != type.getCoefficientsType())
    return emitOpError() << "coefficients have type "
                         << getCoefficients().getType() << " but the result "
                         << "type stores them as "
                         << type.getCoefficientsType();
  if (getPositions().getType() != type.getPositionsType())
    return emitOpError() << "positions have type " << getPositions().getType()
                         << " but the result type stores them as "
                         << type.getPositionsType();
  return success();
}

//===----------------------------------------------------------------------===//
// Linear algebra on coefficients
//===----------------------------------------------------------------------===//

LogicalResult ScaleOp::verify() {
  Type element = getInput().getType().getElementType();
  Type real = getRealScalarType(element);
  Type factor = getFactor().getType();
  if (factor == real || (isa<ComplexType>(element) && factor == element))
    return success();
  InFlightDiagnostic diag = emitOpError() << "factor of type " << factor
                                          << " does not match the element type "
                                          << element << "; expected " << real;
  if (isa<ComplexType>(element))
    diag << " or " << element;
  else if (isa<ComplexType>(factor))
    diag << " (a complex factor needs a complex element type)";
  return diag;
}

LogicalResult AddOp::verify() {
  SparseSpectralType lhs = getLhs().getType(), rhs = getRhs().getType(),
                     result = getResult().getType();
  if (!lhs.hasSameLayoutAs(rhs))
    return emitOpError() << "operands must have the same shape, element type, "
                            "transform, axes and tile, got "
                         << lhs << " and " << rhs;
  if (!lhs.hasSameLayoutAs(result))
    return emitOpError() << "result type " << result
                         << " must have the layout (shape, element type, "
                            "transform, axes and tile) of the operands "
                         << lhs;
  if (result.getKeep() > lhs.getKeep() + rhs.getKeep())
    return emitOpError() << "result keeps " << result.getKeep()
                         << " coefficients per tile but the union of the "
                            "operands has at most "
                         << lhs.getKeep() + rhs.getKeep();
  return success();
}

//===----------------------------------------------------------------------===//
// Dense transforms
//===----------------------------------------------------------------------===//

SmallVector<int64_t> FFTOp::getEffectiveAxes() {
  return getAxesOrAll(getAxes(), getInput().getType().getRank());
}

SmallVector<int64_t> IFFTOp::getEffectiveAxes() {
  return getAxesOrAll(getAxes(), getInput().getType().getRank());
}

SmallVector<int64_t> RFFTOp::getEffectiveAxes() {
  return getAxesOrAll(getAxes(), getInput().getType().getRank());
}

SmallVector<int64_t> IRFFTOp::getEffectiveAxes() {
  return getAxesOrAll(getAxes(), getInput().getType().getRank());
}

LogicalResult FFTOp::verify() {
  return verifyTransformAxes([&] { return emitOpError(); },
                             getInput().getType(), getEffectiveAxes());
}

LogicalResult IFFTOp::verify() {
  return verifyTransformAxes([&] { return emitOpError(); },
                             getInput().getType(), getEffectiveAxes());
}

LogicalResult
RFFTOp::inferReturnTypes(MLIRContext *context, std::optional<Location> location,
                         Adaptor adaptor,
                         SmallVectorImpl<Type> &inferredReturnTypes) {
  InferDiagnostics emitError(location, getOperationName());
  FailureOr<RankedTensorType> inputType =
      getTensorOperandType(emitError, adaptor.getInput(), "input");
  if (failed(inputType))
    return failure();
  RankedTensorType input = *inputType;
  SmallVector<int64_t> axes = getAxesOrAll(adaptor.getAxes(), input.getRank());
  if (failed(verifyTransformAxes(emitError, input, axes)))
    return failure();
  SmallVector<int64_t> shape(input.getShape());
  int64_t &halved = shape[axes.back()];
  if (!ShapedType::isDynamic(halved))
    halved = halved / 2 + 1;
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, ComplexType::get(input.getElementType())));
  return success();
}

LogicalResult
IRFFTOp::inferReturnTypes(MLIRContext *context,
                          std::optional<Location> location, Adaptor adaptor,
                          SmallVectorImpl<Type> &inferredReturnTypes) {
  InferDiagnostics emitError(location, getOperationName());
  FailureOr<RankedTensorType> inputType =
      getTensorOperandType(emitError, adaptor.getInput(), "input");
  if (failed(inputType))
    return failure();
  RankedTensorType input = *inputType;
  SmallVector<int64_t> axes = getAxesOrAll(adaptor.getAxes(), input.getRank());
  if (failed(verifyTransformAxes(emitError, input, axes)))
    return failure();
  int64_t axis = axes.back();
  int64_t bins = input.getDimSize(axis);
  int64_t length;
  if (std::optional<uint64_t> n = adaptor.getN()) {
    length = static_cast<int64_t>(*n);
    if (length < 1)
      return emitError() << "output length n must be positive, got " << length;
    if (!ShapedType::isDynamic(bins) && bins != length / 2 + 1)
      return emitError() << "output length n = " << length << " needs "
                         << length / 2 + 1 << " input bins along axis " << axis
                         << ", got " << bins;
  } else {
    if (ShapedType::isDynamic(bins))
      return emitError() << "needs the output length n when axis " << axis
                         << " of the input is dynamic";
    if (bins < 2)
      return emitError() << "cannot default n = 2 * (bins - 1) for " << bins
                         << " input bin along axis " << axis
                         << "; give n explicitly";
    length = 2 * (bins - 1);
  }
  SmallVector<int64_t> shape(input.getShape());
  shape[axis] = length;
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, getRealScalarType(input.getElementType())));
  return success();
}

//===----------------------------------------------------------------------===//
// Spectral layers
//===----------------------------------------------------------------------===//

LogicalResult MixOp::verify() {
  RankedTensorType input = getInput().getType(), filter = getFilter().getType();
  if (failed(
          verifyRank([&] { return emitOpError(); }, "input", input.getRank())))
    return failure();
  int64_t axis = getAxis();
  if (axis < 0 || axis >= input.getRank())
    return emitOpError() << "axis " << axis << " is out of range for rank "
                         << input.getRank();
  Type expectedElement = ComplexType::get(input.getElementType());
  if (filter.getElementType() != expectedElement)
    return emitOpError() << "filter element type " << filter.getElementType()
                         << " must be " << expectedElement;

  int64_t length = input.getDimSize(axis);
  if (length == 0)
    return emitOpError() << "input has length 0 along the mixed axis " << axis;
  int64_t bins = ShapedType::isDynamic(length) ? length : length / 2 + 1;
  auto binsMatch = [&](int64_t filterBins) {
    return ShapedType::isDynamic(bins) || ShapedType::isDynamic(filterBins) ||
           filterBins == bins;
  };
  if (filter.getRank() == 1) {
    if (!binsMatch(filter.getDimSize(0)))
      return emitOpError() << "filter has " << filter.getDimSize(0)
                           << " bins but the half spectrum of axis " << axis
                           << " has " << bins;
    return success();
  }
  if (filter.getRank() != input.getRank())
    return emitOpError() << "filter must have rank 1 or the input's rank "
                         << input.getRank() << ", got rank "
                         << filter.getRank();
  for (int64_t dim = 0; dim < input.getRank(); ++dim) {
    int64_t size = filter.getDimSize(dim);
    if (dim == axis) {
      if (!binsMatch(size))
        return emitOpError()
               << "filter has " << size << " bins along the mixed axis " << axis
               << " but its half spectrum has " << bins;
      continue;
    }
    int64_t inputSize = input.getDimSize(dim);
    if (size != 1 && size != inputSize && !ShapedType::isDynamic(size) &&
        !ShapedType::isDynamic(inputSize))
      return emitOpError() << "filter dimension " << dim << " has size " << size
                           << "; expected 1 (broadcast) or the input's "
                           << inputSize;
  }
  return success();
}

LogicalResult
ConvOp::inferReturnTypes(MLIRContext *context, std::optional<Location> location,
                         Adaptor adaptor,
                         SmallVectorImpl<Type> &inferredReturnTypes) {
  InferDiagnostics emitError(location, getOperationName());
  FailureOr<RankedTensorType> inputType =
      getTensorOperandType(emitError, adaptor.getInput(), "input");
  if (failed(inputType))
    return failure();
  FailureOr<RankedTensorType> kernelType =
      getTensorOperandType(emitError, adaptor.getKernel(), "kernel");
  if (failed(kernelType))
    return failure();
  RankedTensorType input = *inputType, kernel = *kernelType;
  ArrayRef<int64_t> axes = adaptor.getAxes();
  if (failed(verifyRank(emitError, "input", input.getRank())))
    return failure();
  if (kernel.getRank() != input.getRank())
    return emitError() << "kernel rank " << kernel.getRank()
                       << " differs from input rank " << input.getRank();
  if (kernel.getElementType() != input.getElementType())
    return emitError() << "kernel element type " << kernel.getElementType()
                       << " differs from input element type "
                       << input.getElementType();
  if (axes.size() > 3)
    return emitError() << "convolves over 1 to 3 axes, got " << axes.size();
  if (failed(verifyAxes(emitError, axes, input.getRank())))
    return failure();

  // The adaptor may see the default-valued mode before it is populated.
  ConvModeAttr modeAttr = adaptor.getModeAttr();
  ConvMode mode = modeAttr ? modeAttr.getValue() : ConvMode::full;
  SmallVector<int64_t> shape(input.getShape());
  for (int64_t dim = 0; dim < input.getRank(); ++dim) {
    int64_t n = input.getDimSize(dim), m = kernel.getDimSize(dim);
    bool dynamic = ShapedType::isDynamic(n) || ShapedType::isDynamic(m);
    if (!llvm::is_contained(axes, dim)) {
      if (!dynamic && m != 1 && m != n)
        return emitError() << "kernel dimension " << dim << " has size " << m
                           << "; expected 1 (broadcast) or the input's " << n;
      continue;
    }
    if (n == 0 || m == 0)
      return emitError() << "input and kernel need at least one sample along "
                            "convolved axis "
                         << dim;
    if (mode == ConvMode::full)
      shape[dim] = dynamic ? ShapedType::kDynamic : n + m - 1;
  }
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}

LogicalResult
MatmulOp::inferReturnTypes(MLIRContext *context,
                           std::optional<Location> location, Adaptor adaptor,
                           SmallVectorImpl<Type> &inferredReturnTypes) {
  InferDiagnostics emitError(location, getOperationName());
  FailureOr<RankedTensorType> inputType =
      getTensorOperandType(emitError, adaptor.getInput(), "input");
  if (failed(inputType))
    return failure();
  FailureOr<SparseSpectralType> weightType =
      getSSTOperandType(emitError, adaptor.getWeight(), "weight");
  if (failed(weightType))
    return failure();
  RankedTensorType input = *inputType;
  SparseSpectralType weight = *weightType;
  if (failed(verifyRank(emitError, "input", input.getRank())))
    return failure();
  if (weight.getRank() != 2)
    return emitError() << "weight must be a rank-2 sparse spectral tensor, got "
                          "rank "
                       << weight.getRank();
  if (input.getElementType() != weight.getElementType())
    return emitError() << "input element type " << input.getElementType()
                       << " differs from weight element type "
                       << weight.getElementType();
  int64_t contracted = input.getShape().back();
  if (!ShapedType::isDynamic(contracted) && contracted != weight.getShape()[0])
    return emitError() << "contracts input dimension of size " << contracted
                       << " with weight dimension 0 of size "
                       << weight.getShape()[0];
  SmallVector<int64_t> shape(input.getShape());
  shape.back() = weight.getShape()[1];
  inferredReturnTypes.push_back(
      RankedTensorType::get(shape, input.getElementType()));
  return success();
}
