//===- HostTransforms.cpp - Dense FFTs of checked host views --------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/HostTransforms.h"
#include "spectral-core/FFTBackend.h"
#include "spectral-core/GatheredTransforms.h"
#include "spectral-core/Memory.h"
#include "spectral-core/Normalization.h"
#include "spectral-core/Parallel.h"
#include "spectral-core/PlanCache.h"

#include <algorithm>
#include <type_traits>
#include <utility>

using namespace mlir::spectral;
using namespace mlir::spectral::core;

namespace {

/// Elements of a pass over memory (scaling, copying) worth a thread.
constexpr int64_t kElementsPerThread = 1 << 16;

/// Describes the transform of `lengths` (the real-side lengths) over the
/// axes of `axesMask`, the halved one last.
template <typename Real>
FFTProblem makeProblem(TransformKind kind, int32_t sign, int64_t rank,
                       const int64_t *lengths, const int64_t *inStrides,
                       const int64_t *outStrides, int64_t axesMask,
                       int64_t halvedAxis) {
  FFTProblem problem;
  problem.kind = kind;
  problem.precision =
      std::is_same_v<Real, double> ? Precision::F64 : Precision::F32;
  problem.sign = sign;
  // A dimension of length 1 never steps, and MLIR may give it any stride:
  // drop it, so that it neither hits FFTW's 32-bit limit nor splits the
  // plan cache.
  auto getDim = [&](int64_t d) {
    bool unit = lengths[d] == 1;
    return FFTDim{lengths[d], unit ? 0 : inStrides[d],
                  unit ? 0 : outStrides[d]};
  };
  for (int64_t d = 0; d < rank; ++d) {
    if (!isTransformed(axesMask, d))
      problem.batch[problem.batchRank++] = getDim(d);
    else if (d != halvedAxis)
      problem.dims[problem.rank++] = getDim(d);
  }
  if (halvedAxis >= 0)
    problem.dims[problem.rank++] = getDim(halvedAxis);
  return problem;
}

/// The scale `norm` gives a transform of `lengths` over `axesMask`.
double getScale(int64_t rank, const int64_t *lengths, int64_t axesMask,
                int32_t norm, bool inverse) {
  double count = 1;
  for (int64_t d = 0; d < rank; ++d)
    if (isTransformed(axesMask, d))
      count *= static_cast<double>(lengths[d]);
  return getNormScale(norm, inverse, count);
}

/// Runs `problem` as one (cached) plan on the user's arrays, then scales
/// `out`.
template <typename InT, typename OutT>
bool runDirect(FFTProblem problem, InT *in, const MemRefView<OutT> &out,
               double scale, ErrorMessage &error) {
  // FFTW splits large problems over the runtime's threads; small ones are
  // not worth waking them.
  constexpr double kPointsPerThread = 16384;
  double points = 1;
  for (int32_t i = 0; i < problem.rank; ++i)
    points *= static_cast<double>(problem.dims[i].length);
  for (int32_t i = 0; i < problem.batchRank; ++i)
    points *= static_cast<double>(problem.batch[i].length);
  problem.threads = static_cast<int32_t>(std::max(
      1.0, std::min<double>(getNumThreads(), points / kPointsPerThread)));
  PlanCache &cache = getHostPlanCache();
  const FFTPlan *plan = cache.getPlan(problem, in, out.data, error);
  if (!plan)
    return false;
  cache.getBackend().execute(*plan, in, out.data);
  if (scale == 1.0)
    return true;
  // The real type of OutT (float or double, or that of the complex).
  using Real = decltype(std::real(std::declval<OutT>()));
  Real factor = static_cast<Real>(scale);
  OutT *data = out.data;
  if (!isDenseRowMajor(out)) {
    forEachOffset(out, [&](int64_t offset) { data[offset] *= factor; });
    return true;
  }
  // One contiguous run: a loop LLVM vectorises, on the runtime's threads.
  parallelForRanges(out.numElements(), kElementsPerThread,
                    [&](int64_t begin, int64_t end) {
                      for (int64_t i = begin; i < end; ++i)
                        data[i] *= factor;
                    });
  return true;
}

/// Runs `problem` with the strategy its layout calls for
/// (GatheredTransforms.h). `in` is only written by a direct C2R plan.
template <typename InT, typename OutT>
bool run(const FFTProblem &problem, InT *in, const MemRefView<OutT> &out,
         double scale, ErrorMessage &error) {
  GatherShape shape;
  if (chooseGatherShape(problem, in, out.data, shape))
    return runGathered<InT, OutT>(problem, shape, in, out.data, scale, error);
  return runDirect(problem, in, out, scale, error);
}

} // namespace

template <typename Real>
bool mlir::spectral::core::transformC2C(
    const MemRefView<std::complex<Real>> &in,
    const MemRefView<std::complex<Real>> &out, int64_t axesMask, bool inverse,
    int32_t norm, ErrorMessage &error) {
  FFTProblem problem =
      makeProblem<Real>(TransformKind::C2C, inverse ? +1 : -1, in.rank,
                        in.sizes, in.strides, out.strides, axesMask, -1);
  return run(problem, in.data, out,
             getScale(in.rank, in.sizes, axesMask, norm, inverse), error);
}

template <typename Real>
bool mlir::spectral::core::transformR2C(
    const MemRefView<Real> &in, const MemRefView<std::complex<Real>> &out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm, ErrorMessage &error) {
  FFTProblem problem =
      makeProblem<Real>(TransformKind::R2C, -1, in.rank, in.sizes, in.strides,
                        out.strides, axesMask, halvedAxis);
  return run(problem, in.data, out,
             getScale(in.rank, in.sizes, axesMask, norm, /*inverse=*/false),
             error);
}

template <typename Real>
bool mlir::spectral::core::transformC2R(
    const MemRefView<std::complex<Real>> &in, const MemRefView<Real> &out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm, bool mayOverwriteInput,
    ErrorMessage &error) {
  double scale =
      getScale(out.rank, out.sizes, axesMask, norm, /*inverse=*/true);
  FFTProblem problem =
      makeProblem<Real>(TransformKind::C2R, +1, out.rank, out.sizes, in.strides,
                        out.strides, axesMask, halvedAxis);
  // A gathered transform only reads its input: no copy is needed to keep
  // it.
  GatherShape shape;
  if (chooseGatherShape(problem, in.data, out.data, shape))
    return runGathered<std::complex<Real>, Real>(problem, shape, in.data,
                                                 out.data, scale, error);
  if (mayOverwriteInput)
    return runDirect(problem, in.data, out, scale, error);
  TrackedBuffer<std::complex<Real>> copy;
  if (!copy.allocate(static_cast<size_t>(in.numElements()), error))
    return false;
  int64_t copyStrides[runtime::kMaxDescriptorRank];
  setDenseStrides(in.rank, in.sizes, copyStrides);
  const std::complex<Real> *source = in.data;
  std::complex<Real> *target = copy.data();
  if (isDenseRowMajor(in))
    parallelForRanges(in.numElements(), kElementsPerThread,
                      [&](int64_t begin, int64_t end) {
                        std::copy(source + begin, source + end, target + begin);
                      });
  else
    forEachOffsetPair(
        in.rank, in.sizes, in.strides, copyStrides,
        [&](int64_t from, int64_t to) { target[to] = source[from]; });

  FFTProblem copied =
      makeProblem<Real>(TransformKind::C2R, +1, out.rank, out.sizes,
                        copyStrides, out.strides, axesMask, halvedAxis);
  return run(copied, copy.data(), out, scale, error);
}

template <typename Real>
bool mlir::spectral::core::transformFilter(
    const MemRefView<Real> &in, const MemRefView<std::complex<Real>> &filter,
    const MemRefView<Real> &out, int64_t axesMask, int64_t halvedAxis,
    int32_t forwardNorm, int32_t inverseNorm, ErrorMessage &error) {
  using Complex = std::complex<Real>;
  // The filter read with the half spectrum's indices: broadcast dimensions
  // do not step.
  int64_t filterStrides[runtime::kMaxDescriptorRank];
  for (int64_t d = 0; d < filter.rank; ++d)
    filterStrides[d] = filter.sizes[d] == 1 ? 0 : filter.strides[d];
  double scale =
      getScale(in.rank, in.sizes, axesMask, forwardNorm, /*inverse=*/false) *
      getScale(in.rank, in.sizes, axesMask, inverseNorm, /*inverse=*/true);

  FFTProblem forward =
      makeProblem<Real>(TransformKind::R2C, -1, in.rank, in.sizes, in.strides,
                        out.strides, axesMask, halvedAxis);
  GatherShape shape;
  if (chooseGatherShape(forward, in.data, out.data, shape)) {
    // The filter's strides in the problem's order of dimensions.
    FFTProblem filterOrder =
        makeProblem<Real>(TransformKind::R2C, -1, in.rank, in.sizes,
                          filterStrides, filterStrides, axesMask, halvedAxis);
    int64_t dimStrides[runtime::kMaxDescriptorRank],
        batchStrides[runtime::kMaxDescriptorRank];
    for (int32_t i = 0; i < filterOrder.rank; ++i)
      dimStrides[i] = filterOrder.dims[i].inStride;
    for (int32_t b = 0; b < filterOrder.batchRank; ++b)
      batchStrides[b] = filterOrder.batch[b].inStride;
    return runGatheredFilter<Real>(forward, shape, dimStrides, batchStrides,
                                   in.data, filter.data, out.data, scale,
                                   error);
  }

  // The whole half spectrum in a dense buffer.
  MemRefView<Complex> spectrum;
  spectrum.rank = in.rank;
  for (int64_t d = 0; d < in.rank; ++d)
    spectrum.sizes[d] = d == halvedAxis ? in.sizes[d] / 2 + 1 : in.sizes[d];
  int64_t count =
      setDenseStrides(spectrum.rank, spectrum.sizes, spectrum.strides);
  TrackedBuffer<Complex> storage;
  if (!storage.allocate(static_cast<size_t>(count), error))
    return false;
  spectrum.data = storage.data();
  if (!transformR2C(in, spectrum, axesMask, halvedAxis, forwardNorm, error))
    return false;
  const Complex *weights = filter.data;
  Complex *bins = spectrum.data;
  forEachOffsetPair(
      spectrum.rank, spectrum.sizes, spectrum.strides, filterStrides,
      [&](int64_t bin, int64_t weight) { bins[bin] *= weights[weight]; });
  return transformC2R(spectrum, out, axesMask, halvedAxis, inverseNorm,
                      /*mayOverwriteInput=*/true, error);
}

namespace mlir {
namespace spectral {
namespace core {
template bool transformC2C<float>(const MemRefView<complex32> &,
                                  const MemRefView<complex32> &, int64_t, bool,
                                  int32_t, ErrorMessage &);
template bool transformC2C<double>(const MemRefView<complex64> &,
                                   const MemRefView<complex64> &, int64_t, bool,
                                   int32_t, ErrorMessage &);
template bool transformR2C<float>(const MemRefView<float> &,
                                  const MemRefView<complex32> &, int64_t,
                                  int64_t, int32_t, ErrorMessage &);
template bool transformR2C<double>(const MemRefView<double> &,
                                   const MemRefView<complex64> &, int64_t,
                                   int64_t, int32_t, ErrorMessage &);
template bool transformC2R<float>(const MemRefView<complex32> &,
                                  const MemRefView<float> &, int64_t, int64_t,
                                  int32_t, bool, ErrorMessage &);
template bool transformC2R<double>(const MemRefView<complex64> &,
                                   const MemRefView<double> &, int64_t, int64_t,
                                   int32_t, bool, ErrorMessage &);
template bool transformFilter<float>(const MemRefView<float> &,
                                     const MemRefView<complex32> &,
                                     const MemRefView<float> &, int64_t,
                                     int64_t, int32_t, int32_t, ErrorMessage &);
template bool transformFilter<double>(const MemRefView<double> &,
                                      const MemRefView<complex64> &,
                                      const MemRefView<double> &, int64_t,
                                      int64_t, int32_t, int32_t,
                                      ErrorMessage &);
} // namespace core
} // namespace spectral
} // namespace mlir
