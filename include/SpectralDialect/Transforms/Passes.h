//===- Passes.h - Spectral Transforms passes --------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes of MLIRSpectralTransforms (Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_TRANSFORMS_PASSES_H
#define SPECTRALDIALECT_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
namespace spectral {

/// When spectral-fft-convolution rewrites a convolution.
enum class FFTConvolutionPolicy {
  /// Where the cost model predicts the FFT convolution to be faster.
  Auto,
  /// Every convolution it can rewrite.
  Always,
  /// None (the pass only reports its predictions).
  Never
};

#define GEN_PASS_DECL
#include "SpectralDialect/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "SpectralDialect/Transforms/Passes.h.inc"

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_TRANSFORMS_PASSES_H
