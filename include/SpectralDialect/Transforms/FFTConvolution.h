//===- FFTConvolution.h - linalg convolutions to FFT convolutions -*- C++
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The rewrite behind spectral-fft-convolution, for compilers that choose
// which convolutions to convert themselves: the patterns rewrite a linalg
// convolution into spectral.conv (or its channel-mixing form) when a
// control function accepts the cost model's estimate. The pass is this
// rewrite with its `policy` option as the control.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_TRANSFORMS_FFTCONVOLUTION_H
#define SPECTRALDIALECT_TRANSFORMS_FFTCONVOLUTION_H

#include "SpectralDialect/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/IR/PatternMatch.h"

#include <functional>

namespace mlir {
namespace spectral {

/// Coefficients of the cost model (nanoseconds), as spectral-fft-convolution
/// takes them: a direct convolution costs `directNsPerMac` per
/// multiply-accumulate; one FFT of N points `N * (fftNsPerPointLog *
/// log2(N) + fftNsPerPoint)`.
/// The defaults are the pass's.
struct FFTConvolutionCostModel {
  double directNsPerMac = SpectralFFTConvolutionOptions().directNsPerMac;
  double fftNsPerPointLog = SpectralFFTConvolutionOptions().fftNsPerPointLog;
  double fftNsPerPoint = SpectralFFTConvolutionOptions().fftNsPerPoint;
};

/// What the cost model predicts for a convolution the rewrite supports.
struct FFTConvolutionEstimate {
  double directNs;
  double fftNs;
  /// The padded FFT length along each convolved axis.
  SmallVector<int64_t> fftLengths;
};

/// Called once for each linalg convolution the patterns see. `estimate` is
/// null when the rewrite does not support it, and `whyNot` says why; the
/// convolution is rewritten when the function returns true.
using FFTConvolutionControlFn = std::function<bool(
    linalg::LinalgOp op, const FFTConvolutionEstimate *estimate,
    StringRef whyNot)>;

/// Adds the pattern that rewrites linalg convolutions into FFT
/// convolutions where `control` accepts them.
void populateFFTConvolutionPatterns(RewritePatternSet &patterns,
                                    const FFTConvolutionCostModel &model,
                                    FFTConvolutionControlFn control);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_TRANSFORMS_FFTCONVOLUTION_H
