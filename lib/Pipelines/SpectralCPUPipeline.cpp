//===- SpectralCPUPipeline.cpp - Spectral IR to LLVM for the CPU ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "PipelineCommon.h"
#include "SpectralDialect/Conversion/Passes.h"
#include "SpectralDialect/Pipelines/Pipelines.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ComplexToLLVM/ComplexToLLVM.h"
#include "mlir/Conversion/ComplexToStandard/ComplexToStandard.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/MathToFuncs/MathToFuncs.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/OpenMPToLLVM/ConvertOpenMPToLLVM.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::spectral;

void mlir::spectral::buildSpectralCPUPipeline(
    OpPassManager &pm, const SpectralCPUPipelineOptions &options) {
  buildSpectralToBuffersPipeline(pm, options);

  // Transforms to runtime calls; pointwise work to loops, parallel ones on
  // the runtime's threads.
  pm.addPass(
      createConvertSpectralToRuntime(options.getConvertToRuntimeOptions()));
  if (options.parallel)
    pm.addPass(createSpectralParallelLoops({options.iterationsPerThread}));
  else
    pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());

  // Everything to the LLVM dialect. The complex ops LLVM has no lowering
  // for (conj, exp, log, sqrt, trigonometry, pow, ...) become arith and math
  // on their parts first; the rest go to LLVM directly.
  pm.addPass(createConvertComplexToStandardPass());
  // Integer powers (math.ipowi, fpowi) and bit counts become functions.
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createConvertMathToLLVMPass());
  // What LLVM has no intrinsic for (erf, erfc, cbrt, asinh, acosh, atanh,
  // atan2, ...) calls the C math library, which mlir-runner's process and
  // sst-compile's programs link.
  pm.addPass(createConvertMathToLibmPass());
  // Allocations go through the runtime's generic allocation functions, which
  // reuse large freed blocks across calls (see runtime/lib/BufferCache.cpp).
  FinalizeMemRefToLLVMConversionPassOptions memrefToLLVM;
  memrefToLLVM.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVM));
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  // Compile-time compressed coefficients are complex dense resources.
  pm.addPass(createSpectralLegalizeComplexResources());
  pm.addPass(createSpectralCheckLowered());
}

void mlir::spectral::registerSpectralCPUPipeline() {
  registerPipeline<SpectralCPUPipelineOptions>(
      "spectral-cpu-pipeline",
      "Lower spectral IR on tensors to the LLVM dialect for the CPU runtime "
      "(FFTW): compress-constants, stream, expand-storage, one-shot "
      "bufferization, convert-spectral-to-runtime, then the standard "
      "lowering to LLVM",
      buildSpectralCPUPipeline);
}
