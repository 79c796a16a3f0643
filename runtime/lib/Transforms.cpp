//===- Transforms.cpp - Dense FFT entry points ----------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Validates the memrefs of a transform, describes it as an FFTProblem taken
// straight from the descriptors (no copies, whatever the strides), runs a
// cached plan and applies the normalisation.
//
//===----------------------------------------------------------------------===//

#include "Arguments.h"
#include "FFTBackend.h"
#include "Memory.h"
#include "PlanCache.h"
#include "Validation.h"

#include "spectral-runtime/SpectralRuntime.h"

#include <complex>

using namespace mlir::spectral::runtime;

namespace {

/// Describes the transform of `lengths` (the real-side lengths) over the
/// axes of `axesMask`, the halved one last.
FFTProblem makeProblem(TransformKind kind, int32_t sign, int64_t rank,
                       const int64_t *lengths, const int64_t *inStrides,
                       const int64_t *outStrides, int64_t axesMask,
                       int64_t halvedAxis) {
  FFTProblem problem;
  problem.kind = kind;
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

/// Plans (or finds) and runs `problem`, then scales `out`. `lengths` are the
/// real-side lengths, for the normalisation.
template <typename InT, typename OutT>
void run(const char *function, const FFTProblem &problem, InT *in,
         MemRefView<OutT> &out, const int64_t *lengths, int64_t axesMask,
         int32_t norm, bool inverse) {
  PlanCache &cache = getHostPlanCache();
  const FFTPlan *plan = cache.getPlan(problem, in, out.data, function);
  if (!plan)
    return;
  cache.getBackend().execute(*plan, in, out.data);

  double count = 1;
  for (int64_t d = 0; d < out.rank; ++d)
    if (isTransformed(axesMask, d))
      count *= static_cast<double>(lengths[d]);
  double scale = getNormScale(norm, inverse, count);
  if (scale == 1.0)
    return;
  float factor = static_cast<float>(scale);
  OutT *data = out.data;
  forEachOffset(out, [&](int64_t offset) { data[offset] *= factor; });
}

const char *const kC2C = "spectral_fft_c2c";
const char *const kR2C = "spectral_fft_r2c";
const char *const kC2R = "spectral_fft_c2r";
const char *const kC2ROverwrite = "spectral_fft_c2r_overwrite_input";

} // namespace

extern "C" void
_mlir_ciface_spectral_fft_c2c(UnrankedMemRefType<complex32> *in,
                              UnrankedMemRefType<complex32> *out,
                              int64_t axesMask, int32_t inverse, int32_t norm) {
  MemRefView<complex32> input, output;
  if (checkC2C(kC2C, in, out, axesMask, inverse, norm, input, output) !=
      Checked::Run)
    return;

  FFTProblem problem =
      makeProblem(TransformKind::C2C, inverse ? +1 : -1, input.rank,
                  input.sizes, input.strides, output.strides, axesMask, -1);
  run(kC2C, problem, input.data, output, input.sizes, axesMask, norm,
      inverse == 1);
}

extern "C" void _mlir_ciface_spectral_fft_r2c(
    UnrankedMemRefType<float> *in, UnrankedMemRefType<complex32> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  MemRefView<float> input;
  MemRefView<complex32> output;
  if (checkR2C(kR2C, in, out, axesMask, halvedAxis, norm, input, output) !=
      Checked::Run)
    return;

  FFTProblem problem =
      makeProblem(TransformKind::R2C, -1, input.rank, input.sizes,
                  input.strides, output.strides, axesMask, halvedAxis);
  run(kR2C, problem, input.data, output, input.sizes, axesMask, norm,
      /*inverse=*/false);
}

/// c2r of `in` into `out`. FFTW's c2r overwrites its input: unless the
/// caller allows that (`mayOverwriteInput`, for a temporary it no longer
/// needs), transform a dense copy instead.
static void runC2R(const char *function, UnrankedMemRefType<complex32> *in,
                   UnrankedMemRefType<float> *out, int64_t axesMask,
                   int64_t halvedAxis, int32_t norm, bool mayOverwriteInput) {
  MemRefView<complex32> input;
  MemRefView<float> output;
  if (checkC2R(function, in, out, axesMask, halvedAxis, norm, mayOverwriteInput,
               input, output) != Checked::Run)
    return;

  if (mayOverwriteInput) {
    FFTProblem problem =
        makeProblem(TransformKind::C2R, +1, output.rank, output.sizes,
                    input.strides, output.strides, axesMask, halvedAxis);
    run(function, problem, input.data, output, output.sizes, axesMask, norm,
        /*inverse=*/true);
    return;
  }
  TrackedBuffer<complex32> copy;
  if (!copy.allocate(static_cast<size_t>(input.numElements()), function))
    return;
  int64_t copyStrides[kMaxDescriptorRank];
  int64_t stride = 1;
  for (int64_t d = input.rank - 1; d >= 0; --d) {
    copyStrides[d] = stride;
    stride *= input.sizes[d];
  }
  const complex32 *source = input.data;
  complex32 *target = copy.data();
  forEachOffsetPair(
      input.rank, input.sizes, input.strides, copyStrides,
      [&](int64_t from, int64_t to) { target[to] = source[from]; });

  FFTProblem problem =
      makeProblem(TransformKind::C2R, +1, output.rank, output.sizes,
                  copyStrides, output.strides, axesMask, halvedAxis);
  run(function, problem, copy.data(), output, output.sizes, axesMask, norm,
      /*inverse=*/true);
}

extern "C" void _mlir_ciface_spectral_fft_c2r(UnrankedMemRefType<complex32> *in,
                                              UnrankedMemRefType<float> *out,
                                              int64_t axesMask,
                                              int64_t halvedAxis,
                                              int32_t norm) {
  runC2R(kC2R, in, out, axesMask, halvedAxis, norm,
         /*mayOverwriteInput=*/false);
}

extern "C" void _mlir_ciface_spectral_fft_c2r_overwrite_input(
    UnrankedMemRefType<complex32> *in, UnrankedMemRefType<float> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  runC2R(kC2ROverwrite, in, out, axesMask, halvedAxis, norm,
         /*mayOverwriteInput=*/true);
}
