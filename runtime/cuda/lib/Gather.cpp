//===- Gather.cpp - Gather of kept coefficients on the device -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Scatter's transpose. As in Scatter.cpp, the positions are copied to the
// host and checked there with the CPU runtime's own check before the kernel
// runs: a bad position is then the CPU's error message rather than an
// out-of-bounds device read.
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
const char *const kGather = "spectral_cuda_gather";
} // namespace

extern "C" void _mlir_ciface_spectral_cuda_gather(
    StridedMemRefType<complex32, 2> *spectrum,
    StridedMemRefType<int64_t, 2> *positions,
    StridedMemRefType<int64_t, 1> *tileSpectrumShape, int64_t axesMask,
    int64_t halvedAxis, int64_t halvedLength,
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
  const DriverAPI *driver = enterContext(kGather);
  if (!driver)
    return;
  CompleteOnReturn complete(*driver, kGather);
  if (!checkDevicePositions(kGather, *driver, tile, inPositions,
                            PositionUse::Read))
    return;

  Matrix<const complex32> in = asMatrix<const complex32>(input);
  Matrix<const int64_t> slots = asMatrix<const int64_t>(inPositions);
  Matrix<complex32> out = asMatrix<complex32>(output);
  checkLaunch(kGather, "gather", launchGather(in, slots, out));
}
