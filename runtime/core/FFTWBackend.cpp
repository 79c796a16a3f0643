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
#include <type_traits>

using namespace mlir::spectral::runtime;

namespace {

enum PlanningMode : int32_t { Estimate = 0, Measure = 1 };

/// FFTW's single- and double-precision interfaces under one name.
template <typename Real> struct FFTW;

template <> struct FFTW<float> {
  using Plan = fftwf_plan;
  using Complex = fftwf_complex;
  using IODim = fftwf_iodim;
  static int alignmentOf(void *ptr) {
    return fftwf_alignment_of(static_cast<float *>(ptr));
  }
  static Plan planC2C(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, int sign,
                      unsigned flags) {
    return fftwf_plan_guru_dft(rank, dims, batchRank, batch,
                               static_cast<Complex *>(in),
                               static_cast<Complex *>(out), sign, flags);
  }
  static Plan planR2C(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, unsigned flags) {
    return fftwf_plan_guru_dft_r2c(rank, dims, batchRank, batch,
                                   static_cast<float *>(in),
                                   static_cast<Complex *>(out), flags);
  }
  static Plan planC2R(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, unsigned flags) {
    return fftwf_plan_guru_dft_c2r(rank, dims, batchRank, batch,
                                   static_cast<Complex *>(in),
                                   static_cast<float *>(out), flags);
  }
  static void executeC2C(Plan plan, void *in, void *out) {
    fftwf_execute_dft(plan, static_cast<Complex *>(in),
                      static_cast<Complex *>(out));
  }
  static void executeR2C(Plan plan, void *in, void *out) {
    fftwf_execute_dft_r2c(plan, static_cast<float *>(in),
                          static_cast<Complex *>(out));
  }
  static void executeC2R(Plan plan, void *in, void *out) {
    fftwf_execute_dft_c2r(plan, static_cast<Complex *>(in),
                          static_cast<float *>(out));
  }
  static void destroy(Plan plan) { fftwf_destroy_plan(plan); }
};

template <> struct FFTW<double> {
  using Plan = fftw_plan;
  using Complex = fftw_complex;
  using IODim = fftw_iodim;
  static int alignmentOf(void *ptr) {
    return fftw_alignment_of(static_cast<double *>(ptr));
  }
  static Plan planC2C(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, int sign,
                      unsigned flags) {
    return fftw_plan_guru_dft(rank, dims, batchRank, batch,
                              static_cast<Complex *>(in),
                              static_cast<Complex *>(out), sign, flags);
  }
  static Plan planR2C(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, unsigned flags) {
    return fftw_plan_guru_dft_r2c(rank, dims, batchRank, batch,
                                  static_cast<double *>(in),
                                  static_cast<Complex *>(out), flags);
  }
  static Plan planC2R(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, unsigned flags) {
    return fftw_plan_guru_dft_c2r(rank, dims, batchRank, batch,
                                  static_cast<Complex *>(in),
                                  static_cast<double *>(out), flags);
  }
  static void executeC2C(Plan plan, void *in, void *out) {
    fftw_execute_dft(plan, static_cast<Complex *>(in),
                     static_cast<Complex *>(out));
  }
  static void executeR2C(Plan plan, void *in, void *out) {
    fftw_execute_dft_r2c(plan, static_cast<double *>(in),
                         static_cast<Complex *>(out));
  }
  static void executeC2R(Plan plan, void *in, void *out) {
    fftw_execute_dft_c2r(plan, static_cast<Complex *>(in),
                         static_cast<double *>(out));
  }
  static void destroy(Plan plan) { fftw_destroy_plan(plan); }
};

/// A plan of either precision: exactly one handle is set.
class FFTWPlan final : public FFTPlan {
public:
  FFTWPlan(fftwf_plan single, fftw_plan dual, TransformKind kind)
      : single(single), dual(dual), kind(kind) {}
  fftwf_plan single;
  fftw_plan dual;
  TransformKind kind;

  template <typename Real> typename FFTW<Real>::Plan get() const {
    if constexpr (std::is_same_v<Real, float>)
      return single;
    else
      return dual;
  }
};

/// Element sizes of the input and output arrays of `problem`.
void getElementSizes(const FFTProblem &problem, size_t &in, size_t &out) {
  size_t real =
      problem.precision == Precision::F64 ? sizeof(double) : sizeof(float);
  size_t complex = 2 * real;
  in = problem.kind == TransformKind::R2C ? real : complex;
  out = problem.kind == TransformKind::C2R ? real : complex;
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
template <typename IODim>
bool toIODims(const FFTDim *dims, int32_t count, const char *what,
              IODim *result, ErrorMessage &error) {
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

  int32_t alignmentOf(const void *ptr, Precision precision) const override {
    void *data = const_cast<void *>(ptr);
    return precision == Precision::F64 ? FFTW<double>::alignmentOf(data)
                                       : FFTW<float>::alignmentOf(data);
  }

  FFTPlan *plan(const FFTProblem &problem, int32_t mode, void *in, void *out,
                ErrorMessage &error) override {
    if (problem.precision == Precision::F64)
      return planIn<double>(problem, mode, in, out, error);
    return planIn<float>(problem, mode, in, out, error);
  }

  void execute(const FFTPlan &plan, void *in, void *out) const override {
    const auto &fftwPlan = static_cast<const FFTWPlan &>(plan);
    if (fftwPlan.dual)
      executeIn<double>(fftwPlan, in, out);
    else
      executeIn<float>(fftwPlan, in, out);
  }

  void destroy(FFTPlan *plan) override {
    auto *fftwPlan = static_cast<FFTWPlan *>(plan);
    if (fftwPlan->dual)
      FFTW<double>::destroy(fftwPlan->dual);
    else
      FFTW<float>::destroy(fftwPlan->single);
    delete fftwPlan;
  }

private:
  template <typename Real>
  FFTPlan *planIn(const FFTProblem &problem, int32_t mode, void *in, void *out,
                  ErrorMessage &error) {
    using API = FFTW<Real>;
    typename API::IODim dims[kMaxDescriptorRank], batch[kMaxDescriptorRank];
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
      getElementSizes(problem, inSize, outSize);
      int64_t inBytes = getExtent(problem, true) * inSize;
      int64_t outBytes = getExtent(problem, false) * outSize;
      int32_t inAlignment = alignmentOf(in, problem.precision);
      int32_t outAlignment = alignmentOf(out, problem.precision);
      if (inPlace) {
        if (!planningIn.allocate(inBytes > outBytes ? inBytes : outBytes,
                                 inAlignment, error))
          return nullptr;
        in = out = planningIn.get();
      } else {
        if (!planningIn.allocate(inBytes, inAlignment, error) ||
            !planningOut.allocate(outBytes, outAlignment, error))
          return nullptr;
        in = planningIn.get();
        out = planningOut.get();
      }
    }

    unsigned flags = mode == Measure ? FFTW_MEASURE : FFTW_ESTIMATE;
    typename API::Plan handle = nullptr;
    switch (problem.kind) {
    case TransformKind::C2C:
      if (!inPlace)
        flags |= FFTW_PRESERVE_INPUT;
      handle =
          API::planC2C(problem.rank, dims, problem.batchRank, batch, in, out,
                       problem.sign < 0 ? FFTW_FORWARD : FFTW_BACKWARD, flags);
      break;
    case TransformKind::R2C:
      if (!inPlace)
        flags |= FFTW_PRESERVE_INPUT;
      handle = API::planR2C(problem.rank, dims, problem.batchRank, batch, in,
                            out, flags);
      break;
    case TransformKind::C2R:
      // Multi-dimensional c2r cannot preserve its input; callers hand it a
      // copy they own.
      flags |= FFTW_DESTROY_INPUT;
      handle = API::planC2R(problem.rank, dims, problem.batchRank, batch, in,
                            out, flags);
      break;
    }
    if (!handle) {
      error.set("FFTW could not plan a rank-%d transform with %d batch "
                "dimensions",
                problem.rank, problem.batchRank);
      return nullptr;
    }
    if constexpr (std::is_same_v<Real, float>)
      return new FFTWPlan(handle, nullptr, problem.kind);
    else
      return new FFTWPlan(nullptr, handle, problem.kind);
  }

  template <typename Real>
  static void executeIn(const FFTWPlan &plan, void *in, void *out) {
    using API = FFTW<Real>;
    switch (plan.kind) {
    case TransformKind::C2C:
      API::executeC2C(plan.get<Real>(), in, out);
      return;
    case TransformKind::R2C:
      API::executeR2C(plan.get<Real>(), in, out);
      return;
    case TransformKind::C2R:
      API::executeC2R(plan.get<Real>(), in, out);
      return;
    }
  }
};

} // namespace

FFTBackend &mlir::spectral::runtime::getHostFFTBackend() {
  static FFTWBackend backend;
  return backend;
}
