//===- MapToGPU.cpp - Data-parallel host loops to GPU kernels -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every data-parallel loop nest of host code (linalg ops on memrefs, strided
// copies, scf.parallel) becomes one `gpu.launch` over a 1-D grid: the
// iteration space is linearised, one thread per point, the innermost loop
// varying fastest so that neighbouring threads touch neighbouring elements.
// Upstream's gpu-map-parallel-loops maps each loop dimension to one grid
// dimension with one thread per block and cannot map more than three; the
// linearised mapping has neither limit.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/GPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALMAPTOGPU
#include "SpectralDialect/GPU/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// Whether `op` is already device code (a kernel body or a GPU module).
static bool isInDeviceCode(Operation *op) {
  return op->getParentOfType<gpu::LaunchOp>() ||
         op->getParentOfType<gpu::GPUModuleOp>();
}

/// Rewrites host `memref.copy` between ranked memrefs as `linalg.copy`, so
/// that it is mapped like any other elementwise op.
static void copiesToLinalg(ModuleOp module) {
  SmallVector<memref::CopyOp> copies;
  module.walk([&](memref::CopyOp copy) {
    if (!isInDeviceCode(copy) && isa<MemRefType>(copy.getSource().getType()) &&
        isa<MemRefType>(copy.getTarget().getType()))
      copies.push_back(copy);
  });
  for (memref::CopyOp copy : copies) {
    OpBuilder builder(copy);
    linalg::CopyOp::create(builder, copy.getLoc(), copy.getSource(),
                           copy.getTarget());
    copy.erase();
  }
}

/// Lowers host linalg ops on memrefs to scf.parallel nests (reduction
/// dimensions become sequential loops inside them). Counts in `hostLoops`
/// the ops without a parallel dimension, which stay sequential host loops.
static LogicalResult linalgToParallelLoops(ModuleOp module,
                                           int64_t &hostLoops) {
  SmallVector<linalg::LinalgOp> ops;
  module.walk([&](linalg::LinalgOp op) {
    if (!isInDeviceCode(op) && op.hasPureBufferSemantics())
      ops.push_back(op);
  });
  IRRewriter rewriter(module.getContext());
  for (linalg::LinalgOp op : ops) {
    rewriter.setInsertionPoint(op);
    // Reductions innermost, so that every parallel loop becomes a GPU
    // thread index (the CPU-friendly order may have them outside).
    if (auto generic = dyn_cast<linalg::GenericOp>(op.getOperation())) {
      SmallVector<unsigned> order;
      SmallVector<utils::IteratorType> iterators =
          generic.getIteratorTypesArray();
      for (auto [index, type] : llvm::enumerate(iterators))
        if (type == utils::IteratorType::parallel)
          order.push_back(index);
      for (auto [index, type] : llvm::enumerate(iterators))
        if (type != utils::IteratorType::parallel)
          order.push_back(index);
      if (!llvm::is_sorted(order)) {
        FailureOr<linalg::GenericOp> interchanged =
            linalg::interchangeGenericOp(rewriter, generic, order);
        if (failed(interchanged))
          return generic.emitOpError()
                 << "could not move its reduction loops innermost for the GPU";
        op = *interchanged;
      }
    }
    FailureOr<linalg::LinalgLoops> loops =
        linalg::linalgOpToParallelLoops(rewriter, op);
    if (failed(loops))
      return op->emitOpError() << "could not be lowered to parallel loops "
                                  "for the GPU";
    if (llvm::none_of(*loops, llvm::IsaPred<scf::ParallelOp>))
      ++hostLoops;
    rewriter.eraseOp(op);
  }
  return success();
}

/// Replaces the reduction-free scf.parallel `loop` by a 1-D kernel launch
/// of `blockSize` threads per block, guarded (unless its trip count is a
/// known positive constant) so that an empty iteration space launches
/// nothing: a grid of zero blocks is a launch error in CUDA.
static void mapLoopToLaunch(scf::ParallelOp loop, int64_t blockSize) {
  OpBuilder b(loop);
  Location loc = loop.getLoc();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = b.createOrFold<arith::ConstantIndexOp>(loc, 1);
  Value block = b.createOrFold<arith::ConstantIndexOp>(loc, blockSize);

  // Trip counts (steps are positive by the op's verifier), and their
  // product.
  SmallVector<Value> trips;
  Value total = one;
  for (auto [lb, ub, step] :
       llvm::zip(loop.getLowerBound(), loop.getUpperBound(), loop.getStep())) {
    Value span = b.createOrFold<arith::SubIOp>(loc, ub, lb);
    Value trip = b.createOrFold<arith::CeilDivSIOp>(loc, span, step);
    trip = b.createOrFold<arith::MaxSIOp>(loc, trip, zero);
    trips.push_back(trip);
    total = b.createOrFold<arith::MulIOp>(loc, total, trip);
  }

  Value nonEmpty = b.createOrFold<arith::CmpIOp>(loc, arith::CmpIPredicate::sgt,
                                                 total, zero);
  if (!matchPattern(nonEmpty, m_One())) {
    auto guard = scf::IfOp::create(b, loc, nonEmpty, /*withElseRegion=*/false);
    b.setInsertionPointToStart(guard.thenBlock());
  }
  Value grid = b.createOrFold<arith::CeilDivSIOp>(loc, total, block);
  auto launch = gpu::LaunchOp::create(b, loc, grid, one, one, block, one, one);
  Block &body = launch.getBody().front();
  b.setInsertionPointToEnd(&body);
  auto terminator = gpu::TerminatorOp::create(b, loc);
  b.setInsertionPoint(terminator);

  // Linear thread index, guarded against the last block's overhang.
  Value base =
      b.createOrFold<arith::MulIOp>(loc, launch.getBlockIds().x, block);
  Value linear =
      b.createOrFold<arith::AddIOp>(loc, base, launch.getThreadIds().x);
  Value inRange = b.createOrFold<arith::CmpIOp>(loc, arith::CmpIPredicate::slt,
                                                linear, total);
  auto inside = scf::IfOp::create(b, loc, inRange, /*withElseRegion=*/false);
  b.setInsertionPointToStart(inside.thenBlock());

  // Delinearise, innermost dimension fastest.
  IRMapping mapping;
  Value rest = linear;
  for (int64_t d = loop.getNumLoops() - 1; d >= 0; --d) {
    Value index = b.createOrFold<arith::RemSIOp>(loc, rest, trips[d]);
    rest = b.createOrFold<arith::DivSIOp>(loc, rest, trips[d]);
    Value scaled = b.createOrFold<arith::MulIOp>(loc, index, loop.getStep()[d]);
    Value iv =
        b.createOrFold<arith::AddIOp>(loc, loop.getLowerBound()[d], scaled);
    mapping.map(loop.getInductionVars()[d], iv);
  }
  for (Operation &op : loop.getBody()->without_terminator())
    b.clone(op, mapping);
  loop.erase();
}

namespace {
struct SpectralMapToGPUPass
    : spectral::impl::SpectralMapToGPUBase<SpectralMapToGPUPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (blockSize <= 0 || blockSize > 1024) {
      module.emitError() << "spectral-map-to-gpu: block-size must be in "
                            "[1, 1024], got "
                         << static_cast<int64_t>(blockSize);
      return signalPassFailure();
    }
    copiesToLinalg(module);
    int64_t sequential = 0;
    if (failed(linalgToParallelLoops(module, sequential)))
      return signalPassFailure();
    numHostLoops += sequential;

    // Outermost host loops only: nested ones run inside their kernel.
    SmallVector<scf::ParallelOp> loops;
    module.walk([&](scf::ParallelOp loop) {
      if (isInDeviceCode(loop) || loop->getParentOfType<scf::ParallelOp>())
        return;
      if (!loop.getInitVals().empty()) {
        // A parallel reduction: left to the host, like the sequential
        // loops above, which reads the managed buffers spectral-gpu-memory
        // allocates.
        ++numHostLoops;
        return;
      }
      loops.push_back(loop);
    });
    for (scf::ParallelOp loop : loops) {
      mapLoopToLaunch(loop, blockSize);
      ++numKernels;
    }
  }
};
} // namespace
