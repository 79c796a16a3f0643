//===- PipelineCommon.cpp - Steps shared by the spectral pipelines --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "PipelineCommon.h"

#include "SpectralDialect/Compression/Passes.h"
#include "SpectralDialect/Conversion/Passes.h"
#include "SpectralDialect/Transforms/Passes.h"

#include "mlir/Conversion/BufferizationToMemRef/BufferizationToMemRef.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::spectral;

void mlir::spectral::buildSpectralToBuffersPipeline(
    OpPassManager &pm, const SpectralFFTConvolutionOptions &fftConvolution,
    const SpectralCompressConstantsOptions &compressConstants,
    const SpectralStreamOptions &stream,
    const SpectralExpandStorageOptions &expandStorage) {
  // Programs that come from TOSA frontends: FFTs raised, the rest lowered to
  // linalg, tensor and arith. A no-op on programs without TOSA.
  pm.addPass(createSpectralLowerTosa());

  // Gradients (VJPs) of the functions marked with spectral.gradient, built
  // from the spectral ops before anything lowers them. A no-op elsewhere.
  pm.addPass(createSpectralDifferentiate());

  // Long convolutions to FFT convolutions, where the cost model says so.
  pm.addPass(createSpectralFFTConvolution(fftConvolution));

  // Constant weights compressed at compile time (exactly, or lossily within
  // an error budget when one is given).
  pm.addPass(createSpectralCompressConstants(compressConstants));

  // Compressed weights streamed through tile groups where they are large.
  pm.addPass(createSpectralStream(stream));

  // Spectral ops to DPS mid-level ops and linalg on tensors.
  pm.addPass(createSpectralExpandStorage(expandStorage));
  pm.addPass(createCanonicalizerPass());
  // A gradient recomputes transforms of its primal (the kept modes of a
  // mode_mix input, the cotangent's spectrum shared by two adjoints): once
  // lowered they are the same IR, and computed once.
  pm.addPass(createCSEPass());

  // Tensors to buffers, with deallocation.
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  bufferization::buildBufferDeallocationPipeline(pm);
  // Clones the deallocation inserted (e.g. for returned aliases) to memref.
  pm.addPass(createConvertBufferizationToMemRefPass());
}
