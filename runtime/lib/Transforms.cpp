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
#include "HostTransforms.h"

#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::runtime;

namespace {

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
  ErrorMessage error;
  succeededOrReport(
      transformC2C(input, output, axesMask, inverse == 1, norm, error), kC2C,
      error);
}

extern "C" void _mlir_ciface_spectral_fft_r2c(
    UnrankedMemRefType<float> *in, UnrankedMemRefType<complex32> *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm) {
  MemRefView<float> input;
  MemRefView<complex32> output;
  if (checkR2C(kR2C, in, out, axesMask, halvedAxis, norm, input, output) !=
      Checked::Run)
    return;
  ErrorMessage error;
  succeededOrReport(
      transformR2C(input, output, axesMask, halvedAxis, norm, error), kR2C,
      error);
}

static void runC2R(const char *function, UnrankedMemRefType<complex32> *in,
                   UnrankedMemRefType<float> *out, int64_t axesMask,
                   int64_t halvedAxis, int32_t norm, bool mayOverwriteInput) {
  MemRefView<complex32> input;
  MemRefView<float> output;
  if (checkC2R(function, in, out, axesMask, halvedAxis, norm, mayOverwriteInput,
               input, output) != Checked::Run)
    return;
  ErrorMessage error;
  succeededOrReport(transformC2R(input, output, axesMask, halvedAxis, norm,
                                 mayOverwriteInput, error),
                    function, error);
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
