//===- OverlapGroups.cpp - Overlap a streamed loop's decompression and GEMM
//===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A streamed matmul (spectral-stream) is, after convert-spectral-to-runtime
// {target=cuda}, a loop whose iteration decompresses one tile group into
// fresh buffers and multiplies it into a loop-invariant accumulator with one
// spectral_cuda_gemm call. Every runtime call completes before it returns,
// so decompression and GEMM alternate. This pass lets them overlap: the GEMM
// becomes spectral_cuda_gemm_*_overlapped on a lane of the CUDA runtime (its
// own stream), the buffer it reads gets two copies chosen by the parity of
// the group, and the group's other buffers, used only synchronously, one
// copy hoisted out of the loop. Overlap.h in the CUDA runtime says why the
// runtime's events then keep every access ordered.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/GPU/Passes.h"
#include "SpectralDialect/RuntimeABI/RuntimeSymbols.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/SetVector.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALGPUOVERLAPGROUPS
#include "SpectralDialect/GPU/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// The operations that use `buffer` or a view of it (not the views).
static void collectBufferUsers(Value buffer,
                               SmallVectorImpl<OpOperand *> &uses) {
  for (OpOperand &use : buffer.getUses()) {
    Operation *user = use.getOwner();
    if (isa<ViewLikeOpInterface, memref::CastOp>(user)) {
      for (Value result : user->getResults())
        collectBufferUsers(result, uses);
      continue;
    }
    uses.push_back(&use);
  }
}

namespace {

/// A loop the pass rewrites, and the buffers it moves.
struct OverlapPlan {
  scf::ForOp loop;
  func::CallOp gemm;
  /// The allocation the GEMM reads as B: two copies.
  memref::AllocOp group;
  /// The other per-iteration allocations: one copy each.
  SmallVector<memref::AllocOp> hoisted;
  /// The deallocation of each of `group` and `hoisted`, in the body.
  DenseMap<Operation *, memref::DeallocOp> deallocs;
};

struct SpectralGPUOverlapGroupsPass
    : spectral::impl::SpectralGPUOverlapGroupsBase<
          SpectralGPUOverlapGroupsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<OverlapPlan> plans;
    module.walk([&](scf::ForOp loop) {
      if (loop->getParentOfType<gpu::GPUModuleOp>() ||
          loop->getParentOfType<gpu::LaunchOp>())
        return;
      if (std::optional<OverlapPlan> plan = analyse(loop))
        plans.push_back(std::move(*plan));
    });
    for (OverlapPlan &plan : plans)
      if (failed(rewrite(module, plan)))
        return signalPassFailure();
  }

  static bool isGemm(func::CallOp call) {
    std::optional<RuntimeFunction> function =
        lookupRuntimeFunction(RuntimeTarget::CUDA, call.getCallee());
    return function == RuntimeFunction::GemmF32 ||
           function == RuntimeFunction::GemmF64;
  }

  /// The deallocation of `alloc` in `body` if it is its only one and the
  /// buffer does not leave the iteration; else null.
  static memref::DeallocOp getIterationDealloc(memref::AllocOp alloc,
                                               Block &body) {
    SmallVector<OpOperand *> uses;
    collectBufferUsers(alloc.getResult(), uses);
    memref::DeallocOp dealloc;
    for (OpOperand *use : uses) {
      Operation *user = use->getOwner();
      if (isa<scf::YieldOp>(user))
        return nullptr;
      if (auto free = dyn_cast<memref::DeallocOp>(user)) {
        if (dealloc || free->getBlock() != &body)
          return nullptr;
        dealloc = free;
      }
    }
    return dealloc;
  }

  /// The plan for `loop`, or none, with a remark saying why for a loop
  /// that has a GEMM.
  std::optional<OverlapPlan> analyse(scf::ForOp loop) {
    Block &body = *loop.getBody();
    SmallVector<func::CallOp> gemms;
    // GEMMs of inner loops are those loops' business.
    loop.walk([&](func::CallOp call) {
      if (isGemm(call) && call->getParentOfType<scf::ForOp>() == loop)
        gemms.push_back(call);
    });
    if (gemms.empty())
      return std::nullopt;
    auto skip = [&](const Twine &why) -> std::optional<OverlapPlan> {
      loop.emitRemark() << "not overlapped: " << why;
      return std::nullopt;
    };
    if (gemms.size() != 1)
      return skip("the loop has " + Twine(gemms.size()) +
                  " GEMMs, expected the one of a streamed matmul");
    func::CallOp gemm = gemms.front();
    if (gemm->getBlock() != &body)
      return skip("the GEMM is nested in another region of the loop");

    Value lhs = getRootBuffer(gemm.getOperand(0));
    Value rhs = getRootBuffer(gemm.getOperand(1));
    Value out = getRootBuffer(gemm.getOperand(2));
    if (!loop.isDefinedOutsideOfLoop(out))
      return skip("the GEMM's accumulator is not a buffer of the enclosing "
                  "code");
    if (!loop.isDefinedOutsideOfLoop(lhs))
      return skip("the GEMM's A is not a buffer of the enclosing code");
    // A and C: nothing else in the loop may touch them, since the GEMMs run
    // while the loop goes on.
    for (Value shared : {lhs, out}) {
      SmallVector<OpOperand *> uses;
      collectBufferUsers(shared, uses);
      for (OpOperand *use : uses)
        if (use->getOwner() != gemm.getOperation() &&
            loop->isAncestor(use->getOwner()))
          return skip("another operation of the loop uses the GEMM's " +
                      Twine(shared == out ? "accumulator" : "A") + ": " +
                      use->getOwner()->getName().getStringRef());
    }

    auto group = rhs.getDefiningOp<memref::AllocOp>();
    if (!group || group->getBlock() != &body)
      return skip("the GEMM's B is not allocated by the loop's iteration");
    OverlapPlan plan;
    plan.loop = loop;
    plan.gemm = gemm;
    plan.group = group;
    // Each moved allocation: sizes known before the loop, freed once by its
    // iteration.
    for (memref::AllocOp alloc : body.getOps<memref::AllocOp>()) {
      bool sizesOutside = llvm::all_of(alloc.getOperands(), [&](Value size) {
        return loop.isDefinedOutsideOfLoop(size);
      });
      memref::DeallocOp dealloc = getIterationDealloc(alloc, body);
      if (alloc == group && (!sizesOutside || !dealloc))
        return skip("the GEMM's B is not freed by its iteration or its "
                    "sizes vary between iterations");
      if (!sizesOutside || !dealloc)
        continue;
      plan.deallocs[alloc] = dealloc;
      if (alloc != group)
        plan.hoisted.push_back(alloc);
    }
    // B: only written before the GEMM, then freed (the next write to its
    // slot waits for the GEMM; a later one in the same iteration would not).
    SmallVector<OpOperand *> uses;
    collectBufferUsers(group.getResult(), uses);
    for (OpOperand *use : uses) {
      Operation *user = body.findAncestorOpInBlock(*use->getOwner());
      if (user == gemm.getOperation() || user == plan.deallocs[group])
        continue;
      if (!user->isBeforeInBlock(gemm))
        return skip("the GEMM's B is used after the GEMM, by " +
                    use->getOwner()->getName().getStringRef());
    }
    return plan;
  }

  static std::string cudaSymbol(RuntimeFunction function) {
    return getRuntimeSymbol(RuntimeTarget::CUDA, function);
  }

  LogicalResult rewrite(ModuleOp module, OverlapPlan &plan) {
    scf::ForOp loop = plan.loop;
    MLIRContext *context = &getContext();
    Location loc = loop.getLoc();
    auto laneType = LLVM::LLVMPointerType::get(context);
    Type i64 = IntegerType::get(context, 64);
    func::FuncOp begin = getOrCreateRuntimeFunc(
        module, cudaSymbol(RuntimeFunction::OverlapBegin),
        FunctionType::get(context, {}, {laneType}), /*cInterface=*/false);
    func::FuncOp acquire = getOrCreateRuntimeFunc(
        module, cudaSymbol(RuntimeFunction::OverlapAcquire),
        FunctionType::get(context, {laneType, i64}, {}), false);
    func::FuncOp end = getOrCreateRuntimeFunc(
        module, cudaSymbol(RuntimeFunction::OverlapEnd),
        FunctionType::get(context, {laneType}, {}), false);
    SmallVector<Type> gemmInputs = {laneType, i64};
    llvm::append_range(gemmInputs, plan.gemm.getOperandTypes());
    func::FuncOp gemm = getOrCreateRuntimeFunc(
        module,
        cudaSymbol(
            lookupRuntimeFunction(RuntimeTarget::CUDA, plan.gemm.getCallee()) ==
                    RuntimeFunction::GemmF32
                ? RuntimeFunction::GemmF32Overlapped
                : RuntimeFunction::GemmF64Overlapped),
        FunctionType::get(context, gemmInputs, {}), /*cInterface=*/true);
    for (func::FuncOp decl : {begin, acquire, end, gemm})
      if (!decl.isDeclaration() ||
          (decl == gemm &&
           decl.getFunctionType().getInputs() != ArrayRef<Type>(gemmInputs)))
        return decl.emitOpError()
               << "clashes with the CUDA runtime function of that name";

    // Before the loop: the lane and the moved buffers.
    OpBuilder b(loop);
    Value lane = func::CallOp::create(b, loc, begin, ValueRange{}).getResult(0);
    auto cloneBefore = [&](memref::AllocOp alloc) {
      return cast<memref::AllocOp>(b.clone(*alloc)).getResult();
    };
    Value slots[2] = {cloneBefore(plan.group), cloneBefore(plan.group)};
    SmallVector<Value> freedAfter(std::begin(slots), std::end(slots));
    for (memref::AllocOp alloc : plan.hoisted) {
      Value copy = cloneBefore(alloc);
      alloc.replaceAllUsesWith(copy);
      freedAfter.push_back(copy);
    }

    // First in each iteration: the slot (the group's parity), and the wait
    // for the GEMM that last read it.
    Block &body = *loop.getBody();
    b.setInsertionPointToStart(&body);
    Value index = arith::DivUIOp::create(
        b, loc,
        arith::SubIOp::create(b, loc, loop.getInductionVar(),
                              loop.getLowerBound()),
        loop.getStep());
    Value two = arith::ConstantIndexOp::create(b, loc, 2);
    Value slot = arith::RemUIOp::create(b, loc, index, two);
    Value slot64 = arith::IndexCastOp::create(b, loc, i64, slot);
    func::CallOp::create(b, loc, acquire, ValueRange{lane, slot64});
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value even =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, slot, zero);
    b.setInsertionPoint(plan.group);
    Value buffer = arith::SelectOp::create(b, loc, even, slots[0], slots[1]);
    plan.group.replaceAllUsesWith(buffer);

    b.setInsertionPoint(plan.gemm);
    SmallVector<Value> args = {lane, slot64};
    llvm::append_range(args, plan.gemm.getOperands());
    func::CallOp::create(b, plan.gemm.getLoc(), gemm, args);
    plan.gemm.erase();

    for (auto &[alloc, dealloc] : plan.deallocs) {
      dealloc.erase();
      alloc->erase();
    }

    // After the loop: wait for the lane, then free the buffers.
    b.setInsertionPointAfter(loop);
    func::CallOp::create(b, loc, end, ValueRange{lane});
    for (Value freed : freedAfter)
      memref::DeallocOp::create(b, loc, freed);
    ++numOverlapped;
    return success();
  }
};
} // namespace
