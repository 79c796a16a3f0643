//===- NeuralOperatorBuilders.h - IR of mode_mix and resample ---*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Builders of the tensor-level IR that spectral.mode_mix and spectral.resample
// lower to (spectral transforms, slices and linalg.generic), shared by their
// lowerings and their adjoints.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_UTILS_NEURALOPERATORBUILDERS_H
#define SPECTRALDIALECT_UTILS_NEURALOPERATORBUILDERS_H

#include "SpectralDialect/IR/SpectralOps.h"
#include "mlir/IR/Builders.h"

namespace mlir {
namespace spectral {

/// The kept modes of `spectrum` (an rfftn over `axes`) in one tensor whose
/// dimension axes[i] has modes[i] entries, ordered as spectral.mode_mix's
/// weight: along the last axis bins 0..m-1 (when `lastIsHalved`); along the
/// others the non-negative frequencies, then the negative ones.
Value gatherModes(OpBuilder &b, Location loc, Value spectrum,
                  ArrayRef<int64_t> axes, ArrayRef<int64_t> modes,
                  bool lastIsHalved = true);

/// The inverse placement: a zero spectrum with `lengths[i]` entries along
/// axes[i] (bins for the last axis) holding the modes of `modeTensor`.
Value scatterModes(OpBuilder &b, Location loc, Value modeTensor,
                   ArrayRef<int64_t> axes, ArrayRef<int64_t> lengths,
                   bool lastIsHalved = true);

/// The kept modes of rfftn(input, axes, norm), as gatherModes orders them,
/// computed without the full spectrum: only the kept bins of the halved
/// axis are transformed along the other axes.
Value computeKeptModes(OpBuilder &b, Location loc, Value input,
                       ArrayRef<int64_t> axes, ArrayRef<int64_t> modes,
                       FFTNorm norm);

/// irfftn, to `resultType`'s sizes along `axes`, of the spectrum that holds
/// `modeTensor`'s modes and zeros elsewhere, transforming along the full
/// axes only the kept bins of the halved axis. `resultType` gives the
/// sizes along `axes` only.
Value synthesizeFromModes(OpBuilder &b, Location loc, Value modeTensor,
                          ArrayRef<int64_t> axes, RankedTensorType resultType,
                          FFTNorm norm);

/// Per kept mode, the channel mixing of spectral.mode_mix:
///   out[.., o, k] = sum_i modes[.., i, k] * W[i, o, k],
/// or, with `conjugateTranspose`, its adjoint
///   out[.., i, k] = sum_o modes[.., o, k] * conj(W[i, o, k]),
/// which reads W in place rather than from a transposed copy. `channel` is
/// the channel dimension of `modeTensor`, `axes` its mode dimensions. When
/// `scaledBin` >= 0, the terms of bin `scaledBin` of the last mode axis are
/// multiplied by `binFactor`.
Value mixChannels(OpBuilder &b, Location loc, Value modeTensor, Value weight,
                  int64_t channel, ArrayRef<int64_t> axes,
                  bool conjugateTranspose, int64_t scaledBin = -1,
                  double binFactor = 1.0);

/// The IR of spectral.mode_mix (see its description) for `op`'s operands,
/// attributes and result type; the mode tensors stay the size of the
/// kept modes. `weight` replaces the op's weight and `norm` its norm, so
/// that the adjoint can reuse it.
Value buildModeMix(OpBuilder &b, Location loc, ModeMixOp op, Value input,
                   Value weight, FFTNorm norm, RankedTensorType resultType);

/// The IR of spectral.resample of `input` along `axes` to `resultType`, or,
/// with `adjoint`, of its adjoint: `input` is then a cotangent of the
/// op's result and `resultType` the op's input type.
Value buildResample(OpBuilder &b, Location loc, Value input,
                    ArrayRef<int64_t> axes, RankedTensorType resultType,
                    bool adjoint);

/// `spectrum` with the bins along `axis` (the halved axis of a real
/// transform of length `length`) that stand for two frequencies of the full
/// spectrum (all but bin 0 and, for an even length, bin length/2)
/// multiplied by `factor`. Dynamic lengths are read at run time.
Value scaleInteriorBins(OpBuilder &b, Location loc, Value spectrum,
                        int64_t axis, OpFoldResult length, double factor);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_UTILS_NEURALOPERATORBUILDERS_H
