//===- Kernels.h - Device kernels of the CUDA runtime -----------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Host functions that launch the runtime's own kernels (Kernels.cu,
// TopKSort.cu) on the legacy default stream. Each returns the launch's
// cudaError_t; callers report failures. They need the context of
// enterContext current.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_LIB_KERNELS_H
#define SPECTRAL_CUDA_RUNTIME_LIB_KERNELS_H

#include "FFTSchedule.h"
#include "spectral-core/TileSpectrum.h"

#include <cuda_runtime_api.h>

#include <complex>
#include <cstddef>
#include <cstdint>

namespace mlir {
namespace spectral {
namespace cuda {

using complex32 = std::complex<float>;

/// A 2-D strided view of device memory (tiles x bins, rows x columns).
template <typename T> struct Matrix {
  T *data;
  int64_t rows, cols;
  int64_t rowStride, colStride;
};

/// dst = convert(src) * scale over `shape` (see CopyShape). With scale 1,
/// Real and Complex copies move the bits, so they also copy any 4- or
/// 8-byte elements (GEMM's f32 and f64).
cudaError_t launchStridedCopy(const CopyShape &shape, const void *src,
                              void *dst);

/// keys[t * C + c] = bits of the energy (weight * |x|^2 in double, NaN as
/// +inf) of bin candidates[c] of tile t of `spectrum`, values[...] =
/// candidates[c]; for the tiles of `spectrum` (already offset to the first
/// tile of a chunk). Also offsets[t] = t * C for t in [0, tiles].
cudaError_t launchEnergyKeys(Matrix<const complex32> spectrum,
                             const int64_t *candidates, const uint8_t *weights,
                             int64_t numCandidates, uint64_t *keys,
                             int64_t *values, int64_t *offsets);

/// kept[t * K + k] = sorted[t * C + k]; offsets[t] = t * K for t in
/// [0, tiles].
cudaError_t launchKeepFirst(const int64_t *sorted, int64_t numTiles,
                            int64_t numCandidates, int64_t k, int64_t *kept,
                            int64_t *offsets);

/// coeffs[t][k] = spectrum[t][positions[t * K + k]] and
/// outPositions[t][k] = positions[t * K + k].
cudaError_t launchGatherKept(Matrix<const complex32> spectrum,
                             const int64_t *positions, Matrix<complex32> coeffs,
                             Matrix<int64_t> outPositions);

/// Segmented sorts over `numSegments` segments [offsets[s], offsets[s+1]):
/// by decreasing key, stable (ties keep their order, i.e. ascending
/// position); and of keys ascending. A call with `temp` null only sets
/// `tempBytes`.
cudaError_t sortByEnergy(void *temp, size_t &tempBytes, const uint64_t *keysIn,
                         uint64_t *keysOut, const int64_t *valuesIn,
                         int64_t *valuesOut, int64_t numItems,
                         int64_t numSegments, const int64_t *offsets);
cudaError_t sortPositions(void *temp, size_t &tempBytes, const int64_t *keysIn,
                          int64_t *keysOut, int64_t numItems,
                          int64_t numSegments, const int64_t *offsets);

/// Zeroes `spectrum`, then writes coefficient [t][k] at position [t][k]
/// with the conjugate-partner rule of `tile` (TileSpectrum::classify).
cudaError_t launchScatter(Matrix<const complex32> coeffs,
                          Matrix<const int64_t> positions,
                          const core::TileSpectrum &tile,
                          Matrix<complex32> spectrum);

/// coeffs[t][k] = spectrum[t][positions[t][k]]: scatter's transpose, without
/// the conjugate-partner rule (a plain copy).
cudaError_t launchGather(Matrix<const complex32> spectrum,
                         Matrix<const int64_t> positions,
                         Matrix<complex32> coeffs);

} // namespace cuda
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_CUDA_RUNTIME_LIB_KERNELS_H
