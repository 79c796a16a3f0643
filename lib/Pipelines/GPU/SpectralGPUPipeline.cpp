//===- SpectralGPUPipeline.cpp - Spectral IR to LLVM for NVIDIA GPUs ------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The GPU pipeline shares the CPU pipeline's passes up to bufferization.
// Transforms, top-k, scatter and GEMMs then call the CUDA runtime (cuFFT,
// cuBLAS, device top-k); every other data-parallel loop nest becomes a
// kernel; the buffers they touch move to managed memory; kernels are
// outlined, chained with async tokens, compiled through the NVVM target to
// one cubin per chip and packed into one fat binary; host code is lowered to
// the LLVM dialect as upstream's gpu-lower-to-nvvm-pipeline does.
//
//===----------------------------------------------------------------------===//

#include "../PipelineCommon.h"
#include "SpectralDialect/Conversion/Passes.h"
#include "SpectralDialect/GPU/CUDAToolkit.h"
#include "SpectralDialect/GPU/Passes.h"
#include "SpectralDialect/Pipelines/Pipelines.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ComplexToLLVM/ComplexToLLVM.h"
#include "mlir/Conversion/ComplexToStandard/ComplexToStandard.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/GPUCommon/GPUCommonPass.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVMPass.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::spectral;

/// The chips kernels are compiled for when the pipeline's `chips` option
/// names none: Ampere and Hopper, one cubin each.
static const char *const kDefaultChips[] = {"sm_80", "sm_90"};

/// gpu-module-to-binary's name of `format`.
static StringRef getCompilationTarget(GPUBinaryFormat format) {
  switch (format) {
  case GPUBinaryFormat::Bin:
    return "bin";
  case GPUBinaryFormat::ISA:
    return "isa";
  case GPUBinaryFormat::Fatbin:
    return "fatbin";
  }
  llvm_unreachable("every GPUBinaryFormat is handled");
}

SmallVector<std::string> SpectralGPUPipelineOptions::getChips() const {
  if (chips.empty())
    return SmallVector<std::string>(std::begin(kDefaultChips),
                                    std::end(kDefaultChips));
  return SmallVector<std::string>(chips.begin(), chips.end());
}

LogicalResult SpectralGPUPipelineOptions::verify(
    function_ref<LogicalResult(const Twine &)> errorHandler) const {
  SmallVector<std::string> chosenChips = getChips();
  for (const std::string &chip : chosenChips)
    if (!StringRef(chip).starts_with("sm_"))
      return errorHandler("spectral-gpu-pipeline: chip '" + chip +
                          "' is not an NVIDIA architecture (sm_XY)");
  if (format != GPUBinaryFormat::Bin && chosenChips.size() > 1)
    return errorHandler("spectral-gpu-pipeline: several chips are packed "
                        "into one fat binary from their cubins, which needs "
                        "format=bin; format '" +
                        getCompilationTarget(format) +
                        "' takes exactly one chip");
  if (optLevel < 0 || optLevel > 3)
    return errorHandler("spectral-gpu-pipeline: opt-level must be 0 to 3");
  std::string whyNotToolkit;
  if (failed(findCUDAToolkit(toolkit, whyNotToolkit)))
    return errorHandler(
        toolkit.empty()
            ? "spectral-gpu-pipeline: no CUDA toolkit found (a directory "
              "with bin/ptxas and nvvm/libdevice/libdevice.10.bc: " +
                  getCUDAToolkitSearchDescription() +
                  "); give its directory as toolkit=<dir>"
            : "spectral-gpu-pipeline: toolkit '" + toolkit + "' " +
                  whyNotToolkit);
  return success();
}

void mlir::spectral::buildSpectralGPUPipeline(
    OpPassManager &pm, const SpectralGPUPipelineOptions &options) {
  SmallVector<std::string> chips = options.getChips();
  // Unverified options keep the user's toolkit, for the passes that use it
  // to report.
  std::string whyNotToolkit;
  FailureOr<std::string> found =
      findCUDAToolkit(options.toolkit, whyNotToolkit);
  std::string toolkit = succeeded(found) ? *found : options.toolkit.getValue();

  buildSpectralToBuffersPipeline(pm, options);

  // Transforms, top-k, scatter and GEMMs to the CUDA runtime; the rest of
  // the data-parallel work to kernels on managed buffers.
  pm.addPass(
      createConvertSpectralToRuntime(options.getConvertToRuntimeOptions()));
  if (options.overlapGroups)
    pm.addPass(createSpectralGPUOverlapGroups());
  pm.addPass(createSpectralMapToGPU(options.getMapToGPUOptions()));
  pm.addPass(createGpuKernelOutliningPass());
  pm.addNestedPass<func::FuncOp>(createGpuAsyncRegionPass());
  // After gpu-async-region, which would make the managed allocations
  // asynchronous (gpu-to-llvm lowers only synchronous ones).
  pm.addPass(createSpectralGPUMemory());

  // Host and kernel code to the LLVM dialect (the steps of upstream's
  // gpu-lower-to-nvvm-pipeline, with one NVVM target per chip).
  pm.addPass(createSCFToControlFlowPass());
  // Complex ops without an LLVM lowering become arith and math on their
  // parts, in kernels (math through libdevice) and host code alike.
  pm.addPass(createConvertComplexToStandardPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  for (const std::string &chip : chips) {
    GpuNVVMAttachTargetOptions target;
    target.chip = chip;
    target.features = options.features;
    target.optLevel = options.optLevel;
    pm.addPass(createGpuNVVMAttachTarget(target));
  }
  pm.addPass(createLowerAffinePass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  pm.addNestedPass<gpu::GPUModuleOp>(createStripDebugInfoPass());
  pm.addNestedPass<gpu::GPUModuleOp>(createConvertGpuOpsToNVVMOps());
  pm.addNestedPass<gpu::GPUModuleOp>(createCanonicalizerPass());
  pm.addNestedPass<gpu::GPUModuleOp>(createCSEPass());
  pm.addNestedPass<gpu::GPUModuleOp>(createReconcileUnrealizedCastsPass());

  pm.addPass(createGpuToLLVMConversionPass());
  GpuModuleToBinaryPassOptions toBinary;
  toBinary.compilationTarget = getCompilationTarget(options.format).str();
  toBinary.toolkitPath = toolkit;
  pm.addPass(createGpuModuleToBinaryPass(toBinary));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  // Compile-time compressed coefficients are complex dense resources.
  pm.addPass(createSpectralLegalizeComplexResources());
  // One cubin per chip in one fat binary the driver chooses from.
  if (chips.size() > 1) {
    SpectralPackFatbinOptions pack;
    pack.toolkit = toolkit;
    pm.addPass(createSpectralPackFatbin(pack));
  }
  pm.addPass(createSpectralCheckLowered());
}

void mlir::spectral::registerSpectralGPUPipeline() {
  registerPipeline<SpectralGPUPipelineOptions>(
      "spectral-gpu-pipeline",
      "Lower spectral IR on tensors to the LLVM dialect for NVIDIA GPUs: the "
      "CPU pipeline's passes up to bufferization, "
      "convert-spectral-to-runtime{target=cuda} (cuFFT, cuBLAS, device "
      "top-k), spectral-map-to-gpu, spectral-gpu-memory, kernel outlining "
      "and async token chains, then NVVM kernels compiled to a cubin per "
      "chip and host code in the LLVM dialect",
      buildSpectralGPUPipeline,
      +[](const SpectralGPUPipelineOptions &options,
          function_ref<LogicalResult(const Twine &)> errorHandler) {
        return options.verify(errorHandler);
      });
}
