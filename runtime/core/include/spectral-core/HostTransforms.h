//===- HostTransforms.h - Dense FFTs of checked host views ------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The computation behind spectral_fft_*: each view's transform described as
// an FFTProblem straight from its sizes and strides (no copies, whatever the
// strides), run by a cached host plan, then normalised. The entry points
// call these once their descriptors are checked; compile-time compression
// calls them directly. The views must already be valid (shapes consistent,
// outputs not overlapping); failures (memory, planning) are returned.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_CORE_HOSTTRANSFORMS_H
#define SPECTRAL_RUNTIME_CORE_HOSTTRANSFORMS_H

#include "spectral-core/ErrorMessage.h"
#include "spectral-core/MemRefView.h"

#include <cstdint>

namespace mlir {
namespace spectral {
namespace core {

/// Complex-to-complex transform over the axes of `axesMask`.
/// The transforms of the CPU runtime, for Real = float or double.
template <typename Real>
bool transformC2C(const MemRefView<std::complex<Real>> &in,
                  const MemRefView<std::complex<Real>> &out, int64_t axesMask,
                  bool inverse, int32_t norm, ErrorMessage &error);

template <typename Real>
bool transformR2C(const MemRefView<Real> &in,
                  const MemRefView<std::complex<Real>> &out, int64_t axesMask,
                  int64_t halvedAxis, int32_t norm, ErrorMessage &error);

template <typename Real>
bool transformC2R(const MemRefView<std::complex<Real>> &in,
                  const MemRefView<Real> &out, int64_t axesMask,
                  int64_t halvedAxis, int32_t norm, bool mayOverwriteInput,
                  ErrorMessage &error);

/// The filtered round trip out = c2r(r2c(in) * filter) over the axes of
/// `axesMask` (`forwardNorm` and `inverseNorm` for the two transforms), the
/// product that spectral mixing and FFT convolution compute. `filter` has
/// the half spectrum's shape with any dimension 1 (broadcast). Where the
/// layout is gathered (GatheredTransforms.h) the half spectrum never
/// exists in full; otherwise it is a runtime-owned buffer.
template <typename Real>
bool transformFilter(const MemRefView<Real> &in,
                     const MemRefView<std::complex<Real>> &filter,
                     const MemRefView<Real> &out, int64_t axesMask,
                     int64_t halvedAxis, int32_t forwardNorm,
                     int32_t inverseNorm, ErrorMessage &error);

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_HOSTTRANSFORMS_H
