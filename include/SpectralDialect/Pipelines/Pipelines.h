//===- Pipelines.h - Spectral lowering pipelines ----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_PIPELINES_PIPELINES_H
#define SPECTRALDIALECT_PIPELINES_PIPELINES_H

#include "SpectralDialect/Transforms/Passes.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;
namespace spectral {

/// Options of `spectral-cpu-pipeline`. Defaults come from the passes' own
/// option structs, so a pass and the pipeline cannot disagree on them.
struct SpectralCPUPipelineOptions
    : public PassPipelineOptions<SpectralCPUPipelineOptions> {
  PassOptions::Option<bool> fastConvolutionSizes{
      *this, "fast-conv-sizes",
      llvm::cl::desc("spectral-expand-storage: round convolution FFT lengths "
                     "up to 2^a 3^b 5^c 7^d sizes"),
      llvm::cl::init(SpectralExpandStorageOptions().fastConvolutionSizes)};

  SpectralExpandStorageOptions getExpandStorageOptions() const;
};

/// From spectral IR on tensors to the LLVM dialect, runnable with
/// `mlir-runner` (or the ExecutionEngine) and `libspectral_runtime.so`.
void buildSpectralCPUPipeline(OpPassManager &pm,
                              const SpectralCPUPipelineOptions &options);

/// Registers `spectral-cpu-pipeline` with the pass registry.
void registerSpectralPipelines();

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_PIPELINES_PIPELINES_H
