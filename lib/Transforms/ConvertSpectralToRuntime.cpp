//===- ConvertSpectralToRuntime.cpp - Mid-level ops to runtime calls ------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_CONVERTSPECTRALTORUNTIME
#include "SpectralDialect/Transforms/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// Returns the private declaration of runtime function `name`, creating it
/// at the start of `module` the first time.
static func::FuncOp getOrCreateRuntimeFunc(ModuleOp module, StringRef name,
                                           FunctionType type) {
  if (auto existing = module.lookupSymbol<func::FuncOp>(name))
    return existing;
  OpBuilder builder = OpBuilder::atBlockBegin(module.getBody());
  auto func = func::FuncOp::create(builder, module.getLoc(), name, type);
  func.setPrivate();
  func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                builder.getUnitAttr());
  return func;
}

/// The runtime's bit mask of transformed axes.
static int64_t getAxesMask(ArrayRef<int64_t> axes) {
  int64_t mask = 0;
  for (int64_t axis : axes)
    mask |= int64_t(1) << axis;
  return mask;
}

/// Replaces a bufferized `spectral.dft` with its runtime call.
static LogicalResult lowerDFT(DFTOp op, ModuleOp module) {
  auto input = dyn_cast<MemRefType>(op.getInput().getType());
  auto init = dyn_cast<MemRefType>(op.getInit().getType());
  if (!input || !init)
    return op.emitOpError()
           << "is still on tensors; run one-shot-bufferize before "
              "convert-spectral-to-runtime";
  Type real = input.getElementType();
  if (auto complex = dyn_cast<ComplexType>(real))
    real = complex.getElementType();
  if (!real.isF32())
    return op.emitOpError() << "computes in " << real
                            << " but the CPU runtime transforms f32 only";

  OpBuilder builder(op);
  Location loc = op.getLoc();
  auto toUnranked = [&](Value buffer, MemRefType type) -> Value {
    auto unranked = UnrankedMemRefType::get(type.getElementType(),
                                            type.getMemorySpace());
    return memref::CastOp::create(builder, loc, unranked, buffer);
  };
  Value in = toUnranked(op.getInput(), input);
  Value out = toUnranked(op.getInit(), init);
  Value mask = arith::ConstantIntOp::create(builder, loc,
                                            getAxesMask(op.getAxes()), 64);
  Value norm = arith::ConstantIntOp::create(
      builder, loc, static_cast<int64_t>(op.getNorm()), 32);

  StringRef callee;
  SmallVector<Value> args = {in, out, mask};
  switch (op.getKind()) {
  case DFTKind::c2c_forward:
  case DFTKind::c2c_inverse:
    callee = "spectral_fft_c2c";
    args.push_back(arith::ConstantIntOp::create(
        builder, loc, op.getKind() == DFTKind::c2c_inverse, 32));
    break;
  case DFTKind::r2c:
  case DFTKind::c2r:
    callee = op.getKind() == DFTKind::r2c ? "spectral_fft_r2c"
                                          : "spectral_fft_c2r";
    args.push_back(
        arith::ConstantIntOp::create(builder, loc, op.getAxes().back(), 64));
    break;
  }
  args.push_back(norm);

  auto type = builder.getFunctionType(ValueRange(args).getTypes(), {});
  func::FuncOp func = getOrCreateRuntimeFunc(module, callee, type);
  if (func.getFunctionType() != type)
    return op.emitOpError() << "needs runtime function @" << callee
                            << " of type " << type
                            << ", but the module declares it as "
                            << func.getFunctionType();
  func::CallOp::create(builder, loc, func, args);
  op.erase();
  return success();
}

namespace {
struct ConvertSpectralToRuntimePass
    : spectral::impl::ConvertSpectralToRuntimeBase<ConvertSpectralToRuntimePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<DFTOp> dfts;
    module.walk([&](DFTOp op) { dfts.push_back(op); });
    for (DFTOp op : dfts) {
      if (failed(lowerDFT(op, module)))
        return signalPassFailure();
      ++numCalls;
    }
  }
};
} // namespace
