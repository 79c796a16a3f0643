//===- MemRefView.cpp - Validated views of memref descriptors -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/MemRefView.h"

#include <cstdint>

using namespace mlir::spectral::core;

bool Layout::isEmpty() const {
  for (int64_t d = 0; d < rank; ++d)
    if (sizes[d] == 0)
      return true;
  return false;
}

// Both test for emptiness first: checkLayout bounds the products of a
// non-empty layout only, and the sizes before a zero may be huge.
int64_t Layout::numElements() const {
  if (isEmpty())
    return 0;
  int64_t count = 1;
  for (int64_t d = 0; d < rank; ++d)
    count *= sizes[d];
  return count;
}

int64_t Layout::extent() const {
  if (isEmpty())
    return 0;
  int64_t last = 0;
  for (int64_t d = 0; d < rank; ++d)
    last += (sizes[d] - 1) * strides[d];
  return last + 1;
}
