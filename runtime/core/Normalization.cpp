//===- Normalization.cpp - Transformed axes and FFT scaling ---------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Normalization.h"

#include "SpectralDialect/Runtime/RuntimeEnums.h"

#include <cmath>

using namespace mlir::spectral::runtime;

double mlir::spectral::runtime::getNormScale(int32_t norm, bool inverse,
                                             double count) {
  switch (static_cast<FFTNorm>(norm)) {
  case FFTNorm::Backward:
    return inverse ? 1.0 / count : 1.0;
  case FFTNorm::Forward:
    return inverse ? 1.0 : 1.0 / count;
  case FFTNorm::Ortho:
    return 1.0 / std::sqrt(count);
  }
  return 1.0;
}

double mlir::spectral::runtime::getTransformedCount(const Layout &real,
                                                    int64_t axesMask) {
  double count = 1;
  for (int64_t d = 0; d < real.rank; ++d)
    if (isTransformed(axesMask, d))
      count *= static_cast<double>(real.sizes[d]);
  return count;
}
