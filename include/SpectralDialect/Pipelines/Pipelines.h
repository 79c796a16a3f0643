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

/// Options of `spectral-cpu-pipeline`. Each spectral pass of the pipeline
/// takes its options in its own syntax, forwarded unchanged, e.g.
/// `spectral-cpu-pipeline="expand-storage={fast-conv-sizes=false}"`: an
/// option added to a pass is available through the pipeline without being
/// declared again here.
struct SpectralCPUPipelineOptions
    : public PassPipelineOptions<SpectralCPUPipelineOptions> {
  PassOptions::Option<std::string> compressConstants{
      *this, "compress-constants",
      llvm::cl::desc("Options of spectral-compress-constants, in its own "
                     "syntax (see its --help)"),
      llvm::cl::init("")};
  PassOptions::Option<std::string> stream{
      *this, "stream",
      llvm::cl::desc("Options of spectral-stream, in its own syntax (see its "
                     "--help)"),
      llvm::cl::init("")};
  PassOptions::Option<std::string> expandStorage{
      *this, "expand-storage",
      llvm::cl::desc("Options of spectral-expand-storage, in its own syntax "
                     "(see its --help)"),
      llvm::cl::init("")};
  PassOptions::Option<std::string> convertToRuntime{
      *this, "convert-to-runtime",
      llvm::cl::desc("Options of convert-spectral-to-runtime, in its own "
                     "syntax (see its --help)"),
      llvm::cl::init("")};
};

/// From spectral IR on tensors to the LLVM dialect, runnable with
/// `mlir-runner` (or the ExecutionEngine) and `libspectral_runtime.so`.
/// Fails, through `errorHandler`, when a forwarded pass option is invalid.
LogicalResult buildSpectralCPUPipeline(
    OpPassManager &pm, const SpectralCPUPipelineOptions &options,
    function_ref<LogicalResult(const Twine &)> errorHandler);

/// Registers `spectral-cpu-pipeline` with the pass registry.
void registerSpectralPipelines();

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_PIPELINES_PIPELINES_H
