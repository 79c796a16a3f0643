//===- TopK.cpp - Per-tile top-k selection by energy ----------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Checks the descriptors, then selects with the core's selectTopK.
//
//===----------------------------------------------------------------------===//

#include "EntryPointChecks.h"
#include "ErrorReporting.h"
#include "spectral-core/TileSelection.h"

#include "spectral-runtime/SpectralRuntime.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

static const char *const kTopK = "spectral_topk";

extern "C" void
_mlir_ciface_spectral_topk(StridedMemRefType<complex32, 2> *spectrum,
                           StridedMemRefType<int64_t, 1> *tileSpectrumShape,
                           int64_t axesMask, int64_t halvedAxis,
                           int64_t halvedLength,
                           StridedMemRefType<complex32, 2> *coeffs,
                           StridedMemRefType<int64_t, 2> *positions) {
  SparseOperands operands;
  Checked checked = checkTopK(kTopK, spectrum, tileSpectrumShape,
                              {axesMask, halvedAxis, halvedLength}, coeffs,
                              positions, operands);
  if (checked == Checked::Error)
    return;
  const TileSpectrum &tile = operands.tile;
  const MemRefView<complex32> &input = operands.spectrum;
  const MemRefView<complex32> &output = operands.coeffs;
  const MemRefView<int64_t> &outPositions = operands.positions;
  // An empty call still checks K against the layout.
  ErrorMessage error;
  succeededOrReport(selectTopK(tile, input, output, outPositions, error), kTopK,
                    error);
}
