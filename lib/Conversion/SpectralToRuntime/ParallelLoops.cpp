//===- ParallelLoops.cpp - linalg to OpenMP loops on the runtime's threads ===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Transforms/Passes.h"
#include "SpectralDialect/Utils/IRBuildingHelpers.h"
#include "SpectralDialect/Utils/RuntimeSymbols.h"

#include "mlir/Conversion/SCFToOpenMP/SCFToOpenMP.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/PassManager.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALPARALLELLOOPS
#include "SpectralDialect/Transforms/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// Whether `op` has enough points in its parallel dimensions to be worth
/// threads: at least `minIterations`, or a size known only at run time.
static bool isWorthThreads(linalg::LinalgOp op, int64_t minIterations) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  int64_t points = 1;
  bool anyParallel = false;
  for (auto [range, iterator] : llvm::zip(ranges, iterators)) {
    if (iterator != utils::IteratorType::parallel)
      continue;
    anyParallel = true;
    if (ShapedType::isDynamic(range))
      return true;
    points *= range;
    if (points >= minIterations)
      return true;
  }
  return anyParallel && points >= minIterations;
}

/// The conversion wraps every loop body in a `memref.alloca_scope`, whose
/// region must stay one block, so that the `scf.for` loops inside could not
/// be lowered to branches. A scope without allocas frees nothing: inline it.
static void inlineEmptyAllocaScopes(ModuleOp module) {
  SmallVector<memref::AllocaScopeOp> scopes;
  module.walk([&](memref::AllocaScopeOp scope) {
    bool allocates = false;
    scope.getBodyRegion().walk([&](memref::AllocaOp) { allocates = true; });
    if (!allocates && scope.getNumResults() == 0)
      scopes.push_back(scope);
  });
  IRRewriter rewriter(module.getContext());
  for (memref::AllocaScopeOp scope : scopes) {
    Block &body = scope.getBodyRegion().front();
    rewriter.eraseOp(body.getTerminator());
    rewriter.inlineBlockBefore(&body, scope);
    rewriter.eraseOp(scope);
  }
}

namespace {
struct SpectralParallelLoopsPass
    : spectral::impl::SpectralParallelLoopsBase<SpectralParallelLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<linalg::LinalgOp> ops;
    module.walk([&](linalg::LinalgOp op) {
      if (op.hasPureBufferSemantics())
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      rewriter.setInsertionPoint(op);
      bool parallel = isWorthThreads(op, minIterations);
      FailureOr<linalg::LinalgLoops> loops =
          parallel ? linalg::linalgOpToParallelLoops(rewriter, op)
                   : linalg::linalgOpToLoops(rewriter, op);
      if (failed(loops)) {
        op.emitOpError("could not be lowered to loops");
        return signalPassFailure();
      }
      rewriter.eraseOp(op);
      if (parallel)
        ++numParallel;
    }

    // scf.parallel to OpenMP with upstream's conversion, then the thread
    // count of every team from the runtime.
    OpPassManager toOpenMP(ModuleOp::getOperationName());
    toOpenMP.addPass(createConvertSCFToOpenMPPass());
    if (failed(runPipeline(toOpenMP, module)))
      return signalPassFailure();
    inlineEmptyAllocaScopes(module);
    SmallVector<omp::ParallelOp> teams;
    module.walk([&](omp::ParallelOp team) {
      if (!team.getNumThreads())
        teams.push_back(team);
    });
    if (teams.empty())
      return;
    OpBuilder builder(&getContext());
    auto type = builder.getFunctionType({}, {builder.getI32Type()});
    std::string name =
        getRuntimeSymbol(RuntimeTarget::CPU, RuntimeFunction::GetNumThreads);
    func::FuncOp getNumThreads =
        getOrCreateRuntimeFunc(module, name, type, /*cInterface=*/false);
    if (getNumThreads.getFunctionType() != type) {
      getNumThreads.emitOpError()
          << "declares runtime function @" << name << " as "
          << getNumThreads.getFunctionType() << "; it is " << type;
      return signalPassFailure();
    }
    for (omp::ParallelOp team : teams) {
      builder.setInsertionPoint(team);
      Value count = func::CallOp::create(builder, team.getLoc(), getNumThreads)
                        .getResult(0);
      team.getNumThreadsMutable().assign(count);
    }
  }
};
} // namespace
