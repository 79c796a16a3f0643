//===- RuntimeEnums.h - Values shared by compiler and runtime ---*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Integer values that lowered code passes to the runtime library. The
// compiler (which emits them as constants) and the runtime (which decodes
// them) both include this header, so the two cannot drift apart. It depends
// on nothing but <stdint.h>, and the plain enums below also compile as C.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_IR_RUNTIMEENUMS_H
#define SPECTRALDIALECT_IR_RUNTIMEENUMS_H

#include <stdint.h>

#ifdef __cplusplus
#include "SpectralDialect/IR/TileRule.h"
#endif

/// Normalisation of a transform, passed as the `norm` argument (an i32) of the
/// runtime's FFT entry points. Same meaning as numpy's `norm`.
enum spectral_fft_norm {
  SPECTRAL_FFT_NORM_BACKWARD = 0,
  SPECTRAL_FFT_NORM_FORWARD = 1,
  SPECTRAL_FFT_NORM_ORTHO = 2
};

/// `halvedAxis` value of the top-k and scatter entry points for the full
/// complex (`fft`) layout, where no axis is halved.
enum { SPECTRAL_NO_HALVED_AXIS = -1 };

#ifdef __cplusplus
namespace mlir {
namespace spectral {
namespace runtime {

/// Normalisation of a transform over n = product of the transformed lengths:
/// - Backward: forward unscaled, inverse scaled by 1/n (numpy's default);
/// - Forward: forward scaled by 1/n, inverse unscaled;
/// - Ortho: both scaled by 1/sqrt(n), which makes the transform unitary.
enum class FFTNorm : int32_t {
  Backward = SPECTRAL_FFT_NORM_BACKWARD,
  Forward = SPECTRAL_FFT_NORM_FORWARD,
  Ortho = SPECTRAL_FFT_NORM_ORTHO,
};

/// Direction of a complex-to-complex transform (the `inverse` argument).
enum class FFTDirection : int32_t { Forward = 0, Inverse = 1 };

/// `halvedAxis` for the `fft` layout.
constexpr int64_t kNoHalvedAxis = SPECTRAL_NO_HALVED_AXIS;

/// Ranks accepted by every runtime entry point (one bit of `axesMask` per
/// dimension).
constexpr int64_t kMinDescriptorRank = tile_rule::kMinRank;
constexpr int64_t kMaxDescriptorRank = tile_rule::kMaxRank;

/// True if `value` is one of the FFTNorm values.
constexpr bool isValidFFTNorm(int32_t value) {
  return value >= static_cast<int32_t>(FFTNorm::Backward) &&
         value <= static_cast<int32_t>(FFTNorm::Ortho);
}

/// The ops and operands that run-time size checks (spectral.check_size,
/// spectral_check_size) name: lowered code passes their indices here, the
/// runtime prints the names.
constexpr const char *kCheckedOps[] = {
    "spectral.mix",     "spectral.conv",
    "spectral.rfft",    "spectral.irfft",
    "spectral.fft",     "spectral.ifft",
    "spectral.matmul",  "spectral.decompress_tiles",
    "spectral.assemble"};
constexpr const char *kCheckedOperands[] = {
    "input",  "filter",       "kernel",   "weight",
    "result", "coefficients", "positions"};
constexpr int32_t kNumCheckedOps =
    static_cast<int32_t>(sizeof(kCheckedOps) / sizeof(kCheckedOps[0]));
constexpr int32_t kNumCheckedOperands = static_cast<int32_t>(
    sizeof(kCheckedOperands) / sizeof(kCheckedOperands[0]));

} // namespace runtime
} // namespace spectral
} // namespace mlir
#endif // __cplusplus

#endif // SPECTRALDIALECT_IR_RUNTIMEENUMS_H
