//===- LowerTosa.cpp - The pipelines' TOSA front door ---------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A dynamic pipeline rather than passes added to the spectral pipelines:
// TOSA's lowering canonicalizes, which would move constants of programs
// without TOSA and erase the locations spectral-compress-constants names
// them by.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Conversion/Passes.h"

#include "mlir/Conversion/TosaToArith/TosaToArith.h"
#include "mlir/Conversion/TosaToLinalg/TosaToLinalg.h"
#include "mlir/Conversion/TosaToSCF/TosaToSCF.h"
#include "mlir/Conversion/TosaToTensor/TosaToTensor.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALLOWERTOSA
#include "SpectralDialect/Conversion/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

namespace {

void buildTosaLowering(OpPassManager &pm) {
  // FFTs first, before tosa-to-linalg turns them into direct O(N^2) DFTs.
  pm.addPass(createSpectralRaiseTosa());
  // Control flow before tosa-to-linalg, which expects cond_if / while_loop
  // bodies inlined into scf.
  pm.addNestedPass<func::FuncOp>(createTosaToSCFPass());
  tosa::addTosaToLinalgPasses(pm, TosaToLinalgOptions(),
                              TosaToLinalgNamedOptions());
  pm.addNestedPass<func::FuncOp>(createTosaToTensorPass());
  pm.addNestedPass<func::FuncOp>(createTosaToArithPass());
  // tosa-to-tensor leaves the tosa.const_shape operands it consumed.
  pm.addPass(createCanonicalizerPass());
}

bool isTosa(Operation *op) { return isa<tosa::TosaDialect>(op->getDialect()); }

struct SpectralLowerTosaPass
    : spectral::impl::SpectralLowerTosaBase<SpectralLowerTosaPass> {
  void getDependentDialects(DialectRegistry &registry) const override {
    OpPassManager pm(ModuleOp::getOperationName());
    buildTosaLowering(pm);
    pm.getDependentDialects(registry);
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!module
             .walk([](Operation *op) {
               return isTosa(op) ? WalkResult::interrupt()
                                 : WalkResult::advance();
             })
             .wasInterrupted()) {
      markAllAnalysesPreserved();
      return;
    }
    OpPassManager pm(ModuleOp::getOperationName());
    buildTosaLowering(pm);
    if (failed(runPipeline(pm, module)))
      return signalPassFailure();

    WalkResult left = module.walk([](Operation *op) {
      if (!isTosa(op))
        return WalkResult::advance();
      op->emitOpError() << "is left after TOSA's standard lowering "
                           "(tosa-to-linalg, tosa-to-tensor, tosa-to-arith, "
                           "tosa-to-scf), which the spectral pipelines need";
      return WalkResult::interrupt();
    });
    if (left.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
