//===- Normalization.cpp - Transformed axes and FFT scaling ---------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/Normalization.h"

#include "SpectralDialect/IR/RuntimeEnums.h"

#include <cmath>

using namespace mlir::spectral;
using namespace mlir::spectral::core;

double mlir::spectral::core::getNormScale(int32_t norm, bool inverse,
                                          double count) {
  switch (static_cast<runtime::FFTNorm>(norm)) {
  case runtime::FFTNorm::Backward:
    return inverse ? 1.0 / count : 1.0;
  case runtime::FFTNorm::Forward:
    return inverse ? 1.0 : 1.0 / count;
  case runtime::FFTNorm::Ortho:
    return 1.0 / std::sqrt(count);
  }
  return 1.0;
}

double mlir::spectral::core::getTransformedCount(const Layout &real,
                                                 int64_t axesMask) {
  double count = 1;
  for (int64_t d = 0; d < real.rank; ++d)
    if (isTransformed(axesMask, d))
      count *= static_cast<double>(real.sizes[d]);
  return count;
}
