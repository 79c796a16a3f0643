//===- ParallelLoops.cpp - linalg to OpenMP loops on the runtime's threads ===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Conversion/Passes.h"
#include "SpectralDialect/RuntimeABI/RuntimeSymbols.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Conversion/SCFToOpenMP/SCFToOpenMP.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALPARALLELLOOPS
#include "SpectralDialect/Conversion/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// Enough chunks of work to balance the threads of a large machine; more
/// only split the inner loops, which then no longer vectorise.
constexpr int64_t kEnoughChunks = 256;
/// Chunks enough for a few per thread: past this, the op's innermost loop
/// stays a plain loop that LLVM vectorises.
constexpr int64_t kFewChunks = 32;

/// The iterations of a nest of loops with static `ranges` in all, or
/// nullopt if one is known only at run time.
static std::optional<int64_t> getStaticWork(ArrayRef<int64_t> ranges) {
  int64_t work = 1;
  for (int64_t range : ranges) {
    if (ShapedType::isDynamic(range))
      return std::nullopt;
    int64_t product;
    work = llvm::MulOverflow(work, range, product)
               ? std::numeric_limits<int64_t>::max()
               : product;
  }
  return work;
}

/// How many of `op`'s outer loops to share out among threads: the shortest
/// run of leading parallel dimensions with `kEnoughChunks` iterations (or a
/// size known only at run time), stopping short of the innermost loop once
/// there are `kFewChunks`, provided the op has work for two threads of
/// `perThread` iterations. 0 where threads are not worth it.
static unsigned getSharedLoopCount(linalg::LinalgOp op, int64_t perThread) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  std::optional<int64_t> work = getStaticWork(ranges);
  if (work && *work < 2 * perThread)
    return 0;
  int64_t chunks = 1;
  unsigned count = 0;
  for (auto [dim, range] : llvm::enumerate(ranges)) {
    if (iterators[dim] != utils::IteratorType::parallel)
      break;
    bool innermost = dim + 1 == ranges.size();
    if (count > 0 && innermost && chunks >= kFewChunks)
      break;
    ++count;
    if (ShapedType::isDynamic(range))
      break;
    chunks *= range;
    if (chunks >= kEnoughChunks)
      break;
  }
  return count;
}

/// The iterations of the loops an `omp.loop_nest` runs, with the perfect
/// nest of `scf.for` loops in its body: nullopt if a bound is not constant.
static std::optional<int64_t> getStaticWork(omp::LoopNestOp nest) {
  SmallVector<int64_t> ranges;
  auto addRange = [&](Value lower, Value upper, Value step) {
    std::optional<APInt> trips = constantTripCount(
        lower, upper, step, /*isSigned=*/true,
        [](Value, Value, bool) { return std::optional<llvm::APSInt>(); });
    if (trips)
      ranges.push_back(trips->getSExtValue());
    return trips.has_value();
  };
  for (auto [lower, upper, step] :
       llvm::zip(nest.getLoopLowerBounds(), nest.getLoopUpperBounds(),
                 nest.getLoopSteps()))
    if (!addRange(lower, upper, step))
      return std::nullopt;
  Region *body = &nest.getRegion();
  while (body->hasOneBlock()) {
    auto loops = body->front().getOps<scf::ForOp>();
    if (!llvm::hasSingleElement(loops))
      break;
    scf::ForOp loop = *loops.begin();
    if (!addRange(loop.getLowerBound(), loop.getUpperBound(), loop.getStep()))
      return std::nullopt;
    body = &loop.getRegion();
  }
  return getStaticWork(ranges);
}

/// The thread count of `team`: the runtime's, but no more threads than the
/// team's statically known work has chunks of `perThread` iterations.
static Value createTeamSize(OpBuilder &builder, omp::ParallelOp team,
                            func::FuncOp getNumThreads, int64_t perThread) {
  Location loc = team.getLoc();
  Value count = func::CallOp::create(builder, loc, getNumThreads).getResult(0);
  // One loop nest of static work caps the team; unknown work, or several
  // nests, leave the runtime's count.
  SmallVector<omp::LoopNestOp> nests;
  team.walk([&](omp::LoopNestOp nest) { nests.push_back(nest); });
  std::optional<int64_t> work;
  if (nests.size() == 1)
    work = getStaticWork(nests.front());
  if (!work)
    return count;
  int64_t limit = std::clamp<int64_t>(*work / std::max<int64_t>(perThread, 1),
                                      1, std::numeric_limits<int32_t>::max());
  Value cap = arith::ConstantIntOp::create(builder, loc, limit, 32);
  return arith::MinSIOp::create(builder, loc, count, cap);
}

/// Replaces the `count` outermost loops of the perfect nest `loops` by one
/// `scf.parallel` holding the rest of the nest.
static void shareOuterLoops(RewriterBase &rewriter, ArrayRef<Operation *> loops,
                            unsigned count) {
  SmallVector<scf::ForOp> shared;
  for (Operation *loop : loops.take_front(count))
    shared.push_back(cast<scf::ForOp>(loop));
  SmallVector<Value> lowerBounds, upperBounds, steps;
  for (scf::ForOp loop : shared) {
    lowerBounds.push_back(loop.getLowerBound());
    upperBounds.push_back(loop.getUpperBound());
    steps.push_back(loop.getStep());
  }
  rewriter.setInsertionPoint(shared.front());
  auto parallel = scf::ParallelOp::create(rewriter, shared.front().getLoc(),
                                          lowerBounds, upperBounds, steps);
  for (auto [loop, index] : llvm::zip(shared, parallel.getInductionVars()))
    rewriter.replaceAllUsesWith(loop.getInductionVar(), index);
  Block *from = shared.back().getBody();
  Block *to = parallel.getBody();
  to->getOperations().splice(to->getTerminator()->getIterator(),
                             from->getOperations(), from->begin(),
                             std::prev(from->end()));
  rewriter.eraseOp(shared.front());
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
      unsigned sharedLoops = getSharedLoopCount(op, iterationsPerThread);
      FailureOr<linalg::LinalgLoops> loops =
          linalg::linalgOpToLoops(rewriter, op);
      if (failed(loops)) {
        op.emitOpError("could not be lowered to loops");
        return signalPassFailure();
      }
      rewriter.eraseOp(op);
      // One scf.for per dimension, outermost first; anything else (no
      // loops for a 0-d op) stays sequential.
      if (sharedLoops == 0 || loops->size() < sharedLoops ||
          !llvm::all_of(ArrayRef<Operation *>(*loops).take_front(sharedLoops),
                        llvm::IsaPred<scf::ForOp>))
        continue;
      shareOuterLoops(rewriter, *loops, sharedLoops);
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
      team.getNumThreadsMutable().assign(
          createTeamSize(builder, team, getNumThreads, iterationsPerThread));
    }
  }
};
} // namespace
