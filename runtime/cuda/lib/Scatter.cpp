//===- Scatter.cpp - Scatter of kept coefficients on the device -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The positions are copied to the host and checked there with the CPU
// runtime's own check before anything is written, so that a bad position is
// the same clear error on both runtimes instead of a silent overwrite or an
// out-of-bounds device write. The spectrum is then zeroed and written with
// the conjugate-partner rule by kernels.
//
//===----------------------------------------------------------------------===//

#include "CuFFTDevice.h"
#include "DevicePositions.h"
#include "EntryPointChecks.h"
#include "Kernels.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

namespace {
const char *const kScatter = "spectral_cuda_scatter";
} // namespace

extern "C" void _mlir_ciface_spectral_cuda_scatter(
    StridedMemRefType<complex32, 2> *coeffs,
    StridedMemRefType<int64_t, 2> *positions,
    StridedMemRefType<int64_t, 1> *tileSpectrumShape, int64_t axesMask,
    int64_t halvedAxis, int64_t halvedLength,
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
  const DriverAPI *driver = enterContext(kScatter);
  if (!driver)
    return;
  CompleteOnReturn complete(*driver, kScatter);
  if (!checkDevicePositions(kScatter, *driver, tile, inPositions,
                            PositionUse::Write))
    return;

  Matrix<const complex32> kept = asMatrix<const complex32>(input);
  Matrix<const int64_t> slots = asMatrix<const int64_t>(inPositions);
  Matrix<complex32> out = asMatrix<complex32>(output);
  checkLaunch(kScatter, "scatter", launchScatter(kept, slots, tile, out));
}
