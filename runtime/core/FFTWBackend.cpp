//===- FFTWBackend.cpp - FFT backend on FFTW (single precision) -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Plans every problem through FFTW's guru interface, which takes the
// transformed and the batch dimensions with arbitrary strides, so that
// strided and transposed memrefs are transformed in place of a copy.
//
//===----------------------------------------------------------------------===//

#include "FFTBackend.h"
#include "Memory.h"

#include <fftw3.h>

#include <climits>
#include <complex>
#include <cstdlib>
#include <cstring>

using namespace mlir::spectral::runtime;

namespace {

enum PlanningMode : int32_t { Estimate = 0, Measure = 1 };

class FFTWPlan final : public FFTPlan {
public:
  FFTWPlan(fftwf_plan handle, TransformKind kind)
      : handle(handle), kind(kind) {}
  fftwf_plan handle;
  TransformKind kind;
};

/// Element sizes of the input and output arrays of `kind`.
void getElementSizes(TransformKind kind, size_t &in, size_t &out) {
  constexpr size_t real = sizeof(float), complex = sizeof(std::complex<float>);
  in = kind == TransformKind::R2C ? real : complex;
  out = kind == TransformKind::C2R ? real : complex;
}

/// Offset of the last element plus one of the input (or output) array.
int64_t getExtent(const FFTProblem &problem, bool input) {
  int64_t last = 0;
  for (int32_t i = 0; i < problem.rank; ++i) {
    const FFTDim &dim = problem.dims[i];
    int64_t length = dim.length;
    // The complex side of a real transform holds n/2+1 bins of the halved
    // (last) dimension.
    bool halved = i == problem.rank - 1 &&
                  ((problem.kind == TransformKind::R2C && !input) ||
                   (problem.kind == TransformKind::C2R && input));
    if (halved)
      length = length / 2 + 1;
    last += (length - 1) * (input ? dim.inStride : dim.outStride);
  }
  for (int32_t i = 0; i < problem.batchRank; ++i) {
    const FFTDim &dim = problem.batch[i];
    last += (dim.length - 1) * (input ? dim.inStride : dim.outStride);
  }
  return last + 1;
}

/// Converts dimensions to FFTW's int-based iodims.
bool toIODims(const FFTDim *dims, int32_t count, const char *what,
              fftwf_iodim *result, ErrorMessage &error) {
  for (int32_t i = 0; i < count; ++i) {
    const FFTDim &dim = dims[i];
    for (int64_t value : {dim.length, dim.inStride, dim.outStride}) {
      if (value > INT_MAX) {
        error.set("%s dimension %d (length %lld, input stride %lld, output "
                  "stride %lld) exceeds FFTW's 32-bit limit of %d",
                  what, i, static_cast<long long>(dim.length),
                  static_cast<long long>(dim.inStride),
                  static_cast<long long>(dim.outStride), INT_MAX);
        return false;
      }
    }
    result[i].n = static_cast<int>(dim.length);
    result[i].is = static_cast<int>(dim.inStride);
    result[i].os = static_cast<int>(dim.outStride);
  }
  return true;
}

/// A planning array that reproduces the alignment class of a user array.
class PlanningArray {
public:
  /// `bytes` of array starting at `alignment` bytes past an aligned
  /// address, which puts it in FFTW's alignment class `alignment`.
  bool allocate(int64_t bytes, int32_t alignment, ErrorMessage &error) {
    size_t total = static_cast<size_t>(bytes) + static_cast<size_t>(alignment);
    if (!storage.allocate(total, error))
      return false;
    // FFTW may read what it measures on: give it defined values.
    std::memset(storage.data(), 0, total);
    ptr = storage.data() + alignment;
    return true;
  }
  void *get() const { return ptr; }

private:
  TrackedBuffer<char> storage;
  void *ptr = nullptr;
};

class FFTWBackend final : public FFTBackend {
public:
  int32_t planningMode() const override {
    const char *measure = std::getenv("SPECTRAL_FFTW_MEASURE");
    return measure && std::strcmp(measure, "1") == 0 ? Measure : Estimate;
  }

  int32_t alignmentOf(const void *ptr) const override {
    return fftwf_alignment_of(static_cast<float *>(const_cast<void *>(ptr)));
  }

  FFTPlan *plan(const FFTProblem &problem, int32_t mode, void *in, void *out,
                ErrorMessage &error) override {
    fftwf_iodim dims[kMaxDescriptorRank], batch[kMaxDescriptorRank];
    if (!toIODims(problem.dims, problem.rank, "transformed", dims, error) ||
        !toIODims(problem.batch, problem.batchRank, "batch", batch, error))
      return nullptr;

    // FFTW_MEASURE runs transforms on the arrays it plans for: give it
    // scratch arrays with the same strides and alignment, so that the plan
    // applies to the user's arrays and their contents survive.
    PlanningArray planningIn, planningOut;
    bool inPlace = in == out;
    if (mode == Measure) {
      size_t inSize, outSize;
      getElementSizes(problem.kind, inSize, outSize);
      int64_t inBytes = getExtent(problem, true) * inSize;
      int64_t outBytes = getExtent(problem, false) * outSize;
      if (inPlace) {
        if (!planningIn.allocate(inBytes > outBytes ? inBytes : outBytes,
                                 alignmentOf(in), error))
          return nullptr;
        in = out = planningIn.get();
      } else {
        if (!planningIn.allocate(inBytes, alignmentOf(in), error) ||
            !planningOut.allocate(outBytes, alignmentOf(out), error))
          return nullptr;
        in = planningIn.get();
        out = planningOut.get();
      }
    }

    unsigned flags = mode == Measure ? FFTW_MEASURE : FFTW_ESTIMATE;
    fftwf_plan handle = nullptr;
    switch (problem.kind) {
    case TransformKind::C2C:
      if (!inPlace)
        flags |= FFTW_PRESERVE_INPUT;
      handle = fftwf_plan_guru_dft(
          problem.rank, dims, problem.batchRank, batch,
          static_cast<fftwf_complex *>(in), static_cast<fftwf_complex *>(out),
          problem.sign < 0 ? FFTW_FORWARD : FFTW_BACKWARD, flags);
      break;
    case TransformKind::R2C:
      if (!inPlace)
        flags |= FFTW_PRESERVE_INPUT;
      handle = fftwf_plan_guru_dft_r2c(
          problem.rank, dims, problem.batchRank, batch,
          static_cast<float *>(in), static_cast<fftwf_complex *>(out), flags);
      break;
    case TransformKind::C2R:
      // Multi-dimensional c2r cannot preserve its input; callers hand it a
      // copy they own.
      flags |= FFTW_DESTROY_INPUT;
      handle = fftwf_plan_guru_dft_c2r(problem.rank, dims, problem.batchRank,
                                       batch, static_cast<fftwf_complex *>(in),
                                       static_cast<float *>(out), flags);
      break;
    }
    if (!handle) {
      error.set("FFTW could not plan a rank-%d transform with %d batch "
                "dimensions",
                problem.rank, problem.batchRank);
      return nullptr;
    }
    return new FFTWPlan(handle, problem.kind);
  }

  void execute(const FFTPlan &plan, void *in, void *out) const override {
    const auto &fftwPlan = static_cast<const FFTWPlan &>(plan);
    switch (fftwPlan.kind) {
    case TransformKind::C2C:
      fftwf_execute_dft(fftwPlan.handle, static_cast<fftwf_complex *>(in),
                        static_cast<fftwf_complex *>(out));
      return;
    case TransformKind::R2C:
      fftwf_execute_dft_r2c(fftwPlan.handle, static_cast<float *>(in),
                            static_cast<fftwf_complex *>(out));
      return;
    case TransformKind::C2R:
      fftwf_execute_dft_c2r(fftwPlan.handle, static_cast<fftwf_complex *>(in),
                            static_cast<float *>(out));
      return;
    }
  }

  void destroy(FFTPlan *plan) override {
    auto *fftwPlan = static_cast<FFTWPlan *>(plan);
    fftwf_destroy_plan(fftwPlan->handle);
    delete fftwPlan;
  }
};

} // namespace

FFTBackend &mlir::spectral::runtime::getHostFFTBackend() {
  static FFTWBackend backend;
  return backend;
}
