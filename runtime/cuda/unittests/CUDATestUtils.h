//===- CUDATestUtils.h - Helpers of the CUDA runtime tests ------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A fixture that captures the CUDA runtime's errors, device copies of the
// CPU tests' strided arrays (runtime/unittests/TestUtils.h), and the device
// check of tests that need a GPU.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_UNITTESTS_CUDATESTUTILS_H
#define SPECTRAL_CUDA_RUNTIME_UNITTESTS_CUDATESTUTILS_H

#include "TestUtils.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

#include <string>

namespace spectral_cuda_test {

using namespace spectral_test;

inline CapturedErrors &cudaErrors() {
  static CapturedErrors errors;
  return errors;
}

inline void captureCUDAError(const char *function, const char *message) {
  CapturedErrors &errors = cudaErrors();
  ++errors.count;
  errors.function = function;
  errors.message = message;
}

/// Captures the CUDA runtime's errors; checks after each test that no
/// unexpected one was reported and that no runtime scratch is left.
class CUDARuntimeTest : public ErrorChecks {
protected:
  CUDARuntimeTest() : ErrorChecks(cudaErrors()) {}
  void SetUp() override {
    resetErrors();
    spectral_cuda_runtime_set_error_handler(captureCUDAError);
  }
  void TearDown() override {
    spectral_cuda_runtime_set_error_handler(nullptr);
    checkOnlyExpectedErrors();
    EXPECT_EQ(spectral_cuda_runtime_live_bytes(), 0);
  }
};

/// For tests that need a GPU: skips, saying why, where there is none.
class CUDADeviceTest : public CUDARuntimeTest {
protected:
  void SetUp() override {
    CUDARuntimeTest::SetUp();
    if (spectral_cuda_device_count() == 0)
      GTEST_SKIP() << "needs a CUDA device: " << spectral_cuda_driver_status();
  }
};

/// A device copy of a TestArray's whole buffer (padding included), whose
/// descriptors point into device memory with the host array's layout.
template <typename T> class DeviceArray {
public:
  explicit DeviceArray(TestArray<T> &host) : host(host) {
    bytes = host.storage.size() * sizeof(T);
    data = static_cast<T *>(mgpuMemAlloc(bytes, nullptr, false));
    upload();
  }
  ~DeviceArray() { mgpuMemFree(data, nullptr); }
  DeviceArray(const DeviceArray &) = delete;
  DeviceArray &operator=(const DeviceArray &) = delete;

  void upload() {
    mgpuMemcpy(data, host.storage.data(), bytes, nullptr);
    mgpuStreamSynchronize(nullptr);
  }
  /// Waits for the device, then copies the buffer back into the host array.
  void download() {
    mgpuStreamSynchronize(nullptr);
    mgpuMemcpy(host.storage.data(), data, bytes, nullptr);
    mgpuStreamSynchronize(nullptr);
  }

  UnrankedMemRefType<T> *unranked() {
    host.unranked();
    pointToDevice();
    return &host.unrankedDesc;
  }
  template <int N> StridedMemRefType<T, N> *ranked() {
    StridedMemRefType<T, N> *desc = host.template ranked<N>();
    pointToDevice();
    return desc;
  }

private:
  void pointToDevice() {
    host.raw.basePtr = data;
    host.raw.data = data;
  }

  TestArray<T> &host;
  T *data = nullptr;
  size_t bytes = 0;
};

} // namespace spectral_cuda_test

#endif // SPECTRAL_CUDA_RUNTIME_UNITTESTS_CUDATESTUTILS_H
