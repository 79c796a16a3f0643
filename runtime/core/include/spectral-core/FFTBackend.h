//===- FFTBackend.h - Interface of an FFT library ---------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The narrow interface between the transform entry points and the library
// that computes the FFT: plan once, execute many times on new arrays of the
// same layout, destroy. FFTW implements it for the CPU; a cuFFT backend can
// implement it for device memory without touching the entry points, the
// validation or the plan cache.
//
// A problem is described the way FFTW's guru interface and cuFFT's advanced
// layout both need it: transformed dimensions and batch dimensions, each
// with a length and an input and output stride in elements.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_FFTBACKEND_H
#define SPECTRAL_RUNTIME_LIB_FFTBACKEND_H

#include "spectral-core/ErrorMessage.h"

#include "SpectralDialect/IR/RuntimeEnums.h"

#include <cstddef>
#include <cstdint>

namespace mlir {
namespace spectral {
namespace core {

enum class TransformKind : int32_t { C2C = 0, R2C = 1, C2R = 2 };

/// The real type of the data: float (complex<float>) or double.
enum class Precision : int32_t { F32 = 0, F64 = 1 };

/// One dimension of a problem; strides count elements of the array's own
/// type (real or complex).
struct FFTDim {
  int64_t length;
  int64_t inStride;
  int64_t outStride;
};

/// A batch of multi-dimensional transforms.
struct FFTProblem {
  TransformKind kind = TransformKind::C2C;
  Precision precision = Precision::F32;
  /// -1 for a forward transform, +1 for an inverse one.
  int32_t sign = -1;
  /// Transformed dimensions, outermost first. For R2C and C2R the last one
  /// is the halved axis and its length is the real length n; the complex
  /// side has n/2+1 elements there.
  int32_t rank = 0;
  FFTDim dims[runtime::kMaxDescriptorRank] = {};
  /// Batch dimensions, in any order.
  int32_t batchRank = 0;
  FFTDim batch[runtime::kMaxDescriptorRank] = {};
  /// Threads one execution of the plan may use.
  int32_t threads = 1;
};

/// Length of transformed dimension `dim` of `problem` on its input side
/// (`input`) or its output side: the complex side of a real transform holds
/// n/2+1 bins of the halved (last) dimension.
inline int64_t getSideLength(const FFTProblem &problem, int32_t dim,
                             bool input) {
  int64_t length = problem.dims[dim].length;
  bool halved = dim == problem.rank - 1 &&
                ((problem.kind == TransformKind::R2C && !input) ||
                 (problem.kind == TransformKind::C2R && input));
  return halved ? length / 2 + 1 : length;
}

/// Element sizes in bytes of the input and output arrays of `problem`.
inline void getElementSizes(const FFTProblem &problem, size_t &in,
                            size_t &out) {
  size_t real =
      problem.precision == Precision::F64 ? sizeof(double) : sizeof(float);
  size_t complex = 2 * real;
  in = problem.kind == TransformKind::R2C ? real : complex;
  out = problem.kind == TransformKind::C2R ? real : complex;
}

/// A backend-specific plan.
class FFTPlan {
public:
  virtual ~FFTPlan() = default;
};

class FFTBackend {
public:
  virtual ~FFTBackend() = default;

  /// Identifies how plans are made now (e.g. estimated or measured); part of
  /// the plan cache key.
  virtual int32_t planningMode() const = 0;

  /// Class of a data address: a plan may only execute on arrays of the same
  /// classes as those it was made for.
  virtual int32_t alignmentOf(const void *ptr, Precision precision) const = 0;

  /// Plans `problem` for arrays laid out and aligned like `in` and `out`,
  /// without writing them. Not thread-safe: callers serialise it with
  /// `destroy`. On failure returns null and fills `error`.
  virtual FFTPlan *plan(const FFTProblem &problem, int32_t mode, void *in,
                        void *out, ErrorMessage &error) = 0;

  /// Runs `plan` on new arrays. Thread-safe.
  virtual void execute(const FFTPlan &plan, void *in, void *out) const = 0;

  /// Frees `plan`. Not thread-safe (see `plan`).
  virtual void destroy(FFTPlan *plan) = 0;
};

/// The backend of host memory (FFTW, single precision).
FFTBackend &getHostFFTBackend();

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_FFTBACKEND_H
