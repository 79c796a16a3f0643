//===- Gather.cpp - Gather of kept coefficients from a spectrum -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The transpose of Scatter.cpp's copy, which the adjoint of decompression
// calls: the same descriptor and position checks, then the core's
// gatherTiles. The compiler applies the bin weights itself, so this is a
// plain read.
//
//===----------------------------------------------------------------------===//

#include "EntryPointChecks.h"
#include "ErrorReporting.h"
#include "spectral-core/TileSelection.h"

#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

static const char *const kGather = "spectral_gather";

extern "C" void
_mlir_ciface_spectral_gather(StridedMemRefType<complex32, 2> *spectrum,
                             StridedMemRefType<int64_t, 2> *positions,
                             StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                             int64_t axesMask, int64_t halvedAxis,
                             int64_t halvedLength,
                             StridedMemRefType<complex32, 2> *coeffs) {
  SparseOperands operands;
  if (checkGather(kGather, spectrum, positions, tileSpectrumShape,
                  {axesMask, halvedAxis, halvedLength}, coeffs,
                  operands) != Checked::Run)
    return;
  const TileSpectrum &tile = operands.tile;
  const MemRefView<complex32> &input = operands.spectrum;
  const MemRefView<int64_t> &inPositions = operands.positions;
  const MemRefView<complex32> &output = operands.coeffs;
  ErrorMessage error;
  succeededOrReport(gatherTiles(tile, input, inPositions, output, error),
                    kGather, error);
}
