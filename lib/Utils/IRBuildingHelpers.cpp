//===- IRBuildingHelpers.cpp - IR building helpers ------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Utils/IRBuildingHelpers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;
using namespace mlir::spectral;

OpFoldResult mlir::spectral::getHalfSpectrumSize(OpBuilder &b, Location loc,
                                                 OpFoldResult length) {
  if (std::optional<int64_t> n = getConstantIntValue(length))
    return b.getIndexAttr(*n / 2 + 1);
  Value n = getValueOrCreateConstantIndexOp(b, loc, length);
  Value two = arith::ConstantIndexOp::create(b, loc, 2);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  return arith::AddIOp::create(b, loc, arith::DivUIOp::create(b, loc, n, two),
                               one)
      .getResult();
}

void mlir::spectral::checkSizeAtRunTime(OpBuilder &b, Location loc,
                                        Operation *op, Value operand,
                                        StringRef operandName, int64_t dim,
                                        OpFoldResult expected) {
  auto type = cast<RankedTensorType>(operand.getType());
  if (!type.isDynamicDim(dim) && getConstantIntValue(expected))
    return;
  Value found = tensor::DimOp::create(b, loc, operand, dim);
  CheckSizeOp::create(b, loc, found,
                      getValueOrCreateConstantIndexOp(b, loc, expected),
                      op->getName().getStringRef(), operandName, dim);
}

SmallVector<OpFoldResult> mlir::spectral::getSizesLike(OpBuilder &b,
                                                       Location loc,
                                                       RankedTensorType type,
                                                       Value like) {
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, like);
  for (int64_t dim = 0; dim < type.getRank(); ++dim)
    if (!type.isDynamicDim(dim))
      sizes[dim] = b.getIndexAttr(type.getDimSize(dim));
  return sizes;
}

Value mlir::spectral::createDFT(OpBuilder &b, Location loc, DFTKind kind,
                                Value input, RankedTensorType resultType,
                                ArrayRef<OpFoldResult> sizes,
                                ArrayRef<int64_t> axes, FFTNorm norm,
                                bool overwriteInput) {
  Value init =
      tensor::EmptyOp::create(b, loc, sizes, resultType.getElementType());
  // A size may be known better than the type says (tensor.dim of a cast
  // folds to a constant) or the other way round; the init must have the
  // result type exactly.
  if (init.getType() != resultType)
    init = tensor::CastOp::create(b, loc, resultType, init);
  return DFTOp::create(b, loc, resultType, input, init, kind, axes, norm,
                       overwriteInput)
      .getResult();
}

Value mlir::spectral::createDFT(OpBuilder &b, Location loc, DFTKind kind,
                                Value input, RankedTensorType resultType,
                                ArrayRef<int64_t> axes, FFTNorm norm,
                                bool overwriteInput) {
  return createDFT(
      b, loc, kind, input, resultType,
      getAsIndexOpFoldResult(b.getContext(), resultType.getShape()), axes, norm,
      overwriteInput);
}

SmallVector<utils::IteratorType>
mlir::spectral::getParallelIterators(int64_t rank) {
  return SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel);
}

Value mlir::spectral::padWithZerosTo(OpBuilder &b, Location loc, Value value,
                                     ArrayRef<int64_t> axes,
                                     ArrayRef<int64_t> lengths) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape(type.getShape());
  SmallVector<OpFoldResult> low(rank, b.getIndexAttr(0));
  SmallVector<OpFoldResult> high(rank, b.getIndexAttr(0));
  for (auto [axis, length] : llvm::zip_equal(axes, lengths)) {
    high[axis] = b.getIndexAttr(length - shape[axis]);
    shape[axis] = length;
  }
  auto paddedType = RankedTensorType::get(shape, type.getElementType());
  if (paddedType == type)
    return value;
  Value zero =
      arith::ConstantOp::create(b, loc, b.getZeroAttr(type.getElementType()));
  return tensor::PadOp::create(b, loc, paddedType, value, low, high, zero);
}

Value mlir::spectral::multiplySpectra(OpBuilder &b, Location loc, Value target,
                                      Value factor, AffineMap factorMap) {
  auto type = cast<RankedTensorType>(target.getType());
  AffineMap identity = b.getMultiDimIdentityMap(type.getRank());
  auto generic = linalg::GenericOp::create(
      b, loc, type, ValueRange{factor}, ValueRange{target},
      ArrayRef<AffineMap>{factorMap, identity},
      getParallelIterators(type.getRank()),
      [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value product =
            complex::MulOp::create(nested, nestedLoc, args[1], args[0]);
        linalg::YieldOp::create(nested, nestedLoc, product);
      });
  return generic.getResult(0);
}

Value mlir::spectral::mapElements(
    OpBuilder &b, Location loc, Value input, Type resultElement,
    function_ref<Value(OpBuilder &, Location, Value)> fn) {
  auto type = cast<RankedTensorType>(input.getType());
  Value init = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, input), resultElement);
  AffineMap identity = b.getMultiDimIdentityMap(type.getRank());
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{input}, ValueRange{init},
      ArrayRef<AffineMap>{identity, identity},
      getParallelIterators(type.getRank()),
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc,
                                fn(nested, nestedLoc, args[0]));
      });
  return generic.getResult(0);
}

/// Extends or truncates a float to `to`.
static Value castFloat(OpBuilder &b, Location loc, Value value, FloatType to) {
  auto from = cast<FloatType>(value.getType());
  if (from == to)
    return value;
  if (from.getWidth() < to.getWidth())
    return arith::ExtFOp::create(b, loc, to, value);
  return arith::TruncFOp::create(b, loc, to, value);
}

Value mlir::spectral::castFloatScalar(OpBuilder &b, Location loc, Value value,
                                      FloatType to) {
  auto complexType = dyn_cast<ComplexType>(value.getType());
  if (!complexType)
    return castFloat(b, loc, value, to);
  if (complexType.getElementType() == to)
    return value;
  Value re = complex::ReOp::create(b, loc, value);
  Value im = complex::ImOp::create(b, loc, value);
  return complex::CreateOp::create(b, loc, ComplexType::get(to),
                                   castFloat(b, loc, re, to),
                                   castFloat(b, loc, im, to));
}

/// A zero of `element`: arith.constant has no complex zero attribute.
static Value createZero(OpBuilder &b, Location loc, Type element) {
  if (auto complexType = dyn_cast<ComplexType>(element)) {
    Attribute part = b.getZeroAttr(complexType.getElementType());
    return complex::ConstantOp::create(b, loc, complexType,
                                       b.getArrayAttr({part, part}));
  }
  return arith::ConstantOp::create(b, loc, b.getZeroAttr(element));
}

Value mlir::spectral::createZeros(OpBuilder &b, Location loc,
                                  ArrayRef<int64_t> shape, Type element) {
  Value zero = createZero(b, loc, element);
  Value empty = tensor::EmptyOp::create(b, loc, shape, element);
  return linalg::FillOp::create(b, loc, zero, empty).getResult(0);
}

Value mlir::spectral::createZerosOfSizes(OpBuilder &b, Location loc,
                                         ArrayRef<OpFoldResult> sizes,
                                         Type element) {
  Value zero = createZero(b, loc, element);
  Value empty = tensor::EmptyOp::create(b, loc, sizes, element);
  return linalg::FillOp::create(b, loc, zero, empty).getResult(0);
}

ReassociationIndices mlir::spectral::allDims(int64_t rank) {
  return llvm::to_vector(llvm::seq<int64_t>(0, rank));
}

SmallVector<ReassociationIndices>
mlir::spectral::leadingAndRest(int64_t groupSize, int64_t rest) {
  SmallVector<ReassociationIndices> groups = {allDims(groupSize)};
  for (int64_t d = 0; d < rest; ++d)
    groups.push_back({groupSize + d});
  return groups;
}

Value mlir::spectral::reshapeToMatrix(OpBuilder &b, Location loc,
                                      Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  int64_t rank = type.getRank();
  if (rank == 2)
    return tensor;
  if (rank == 1)
    return tensor::ExpandShapeOp::create(
        b, loc,
        RankedTensorType::get({1, type.getDimSize(0)}, type.getElementType()),
        tensor, SmallVector<ReassociationIndices>{{0, 1}},
        SmallVector<OpFoldResult>{b.getIndexAttr(1),
                                  tensor::getMixedSize(b, loc, tensor, 0)});
  return tensor::CollapseShapeOp::create(b, loc, tensor,
                                         leadingAndRest(rank - 1, 1));
}

Value mlir::spectral::reshapeFromMatrix(OpBuilder &b, Location loc,
                                        Value matrix,
                                        RankedTensorType resultType,
                                        Value input) {
  int64_t rank = resultType.getRank();
  if (rank == 2)
    return matrix;
  if (rank == 1)
    return tensor::CollapseShapeOp::create(
        b, loc, resultType, matrix, SmallVector<ReassociationIndices>{{0, 1}});
  // The leading sizes are the input's; the last is the result's (static).
  SmallVector<OpFoldResult> outputShape = tensor::getMixedSizes(b, loc, input);
  outputShape.back() = b.getIndexAttr(resultType.getShape().back());
  return tensor::ExpandShapeOp::create(
      b, loc, resultType, matrix, leadingAndRest(rank - 1, 1), outputShape);
}

Value mlir::spectral::getRootBuffer(Value value) {
  while (Operation *def = value.getDefiningOp()) {
    if (auto view = dyn_cast<ViewLikeOpInterface>(def))
      value = view.getViewSource();
    else if (auto cast = dyn_cast<memref::CastOp>(def))
      value = cast.getSource();
    else
      break;
  }
  return value;
}

func::FuncOp mlir::spectral::getOrCreateRuntimeFunc(ModuleOp module,
                                                    StringRef name,
                                                    FunctionType type,
                                                    bool cInterface) {
  if (auto existing = module.lookupSymbol<func::FuncOp>(name))
    return existing;
  OpBuilder builder = OpBuilder::atBlockBegin(module.getBody());
  auto func = func::FuncOp::create(builder, module.getLoc(), name, type);
  func.setPrivate();
  if (cInterface)
    func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                  builder.getUnitAttr());
  return func;
}

Value mlir::spectral::createConjugate(OpBuilder &b, Location loc, Value value) {
  Value re = complex::ReOp::create(b, loc, value);
  Value im = complex::ImOp::create(b, loc, value);
  return complex::CreateOp::create(b, loc, value.getType(), re,
                                   arith::NegFOp::create(b, loc, im));
}

Value mlir::spectral::createNegation(OpBuilder &b, Location loc, Value value) {
  Value re = complex::ReOp::create(b, loc, value);
  Value im = complex::ImOp::create(b, loc, value);
  return complex::CreateOp::create(b, loc, value.getType(),
                                   arith::NegFOp::create(b, loc, re),
                                   arith::NegFOp::create(b, loc, im));
}

Value mlir::spectral::createRealScaling(OpBuilder &b, Location loc, Value value,
                                        Value factor) {
  Value re = complex::ReOp::create(b, loc, value);
  Value im = complex::ImOp::create(b, loc, value);
  return complex::CreateOp::create(b, loc, value.getType(),
                                   arith::MulFOp::create(b, loc, re, factor),
                                   arith::MulFOp::create(b, loc, im, factor));
}

Value mlir::spectral::reverseAlongAxes(OpBuilder &b, Location loc, Value value,
                                       ArrayRef<int64_t> axes) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<AffineExpr> reversed;
  for (int64_t dim = 0; dim < rank; ++dim) {
    AffineExpr d = b.getAffineDimExpr(dim);
    reversed.push_back(
        llvm::is_contained(axes, dim) ? type.getDimSize(dim) - 1 - d : d);
  }
  Value init = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, value), type.getElementType());
  SmallVector<AffineMap> maps{AffineMap::get(rank, 0, reversed, b.getContext()),
                              b.getMultiDimIdentityMap(rank)};
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{value}, ValueRange{init}, maps,
      getParallelIterators(rank),
      [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc, args[0]);
      });
  return generic.getResult(0);
}

Value mlir::spectral::mapElementwise(
    OpBuilder &b, Location loc, ValueRange inputs,
    function_ref<Value(OpBuilder &, Location, ValueRange)> fn) {
  auto type = cast<RankedTensorType>(inputs.front().getType());
  Value init = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, inputs.front()),
      type.getElementType());
  SmallVector<AffineMap> maps(inputs.size() + 1,
                              b.getMultiDimIdentityMap(type.getRank()));
  auto generic = linalg::GenericOp::create(
      b, loc, type, inputs, ValueRange{init}, maps,
      getParallelIterators(type.getRank()),
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc,
                                fn(nested, nestedLoc, args.drop_back()));
      });
  return generic.getResult(0);
}
