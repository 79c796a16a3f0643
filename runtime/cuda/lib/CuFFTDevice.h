//===- CuFFTDevice.h - cuFFT and CUDA kernels as an FFTDevice ---*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Runs a transform schedule (FFTSchedule.h) on the device: cached cuFFT
// plans, accounted scratch, the strided copy kernel, all on the legacy
// default stream.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_LIB_CUFFTDEVICE_H
#define SPECTRAL_CUDA_RUNTIME_LIB_CUFFTDEVICE_H

#include "DeviceMemory.h"
#include "FFTSchedule.h"

namespace mlir {
namespace spectral {
namespace cuda {

class CuFFTDevice : public FFTDevice {
public:
  /// Reports errors as errors of entry point `function`. Needs the context
  /// of enterContext current.
  CuFFTDevice(const DriverAPI &driver, const char *function)
      : driver(driver), function(function) {}

  void *allocate(size_t bytes) override;
  void release(void *ptr) override;
  bool copy(const CopyShape &shape, const void *src, void *dst) override;
  bool execute(const PlanShape &shape, void *in, void *out) override;

private:
  const DriverAPI &driver;
  const char *function;
  /// The most scratch a schedule holds at once: a c2r input copy and the
  /// two sides of a staged plan.
  static constexpr int kMaxBuffers = 4;
  DeviceBuffer buffers[kMaxBuffers];
};

/// Reports a failed launch of the runtime's kernels (`what`) as an error of
/// `function`; returns false. True for cudaSuccess.
bool checkLaunch(const char *function, const char *what, int result);

} // namespace cuda
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_CUDA_RUNTIME_LIB_CUFFTDEVICE_H
