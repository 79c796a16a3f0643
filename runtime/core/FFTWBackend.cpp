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

#include "spectral-core/FFTBackend.h"
#include "spectral-core/FFTWInterface.h"
#include "spectral-core/FFTWWisdom.h"
#include "spectral-core/Memory.h"
#include "spectral-core/Parallel.h"

#include <algorithm>
#include <climits>
#include <complex>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>

using namespace mlir::spectral;
using namespace mlir::spectral::core;

namespace {

enum PlanningMode : int32_t { Estimate = 0, Measure = 1 };

/// FFTW's threads run as jobs of the runtime's pool (Parallel.h), so that
/// FFTW, the runtime and lowered code never run more threads than asked.
void runFFTWJobs(void *(*work)(char *), char *jobData, size_t jobSize,
                 int jobCount, void *) {
  parallelForRanges(jobCount, 1, [&](int64_t begin, int64_t end) {
    for (int64_t job = begin; job < end; ++job)
      work(jobData + static_cast<size_t>(job) * jobSize);
  });
}

/// SPECTRAL_FFTW_PLANNING (estimate or measure), or the older
/// SPECTRAL_FFTW_MEASURE (1 or 0); measured plans by default, made once per
/// machine thanks to the wisdom file (FFTWWisdom.h).
PlanningMode readPlanningMode() {
  if (const char *setting = std::getenv("SPECTRAL_FFTW_PLANNING")) {
    if (std::strcmp(setting, "estimate") == 0)
      return Estimate;
    if (std::strcmp(setting, "measure") != 0) {
      static bool warned = false;
      if (!warned)
        std::fprintf(stderr,
                     "spectral runtime: ignoring SPECTRAL_FFTW_PLANNING='%s' "
                     "(expected 'estimate' or 'measure')\n",
                     setting);
      warned = true;
    }
    return Measure;
  }
  if (const char *legacy = std::getenv("SPECTRAL_FFTW_MEASURE"))
    return std::strcmp(legacy, "0") == 0 ? Estimate : Measure;
  return Measure;
}

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

/// Offset of the last element plus one of the input (or output) array.
int64_t getExtent(const FFTProblem &problem, bool input) {
  int64_t last = 0;
  for (int32_t i = 0; i < problem.rank; ++i) {
    const FFTDim &dim = problem.dims[i];
    last += (getSideLength(problem, i, input) - 1) *
            (input ? dim.inStride : dim.outStride);
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
  FFTWBackend() {
    FFTW<float>::initThreads(runFFTWJobs);
    FFTW<double>::initThreads(runFFTWJobs);
  }

  int32_t planningMode() const override { return readPlanningMode(); }

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
    typename API::IODim dims[runtime::kMaxDescriptorRank],
        batch[runtime::kMaxDescriptorRank];
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
      // Measuring is an optimisation: where its arrays do not fit (the
      // memory limit), the plan is estimated on the user's arrays instead.
      ErrorMessage ignored;
      bool allocated =
          inPlace ? planningIn.allocate(std::max(inBytes, outBytes),
                                        inAlignment, ignored)
                  : planningIn.allocate(inBytes, inAlignment, ignored) &&
                        planningOut.allocate(outBytes, outAlignment, ignored);
      if (allocated) {
        in = planningIn.get();
        out = inPlace ? in : planningOut.get();
      } else {
        mode = Estimate;
      }
    }

    loadWisdom(problem.precision);
    API::planWithThreads(problem.threads);
    unsigned flags = mode == Measure ? FFTW_MEASURE : FFTW_ESTIMATE;
    // A measured plan the wisdom already holds costs nothing; one it does
    // not is measured and then saved for the next process.
    typename API::Plan handle = nullptr;
    if (mode == Measure) {
      handle = makePlan<Real>(problem, dims, batch, in, out, inPlace,
                              flags | FFTW_WISDOM_ONLY);
      if (!handle) {
        handle = makePlan<Real>(problem, dims, batch, in, out, inPlace, flags);
        if (handle)
          saveWisdom(problem.precision);
      }
    } else {
      handle = makePlan<Real>(problem, dims, batch, in, out, inPlace, flags);
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
  static typename FFTW<Real>::Plan
  makePlan(const FFTProblem &problem, const typename FFTW<Real>::IODim *dims,
           const typename FFTW<Real>::IODim *batch, void *in, void *out,
           bool inPlace, unsigned flags) {
    using API = FFTW<Real>;
    switch (problem.kind) {
    case TransformKind::C2C:
      if (!inPlace)
        flags |= FFTW_PRESERVE_INPUT;
      return API::planC2C(problem.rank, dims, problem.batchRank, batch, in, out,
                          problem.sign < 0 ? FFTW_FORWARD : FFTW_BACKWARD,
                          flags);
    case TransformKind::R2C:
      if (!inPlace)
        flags |= FFTW_PRESERVE_INPUT;
      return API::planR2C(problem.rank, dims, problem.batchRank, batch, in, out,
                          flags);
    case TransformKind::C2R:
      // Multi-dimensional c2r cannot preserve its input; callers hand it a
      // copy they own.
      flags |= FFTW_DESTROY_INPUT;
      return API::planC2R(problem.rank, dims, problem.batchRank, batch, in, out,
                          flags);
    }
    return nullptr;
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

FFTBackend &mlir::spectral::core::getHostFFTBackend() {
  static FFTWBackend backend;
  return backend;
}
