//===- SpectralUtils.h - Shared checks of the spectral dialect --*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Checks shared by the type verifier and the op verifiers, so that a bad axis
// list or rank is reported with the same words everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_IR_SPECTRALUTILS_H
#define SPECTRALDIALECT_IR_SPECTRALUTILS_H

#include "SpectralDialect/IR/TileRule.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"

namespace mlir {
class Type;
namespace spectral {

/// Ranks the dialect and its runtime support.
constexpr int64_t kMinRank = tile_rule::kMinRank;
constexpr int64_t kMaxRank = tile_rule::kMaxRank;

using EmitErrorFn = function_ref<InFlightDiagnostic()>;

/// Checks that `rank` is within [kMinRank, kMaxRank]; `what` names the value.
LogicalResult verifyRank(EmitErrorFn emitError, StringRef what, int64_t rank);

/// Checks that `axes` is non-empty, in [0, rank) and free of duplicates.
LogicalResult verifyAxes(EmitErrorFn emitError, ArrayRef<int64_t> axes,
                         int64_t rank);

/// True for the floating-point types the dialect computes in: f16, bf16, f32
/// and f64.
bool isSupportedFloat(Type type);

/// The smallest 2^a 3^b 5^c 7^d >= n: the FFT lengths FFTW transforms
/// fastest, which the lowering of spectral.conv pads to.
int64_t getNextFastFFTLength(int64_t n);

/// `axes` if present, else every dimension of a tensor of rank `rank`.
SmallVector<int64_t> getAxesOrAll(std::optional<ArrayRef<int64_t>> axes,
                                  int64_t rank);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_IR_SPECTRALUTILS_H
