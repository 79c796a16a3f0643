//===- RuntimeLayout.cpp - How the runtime describes a layout -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/RuntimeABI/RuntimeLayout.h"

#include "SpectralDialect/IR/RuntimeEnums.h"

using namespace mlir;
using namespace mlir::spectral;

int64_t mlir::spectral::getRuntimeAxesMask(ArrayRef<int64_t> axes,
                                           int64_t shift) {
  int64_t mask = 0;
  for (int64_t axis : axes)
    mask |= int64_t(1) << (axis + shift);
  return mask;
}

RuntimeTileLayout::RuntimeTileLayout(SparseSpectralType type)
    : spectrumShape(type.getTileSpectrumShape()),
      axesMask(getRuntimeAxesMask(type.getAxes())),
      halvedAxis(type.isRealTransform() ? type.getHalvedAxis()
                                        : runtime::kNoHalvedAxis),
      halvedLength(type.isRealTransform() ? type.getTile()[halvedAxis] : 0) {}
