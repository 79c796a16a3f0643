//===- FFTSchedule.h - Transforms as cuFFT plans and copies -----*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Turns a transform of any rank, axes and strides into what cuFFT can run:
// batches of transforms of rank 1 to 3 in cuFFT's advanced data layout
// (element [b][x0][x1][x2] at b * dist + ((x0 * embed[1] + x1) * embed[2] +
// x2) * stride), looped over the batch dimensions one plan cannot describe,
// and strided copies through contiguous scratch where a layout does not fit.
// More than three transformed axes run as successive transforms (c2c in
// place on the output, before c2r on its input copy, after r2c on its
// output), since a multi-dimensional DFT is separable.
//
// The schedule only describes work; an FFTDevice runs it. The library's
// device is cuFFT and CUDA kernels; the unit tests run the same schedule on
// a naive host implementation of the layout above, so that the schedule is
// tested on machines without a GPU.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_LIB_FFTSCHEDULE_H
#define SPECTRAL_CUDA_RUNTIME_LIB_FFTSCHEDULE_H

#include "SpectralDialect/IR/TileRule.h"

#include <cstddef>
#include <cstdint>

namespace mlir {
namespace spectral {
namespace cuda {

enum class FFTKind : int32_t { C2C = 0, R2C = 1, C2R = 2 };

/// Maximum rank of one cuFFT plan.
constexpr int kMaxPlanRank = 3;
/// Maximum rank of a memref.
constexpr int kMaxRank = static_cast<int>(tile_rule::kMaxRank);

/// One cufftPlanMany64 problem. Strides, distances and embeddings count
/// elements of each side's type (real or complex); for R2C/C2R `n` holds
/// the real lengths and the complex side has n/2+1 along the last axis.
struct PlanShape {
  FFTKind kind = FFTKind::C2C;
  /// -1 forward, +1 inverse.
  int32_t sign = -1;
  int32_t rank = 0;
  int64_t n[kMaxPlanRank] = {};
  int64_t inEmbed[kMaxPlanRank] = {};
  int64_t inStride = 1, inDist = 1;
  int64_t outEmbed[kMaxPlanRank] = {};
  int64_t outStride = 1, outDist = 1;
  int64_t batch = 1;
};

/// Element conversion of a strided copy.
enum class CopyKind : int32_t {
  Real,          ///< float to float
  Complex,       ///< complex to complex
  RealToComplex, ///< x to (x, 0)
  ComplexToReal, ///< (x, y) to x
};

/// dst[i] = convert(src[i]) * scale for every index i of `sizes`; offsets
/// in elements of each side's type. src and dst may be the same array with
/// the same strides (an in-place scale).
struct CopyShape {
  CopyKind kind = CopyKind::Complex;
  int32_t rank = 0;
  int64_t sizes[kMaxRank] = {};
  int64_t srcStrides[kMaxRank] = {};
  int64_t dstStrides[kMaxRank] = {};
  float scale = 1.0f;
};

/// What runs a schedule. Each function reports its own failures (as an
/// error of the entry point it was made for) and returns false.
class FFTDevice {
public:
  virtual ~FFTDevice() = default;
  /// Scratch memory, at least 16-byte aligned; null after reporting.
  virtual void *allocate(size_t bytes) = 0;
  virtual void release(void *ptr) = 0;
  virtual bool copy(const CopyShape &shape, const void *src, void *dst) = 0;
  /// Runs `shape` on `in` and `out` (the same pointer for in place, with
  /// equal layouts on both sides).
  virtual bool execute(const PlanShape &shape, void *in, void *out) = 0;
};

/// A transform as the entry points describe it, after validation (no
/// size 0). Sizes are the real-side lengths (the input of C2C and R2C, the
/// output of C2R); strides are in elements of each side's type.
struct TransformRequest {
  FFTKind kind = FFTKind::C2C;
  int32_t sign = -1;
  int32_t rank = 0;
  int64_t sizes[kMaxRank] = {};
  int64_t inStrides[kMaxRank] = {};
  int64_t outStrides[kMaxRank] = {};
  int64_t axesMask = 0;
  /// The halved axis of R2C and C2R; -1 for C2C.
  int64_t halvedAxis = -1;
  void *in = nullptr;
  void *out = nullptr;
  /// C2R only: the input may be overwritten instead of copied first.
  bool mayOverwriteInput = false;
  /// Normalisation, applied to the output at the end.
  float scale = 1.0f;
};

/// Runs `request` on `device`. False if a step failed (already reported).
bool runTransform(FFTDevice &device, const TransformRequest &request);

/// Complex elements must be 8-byte aligned for cuFFT; the schedule copies
/// arrays that are not.
constexpr size_t kComplexAlignment = 8;

} // namespace cuda
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_CUDA_RUNTIME_LIB_FFTSCHEDULE_H
