//===- ExpandStoragePatterns.h - Patterns of expand-storage -----*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_LIB_TRANSFORMS_EXPANDSTORAGEPATTERNS_H
#define SPECTRALDIALECT_LIB_TRANSFORMS_EXPANDSTORAGEPATTERNS_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
namespace spectral {

/// Adds the patterns lowering the dense ops (transforms, mix, conv) to
/// spectral.dft and linalg/tensor code.
void populateDenseOpPatterns(RewritePatternSet &patterns,
                             bool fastConvolutionSizes);

/// Adds the patterns lowering spectral.mode_mix and spectral.resample to
/// spectral transforms, slices and linalg.generic.
void populateNeuralOperatorPatterns(RewritePatternSet &patterns);

/// Adds the 1:N type conversion of !spectral.sst into its coefficient and
/// position tensors, and the patterns lowering every op on it.
void populateSparseStoragePatterns(TypeConverter &converter,
                                   RewritePatternSet &patterns);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_LIB_TRANSFORMS_EXPANDSTORAGEPATTERNS_H
