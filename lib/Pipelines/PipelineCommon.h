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

#include "SpectralDialect/Transforms/Passes.h"

#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/LLVM.h"

#include <memory>

namespace mlir {
class OpPassManager;
namespace spectral {

/// `pass` configured by its option string `options` (the pass's own
/// syntax), or null after reporting through `errorHandler`.
std::unique_ptr<Pass>
configurePass(std::unique_ptr<Pass> pass, StringRef options,
              function_ref<LogicalResult(const Twine &)> errorHandler);

/// The target-independent start of every spectral pipeline: the TOSA front
/// door (spectral-lower-tosa), FFT convolution, compile-time
/// compression, streaming, storage expansion, one-shot bufferization with
/// deallocation, configured by the forwarded option strings. Fails, through
/// `errorHandler`, when one of them is invalid.
LogicalResult buildSpectralToBuffersPipeline(
    OpPassManager &pm, StringRef fftConvolution, StringRef compressConstants,
    const SpectralStreamOptions &stream, StringRef expandStorage,
    function_ref<LogicalResult(const Twine &)> errorHandler);

/// Registers pipeline `name` built by `build` from options of type
/// `Options`. Registered by hand rather than with PassPipelineRegistration,
/// whose builders cannot fail: a bad forwarded pass option must be an
/// error.
template <typename Options>
void registerPipeline(
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

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_LIB_PIPELINES_PIPELINECOMMON_H
