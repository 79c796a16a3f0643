//===- InitAllSpectral.h - Registration for spectral tools ------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What a tool needs to parse spectral IR and run the spectral pipelines on
// it: the spectral dialect, the upstream dialects those pipelines produce,
// their interfaces and LLVM IR translations, and the passes and pipelines.
// Shared by sst-opt and sst-compile, and meant for embedders.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_INITALLSPECTRAL_H
#define SPECTRALDIALECT_INITALLSPECTRAL_H

namespace mlir {
class DialectRegistry;
namespace spectral {

/// Inserts the spectral dialect, the upstream dialects that spectral
/// pipelines produce or consume, their bufferization and convert-to-llvm
/// interfaces, the NVVM target and the translations to LLVM IR.
void registerAllSpectralDialects(DialectRegistry &registry);

/// Registers the spectral passes and the upstream passes that spectral
/// pipelines run, so that they can be named in a textual pipeline.
void registerAllSpectralPasses();

/// Registers `spectral-cpu-pipeline` and `spectral-gpu-pipeline`.
void registerAllSpectralPipelines();

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_INITALLSPECTRAL_H
