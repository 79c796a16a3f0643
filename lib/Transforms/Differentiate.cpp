//===- Differentiate.cpp - Reverse-mode VJPs of functions -----------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The gradient function is the primal body cloned, then one adjoint per op
// in reverse order, accumulating the cotangent of every value that reaches
// a result. Adjoints come from AdjointOpInterface, except for the few
// upstream ops that a layer is written with (elementwise linalg, casts).
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/Transforms/Passes.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALDIFFERENTIATE
#include "SpectralDialect/Transforms/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

static constexpr StringLiteral kGradientAttr = "spectral.gradient";
static constexpr StringLiteral kCInterfaceAttr = "llvm.emit_c_interface";

/// Tensors of floats or complex numbers have cotangents; nothing else does.
static bool isDifferentiableTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return false;
  Type element = tensor.getElementType();
  if (auto complex = dyn_cast<ComplexType>(element))
    element = complex.getElementType();
  return isa<FloatType>(element);
}

/// Dense tensors and sparse spectral tensors, whose cotangent is a sparse
/// spectral tensor of the same type and positions (the cotangents of the
/// kept coefficients).
static bool isDifferentiable(Type type) {
  return isDifferentiableTensor(type) || isa<SparseSpectralType>(type);
}

static bool isComplexTensor(Value value) {
  return isa<ComplexType>(
      cast<RankedTensorType>(value.getType()).getElementType());
}

static Value add(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  // Two cotangents of one sparse value share its positions.
  if (isa<SparseSpectralType>(lhs.getType())) {
    Value sum = add(b, loc, CoefficientsOp::create(b, loc, lhs),
                    CoefficientsOp::create(b, loc, rhs));
    return AssembleOp::create(b, loc, lhs.getType(), sum,
                              PositionsOp::create(b, loc, lhs));
  }
  bool complex = isComplexTensor(lhs);
  return mapElementwise(
      b, loc, {lhs, rhs},
      [&](OpBuilder &n, Location l, ValueRange args) -> Value {
        if (complex)
          return complex::AddOp::create(n, l, args[0], args[1]);
        return arith::AddFOp::create(n, l, args[0], args[1]);
      });
}

static Value negate(OpBuilder &b, Location loc, Value value) {
  bool complex = isComplexTensor(value);
  return mapElementwise(
      b, loc, {value}, [&](OpBuilder &n, Location l, ValueRange args) -> Value {
        if (complex)
          return createNegation(n, l, args[0]);
        return arith::NegFOp::create(n, l, args[0]);
      });
}

/// `g * conj(factor)` (for real tensors `g * factor`): the cotangent of one
/// factor of a product.
static Value multiplyByConjugate(OpBuilder &b, Location loc, Value g,
                                 Value factor) {
  bool complex = isComplexTensor(g);
  return mapElementwise(
      b, loc, {g, factor},
      [&](OpBuilder &n, Location l, ValueRange args) -> Value {
        if (!complex)
          return arith::MulFOp::create(n, l, args[0], args[1]);
        Value conj = createConjugate(n, l, args[1]);
        return complex::MulOp::create(n, l, args[0], conj);
      });
}

static Value zerosLike(OpBuilder &b, Location loc, Value value) {
  if (auto sst = dyn_cast<SparseSpectralType>(value.getType())) {
    RankedTensorType coeffs = sst.getCoefficientsType();
    return AssembleOp::create(
        b, loc, sst,
        createZeros(b, loc, coeffs.getShape(), coeffs.getElementType()),
        PositionsOp::create(b, loc, value));
  }
  auto type = cast<RankedTensorType>(value.getType());
  return createZerosOfSizes(b, loc, tensor::getMixedSizes(b, loc, value),
                            type.getElementType());
}

/// The adjoints of the upstream ops a layer is written with.
static FailureOr<SmallVector<Value>>
buildUpstreamAdjoint(Operation *op, OpBuilder &b, ValueRange cotangents) {
  Location loc = op->getLoc();
  if (auto cast = dyn_cast<tensor::CastOp>(op))
    return SmallVector<Value>{tensor::CastOp::create(
        b, loc, cast.getSource().getType(), cotangents[0])};
  if (isa<linalg::AddOp, linalg::SubOp, linalg::MulOp>(op)) {
    auto linalgOp = cast<linalg::LinalgOp>(op);
    if (!linalgOp.hasPureTensorSemantics() ||
        op->getOperand(0).getType() != op->getResult(0).getType() ||
        op->getOperand(1).getType() != op->getResult(0).getType())
      return op->emitOpError()
             << "is differentiated only on tensors of the result's type";
    Value g = cotangents[0];
    SmallVector<Value> result(op->getNumOperands());
    if (isa<linalg::AddOp>(op)) {
      result[0] = result[1] = g;
    } else if (isa<linalg::SubOp>(op)) {
      result[0] = g;
      result[1] = negate(b, loc, g);
    } else {
      result[0] = multiplyByConjugate(b, loc, g, op->getOperand(1));
      result[1] = multiplyByConjugate(b, loc, g, op->getOperand(0));
    }
    return result;
  }
  return op->emitOpError()
         << "cannot be differentiated by spectral-differentiate: it has no "
            "adjoint (AdjointOpInterface) and is on the path from the "
            "arguments to a result";
}

/// Builds the VJP of `func` as `name`, after `func`. A declaration of
/// `name` (so that the module can call the gradient) is replaced by it when
/// its type is the gradient's.
static LogicalResult differentiate(func::FuncOp func, StringRef name,
                                   func::FuncOp declaration) {
  Location loc = func.getLoc();
  if (func.isExternal())
    return func.emitOpError() << "has no body to differentiate";
  if (!llvm::hasSingleElement(func.getBody()))
    return func.emitOpError() << "has " << func.getBody().getBlocks().size()
                              << " blocks; spectral-differentiate needs one";
  FunctionType type = func.getFunctionType();
  for (auto [index, result] : llvm::enumerate(type.getResults()))
    if (!isDifferentiableTensor(result))
      return func.emitOpError()
             << "result " << index << " of type " << result
             << " cannot be differentiated: results must be tensors of "
                "floats or complex numbers";

  SmallVector<Type> inputs(type.getInputs());
  llvm::append_range(inputs, type.getResults());
  SmallVector<Type> outputs(type.getResults());
  SmallVector<unsigned> differentiated;
  for (auto [index, input] : llvm::enumerate(type.getInputs()))
    if (isDifferentiable(input)) {
      outputs.push_back(input);
      differentiated.push_back(index);
    }

  auto gradientType = FunctionType::get(func.getContext(), inputs, outputs);
  if (declaration && declaration.getFunctionType() != gradientType)
    return declaration.emitOpError()
           << "declares the gradient of @" << func.getSymName() << " with type "
           << declaration.getFunctionType() << ", but the gradient has type "
           << gradientType;
  OpBuilder b(func);
  b.setInsertionPointAfter(func);
  auto gradient = func::FuncOp::create(b, loc, name, gradientType);
  gradient.setVisibility(declaration ? declaration.getVisibility()
                                     : func.getVisibility());
  // A function exported with a C entry point gets one for its gradient too.
  if (Attribute cInterface = func->getAttr(kCInterfaceAttr))
    gradient->setAttr(kCInterfaceAttr, cInterface);
  Block *entry = gradient.addEntryBlock();
  b.setInsertionPointToStart(entry);
  IRMapping mapping;
  Block &body = func.getBody().front();
  mapping.map(body.getArguments(),
              entry->getArguments().take_front(type.getNumInputs()));
  SmallVector<Operation *> primalOps;
  for (Operation &op : body.without_terminator())
    primalOps.push_back(b.clone(op, mapping));
  SmallVector<Value> results = llvm::map_to_vector(
      body.getTerminator()->getOperands(),
      [&](Value value) { return mapping.lookupOrDefault(value); });

  DenseMap<Value, Value> cotangents;
  auto accumulate = [&](Value value, Value cotangent) {
    Value &slot = cotangents[value];
    slot = slot ? add(b, loc, slot, cotangent) : cotangent;
  };
  for (auto [index, result] : llvm::enumerate(results))
    accumulate(result, entry->getArgument(type.getNumInputs() + index));

  for (Operation *op : llvm::reverse(primalOps)) {
    if (llvm::none_of(op->getResults(),
                      [&](Value result) { return cotangents.count(result); }))
      continue;
    SmallVector<Value> resultCotangents;
    for (Value result : op->getResults()) {
      if (Value cotangent = cotangents.lookup(result))
        resultCotangents.push_back(cotangent);
      else if (isDifferentiable(result.getType()))
        resultCotangents.push_back(zerosLike(b, loc, result));
      else
        resultCotangents.push_back(Value());
    }
    FailureOr<SmallVector<Value>> operandCotangents;
    if (auto adjoint = dyn_cast<AdjointOpInterface>(op))
      operandCotangents = adjoint.buildAdjoint(b, resultCotangents);
    else
      operandCotangents = buildUpstreamAdjoint(op, b, resultCotangents);
    if (failed(operandCotangents)) {
      gradient.erase();
      return failure();
    }
    for (auto [operand, cotangent] :
         llvm::zip(op->getOperands(), *operandCotangents))
      if (cotangent && isDifferentiable(operand.getType()))
        accumulate(operand, cotangent);
  }

  for (unsigned index : differentiated) {
    Value argument = entry->getArgument(index);
    Value cotangent = cotangents.lookup(argument);
    results.push_back(cotangent ? cotangent : zerosLike(b, loc, argument));
  }
  func::ReturnOp::create(b, loc, results);
  if (declaration)
    declaration.erase();
  return success();
}

namespace {
struct SpectralDifferentiatePass
    : spectral::impl::SpectralDifferentiateBase<SpectralDifferentiatePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> marked;
    for (auto func : module.getOps<func::FuncOp>())
      if (func->hasAttr(kGradientAttr))
        marked.push_back(func);
    SymbolTable symbols(module);
    for (func::FuncOp func : marked) {
      auto name = func->getAttrOfType<FlatSymbolRefAttr>(kGradientAttr);
      if (!name) {
        func.emitOpError() << "'" << kGradientAttr
                           << "' must name the gradient function, as in "
                              "@f_vjp";
        return signalPassFailure();
      }
      Operation *existing = symbols.lookup(name.getValue());
      auto declaration = dyn_cast_or_null<func::FuncOp>(existing);
      if (existing && !(declaration && declaration.isExternal())) {
        func.emitOpError() << "cannot create its gradient @" << name.getValue()
                           << ": the module already has a symbol of that name "
                              "that is not a function declaration";
        return signalPassFailure();
      }
      if (failed(differentiate(func, name.getValue(), declaration)))
        return signalPassFailure();
      func->removeAttr(kGradientAttr);
      ++numDifferentiated;
    }
  }
};
} // namespace
