//===- Driver.cpp - Lazily loaded CUDA driver API -------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "ErrorReporting.h"

#include <dlfcn.h>

#include <cstdio>
#include <map>
#include <mutex>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;

// Expands macros first, so that cuda.h's renames (cuMemAlloc -> cuMemAlloc_v2)
// give the versioned symbol name.
#define SPECTRAL_STRINGIFY_EXPANDED(x) SPECTRAL_STRINGIFY(x)
#define SPECTRAL_STRINGIFY(x) #x

namespace {

const char *const kDriverLibrary = "libcuda.so.1";

/// What a driver call that cannot describe its own result (a stub library,
/// or cuGetErrorName missing) is reported with.
const char *getFallbackDescription(CUresult result, const char **name) {
  switch (result) {
  case CUDA_ERROR_NO_DEVICE:
    *name = "CUDA_ERROR_NO_DEVICE";
    return "no CUDA-capable device is detected";
  case CUDA_ERROR_STUB_LIBRARY:
    *name = "CUDA_ERROR_STUB_LIBRARY";
    return "CUDA driver is a stub library";
  case CUDA_ERROR_NOT_INITIALIZED:
    *name = "CUDA_ERROR_NOT_INITIALIZED";
    return "initialization error";
  case CUDA_ERROR_INVALID_DEVICE:
    *name = "CUDA_ERROR_INVALID_DEVICE";
    return "invalid device ordinal";
  case CUDA_ERROR_OUT_OF_MEMORY:
    *name = "CUDA_ERROR_OUT_OF_MEMORY";
    return "out of memory";
  case CUDA_ERROR_SYSTEM_DRIVER_MISMATCH:
    *name = "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH";
    return "system has unsupported display driver / cuda driver combination";
  default:
    *name = nullptr;
    return nullptr;
  }
}

struct DriverState {
  DriverAPI api;
  /// Empty if the driver is usable.
  char problem[768] = {};
};

const DriverAPI *apiForMessages = nullptr;

DriverState &getState() {
  static DriverState state = [] {
    DriverState s;
    void *library = dlopen(kDriverLibrary, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
      const char *reason = dlerror();
      std::snprintf(s.problem, sizeof(s.problem), "no CUDA driver: %s",
                    reason ? reason : kDriverLibrary);
      return s;
    }
    // The library stays loaded for the process: handles from it live as
    // long as the program.
#define SPECTRAL_LOAD_REQUIRED(name)                                           \
  s.api.name = reinterpret_cast<decltype(s.api.name)>(                         \
      dlsym(library, SPECTRAL_STRINGIFY_EXPANDED(name)));                      \
  if (!s.api.name && !s.problem[0])                                            \
    std::snprintf(s.problem, sizeof(s.problem),                                \
                  "the CUDA driver %s has no entry point %s (the driver is "   \
                  "too old for this library, built with CUDA %d.%d)",          \
                  kDriverLibrary, SPECTRAL_STRINGIFY_EXPANDED(name),           \
                  CUDA_VERSION / 1000, CUDA_VERSION % 1000 / 10);
#define SPECTRAL_LOAD_OPTIONAL(name)                                           \
  s.api.name = reinterpret_cast<decltype(s.api.name)>(                         \
      dlsym(library, SPECTRAL_STRINGIFY_EXPANDED(name)));
    SPECTRAL_CUDA_REQUIRED_DRIVER_FUNCTIONS(SPECTRAL_LOAD_REQUIRED)
    SPECTRAL_CUDA_OPTIONAL_DRIVER_FUNCTIONS(SPECTRAL_LOAD_OPTIONAL)
#undef SPECTRAL_LOAD_REQUIRED
#undef SPECTRAL_LOAD_OPTIONAL
    if (s.problem[0])
      return s;
    apiForMessages = &s.api;
    CUresult result = s.api.cuInit(0);
    if (result != CUDA_SUCCESS) {
      char description[512];
      std::snprintf(
          s.problem, sizeof(s.problem),
          "CUDA driver found but cuInit failed: %s",
          describeDriverResult(result, description, sizeof(description)));
    }
    return s;
  }();
  return state;
}

thread_local int defaultDevice = 0;

} // namespace

const char *mlir::spectral::cuda::describeDriverResult(CUresult result,
                                                       char *buffer,
                                                       size_t size) {
  const char *name = nullptr, *text = nullptr;
  // A stub driver answers every call, cuGetErrorName included, with
  // CUDA_ERROR_STUB_LIBRARY: fall back to our own words then.
  if (apiForMessages && apiForMessages->cuGetErrorName &&
      apiForMessages->cuGetErrorName(result, &name) != CUDA_SUCCESS)
    name = nullptr;
  if (name && apiForMessages->cuGetErrorString &&
      apiForMessages->cuGetErrorString(result, &text) != CUDA_SUCCESS)
    text = nullptr;
  if (!name) {
    const char *fallbackName = nullptr;
    text = getFallbackDescription(result, &fallbackName);
    name = fallbackName;
  }
  if (name && text)
    std::snprintf(buffer, size, "%s (%s)", name, text);
  else if (name)
    std::snprintf(buffer, size, "%s", name);
  else
    std::snprintf(buffer, size, "CUDA driver error %d",
                  static_cast<int>(result));
  return buffer;
}

const char *mlir::spectral::cuda::getDriverProblem() {
  DriverState &state = getState();
  return state.problem[0] ? state.problem : nullptr;
}

const DriverAPI *mlir::spectral::cuda::getDriver(const char *function) {
  DriverState &state = getState();
  if (!state.problem[0])
    return &state.api;
  runtime::reportError(function, "%s", state.problem);
  return nullptr;
}

bool mlir::spectral::cuda::checkDriver(const char *function, const char *call,
                                       CUresult result) {
  if (result == CUDA_SUCCESS)
    return true;
  char description[512];
  runtime::reportError(
      function, "%s failed: %s", call,
      describeDriverResult(result, description, sizeof(description)));
  return false;
}

int mlir::spectral::cuda::getDefaultDevice() { return defaultDevice; }

void mlir::spectral::cuda::setDefaultDevice(int device) {
  defaultDevice = device;
}

const DriverAPI *mlir::spectral::cuda::enterContext(const char *function) {
  const DriverAPI *driver = getDriver(function);
  if (!driver)
    return nullptr;
  int ordinal = defaultDevice;
  // Primary contexts are retained once and never released: handles the
  // program holds (modules, streams, plans) stay valid until exit.
  static std::mutex mutex;
  static std::map<int, CUcontext> contexts;
  CUcontext context = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = contexts.find(ordinal);
    if (it != contexts.end())
      context = it->second;
  }
  if (!context) {
    int count = 0;
    if (!checkDriver(function, "cuDeviceGetCount",
                     driver->cuDeviceGetCount(&count)))
      return nullptr;
    if (ordinal < 0 || ordinal >= count) {
      runtime::reportError(function,
                           "the default device is %d, but there are %d CUDA "
                           "devices (see mgpuSetDefaultDevice)",
                           ordinal, count);
      return nullptr;
    }
    CUdevice device;
    if (!checkDriver(function, "cuDeviceGet",
                     driver->cuDeviceGet(&device, ordinal)) ||
        !checkDriver(function, "cuDevicePrimaryCtxRetain",
                     driver->cuDevicePrimaryCtxRetain(&context, device)))
      return nullptr;
    std::lock_guard<std::mutex> lock(mutex);
    auto inserted = contexts.emplace(ordinal, context);
    // Another thread retained it first: keep one reference in the map (the
    // extra one is harmless, primary contexts live for the process).
    context = inserted.first->second;
  }
  if (!checkDriver(function, "cuCtxSetCurrent",
                   driver->cuCtxSetCurrent(context)))
    return nullptr;
  return driver;
}
