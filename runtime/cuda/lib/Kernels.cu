//===- Kernels.cu - Device kernels of the CUDA runtime --------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Small element-wise kernels: strided copies (staging, conversion, scaling),
// the energy keys and gathers of top-k, and scatter and gather. Each thread
// handles a grid-stride range of a linear index, decomposed into the view's
// index.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include <algorithm>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;

namespace {

constexpr int kThreads = 256;
/// Enough blocks to fill any current GPU; the loops stride over the rest.
constexpr int64_t kMaxBlocks = 65535;

unsigned getBlocks(int64_t count) {
  return static_cast<unsigned>(std::max<int64_t>(
      1, std::min(kMaxBlocks, (count + kThreads - 1) / kThreads)));
}

/// complex<float> as two floats: 4-byte aligned, like the data cuFFT does
/// not see.
struct Complex {
  float re, im;
};

__device__ int64_t getThread() {
  return static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
}
__device__ int64_t getThreadCount() {
  return static_cast<int64_t>(gridDim.x) * blockDim.x;
}

__global__ void stridedCopyKernel(CopyShape shape, int64_t total,
                                  const char *src, char *dst) {
  for (int64_t i = getThread(); i < total; i += getThreadCount()) {
    int64_t rest = i, from = 0, to = 0;
    for (int d = shape.rank - 1; d >= 0; --d) {
      int64_t x = rest % shape.sizes[d];
      rest /= shape.sizes[d];
      from += x * shape.srcStrides[d];
      to += x * shape.dstStrides[d];
    }
    switch (shape.kind) {
    case CopyKind::Real: {
      const float *s = reinterpret_cast<const float *>(src) + from;
      float *t = reinterpret_cast<float *>(dst) + to;
      if (shape.scale == 1.0f)
        *reinterpret_cast<uint32_t *>(t) =
            *reinterpret_cast<const uint32_t *>(s);
      else
        *t = *s * shape.scale;
      break;
    }
    case CopyKind::Complex: {
      const Complex *s = reinterpret_cast<const Complex *>(src) + from;
      Complex *t = reinterpret_cast<Complex *>(dst) + to;
      if (shape.scale == 1.0f) {
        // Bits, in two 4-byte moves (the data is only 4-byte aligned).
        const uint32_t *sw = reinterpret_cast<const uint32_t *>(s);
        uint32_t *tw = reinterpret_cast<uint32_t *>(t);
        uint32_t low = sw[0], high = sw[1];
        tw[0] = low;
        tw[1] = high;
      } else {
        Complex value = *s;
        *t = {value.re * shape.scale, value.im * shape.scale};
      }
      break;
    }
    case CopyKind::RealToComplex: {
      float value = reinterpret_cast<const float *>(src)[from];
      reinterpret_cast<Complex *>(dst)[to] = {value * shape.scale, 0.0f};
      break;
    }
    case CopyKind::ComplexToReal: {
      Complex value = reinterpret_cast<const Complex *>(src)[from];
      reinterpret_cast<float *>(dst)[to] = value.re * shape.scale;
      break;
    }
    }
  }
}

__global__ void energyKeysKernel(Matrix<const complex32> spectrum,
                                 const int64_t *candidates,
                                 const uint8_t *weights, int64_t numCandidates,
                                 uint64_t *keys, int64_t *values,
                                 int64_t *offsets) {
  int64_t total = spectrum.rows * numCandidates;
  for (int64_t i = getThread(); i < total; i += getThreadCount()) {
    int64_t t = i / numCandidates, position = candidates[i % numCandidates];
    const Complex *x = reinterpret_cast<const Complex *>(
        spectrum.data + t * spectrum.rowStride + position * spectrum.colStride);
    // As the CPU: the float products are exact in double, one rounding for
    // the sum, an exact product by the weight (1 or 2).
    double re = x->re, im = x->im;
    double energy = __dmul_rn(static_cast<double>(weights[position]),
                              __dadd_rn(__dmul_rn(re, re), __dmul_rn(im, im)));
    if (isnan(energy))
      energy = HUGE_VAL;
    // Non-negative doubles order like their bit patterns.
    keys[i] = static_cast<uint64_t>(__double_as_longlong(energy));
    values[i] = position;
  }
  for (int64_t t = getThread(); t <= spectrum.rows; t += getThreadCount())
    offsets[t] = t * numCandidates;
}

__global__ void keepFirstKernel(const int64_t *sorted, int64_t numTiles,
                                int64_t numCandidates, int64_t k, int64_t *kept,
                                int64_t *offsets) {
  for (int64_t i = getThread(); i < numTiles * k; i += getThreadCount())
    kept[i] = sorted[i / k * numCandidates + i % k];
  for (int64_t t = getThread(); t <= numTiles; t += getThreadCount())
    offsets[t] = t * k;
}

__global__ void gatherKeptKernel(Matrix<const complex32> spectrum,
                                 const int64_t *positions,
                                 Matrix<complex32> coeffs,
                                 Matrix<int64_t> outPositions) {
  int64_t k = coeffs.cols, total = coeffs.rows * k;
  for (int64_t i = getThread(); i < total; i += getThreadCount()) {
    int64_t t = i / k, slot = i % k, position = positions[i];
    const Complex *x = reinterpret_cast<const Complex *>(
        spectrum.data + t * spectrum.rowStride + position * spectrum.colStride);
    *reinterpret_cast<Complex *>(coeffs.data + t * coeffs.rowStride +
                                 slot * coeffs.colStride) = *x;
    outPositions
        .data[t * outPositions.rowStride + slot * outPositions.colStride] =
        position;
  }
}

__global__ void zeroKernel(Matrix<complex32> spectrum) {
  int64_t total = spectrum.rows * spectrum.cols;
  for (int64_t i = getThread(); i < total; i += getThreadCount())
    *reinterpret_cast<Complex *>(
        spectrum.data + i / spectrum.cols * spectrum.rowStride +
        i % spectrum.cols * spectrum.colStride) = {0.0f, 0.0f};
}

__global__ void scatterKernel(Matrix<const complex32> coeffs,
                              Matrix<const int64_t> positions,
                              core::TileSpectrum tile,
                              Matrix<complex32> spectrum) {
  int64_t k = coeffs.cols, total = coeffs.rows * k;
  for (int64_t i = getThread(); i < total; i += getThreadCount()) {
    int64_t t = i / k, slot = i % k;
    Complex x = *reinterpret_cast<const Complex *>(
        coeffs.data + t * coeffs.rowStride + slot * coeffs.colStride);
    int64_t p =
        positions.data[t * positions.rowStride + slot * positions.colStride];
    int64_t partner = tile.classify(p).partner;
    Complex *row =
        reinterpret_cast<Complex *>(spectrum.data + t * spectrum.rowStride);
    int64_t step = spectrum.colStride;
    if (partner < 0) {
      row[p * step] = x;
    } else if (partner == p) {
      // Self-conjugate: a Hermitian spectrum is real there.
      row[p * step] = {x.re, 0.0f};
    } else {
      row[p * step] = x;
      row[partner * step] = {x.re, -x.im};
    }
  }
}

__global__ void gatherKernel(Matrix<const complex32> spectrum,
                             Matrix<const int64_t> positions,
                             Matrix<complex32> coeffs) {
  int64_t k = coeffs.cols, total = coeffs.rows * k;
  for (int64_t i = getThread(); i < total; i += getThreadCount()) {
    int64_t t = i / k, slot = i % k;
    int64_t p =
        positions.data[t * positions.rowStride + slot * positions.colStride];
    *reinterpret_cast<Complex *>(coeffs.data + t * coeffs.rowStride +
                                 slot * coeffs.colStride) =
        *reinterpret_cast<const Complex *>(
            spectrum.data + t * spectrum.rowStride + p * spectrum.colStride);
  }
}

} // namespace

cudaError_t mlir::spectral::cuda::launchStridedCopy(const CopyShape &shape,
                                                    const void *src,
                                                    void *dst) {
  int64_t total = 1;
  for (int d = 0; d < shape.rank; ++d)
    total *= shape.sizes[d];
  if (total == 0)
    return cudaSuccess;
  stridedCopyKernel<<<getBlocks(total), kThreads>>>(
      shape, total, static_cast<const char *>(src), static_cast<char *>(dst));
  return cudaGetLastError();
}

cudaError_t mlir::spectral::cuda::launchEnergyKeys(
    Matrix<const complex32> spectrum, const int64_t *candidates,
    const uint8_t *weights, int64_t numCandidates, uint64_t *keys,
    int64_t *values, int64_t *offsets) {
  energyKeysKernel<<<getBlocks(spectrum.rows * numCandidates), kThreads>>>(
      spectrum, candidates, weights, numCandidates, keys, values, offsets);
  return cudaGetLastError();
}

cudaError_t mlir::spectral::cuda::launchKeepFirst(const int64_t *sorted,
                                                  int64_t numTiles,
                                                  int64_t numCandidates,
                                                  int64_t k, int64_t *kept,
                                                  int64_t *offsets) {
  keepFirstKernel<<<getBlocks(numTiles * k + 1), kThreads>>>(
      sorted, numTiles, numCandidates, k, kept, offsets);
  return cudaGetLastError();
}

cudaError_t mlir::spectral::cuda::launchGatherKept(
    Matrix<const complex32> spectrum, const int64_t *positions,
    Matrix<complex32> coeffs, Matrix<int64_t> outPositions) {
  gatherKeptKernel<<<getBlocks(coeffs.rows * coeffs.cols), kThreads>>>(
      spectrum, positions, coeffs, outPositions);
  return cudaGetLastError();
}

cudaError_t mlir::spectral::cuda::launchScatter(Matrix<const complex32> coeffs,
                                                Matrix<const int64_t> positions,
                                                const core::TileSpectrum &tile,
                                                Matrix<complex32> spectrum) {
  // Same stream: every zero is written before any coefficient.
  zeroKernel<<<getBlocks(spectrum.rows * spectrum.cols), kThreads>>>(spectrum);
  cudaError_t result = cudaGetLastError();
  if (result != cudaSuccess || coeffs.cols == 0)
    return result;
  scatterKernel<<<getBlocks(coeffs.rows * coeffs.cols), kThreads>>>(
      coeffs, positions, tile, spectrum);
  return cudaGetLastError();
}

cudaError_t mlir::spectral::cuda::launchGather(Matrix<const complex32> spectrum,
                                               Matrix<const int64_t> positions,
                                               Matrix<complex32> coeffs) {
  if (coeffs.rows == 0 || coeffs.cols == 0)
    return cudaSuccess;
  gatherKernel<<<getBlocks(coeffs.rows * coeffs.cols), kThreads>>>(
      spectrum, positions, coeffs);
  return cudaGetLastError();
}
