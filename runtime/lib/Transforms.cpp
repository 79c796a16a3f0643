//===- Transforms.cpp - Dense FFT entry points ----------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Validates the memrefs of a transform, then runs it with the core's host
// transforms (HostTransforms.h).
//
//===----------------------------------------------------------------------===//

#include "EntryPointChecks.h"
#include "ErrorReporting.h"
#include "spectral-core/HostTransforms.h"

#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

namespace {

const char *const kC2C = "spectral_fft_c2c";
const char *const kR2C = "spectral_fft_r2c";
const char *const kC2R = "spectral_fft_c2r";
const char *const kC2ROverwrite = "spectral_fft_c2r_overwrite_input";
const char *const kC2C64 = "spectral_fft_c2c_f64";
const char *const kR2C64 = "spectral_fft_r2c_f64";
const char *const kC2R64 = "spectral_fft_c2r_f64";
const char *const kC2ROverwrite64 = "spectral_fft_c2r_overwrite_input_f64";
const char *const kFilter = "spectral_fft_filter";
const char *const kFilter64 = "spectral_fft_filter_f64";

template <typename Real>
void runC2C(const char *function, UnrankedMemRefType<std::complex<Real>> *in,
            UnrankedMemRefType<std::complex<Real>> *out, int64_t axesMask,
            int32_t inverse, int32_t norm) {
  MemRefView<std::complex<Real>> input, output;
  if (checkC2C(function, in, out, axesMask, inverse, norm, input, output) !=
      Checked::Run)
    return;
  ErrorMessage error;
  succeededOrReport(
      transformC2C(input, output, axesMask, inverse == 1, norm, error),
      function, error);
}

template <typename Real>
void runR2C(const char *function, UnrankedMemRefType<Real> *in,
            UnrankedMemRefType<std::complex<Real>> *out, int64_t axesMask,
            int64_t halvedAxis, int32_t norm) {
  MemRefView<Real> input;
  MemRefView<std::complex<Real>> output;
  if (checkR2C(function, in, out, axesMask, halvedAxis, norm, input, output) !=
      Checked::Run)
    return;
  ErrorMessage error;
  succeededOrReport(
      transformR2C(input, output, axesMask, halvedAxis, norm, error), function,
      error);
}

template <typename Real>
void runC2R(const char *function, UnrankedMemRefType<std::complex<Real>> *in,
            UnrankedMemRefType<Real> *out, int64_t axesMask, int64_t halvedAxis,
            int32_t norm, bool mayOverwriteInput) {
  MemRefView<std::complex<Real>> input;
  MemRefView<Real> output;
  if (checkC2R(function, in, out, axesMask, halvedAxis, norm, mayOverwriteInput,
               input, output) != Checked::Run)
    return;
  ErrorMessage error;
  succeededOrReport(transformC2R(input, output, axesMask, halvedAxis, norm,
                                 mayOverwriteInput, error),
                    function, error);
}

template <typename Real>
void runFilter(const char *function, UnrankedMemRefType<Real> *in,
               UnrankedMemRefType<std::complex<Real>> *filter,
               UnrankedMemRefType<Real> *out, int64_t axesMask,
               int64_t halvedAxis, int32_t forwardNorm, int32_t inverseNorm) {
  MemRefView<Real> input, output;
  MemRefView<std::complex<Real>> weights;
  if (checkFilter(function, in, filter, out, axesMask, halvedAxis, forwardNorm,
                  inverseNorm, input, weights, output) != Checked::Run)
    return;
  ErrorMessage error;
  succeededOrReport(transformFilter(input, weights, output, axesMask,
                                    halvedAxis, forwardNorm, inverseNorm,
                                    error),
                    function, error);
}

} // namespace

extern "C" void
_mlir_ciface_spectral_fft_c2c(UnrankedMemRefType<complex32> *in,
                              UnrankedMemRefType<complex32> *out,
                              int64_t axesMask, int32_t inverse, int32_t norm) {
  runC2C(kC2C, in, out, axesMask, inverse, norm);
}

extern "C" void _mlir_ciface_spectral_fft_r2c(
    UnrankedMemRefType<float> *in, UnrankedMemRefType<complex32> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  runR2C(kR2C, in, out, axesMask, halvedAxis, norm);
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

extern "C" void _mlir_ciface_spectral_fft_c2c_f64(
    UnrankedMemRefType<complex64> *in, UnrankedMemRefType<complex64> *out,
    int64_t axesMask, int32_t inverse, int32_t norm) {
  runC2C(kC2C64, in, out, axesMask, inverse, norm);
}

extern "C" void _mlir_ciface_spectral_fft_r2c_f64(
    UnrankedMemRefType<double> *in, UnrankedMemRefType<complex64> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  runR2C(kR2C64, in, out, axesMask, halvedAxis, norm);
}

extern "C" void _mlir_ciface_spectral_fft_c2r_f64(
    UnrankedMemRefType<complex64> *in, UnrankedMemRefType<double> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  runC2R(kC2R64, in, out, axesMask, halvedAxis, norm,
         /*mayOverwriteInput=*/false);
}

extern "C" void _mlir_ciface_spectral_fft_c2r_overwrite_input_f64(
    UnrankedMemRefType<complex64> *in, UnrankedMemRefType<double> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  runC2R(kC2ROverwrite64, in, out, axesMask, halvedAxis, norm,
         /*mayOverwriteInput=*/true);
}

extern "C" void _mlir_ciface_spectral_fft_filter(
    UnrankedMemRefType<float> *in, UnrankedMemRefType<complex32> *filter,
    UnrankedMemRefType<float> *out, int64_t axesMask, int64_t halvedAxis,
    int32_t forwardNorm, int32_t inverseNorm) {
  runFilter(kFilter, in, filter, out, axesMask, halvedAxis, forwardNorm,
            inverseNorm);
}

extern "C" void _mlir_ciface_spectral_fft_filter_f64(
    UnrankedMemRefType<double> *in, UnrankedMemRefType<complex64> *filter,
    UnrankedMemRefType<double> *out, int64_t axesMask, int64_t halvedAxis,
    int32_t forwardNorm, int32_t inverseNorm) {
  runFilter(kFilter64, in, filter, out, axesMask, halvedAxis, forwardNorm,
            inverseNorm);
}
