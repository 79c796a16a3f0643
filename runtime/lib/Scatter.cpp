//===- Scatter.cpp - Scatter of kept coefficients into a spectrum ---------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Checks the descriptors, then scatters with the core's scatterTiles, which
// also restores conjugate partners on Hermitian planes so that the
// complex-to-real inverse sees an exactly Hermitian half spectrum.
//
//===----------------------------------------------------------------------===//

#include "EntryPointChecks.h"
#include "ErrorReporting.h"
#include "spectral-core/TileSelection.h"

#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

static const char *const kScatter = "spectral_scatter";

extern "C" void
_mlir_ciface_spectral_scatter(StridedMemRefType<complex32, 2> *coeffs,
                              StridedMemRefType<int64_t, 2> *positions,
                              StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                              int64_t axesMask, int64_t halvedAxis,
                              int64_t halvedLength,
                              StridedMemRefType<complex32, 2> *spectrum) {
  SparseOperands operands;
  if (checkScatter(kScatter, coeffs, positions, tileSpectrumShape,
                   {axesMask, halvedAxis, halvedLength}, spectrum,
                   operands) != Checked::Run)
    return;
  const TileSpectrum &tile = operands.tile;
  const MemRefView<complex32> &input = operands.coeffs;
  const MemRefView<int64_t> &inPositions = operands.positions;
  const MemRefView<complex32> &output = operands.spectrum;
  ErrorMessage error;
  succeededOrReport(scatterTiles(tile, input, inPositions, output, error),
                    kScatter, error);
}
