//===- DescriptorChecks.h - Checks of entry point arguments -----*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Checks shared by the entry points, so that each kind of bad argument is
// worded the same way everywhere. Each check reports through reportError and
// returns false; the caller then returns without writing its outputs.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_DESCRIPTORCHECKS_H
#define SPECTRAL_RUNTIME_LIB_DESCRIPTORCHECKS_H

#include "ErrorReporting.h"
#include "spectral-core/MemRefView.h"

#include "SpectralDialect/IR/RuntimeEnums.h"
#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <cstddef>
#include <cstdint>

namespace mlir {
namespace spectral {
namespace runtime {

/// Checks what every memref argument needs: sizes and strides >= 0, a span
/// of at most 2^63 bytes and a data pointer if there are elements. `what`
/// names the argument in messages ("input", "coeffs", ...).
bool checkLayout(const char *function, const char *what,
                 const core::Layout &layout, const void *basePtr,
                 size_t elementSize);

/// Checks that no two elements of `layout` share an address (required of
/// outputs). Sufficient condition: ordered by stride, each dimension steps
/// over the whole span of the dimensions before it. This accepts every
/// row-major, column-major, permuted, sliced or strided layout.
bool checkNoSelfOverlap(const char *function, const char *what,
                        const core::Layout &layout);

/// Checks that the address ranges of two arguments are disjoint.
bool checkDisjoint(const char *function, const char *whatA,
                   const core::Layout &layoutA, const void *dataA,
                   size_t elementSizeA, const char *whatB,
                   const core::Layout &layoutB, const void *dataB,
                   size_t elementSizeB);

template <typename T>
bool checkDisjoint(const char *function, const char *whatA,
                   const core::MemRefView<T> &a, const char *whatB,
                   const core::MemRefView<T> &b) {
  return checkDisjoint(function, whatA, a, a.data, sizeof(T), whatB, b, b.data,
                       sizeof(T));
}

/// Reads the descriptor of an unranked memref of rank 1 to 8.
template <typename T>
bool readUnranked(const char *function, const char *what,
                  const ::UnrankedMemRefType<T> *memref,
                  core::MemRefView<T> &view) {
  if (!memref) {
    reportError(function, "%s is a null pointer", what);
    return false;
  }
  if (!memref->descriptor) {
    reportError(function, "%s has a null descriptor", what);
    return false;
  }
  if (memref->rank < kMinDescriptorRank || memref->rank > kMaxDescriptorRank) {
    reportError(function, "%s has rank %lld; expected 1 to 8", what,
                static_cast<long long>(memref->rank));
    return false;
  }
  // The descriptor is a StridedMemRefType of rank `rank`: sizes then strides
  // right after the offset. Index through a pointer, not the rank-1 arrays.
  const auto *desc =
      static_cast<const ::StridedMemRefType<T, 1> *>(memref->descriptor);
  const int64_t *sizes = desc->sizes;
  view.rank = memref->rank;
  for (int64_t d = 0; d < view.rank; ++d) {
    view.sizes[d] = sizes[d];
    view.strides[d] = sizes[view.rank + d];
  }
  if (!checkLayout(function, what, view, desc->data, sizeof(T)))
    return false;
  view.data = desc->data ? desc->data + desc->offset : nullptr;
  return true;
}

/// Reads the descriptor of a ranked memref.
template <typename T, int N>
bool readRanked(const char *function, const char *what,
                const ::StridedMemRefType<T, N> *memref,
                core::MemRefView<T> &view) {
  static_assert(N >= 1 && N <= kMaxDescriptorRank, "unsupported rank");
  if (!memref) {
    reportError(function, "%s is a null pointer", what);
    return false;
  }
  view.rank = N;
  for (int d = 0; d < N; ++d) {
    view.sizes[d] = memref->sizes[d];
    view.strides[d] = memref->strides[d];
  }
  if (!checkLayout(function, what, view, memref->data, sizeof(T)))
    return false;
  view.data = memref->data ? memref->data + memref->offset : nullptr;
  return true;
}

/// Checks that `axesMask` is non-empty and names only dimensions < `rank`.
bool checkAxesMask(const char *function, int64_t axesMask, int64_t rank);

/// Checks that `halvedAxis` is one of the axes in `axesMask`.
bool checkHalvedAxis(const char *function, int64_t halvedAxis, int64_t axesMask,
                     int64_t rank);

/// Checks that `norm` is an FFTNorm value.
bool checkNorm(const char *function, int32_t norm);

} // namespace runtime
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_DESCRIPTORCHECKS_H
