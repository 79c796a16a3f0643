//===- Registration.cpp - Registration of the spectral pipelines ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Pipelines/Pipelines.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace mlir::spectral;

/// Registers pipeline `name` built by `build` from options of type
/// `Options`. Registered by hand rather than with PassPipelineRegistration,
/// whose builders cannot fail: a bad forwarded pass option must be an
/// error.
template <typename Options>
static void registerPipeline(
    StringRef name, StringRef description,
    LogicalResult (*build)(OpPassManager &, const Options &,
                           function_ref<LogicalResult(const Twine &)>)) {
  registerPassPipeline(
      name, description,
      [build](OpPassManager &pm, StringRef text,
              function_ref<LogicalResult(const Twine &)> errorHandler) {
        Options options;
        std::string message;
        llvm::raw_string_ostream stream(message);
        if (failed(options.parseFromString(text, stream)))
          return errorHandler(message);
        return build(pm, options, errorHandler);
      },
      [](function_ref<void(const detail::PassOptions &)> handler) {
        handler(Options());
      });
}

void mlir::spectral::registerSpectralPipelines() {
  registerPipeline<SpectralCPUPipelineOptions>(
      "spectral-cpu-pipeline",
      "Lower spectral IR on tensors to the LLVM dialect for the CPU runtime "
      "(FFTW): compress-constants, stream, expand-storage, one-shot "
      "bufferization, convert-spectral-to-runtime, then the standard "
      "lowering to LLVM",
      buildSpectralCPUPipeline);
  registerPipeline<SpectralGPUPipelineOptions>(
      "spectral-gpu-pipeline",
      "Lower spectral IR on tensors to the LLVM dialect for NVIDIA GPUs: the "
      "CPU pipeline's passes up to bufferization, "
      "convert-spectral-to-runtime{target=cuda} (cuFFT, cuBLAS, device "
      "top-k), spectral-map-to-gpu, spectral-gpu-memory, kernel outlining "
      "and async token chains, then NVVM kernels compiled to a cubin per "
      "chip and host code in the LLVM dialect",
      buildSpectralGPUPipeline);
}
