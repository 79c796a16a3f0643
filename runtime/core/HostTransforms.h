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

#include "ErrorMessage.h"
#include "MemRefView.h"

#include <cstdint>

namespace mlir {
namespace spectral {
namespace runtime {

/// Complex-to-complex transform over the axes of `axesMask`.
bool transformC2C(const MemRefView<complex32> &in,
                  const MemRefView<complex32> &out, int64_t axesMask,
                  bool inverse, int32_t norm, ErrorMessage &error);

/// Forward real-to-complex transform; `out` holds n/2+1 bins along
/// `halvedAxis`.
bool transformR2C(const MemRefView<float> &in, const MemRefView<complex32> &out,
                  int64_t axesMask, int64_t halvedAxis, int32_t norm,
                  ErrorMessage &error);

/// Inverse complex-to-real transform. FFTW's c2r overwrites its input:
/// unless `mayOverwriteInput`, a dense copy of `in` is transformed instead.
bool transformC2R(const MemRefView<complex32> &in, const MemRefView<float> &out,
                  int64_t axesMask, int64_t halvedAxis, int32_t norm,
                  bool mayOverwriteInput, ErrorMessage &error);

} // namespace runtime
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_HOSTTRANSFORMS_H
