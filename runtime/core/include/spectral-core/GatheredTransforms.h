//===- GatheredTransforms.h - Strided batches through scratch ---*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The transform strategy for batches whose transformed axis is not the
// innermost one, e.g. mixing [B, T, D] along T. Handed to FFTW as one
// strided plan, every butterfly of such a batch touches one element per
// cache line and the transform runs at half the speed of a contiguous one.
// Instead, `width` neighbouring transforms (along the unit-stride batch
// dimension, the "vector" dimension) are gathered into a small contiguous
// scratch that stays in cache, transformed there by a contiguous batched
// plan, and scattered to the output with the normalisation applied on the
// way. Chunks are independent: they run on the runtime's threads, each
// thread with scratch of its own, and the chunk grid does not depend on the
// thread count, so results do not either.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_CORE_GATHEREDTRANSFORMS_H
#define SPECTRAL_RUNTIME_CORE_GATHEREDTRANSFORMS_H

#include "spectral-core/ErrorMessage.h"
#include "spectral-core/FFTBackend.h"

#include <complex>
#include <cstdint>

namespace mlir {
namespace spectral {
namespace core {

/// How a problem is gathered: along which of its batch dimensions, how many
/// transforms at once.
struct GatherShape {
  int32_t vectorDim = -1;
  int64_t width = 0;
};

/// Decides whether `problem`, on the disjoint arrays `in` and `out`, runs
/// gathered rather than as one strided plan, and how. The choice depends on
/// the problem only (strides, lengths, element sizes), so that the plans it
/// needs are cached like any other.
bool chooseGatherShape(const FFTProblem &problem, const void *in,
                       const void *out, GatherShape &shape);

/// Runs `problem` gathered as `shape` says, multiplying the output by
/// `scale`. `in` is only read. InT/OutT are the element types of the
/// problem's kind and precision.
template <typename InT, typename OutT>
bool runGathered(const FFTProblem &problem, const GatherShape &shape,
                 const InT *in, OutT *out, double scale, ErrorMessage &error);

/// The filtered round trip out = c2r(r2c(in) * filter) of the real-to-
/// complex problem `forward` (its input strides are `in`'s, its output
/// strides `out`'s), run gathered as `shape` says: each chunk is
/// transformed, multiplied by the filter and transformed back in scratch,
/// so the half spectrum never exists in full. The filter's strides follow
/// the problem's dimensions (transformed, on the complex side, and batch);
/// 0 broadcasts. `scale` is the product of both transforms' scales.
template <typename Real>
bool runGatheredFilter(const FFTProblem &forward, const GatherShape &shape,
                       const int64_t *filterDimStrides,
                       const int64_t *filterBatchStrides, const Real *in,
                       const std::complex<Real> *filter, Real *out,
                       double scale, ErrorMessage &error);

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_GATHEREDTRANSFORMS_H
