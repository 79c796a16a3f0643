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
#include "DeviceMemory.h"
#include "EntryPointChecks.h"
#include "Kernels.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
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
  MemRefView<complex32> input, output;
  MemRefView<int64_t> inPositions, shape;
  TileSpectrum tile;
  if (checkGather(kGather, spectrum, positions, tileSpectrumShape, axesMask,
                  halvedAxis, halvedLength, coeffs, input, inPositions, shape,
                  output, tile) != Checked::Run)
    return;
  const DriverAPI *driver = enterContext(kGather);
  if (!driver)
    return;
  CompleteOnReturn complete(*driver, kGather);

  // The positions' whole span (not empty: Run means T, K >= 1), read back
  // once earlier work on the legacy stream has written it.
  int64_t extent = inPositions.extent();
  HostBuffer<int64_t> hostPositions, writer;
  if (!hostPositions.allocate(static_cast<size_t>(extent), kGather) ||
      !writer.allocate(static_cast<size_t>(tile.getNumBins()), kGather))
    return;
  if (!checkDriver(kGather, "cuMemcpyAsync",
                   driver->cuMemcpyAsync(
                       reinterpret_cast<CUdeviceptr>(hostPositions.data()),
                       reinterpret_cast<CUdeviceptr>(inPositions.data),
                       static_cast<size_t>(extent) * sizeof(int64_t),
                       /*hStream=*/0)) ||
      !checkDriver(kGather, "cuStreamSynchronize",
                   driver->cuStreamSynchronize(/*hStream=*/0)))
    return;
  MemRefView<int64_t> hostView = inPositions;
  hostView.data = hostPositions.data();
  if (!checkPositions(kGather, tile, hostView, writer.data(),
                      PositionUse::Read))
    return;

  Matrix<const complex32> in = {input.data, input.sizes[0], input.sizes[1],
                                input.strides[0], input.strides[1]};
  Matrix<const int64_t> slots = {inPositions.data, inPositions.sizes[0],
                                 inPositions.sizes[1], inPositions.strides[0],
                                 inPositions.strides[1]};
  Matrix<complex32> out = {output.data, output.sizes[0], output.sizes[1],
                           output.strides[0], output.strides[1]};
  checkLaunch(kGather, "gather", launchGather(in, slots, out));
}
