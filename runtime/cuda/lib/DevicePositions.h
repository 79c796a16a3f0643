//===- DevicePositions.h - Positions of kept coefficients on the device ---===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What scatter and gather share on the device: the positions are copied to
// the host and checked there with the CPU runtime's own check before any
// kernel runs, so that a bad position is the same clear error on both
// runtimes instead of a silent overwrite or an out-of-bounds access.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_DEVICEPOSITIONS_H
#define SPECTRAL_CUDA_RUNTIME_DEVICEPOSITIONS_H

#include "Driver.h"
#include "Kernels.h"

#include "spectral-core/MemRefView.h"
#include "spectral-core/TileSelection.h"

namespace mlir {
namespace spectral {
namespace cuda {

/// Reads the device `positions` back once earlier work on the legacy stream
/// (which waits for blocking streams) has written them, and checks them for
/// a scatter (`use` Write) or a gather (Read); errors are reported under
/// `function`.
bool checkDevicePositions(const char *function, const DriverAPI &driver,
                          const core::TileSpectrum &tile,
                          const core::MemRefView<int64_t> &positions,
                          core::PositionUse use);

/// A 2-D view as the kernels take it.
template <typename T, typename U>
Matrix<T> asMatrix(const core::MemRefView<U> &view) {
  return {view.data, view.sizes[0], view.sizes[1], view.strides[0],
          view.strides[1]};
}

} // namespace cuda
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_CUDA_RUNTIME_DEVICEPOSITIONS_H
