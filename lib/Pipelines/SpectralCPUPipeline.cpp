//===- SpectralCPUPipeline.cpp - Spectral IR to LLVM for the CPU ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Pipelines/Pipelines.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/BufferizationToMemRef/BufferizationToMemRef.h"
#include "mlir/Conversion/ComplexToLLVM/ComplexToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::spectral;

/// `pass` configured by its option string `options` (the pass's own
/// syntax), or null after reporting through `errorHandler`.
static std::unique_ptr<Pass>
configure(std::unique_ptr<Pass> pass, StringRef options,
          function_ref<LogicalResult(const Twine &)> errorHandler) {
  if (failed(pass->initializeOptions(options, errorHandler)))
    return nullptr;
  return pass;
}

LogicalResult mlir::spectral::buildSpectralCPUPipeline(
    OpPassManager &pm, const SpectralCPUPipelineOptions &options,
    function_ref<LogicalResult(const Twine &)> errorHandler) {
  std::unique_ptr<Pass> compressConstants =
      configure(createSpectralCompressConstants(), options.compressConstants,
                errorHandler);
  std::unique_ptr<Pass> stream =
      configure(createSpectralStream(), options.stream, errorHandler);
  std::unique_ptr<Pass> expandStorage = configure(
      createSpectralExpandStorage(), options.expandStorage, errorHandler);
  std::unique_ptr<Pass> convertToRuntime = configure(
      createConvertSpectralToRuntime(), options.convertToRuntime, errorHandler);
  if (!compressConstants || !stream || !expandStorage || !convertToRuntime)
    return failure();

  // Constant weights compressed at compile time (exactly, or lossily within
  // an error budget when one is given).
  pm.addPass(std::move(compressConstants));

  // Compressed weights streamed through tile groups where they are large.
  pm.addPass(std::move(stream));

  // Spectral ops to DPS mid-level ops and linalg on tensors.
  pm.addPass(std::move(expandStorage));
  pm.addPass(createCanonicalizerPass());

  // Tensors to buffers, with deallocation.
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  bufferization::buildBufferDeallocationPipeline(pm);
  // Clones the deallocation inserted (e.g. for returned aliases) to memref.
  pm.addPass(createConvertBufferizationToMemRefPass());

  // Transforms to runtime calls; pointwise work to loops.
  pm.addPass(std::move(convertToRuntime));
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());

  // Everything to the LLVM dialect.
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createConvertMathToLLVMPass());
  // Allocations go through the runtime's generic allocation functions, which
  // reuse large freed blocks across calls (see runtime/lib/BufferCache.cpp).
  FinalizeMemRefToLLVMConversionPassOptions memrefToLLVM;
  memrefToLLVM.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVM));
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  // Compile-time compressed coefficients are complex dense resources.
  pm.addPass(createSpectralLegalizeComplexResources());
  return success();
}

void mlir::spectral::registerSpectralPipelines() {
  // Registered by hand rather than with PassPipelineRegistration, whose
  // builders cannot fail: a bad forwarded pass option must be an error.
  registerPassPipeline(
      "spectral-cpu-pipeline",
      "Lower spectral IR on tensors to the LLVM dialect for the CPU runtime "
      "(FFTW): compress-constants, stream, expand-storage, one-shot "
      "bufferization, "
      "convert-spectral-to-runtime, then the standard lowering to LLVM",
      [](OpPassManager &pm, StringRef text,
         function_ref<LogicalResult(const Twine &)> errorHandler) {
        SpectralCPUPipelineOptions options;
        std::string message;
        llvm::raw_string_ostream stream(message);
        if (failed(options.parseFromString(text, stream)))
          return errorHandler(message);
        return buildSpectralCPUPipeline(pm, options, errorHandler);
      },
      [](function_ref<void(const detail::PassOptions &)> handler) {
        handler(SpectralCPUPipelineOptions());
      });
}
