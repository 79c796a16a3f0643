//===- PipelineCommon.h - Steps shared by the spectral pipelines -*- C++
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_LIB_PIPELINES_PIPELINECOMMON_H
#define SPECTRALDIALECT_LIB_PIPELINES_PIPELINECOMMON_H

#include "SpectralDialect/Compression/Passes.h"
#include "SpectralDialect/Transforms/Passes.h"

#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/LLVM.h"

#include <memory>

namespace mlir {
class OpPassManager;
namespace spectral {

/// The target-independent start of every spectral pipeline: the TOSA front
/// door (spectral-lower-tosa), differentiation, FFT convolution,
/// compile-time compression, streaming, storage expansion, one-shot
/// bufferization with deallocation.
void buildSpectralToBuffersPipeline(
    OpPassManager &pm, const SpectralFFTConvolutionOptions &fftConvolution,
    const SpectralCompressConstantsOptions &compressConstants,
    const SpectralStreamOptions &stream,
    const SpectralExpandStorageOptions &expandStorage);

/// The same, configured by a pipeline's options struct (whose getters may
/// adjust a pass's options, as the GPU pipeline's stream options do).
template <typename Options>
void buildSpectralToBuffersPipeline(OpPassManager &pm, const Options &options) {
  buildSpectralToBuffersPipeline(pm, options.getFFTConvolutionOptions(),
                                 options.getCompressConstantsOptions(),
                                 options.getStreamOptions(),
                                 options.getExpandStorageOptions());
}

/// Registers pipeline `name` built by `build` from options of type
/// `Options`, parsed once here and checked by `check` (what the option
/// parser cannot check) before anything is built.
template <typename Options>
void registerPipeline(
    StringRef name, StringRef description,
    void (*build)(OpPassManager &, const Options &),
    LogicalResult (*check)(const Options &,
                           function_ref<LogicalResult(const Twine &)>) =
        nullptr) {
  registerPassPipeline(
      name, description,
      [build, check](OpPassManager &pm, StringRef text,
                     function_ref<LogicalResult(const Twine &)> errorHandler) {
        Options options;
        std::string message;
        llvm::raw_string_ostream stream(message);
        if (failed(options.parseFromString(text, stream)))
          return errorHandler(message);
        if (check && failed(check(options, errorHandler)))
          return failure();
        build(pm, options);
        return success();
      },
      [](function_ref<void(const detail::PassOptions &)> handler) {
        handler(Options());
      });
}

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_LIB_PIPELINES_PIPELINECOMMON_H
