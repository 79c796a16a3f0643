//===- TopKSort.cu - Segmented sorts of top-k (CUB) -----------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// CUB's segmented sorts, one segment per tile, in a file of their own: they
// are the slowest code of the library to compile.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include <cub/device/device_segmented_sort.cuh>

cudaError_t mlir::spectral::cuda::sortByEnergy(
    void *temp, size_t &tempBytes, const uint64_t *keysIn, uint64_t *keysOut,
    const int64_t *valuesIn, int64_t *valuesOut, int64_t numItems,
    int64_t numSegments, const int64_t *offsets) {
  // Stable: equal energies keep their input order, ascending position.
  return cub::DeviceSegmentedSort::StableSortPairsDescending(
      temp, tempBytes, keysIn, keysOut, valuesIn, valuesOut, numItems,
      numSegments, offsets, offsets + 1, /*stream=*/0);
}

cudaError_t mlir::spectral::cuda::sortPositions(
    void *temp, size_t &tempBytes, const int64_t *keysIn, int64_t *keysOut,
    int64_t numItems, int64_t numSegments, const int64_t *offsets) {
  return cub::DeviceSegmentedSort::SortKeys(temp, tempBytes, keysIn, keysOut,
                                            numItems, numSegments, offsets,
                                            offsets + 1, /*stream=*/0);
}
