//===- Driver.h - Lazily loaded CUDA driver API -----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The library does not link libcuda: a binary linked with it does not even
// start where there is no driver. Instead the driver is opened with dlopen
// on the first call that needs a device, its entry points are looked up by
// the versioned names cuda.h maps them to (cuMemAlloc -> cuMemAlloc_v2, ...),
// and cuInit is called once. A failure at any of these steps is kept as a
// message that every later device call reports.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_LIB_DRIVER_H
#define SPECTRAL_CUDA_RUNTIME_LIB_DRIVER_H

#include <cuda.h>

namespace mlir {
namespace spectral {
namespace cuda {

// Entry points every call may need; the library fails to initialise
// without them.
#define SPECTRAL_CUDA_REQUIRED_DRIVER_FUNCTIONS(X)                             \
  X(cuInit)                                                                    \
  X(cuDeviceGetCount)                                                          \
  X(cuDeviceGet)                                                               \
  X(cuDeviceGetAttribute)                                                      \
  X(cuDevicePrimaryCtxRetain)                                                  \
  X(cuCtxSetCurrent)                                                           \
  X(cuModuleLoadData)                                                          \
  X(cuModuleLoadDataEx)                                                        \
  X(cuModuleUnload)                                                            \
  X(cuModuleGetFunction)                                                       \
  X(cuFuncSetAttribute)                                                        \
  X(cuLaunchKernel)                                                            \
  X(cuStreamCreate)                                                            \
  X(cuStreamDestroy)                                                           \
  X(cuStreamSynchronize)                                                       \
  X(cuStreamWaitEvent)                                                         \
  X(cuEventCreate)                                                             \
  X(cuEventDestroy)                                                            \
  X(cuEventSynchronize)                                                        \
  X(cuEventRecord)                                                             \
  X(cuEventQuery)                                                              \
  X(cuMemAlloc)                                                                \
  X(cuMemAllocManaged)                                                         \
  X(cuMemFree)                                                                 \
  X(cuMemcpyAsync)                                                             \
  X(cuMemsetD32Async)                                                          \
  X(cuMemsetD16Async)                                                          \
  X(cuMemHostRegister)                                                         \
  X(cuMemHostUnregister)

// Entry points of newer drivers (or only for messages): null if absent.
#define SPECTRAL_CUDA_OPTIONAL_DRIVER_FUNCTIONS(X)                             \
  X(cuGetErrorName)                                                            \
  X(cuGetErrorString)                                                          \
  X(cuLaunchKernelEx)                                                          \
  X(cuMemAllocAsync)                                                           \
  X(cuMemFreeAsync)

/// Pointers to the driver's entry points, named as in cuda.h. The macros of
/// cuda.h (e.g. `#define cuMemAlloc cuMemAlloc_v2`) rename the members and
/// their uses alike, and decltype gives each its declared type.
struct DriverAPI {
#define SPECTRAL_DECLARE_ENTRY(name) decltype(&::name) name = nullptr;
  SPECTRAL_CUDA_REQUIRED_DRIVER_FUNCTIONS(SPECTRAL_DECLARE_ENTRY)
  SPECTRAL_CUDA_OPTIONAL_DRIVER_FUNCTIONS(SPECTRAL_DECLARE_ENTRY)
#undef SPECTRAL_DECLARE_ENTRY
};

/// The driver, loaded and initialised on the first call; null after
/// reporting why not as an error of entry point `function`.
const DriverAPI *getDriver(const char *function);

/// Null if the driver is usable, else the reason (no error is reported).
const char *getDriverProblem();

/// The driver, with the primary context of the calling thread's default
/// device current (retained once per device and kept for the process, so
/// cuFFT, cuBLAS and runtime kernels share it). Null after reporting an
/// error of `function`.
const DriverAPI *enterContext(const char *function);

/// The calling thread's default device (mgpuSetDefaultDevice).
int getDefaultDevice();
void setDefaultDevice(int device);

/// Reports `call` failing with `result` as an error of `function`, with the
/// driver's name and description of the code; returns false. Returns true
/// for CUDA_SUCCESS.
bool checkDriver(const char *function, const char *call, CUresult result);

/// "CUDA_ERROR_X (description)" for `result`, into `buffer`.
const char *describeDriverResult(CUresult result, char *buffer, size_t size);

/// Makes a compute entry point synchronous, like the CPU runtime's: when it
/// goes out of scope (after the entry point's own device buffers, declared
/// later, are released), it waits for the work enqueued on the legacy
/// default stream, so host code after the call may read the outputs.
/// spectral-gpu-pipeline relies on this: host code there reads managed
/// buffers right after runtime calls (docs/gpu.md).
class CompleteOnReturn {
public:
  CompleteOnReturn(const DriverAPI &driver, const char *function)
      : driver(driver), function(function) {}
  ~CompleteOnReturn() {
    checkDriver(function, "cuStreamSynchronize",
                driver.cuStreamSynchronize(/*hStream=*/0));
  }
  CompleteOnReturn(const CompleteOnReturn &) = delete;
  CompleteOnReturn &operator=(const CompleteOnReturn &) = delete;

private:
  const DriverAPI &driver;
  const char *function;
};

} // namespace cuda
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_CUDA_RUNTIME_LIB_DRIVER_H
