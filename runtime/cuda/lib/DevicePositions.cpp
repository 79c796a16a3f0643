//===- DevicePositions.cpp - Positions of kept coefficients on the device -===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "DevicePositions.h"
#include "DeviceMemory.h"
#include "EntryPointChecks.h"

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

bool mlir::spectral::cuda::checkDevicePositions(
    const char *function, const DriverAPI &driver, const TileSpectrum &tile,
    const MemRefView<int64_t> &positions, PositionUse use) {
  // The positions' whole span.
  int64_t extent = positions.extent();
  HostBuffer<int64_t> hostPositions, writer;
  if (!hostPositions.allocate(static_cast<size_t>(extent), function) ||
      !writer.allocate(static_cast<size_t>(tile.getNumBins()), function))
    return false;
  if (extent > 0 &&
      (!checkDriver(function, "cuMemcpyAsync",
                    driver.cuMemcpyAsync(
                        reinterpret_cast<CUdeviceptr>(hostPositions.data()),
                        reinterpret_cast<CUdeviceptr>(positions.data),
                        static_cast<size_t>(extent) * sizeof(int64_t),
                        /*hStream=*/0)) ||
       !checkDriver(function, "cuStreamSynchronize",
                    driver.cuStreamSynchronize(/*hStream=*/0))))
    return false;
  MemRefView<int64_t> hostView = positions;
  hostView.data = hostPositions.data();
  return checkPositions(function, tile, hostView, writer.data(), use);
}
