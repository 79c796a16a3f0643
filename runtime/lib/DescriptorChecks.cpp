//===- DescriptorChecks.cpp - Checks of entry point arguments -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "DescriptorChecks.h"
#include "spectral-core/TileSpectrum.h"

#include <algorithm>
#include <cstdint>

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

bool mlir::spectral::runtime::checkLayout(const char *function,
                                          const char *what,
                                          const Layout &layout,
                                          const void *basePtr,
                                          size_t elementSize) {
  bool empty = false;
  for (int64_t d = 0; d < layout.rank; ++d) {
    if (layout.sizes[d] < 0) {
      reportError(function, "%s dimension %lld has negative size %lld", what,
                  static_cast<long long>(d),
                  static_cast<long long>(layout.sizes[d]));
      return false;
    }
    if (layout.strides[d] < 0) {
      reportError(function,
                  "%s dimension %lld has negative stride %lld; negative "
                  "strides are not supported",
                  what, static_cast<long long>(d),
                  static_cast<long long>(layout.strides[d]));
      return false;
    }
    empty |= layout.sizes[d] == 0;
  }
  if (empty)
    return true;

  // The offsets of every element, and their byte offsets, must be
  // representable before any address is computed from them.
  int64_t last = 0, count = 1;
  bool overflow = false;
  for (int64_t d = 0; d < layout.rank; ++d) {
    int64_t step;
    overflow |=
        __builtin_mul_overflow(layout.sizes[d] - 1, layout.strides[d], &step);
    overflow |= __builtin_add_overflow(last, step, &last);
    overflow |= __builtin_mul_overflow(count, layout.sizes[d], &count);
  }
  int64_t bytes;
  overflow |= __builtin_add_overflow(last, 1, &last);
  overflow |=
      __builtin_mul_overflow(last, static_cast<int64_t>(elementSize), &bytes);
  if (overflow) {
    reportError(function,
                "%s spans more than 2^63 bytes (sizes and strides too large)",
                what);
    return false;
  }
  if (!basePtr) {
    reportError(function, "%s has a null data pointer but %lld elements", what,
                static_cast<long long>(count));
    return false;
  }
  return true;
}

bool mlir::spectral::runtime::checkNoSelfOverlap(const char *function,
                                                 const char *what,
                                                 const Layout &layout) {
  // Dimensions of size 1 never step; an empty memref has nothing to overlap.
  int64_t dims[kMaxDescriptorRank];
  int64_t count = 0;
  for (int64_t d = 0; d < layout.rank; ++d) {
    if (layout.sizes[d] == 0)
      return true;
    if (layout.sizes[d] > 1)
      dims[count++] = d;
  }
  std::stable_sort(dims, dims + count, [&](int64_t a, int64_t b) {
    return layout.strides[a] < layout.strides[b];
  });
  int64_t span = 0; // largest offset reachable by the dimensions so far
  for (int64_t i = 0; i < count; ++i) {
    int64_t d = dims[i];
    if (layout.strides[d] <= span) {
      reportError(function,
                  "%s has overlapping elements: dimension %lld (size %lld, "
                  "stride %lld) steps within the span of its inner "
                  "dimensions",
                  what, static_cast<long long>(d),
                  static_cast<long long>(layout.sizes[d]),
                  static_cast<long long>(layout.strides[d]));
      return false;
    }
    span += (layout.sizes[d] - 1) * layout.strides[d];
  }
  return true;
}

bool mlir::spectral::runtime::checkDisjoint(
    const char *function, const char *whatA, const Layout &layoutA,
    const void *dataA, size_t elementSizeA, const char *whatB,
    const Layout &layoutB, const void *dataB, size_t elementSizeB) {
  int64_t extentA = layoutA.extent(), extentB = layoutB.extent();
  if (extentA == 0 || extentB == 0)
    return true;
  // Conservative: compares the address ranges, so interleaved but disjoint
  // views are rejected too. Lowered code never produces those.
  uintptr_t beginA = reinterpret_cast<uintptr_t>(dataA);
  uintptr_t beginB = reinterpret_cast<uintptr_t>(dataB);
  uintptr_t endA = beginA + static_cast<uintptr_t>(extentA) * elementSizeA;
  uintptr_t endB = beginB + static_cast<uintptr_t>(extentB) * elementSizeB;
  if (beginA < endB && beginB < endA) {
    reportError(function, "%s and %s overlap in memory ([%p, %p) and [%p, %p))",
                whatA, whatB, dataA, reinterpret_cast<const void *>(endA),
                dataB, reinterpret_cast<const void *>(endB));
    return false;
  }
  return true;
}

bool mlir::spectral::runtime::checkAxesMask(const char *function,
                                            int64_t axesMask, int64_t rank) {
  ErrorMessage error;
  return succeededOrReport(validateAxesMask(axesMask, rank, error), function,
                           error);
}

bool mlir::spectral::runtime::checkHalvedAxis(const char *function,
                                              int64_t halvedAxis,
                                              int64_t axesMask, int64_t rank) {
  ErrorMessage error;
  return succeededOrReport(
      validateHalvedAxis(halvedAxis, axesMask, rank, error), function, error);
}

bool mlir::spectral::runtime::checkNorm(const char *function, int32_t norm) {
  if (isValidFFTNorm(norm))
    return true;
  reportError(function,
              "norm is %d; expected 0 (backward), 1 (forward) or 2 (ortho)",
              norm);
  return false;
}
