//===- Transforms.cpp - Dense FFT entry points on the device --------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Validates exactly as the CPU runtime (EntryPointChecks.h), before touching
// the device; then describes the transform and runs its schedule with cuFFT.
//
//===----------------------------------------------------------------------===//

#include "CuFFTDevice.h"
#include "EntryPointChecks.h"
#include "FFTSchedule.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

namespace {

const char *const kC2C = "spectral_cuda_fft_c2c";
const char *const kR2C = "spectral_cuda_fft_r2c";
const char *const kC2R = "spectral_cuda_fft_c2r";
const char *const kC2ROverwrite = "spectral_cuda_fft_c2r_overwrite_input";

/// The request of validated views; `real` has the real-side lengths.
template <typename InT, typename OutT>
TransformRequest
makeRequest(FFTKind kind, int32_t sign, const MemRefView<InT> &input,
            const MemRefView<OutT> &output, const Layout &real,
            int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  TransformRequest request;
  request.kind = kind;
  request.sign = sign;
  request.rank = static_cast<int32_t>(real.rank);
  for (int64_t d = 0; d < real.rank; ++d) {
    request.sizes[d] = real.sizes[d];
    request.inStrides[d] = input.strides[d];
    request.outStrides[d] = output.strides[d];
  }
  request.axesMask = axesMask;
  request.halvedAxis = halvedAxis;
  request.in = const_cast<void *>(static_cast<const void *>(input.data));
  request.out = output.data;
  request.scale = static_cast<float>(getNormScale(
      norm, /*inverse=*/sign > 0, getTransformedCount(real, axesMask)));
  return request;
}

void run(const char *function, const TransformRequest &request) {
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return;
  CompleteOnReturn complete(*driver, function);
  CuFFTDevice device(*driver, function);
  runTransform(device, request);
}

void runC2R(const char *function, UnrankedMemRefType<complex32> *in,
            UnrankedMemRefType<float> *out, int64_t axesMask,
            int64_t halvedAxis, int32_t norm, bool mayOverwriteInput) {
  MemRefView<complex32> input;
  MemRefView<float> output;
  if (checkC2R(function, in, out, axesMask, halvedAxis, norm, mayOverwriteInput,
               input, output) != Checked::Run)
    return;
  TransformRequest request = makeRequest(FFTKind::C2R, +1, input, output,
                                         output, axesMask, halvedAxis, norm);
  request.mayOverwriteInput = mayOverwriteInput;
  run(function, request);
}

} // namespace

extern "C" void _mlir_ciface_spectral_cuda_fft_c2c(
    UnrankedMemRefType<complex32> *in, UnrankedMemRefType<complex32> *out,
    int64_t axesMask, int32_t inverse, int32_t norm) {
  MemRefView<complex32> input, output;
  if (checkC2C(kC2C, in, out, axesMask, inverse, norm, input, output) !=
      Checked::Run)
    return;
  run(kC2C, makeRequest(FFTKind::C2C, inverse ? +1 : -1, input, output, input,
                        axesMask, -1, norm));
}

extern "C" void _mlir_ciface_spectral_cuda_fft_r2c(
    UnrankedMemRefType<float> *in, UnrankedMemRefType<complex32> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  MemRefView<float> input;
  MemRefView<complex32> output;
  if (checkR2C(kR2C, in, out, axesMask, halvedAxis, norm, input, output) !=
      Checked::Run)
    return;
  run(kR2C, makeRequest(FFTKind::R2C, -1, input, output, input, axesMask,
                        halvedAxis, norm));
}

extern "C" void _mlir_ciface_spectral_cuda_fft_c2r(
    UnrankedMemRefType<complex32> *in, UnrankedMemRefType<float> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  runC2R(kC2R, in, out, axesMask, halvedAxis, norm,
         /*mayOverwriteInput=*/false);
}

extern "C" void _mlir_ciface_spectral_cuda_fft_c2r_overwrite_input(
    UnrankedMemRefType<complex32> *in, UnrankedMemRefType<float> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  runC2R(kC2ROverwrite, in, out, axesMask, halvedAxis, norm,
         /*mayOverwriteInput=*/true);
}
