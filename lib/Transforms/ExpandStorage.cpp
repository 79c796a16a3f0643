//===- ExpandStorage.cpp - The spectral-expand-storage pass ---------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Lowers every high-level spectral op to mid-level ops on plain tensors, with
// a 1:N conversion of !spectral.sst through function signatures, calls,
// returns and structured control flow. Ops that cannot be lowered are
// reported with the reason before any rewriting, instead of a bare "failed
// to legalize".
//
//===----------------------------------------------------------------------===//

#include "ExpandStoragePatterns.h"
#include "SpectralDialect/IR/SpectralUtils.h"
#include "SpectralDialect/Transforms/Passes.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALEXPANDSTORAGE
#include "SpectralDialect/Transforms/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// Why `op` cannot be lowered, or an empty string.
static std::string getUnsupportedReason(Operation *op) {
  auto hasRank8SST = [](TypeRange types) {
    return llvm::any_of(types, [](Type type) {
      auto sst = dyn_cast<SparseSpectralType>(type);
      return sst && sst.getRank() == kMaxRank;
    });
  };
  if (hasRank8SST(op->getOperandTypes()) || hasRank8SST(op->getResultTypes()))
    return "rank-8 !spectral.sst values are not lowered: their tile-major "
           "layout needs 9 dimensions and the runtime transforms at most 8";
  if (auto conv = dyn_cast<ConvOp>(op))
    for (int64_t axis : conv.getAxes())
      if (conv.getInput().getType().isDynamicDim(axis) ||
          conv.getKernel().getType().isDynamicDim(axis))
        return "the input and the kernel need static sizes along the "
               "convolved axes (axis " +
               std::to_string(axis) + " is dynamic)";
  if (auto matmul = dyn_cast<MatmulOp>(op)) {
    ArrayRef<int64_t> leading = matmul.getInput().getType().getShape();
    if (llvm::count(leading.drop_back(), ShapedType::kDynamic) > 1)
      return "at most one leading (row) dimension of the input may be "
             "dynamic: reshaping the product back to more crashes LLVM 22's "
             "expand-strided-metadata (llvm/llvm-project#186830)";
  }
  return "";
}

namespace {
struct SpectralExpandStoragePass
    : spectral::impl::SpectralExpandStorageBase<SpectralExpandStoragePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    auto *dialect = ctx->getLoadedDialect<SpectralDialect>();

    bool unsupported = false;
    module.walk([&](Operation *op) {
      if (op->getDialect() != dialect)
        return;
      std::string reason = getUnsupportedReason(op);
      if (reason.empty())
        return;
      op->emitOpError() << "is not lowered by spectral-expand-storage: "
                        << reason;
      unsupported = true;
    });
    if (unsupported)
      return signalPassFailure();

    TypeConverter converter;
    converter.addConversion([](Type type) { return type; });
    RewritePatternSet patterns(ctx);
    populateSparseStoragePatterns(converter, patterns);
    populateDenseOpPatterns(patterns, fastConvolutionSizes);
    populateNeuralOperatorPatterns(patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateCallOpTypeConversionPattern(patterns, converter);
    populateReturnOpTypeConversionPattern(patterns, converter);

    ConversionTarget target(*ctx);
    target.addIllegalDialect<SpectralDialect>();
    target.addLegalOp<DFTOp, TopKOp, ScatterOp, GatherOp, CheckTileOffsetOp,
                      CheckSizeOp>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp func) {
      return converter.isSignatureLegal(func.getFunctionType()) &&
             converter.isLegal(&func.getBody());
    });
    target.markUnknownOpDynamicallyLegal(
        [&](Operation *op) { return converter.isLegal(op); });
    scf::populateSCFStructuralTypeConversionsAndLegality(converter, patterns,
                                                         target);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();
    module.walk([&](DFTOp) { ++numTransforms; });
  }
};
} // namespace
