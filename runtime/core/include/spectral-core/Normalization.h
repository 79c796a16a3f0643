//===- Normalization.h - Transformed axes and FFT scaling -------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_CORE_NORMALIZATION_H
#define SPECTRAL_RUNTIME_CORE_NORMALIZATION_H

#include "spectral-core/MemRefView.h"

#include <cstdint>

namespace mlir {
namespace spectral {
namespace core {

/// True if bit `dim` of `axesMask` is set.
inline bool isTransformed(int64_t axesMask, int64_t dim) {
  return (static_cast<uint64_t>(axesMask) >> dim) & 1;
}

/// Scale of a transform over `count` points (numpy's `norm` semantics).
double getNormScale(int32_t norm, bool inverse, double count);

/// Product of the lengths of the transformed dimensions of `real`.
double getTransformedCount(const Layout &real, int64_t axesMask);

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_NORMALIZATION_H
