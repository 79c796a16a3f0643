//===- MemRefView.h - Views of memref descriptors ---------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What the entry points work on once a descriptor is validated (see
// DescriptorChecks.h): the address of element [0, ..., 0], sizes and strides,
// and loops over the elements of such views.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_MEMREFVIEW_H
#define SPECTRAL_RUNTIME_LIB_MEMREFVIEW_H

#include "SpectralDialect/IR/RuntimeEnums.h"

#include <complex>
#include <cstddef>
#include <cstdint>

namespace mlir {
namespace spectral {
namespace core {

using complex32 = std::complex<float>;
using complex64 = std::complex<double>;

/// Sizes and strides (in elements) of a memref of rank <= 8.
struct Layout {
  int64_t rank = 0;
  int64_t sizes[runtime::kMaxDescriptorRank] = {};
  int64_t strides[runtime::kMaxDescriptorRank] = {};

  /// True if some dimension has size 0.
  bool isEmpty() const;
  /// Number of elements (0 if empty); valid once checked.
  int64_t numElements() const;
  /// Offset of the last element plus one (0 if empty); valid once checked.
  int64_t extent() const;
};

/// Sets `strides` to the row-major (dense) strides of `sizes` and returns
/// the number of elements.
inline int64_t setDenseStrides(int64_t rank, const int64_t *sizes,
                               int64_t *strides) {
  int64_t stride = 1;
  for (int64_t d = rank - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= sizes[d];
  }
  return stride;
}

/// Whether `layout` is row-major and dense: its elements are one contiguous
/// run (dimensions of size 1 may have any stride).
inline bool isDenseRowMajor(const Layout &layout) {
  int64_t stride = 1;
  for (int64_t d = layout.rank - 1; d >= 0; --d) {
    if (layout.sizes[d] != 1 && layout.strides[d] != stride)
      return false;
    stride *= layout.sizes[d];
  }
  return true;
}

/// A layout with the address of its first element.
template <typename T> struct MemRefView : Layout { T *data = nullptr; };

/// Calls `body(offsetA, offsetB)` for every index of a shape, with the
/// element offsets of that index in two layouts of that shape; the innermost
/// dimension runs in a plain loop.
template <typename Body>
void forEachOffsetPair(int64_t rank, const int64_t *sizes,
                       const int64_t *stridesA, const int64_t *stridesB,
                       Body &&body) {
  for (int64_t d = 0; d < rank; ++d)
    if (sizes[d] == 0)
      return;
  int64_t inner = rank - 1;
  int64_t innerSize = sizes[inner];
  int64_t innerA = stridesA[inner], innerB = stridesB[inner];
  int64_t index[runtime::kMaxDescriptorRank] = {};
  int64_t offsetA = 0, offsetB = 0;
  while (true) {
    for (int64_t i = 0; i < innerSize; ++i)
      body(offsetA + i * innerA, offsetB + i * innerB);
    int64_t d = inner - 1;
    for (; d >= 0; --d) {
      offsetA += stridesA[d];
      offsetB += stridesB[d];
      if (++index[d] < sizes[d])
        break;
      offsetA -= stridesA[d] * sizes[d];
      offsetB -= stridesB[d] * sizes[d];
      index[d] = 0;
    }
    if (d < 0)
      return;
  }
}

/// Calls `body(offset)` for every element of `layout`.
template <typename Body> void forEachOffset(const Layout &layout, Body &&body) {
  forEachOffsetPair(layout.rank, layout.sizes, layout.strides, layout.strides,
                    [&](int64_t offset, int64_t) { body(offset); });
}

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_MEMREFVIEW_H
