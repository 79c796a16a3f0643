//===- GPUMemory.cpp - Host allocations to GPU-accessible memory ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// After spectral-map-to-gpu (and kernel outlining and gpu-async-region, whose
// async forms `gpu.alloc host_shared` does not allow), kernels and CUDA
// runtime calls read and write
// the buffers that bufferization allocated with memref.alloc. Those that
// device code can reach become CUDA managed allocations (`gpu.alloc
// host_shared`): kernels and cuFFT/cuBLAS use them at device bandwidth once
// their pages live on the device, and the host code that remains (printing,
// sequential reductions, the deallocation helpers) still reads them after the
// launches it follows have completed. Buffers that only host code touches
// stay in host memory. Constant globals used by device code are copied into
// managed buffers.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/GPU/Passes.h"
#include "SpectralDialect/RuntimeABI/RuntimeSymbols.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALGPUMEMORY
#include "SpectralDialect/GPU/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// Whether device code may access `buffer` or a view of it: it is used
/// inside a kernel or passed to an outlined one, passed to a CUDA runtime
/// function, or leaves the function (call operand, return value, region yield),
/// where device code elsewhere may use it. Loads, stores, deallocation and
/// metadata queries of host code do not count.
static bool isDeviceReachable(Value buffer);

/// Whether `buffer` or a view of it is returned by its function.
static bool isReturned(Value buffer) {
  for (Operation *user : buffer.getUsers()) {
    if (isa<func::ReturnOp>(user))
      return true;
    if (isa<ViewLikeOpInterface, memref::CastOp>(user) &&
        llvm::any_of(user->getResults(), isReturned))
      return true;
  }
  return false;
}

/// Whether `use` is the tile spectrum shape of a CUDA runtime top-k, scatter
/// or gather, which the runtime reads on the host (SpectralCUDARuntime.h).
static bool isHostArgumentOfRuntime(OpOperand &use) {
  auto call = dyn_cast<func::CallOp>(use.getOwner());
  if (!call)
    return false;
  std::optional<RuntimeFunction> function =
      lookupRuntimeFunction(RuntimeTarget::CUDA, call.getCallee());
  unsigned index = use.getOperandNumber();
  return (function == RuntimeFunction::TopK && index == 1) ||
         ((function == RuntimeFunction::Scatter ||
           function == RuntimeFunction::Gather) &&
          index == 2);
}

static bool isDeviceReachable(Value buffer) {
  for (OpOperand &use : buffer.getUses()) {
    Operation *user = use.getOwner();
    if (isHostArgumentOfRuntime(use))
      continue;
    if (isa<gpu::LaunchFuncOp>(user) || user->getParentOfType<gpu::LaunchOp>())
      return true;
    if (isa<func::CallOp, func::ReturnOp, RegionBranchTerminatorOpInterface>(
            user))
      return true;
    if (isa<ViewLikeOpInterface, memref::CastOp>(user)) {
      if (llvm::any_of(user->getResults(), isDeviceReachable))
        return true;
      continue;
    }
    if (isa<memref::LoadOp, memref::StoreOp, memref::DeallocOp, memref::DimOp,
            memref::ExtractAlignedPointerAsIndexOp,
            memref::ExtractStridedMetadataOp>(user))
      continue;
    // Any other user (a copy, an op with regions) is treated as device code.
    return true;
  }
  return false;
}

/// `gpu.dealloc` needs an async token chain to be lowered: wait, free, wait.
static void createDeviceDealloc(OpBuilder &b, Location loc, Value buffer) {
  auto tokenType = gpu::AsyncTokenType::get(b.getContext());
  Value ready =
      gpu::WaitOp::create(b, loc, tokenType, ValueRange()).getAsyncToken();
  Value freed =
      gpu::DeallocOp::create(b, loc, tokenType, ValueRange(ready), buffer)
          .getAsyncToken();
  gpu::WaitOp::create(b, loc, Type(), ValueRange(freed));
}

/// A managed allocation of `type`, with the dynamic sizes `sizes`.
static Value createManagedAlloc(OpBuilder &b, Location loc, MemRefType type,
                                ValueRange sizes) {
  return gpu::AllocOp::create(b, loc, type, /*asyncToken=*/Type(),
                              /*asyncDependencies=*/ValueRange(), sizes,
                              /*symbolOperands=*/ValueRange(),
                              /*hostShared=*/b.getUnitAttr())
      .getMemref();
}

namespace {
struct SpectralGPUMemoryPass
    : spectral::impl::SpectralGPUMemoryBase<SpectralGPUMemoryPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    WalkResult result = module.walk([&](Operation *op) {
      if (isa<gpu::GPUModuleOp>(op))
        return WalkResult::skip();
      if (op->getParentOfType<gpu::LaunchOp>())
        return WalkResult::advance();
      if (auto alloca = dyn_cast<memref::AllocaOp>(op)) {
        if (isDeviceReachable(alloca.getResult()) &&
            alloca->getParentOfType<func::FuncOp>()) {
          alloca.emitOpError()
              << "is a stack buffer that GPU code reads or writes; "
                 "spectral-gpu-memory can only move heap buffers "
                 "(memref.alloc) to device-accessible memory";
          return WalkResult::interrupt();
        }
      }
      return WalkResult::advance();
    });
    if (result.wasInterrupted())
      return signalPassFailure();

    // Allocations reachable from device code become managed.
    SmallVector<memref::AllocOp> allocs;
    module.walk([&](memref::AllocOp alloc) {
      if (!alloc->getParentOfType<gpu::LaunchOp>() &&
          !alloc->getParentOfType<gpu::GPUModuleOp>() &&
          isDeviceReachable(alloc.getResult()))
        allocs.push_back(alloc);
    });
    for (memref::AllocOp alloc : allocs) {
      OpBuilder b(alloc);
      Value managed = createManagedAlloc(b, alloc.getLoc(), alloc.getType(),
                                         alloc.getDynamicSizes());
      alloc.replaceAllUsesWith(managed);
      alloc.erase();
      ++numManaged;
    }

    // A buffer freed by host code may have been allocated in another
    // function; only those whose allocation is visibly a host one stay
    // host frees (device-reachable buffers never flow into them).
    SmallVector<memref::DeallocOp> deallocs;
    module.walk([&](memref::DeallocOp dealloc) {
      if (dealloc->getParentOfType<gpu::GPUModuleOp>())
        return;
      Value root = getRootBuffer(dealloc.getMemref());
      if (root.getDefiningOp<memref::AllocOp>() ||
          root.getDefiningOp<memref::AllocaOp>())
        return;
      deallocs.push_back(dealloc);
    });
    for (memref::DeallocOp dealloc : deallocs) {
      OpBuilder b(dealloc);
      createDeviceDealloc(b, dealloc.getLoc(), dealloc.getMemref());
      dealloc.erase();
    }

    // Constants that device code reads: a managed copy made at function
    // entry (once per call, also for a use inside a loop), freed before the
    // function returns.
    SmallVector<memref::GetGlobalOp> globals;
    module.walk([&](memref::GetGlobalOp get) {
      if (!get->getParentOfType<gpu::LaunchOp>() &&
          !get->getParentOfType<gpu::GPUModuleOp>() &&
          isDeviceReachable(get.getResult()))
        globals.push_back(get);
    });
    for (memref::GetGlobalOp get : globals) {
      auto func = get->getParentOfType<func::FuncOp>();
      if (!func) {
        get.emitOpError() << "is used by GPU code outside a function";
        return signalPassFailure();
      }
      if (isReturned(get.getResult())) {
        get.emitOpError()
            << "is returned by its function and used by GPU code: "
               "spectral-gpu-memory cannot tell when the caller is done with "
               "the device copy of the constant; return a copy instead";
        return signalPassFailure();
      }
      get->moveBefore(&func.getBody().front().front());
      OpBuilder b(get->getBlock(), std::next(get->getIterator()));
      Value copy = createManagedAlloc(b, get.getLoc(), get.getType(), {});
      get.getResult().replaceAllUsesExcept(copy, {});
      memref::CopyOp::create(b, get.getLoc(), get.getResult(), copy);
      func.walk([&](func::ReturnOp ret) {
        OpBuilder end(ret);
        createDeviceDealloc(end, ret.getLoc(), copy);
      });
      ++numConstantCopies;
    }
  }
};
} // namespace
