//===- GPUWrappers.cpp - mgpu* functions of MLIR's GPU lowering -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What `gpu-to-llvm` (LLVM 22) emits calls to, with upstream's signatures,
// over the lazily loaded driver. Unlike upstream's wrappers, every failing
// call is reported through the error handler instead of printed and
// ignored, and streams are blocking (see SpectralCUDARuntime.h).
//
//===----------------------------------------------------------------------===//

#include "DeviceMemory.h"
#include "Driver.h"
#include "ManagedCache.h"

#include "ErrorReporting.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

#include <climits>
#include <cstdint>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using runtime::reportError;

namespace {

/// Checks that a launch dimension fits CUDA's unsigned int.
bool checkLaunchDims(const char *function, const char *what, intptr_t x,
                     intptr_t y, intptr_t z) {
  for (intptr_t value : {x, y, z}) {
    if (value >= 1 && static_cast<uintmax_t>(value) <= UINT_MAX)
      continue;
    reportError(function,
                "%s dimensions are %lld x %lld x %lld; each must be in [1, "
                "%u]",
                what, static_cast<long long>(x), static_cast<long long>(y),
                static_cast<long long>(z), UINT_MAX);
    return false;
  }
  return true;
}

/// Raises the function's dynamic shared memory limit where `smem` needs it
/// (above the default 48 KiB); checks that `smem` is not negative.
bool prepareSharedMemory(const char *function, const DriverAPI &driver,
                         CUfunction kernel, int32_t smem) {
  if (smem < 0) {
    reportError(function, "dynamic shared memory is %d bytes; expected >= 0",
                smem);
    return false;
  }
  if (smem <= 48 * 1024)
    return true;
  return checkDriver(
      function, "cuFuncSetAttribute",
      driver.cuFuncSetAttribute(
          kernel, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, smem));
}

/// Bytes of a memref with row-major contiguous strides; false after
/// reporting if the strides are not contiguous.
bool getContiguousBytes(const char *function, int64_t rank,
                        spectral_memref_any *descriptor,
                        int64_t elementSizeBytes, uint64_t &bytes) {
  if (!descriptor) {
    reportError(function, "the memref descriptor is a null pointer");
    return false;
  }
  const int64_t *sizes = descriptor->sizes;
  const int64_t *strides = sizes + rank;
  int64_t count = 1;
  for (int64_t d = rank - 1; d >= 0; --d) {
    if (sizes[d] != 1 && strides[d] != count) {
      reportError(function,
                  "only contiguous row-major memrefs can be registered: "
                  "dimension %lld has stride %lld, expected %lld",
                  static_cast<long long>(d), static_cast<long long>(strides[d]),
                  static_cast<long long>(count));
      return false;
    }
    count *= sizes[d];
  }
  bytes =
      static_cast<uint64_t>(count) * static_cast<uint64_t>(elementSizeBytes);
  return true;
}

void *getMemRefData(spectral_memref_any *descriptor, int64_t elementSizeBytes) {
  return descriptor->data + descriptor->offset * elementSizeBytes;
}

} // namespace

extern "C" void *mgpuModuleLoad(void *data, size_t /*gpuBlobSize*/) {
  const char *function = "mgpuModuleLoad";
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return nullptr;
  CUmodule module = nullptr;
  if (!checkDriver(function, "cuModuleLoadData",
                   driver->cuModuleLoadData(&module, data)))
    return nullptr;
  return module;
}

extern "C" void *mgpuModuleLoadJIT(void *data, int optLevel) {
  const char *function = "mgpuModuleLoadJIT";
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return nullptr;
  if (optLevel < 0 || optLevel > 4) {
    reportError(function, "optimisation level %d; expected 0 to 4", optLevel);
    return nullptr;
  }
  char log[4096] = {};
  CUjit_option options[] = {CU_JIT_OPTIMIZATION_LEVEL, CU_JIT_ERROR_LOG_BUFFER,
                            CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
  void *values[] = {reinterpret_cast<void *>(static_cast<intptr_t>(optLevel)),
                    log, reinterpret_cast<void *>(sizeof(log) - 1)};
  CUmodule module = nullptr;
  CUresult result =
      driver->cuModuleLoadDataEx(&module, data, 3, options, values);
  if (result != CUDA_SUCCESS) {
    char description[512];
    reportError(function, "cuModuleLoadDataEx failed: %s; JIT log: %s",
                describeDriverResult(result, description, sizeof(description)),
                log[0] ? log : "(empty)");
    return nullptr;
  }
  return module;
}

extern "C" void mgpuModuleUnload(void *module) {
  const char *function = "mgpuModuleUnload";
  if (const DriverAPI *driver = enterContext(function))
    checkDriver(function, "cuModuleUnload",
                driver->cuModuleUnload(static_cast<CUmodule>(module)));
}

extern "C" void *mgpuModuleGetFunction(void *module, const char *name) {
  const char *function = "mgpuModuleGetFunction";
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return nullptr;
  CUfunction kernel = nullptr;
  CUresult result =
      driver->cuModuleGetFunction(&kernel, static_cast<CUmodule>(module), name);
  if (result != CUDA_SUCCESS) {
    char description[512];
    reportError(function, "cuModuleGetFunction(\"%s\") failed: %s",
                name ? name : "(null)",
                describeDriverResult(result, description, sizeof(description)));
    return nullptr;
  }
  return kernel;
}

extern "C" void mgpuLaunchKernel(void *kernel, intptr_t gridX, intptr_t gridY,
                                 intptr_t gridZ, intptr_t blockX,
                                 intptr_t blockY, intptr_t blockZ, int32_t smem,
                                 void *stream, void **params, void **extra,
                                 size_t /*paramsCount*/) {
  const char *function = "mgpuLaunchKernel";
  const DriverAPI *driver = enterContext(function);
  if (!driver || !checkLaunchDims(function, "grid", gridX, gridY, gridZ) ||
      !checkLaunchDims(function, "block", blockX, blockY, blockZ))
    return;
  CUfunction f = static_cast<CUfunction>(kernel);
  if (!prepareSharedMemory(function, *driver, f, smem))
    return;
  checkDriver(function, "cuLaunchKernel",
              driver->cuLaunchKernel(
                  f, static_cast<unsigned>(gridX), static_cast<unsigned>(gridY),
                  static_cast<unsigned>(gridZ), static_cast<unsigned>(blockX),
                  static_cast<unsigned>(blockY), static_cast<unsigned>(blockZ),
                  static_cast<unsigned>(smem), static_cast<CUstream>(stream),
                  params, extra));
}

extern "C" void
mgpuLaunchClusterKernel(void *kernel, intptr_t clusterX, intptr_t clusterY,
                        intptr_t clusterZ, intptr_t gridX, intptr_t gridY,
                        intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                        intptr_t blockZ, int32_t smem, void *stream,
                        void **params, void **extra, size_t /*paramsCount*/) {
  const char *function = "mgpuLaunchClusterKernel";
  const DriverAPI *driver = enterContext(function);
  if (!driver ||
      !checkLaunchDims(function, "cluster", clusterX, clusterY, clusterZ) ||
      !checkLaunchDims(function, "grid", gridX, gridY, gridZ) ||
      !checkLaunchDims(function, "block", blockX, blockY, blockZ))
    return;
  if (!driver->cuLaunchKernelEx) {
    reportError(function, "the CUDA driver has no cuLaunchKernelEx (thread "
                          "block clusters need CUDA 12 or later)");
    return;
  }
  CUfunction f = static_cast<CUfunction>(kernel);
  if (!prepareSharedMemory(function, *driver, f, smem))
    return;
  // Clusters of more than 8 blocks are "non-portable" and must be allowed
  // explicitly.
  if (clusterX * clusterY * clusterZ > 8 &&
      !checkDriver(
          function, "cuFuncSetAttribute",
          driver->cuFuncSetAttribute(
              f, CU_FUNC_ATTRIBUTE_NON_PORTABLE_CLUSTER_SIZE_ALLOWED, 1)))
    return;
  CUlaunchAttribute attribute = {};
  attribute.id = CU_LAUNCH_ATTRIBUTE_CLUSTER_DIMENSION;
  attribute.value.clusterDim.x = static_cast<unsigned>(clusterX);
  attribute.value.clusterDim.y = static_cast<unsigned>(clusterY);
  attribute.value.clusterDim.z = static_cast<unsigned>(clusterZ);
  CUlaunchConfig config = {};
  config.gridDimX = static_cast<unsigned>(gridX);
  config.gridDimY = static_cast<unsigned>(gridY);
  config.gridDimZ = static_cast<unsigned>(gridZ);
  config.blockDimX = static_cast<unsigned>(blockX);
  config.blockDimY = static_cast<unsigned>(blockY);
  config.blockDimZ = static_cast<unsigned>(blockZ);
  config.sharedMemBytes = static_cast<unsigned>(smem);
  config.hStream = static_cast<CUstream>(stream);
  config.attrs = &attribute;
  config.numAttrs = 1;
  checkDriver(function, "cuLaunchKernelEx",
              driver->cuLaunchKernelEx(&config, f, params, extra));
}

namespace {

/// Calls the driver's `entry` (named `call`) with `args` in the runtime's
/// context, for the GPU lowering's entry point `function`: a driver that
/// cannot be used or a failing call is reported as that entry point's
/// error. Returns whether the call succeeded.
template <typename Entry, typename... Args>
bool callDriver(const char *function, const char *call, Entry DriverAPI::*entry,
                Args... args) {
  const DriverAPI *driver = enterContext(function);
  return driver && checkDriver(function, call, (driver->*entry)(args...));
}

} // namespace

// Blocking streams: they order themselves with the legacy stream the
// runtime's entry points use.
extern "C" void *mgpuStreamCreate(void) {
  CUstream stream = nullptr;
  return callDriver("mgpuStreamCreate", "cuStreamCreate",
                    &DriverAPI::cuStreamCreate, &stream, CU_STREAM_DEFAULT)
             ? stream
             : nullptr;
}

extern "C" void mgpuStreamDestroy(void *stream) {
  callDriver("mgpuStreamDestroy", "cuStreamDestroy",
             &DriverAPI::cuStreamDestroy, static_cast<CUstream>(stream));
}

extern "C" void mgpuStreamSynchronize(void *stream) {
  callDriver("mgpuStreamSynchronize", "cuStreamSynchronize",
             &DriverAPI::cuStreamSynchronize, static_cast<CUstream>(stream));
}

extern "C" void mgpuStreamWaitEvent(void *stream, void *event) {
  callDriver("mgpuStreamWaitEvent", "cuStreamWaitEvent",
             &DriverAPI::cuStreamWaitEvent, static_cast<CUstream>(stream),
             static_cast<CUevent>(event), /*Flags=*/0u);
}

extern "C" void *mgpuEventCreate(void) {
  CUevent event = nullptr;
  return callDriver("mgpuEventCreate", "cuEventCreate",
                    &DriverAPI::cuEventCreate, &event,
                    static_cast<unsigned>(CU_EVENT_DISABLE_TIMING))
             ? event
             : nullptr;
}

extern "C" void mgpuEventDestroy(void *event) {
  callDriver("mgpuEventDestroy", "cuEventDestroy", &DriverAPI::cuEventDestroy,
             static_cast<CUevent>(event));
}

extern "C" void mgpuEventSynchronize(void *event) {
  callDriver("mgpuEventSynchronize", "cuEventSynchronize",
             &DriverAPI::cuEventSynchronize, static_cast<CUevent>(event));
}

extern "C" void mgpuEventRecord(void *event, void *stream) {
  callDriver("mgpuEventRecord", "cuEventRecord", &DriverAPI::cuEventRecord,
             static_cast<CUevent>(event), static_cast<CUstream>(stream));
}

extern "C" void *mgpuMemAlloc(uint64_t sizeBytes, void * /*stream*/,
                              bool isHostShared) {
  const char *function = "mgpuMemAlloc";
  const DriverAPI *driver = enterContext(function);
  if (!driver || sizeBytes == 0)
    return nullptr;
  void *block =
      isHostShared ? takeCachedManagedBlock(*driver, sizeBytes) : nullptr;
  if (!block) {
    CUdeviceptr ptr = 0;
    auto allocate = [&] {
      return isHostShared ? driver->cuMemAllocManaged(&ptr, sizeBytes,
                                                      CU_MEM_ATTACH_GLOBAL)
                          : driver->cuMemAlloc(&ptr, sizeBytes);
    };
    CUresult result = allocate();
    // Memory the cache holds may be what is missing.
    if (result == CUDA_ERROR_OUT_OF_MEMORY && getManagedCacheBytes() > 0 &&
        trimManagedCache(function, *driver))
      result = allocate();
    if (result != CUDA_SUCCESS) {
      char description[512];
      reportError(
          function, "%s of %llu bytes failed: %s",
          isHostShared ? "cuMemAllocManaged" : "cuMemAlloc",
          static_cast<unsigned long long>(sizeBytes),
          describeDriverResult(result, description, sizeof(description)));
      return nullptr;
    }
    block = reinterpret_cast<void *>(ptr);
  }
  recordProgramAllocation(block, ProgramBlock{sizeBytes, isHostShared});
  return block;
}

extern "C" void mgpuMemFree(void *ptr, void *stream) {
  const char *function = "mgpuMemFree";
  if (!ptr)
    return;
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return;
  std::optional<ProgramBlock> block = forgetProgramAllocation(ptr);
  if (block && block->managed &&
      cacheManagedBlock(function, *driver, ptr, block->bytes,
                        static_cast<CUstream>(stream)))
    return;
  checkDriver(function, "cuMemFree",
              driver->cuMemFree(reinterpret_cast<CUdeviceptr>(ptr)));
}

extern "C" void mgpuMemcpy(void *dst, void *src, size_t sizeBytes,
                           void *stream) {
  const char *function = "mgpuMemcpy";
  if (const DriverAPI *driver = enterContext(function))
    checkDriver(function, "cuMemcpyAsync",
                driver->cuMemcpyAsync(reinterpret_cast<CUdeviceptr>(dst),
                                      reinterpret_cast<CUdeviceptr>(src),
                                      sizeBytes,
                                      static_cast<CUstream>(stream)));
}

extern "C" void mgpuMemset32(void *dst, unsigned int value, size_t count,
                             void *stream) {
  const char *function = "mgpuMemset32";
  if (const DriverAPI *driver = enterContext(function))
    checkDriver(function, "cuMemsetD32Async",
                driver->cuMemsetD32Async(reinterpret_cast<CUdeviceptr>(dst),
                                         value, count,
                                         static_cast<CUstream>(stream)));
}

extern "C" void mgpuMemset16(void *dst, unsigned short value, size_t count,
                             void *stream) {
  const char *function = "mgpuMemset16";
  if (const DriverAPI *driver = enterContext(function))
    checkDriver(function, "cuMemsetD16Async",
                driver->cuMemsetD16Async(reinterpret_cast<CUdeviceptr>(dst),
                                         value, count,
                                         static_cast<CUstream>(stream)));
}

extern "C" void mgpuMemHostRegister(void *ptr, uint64_t sizeBytes) {
  const char *function = "mgpuMemHostRegister";
  if (const DriverAPI *driver = enterContext(function))
    checkDriver(function, "cuMemHostRegister",
                driver->cuMemHostRegister(ptr, sizeBytes, /*Flags=*/0));
}

extern "C" void mgpuMemHostRegisterMemRef(int64_t rank,
                                          spectral_memref_any *descriptor,
                                          int64_t elementSizeBytes) {
  const char *function = "mgpuMemHostRegisterMemRef";
  uint64_t bytes;
  if (!getContiguousBytes(function, rank, descriptor, elementSizeBytes, bytes))
    return;
  if (bytes == 0)
    return;
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return;
  checkDriver(function, "cuMemHostRegister",
              driver->cuMemHostRegister(
                  getMemRefData(descriptor, elementSizeBytes), bytes, 0));
}

extern "C" void mgpuMemHostUnregister(void *ptr) {
  const char *function = "mgpuMemHostUnregister";
  if (const DriverAPI *driver = enterContext(function))
    checkDriver(function, "cuMemHostUnregister",
                driver->cuMemHostUnregister(ptr));
}

extern "C" void mgpuMemHostUnregisterMemRef(int64_t rank,
                                            spectral_memref_any *descriptor,
                                            int64_t elementSizeBytes) {
  const char *function = "mgpuMemHostUnregisterMemRef";
  uint64_t bytes;
  if (!getContiguousBytes(function, rank, descriptor, elementSizeBytes, bytes))
    return;
  if (bytes == 0)
    return;
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return;
  checkDriver(
      function, "cuMemHostUnregister",
      driver->cuMemHostUnregister(getMemRefData(descriptor, elementSizeBytes)));
}

extern "C" void mgpuSetDefaultDevice(int32_t device) {
  setDefaultDevice(device);
}

extern "C" int spectral_cuda_device_count(void) {
  const DriverAPI *driver = getDriverProblem() ? nullptr : getDriver("");
  int count = 0;
  if (!driver || driver->cuDeviceGetCount(&count) != CUDA_SUCCESS)
    return 0;
  return count;
}

extern "C" const char *spectral_cuda_driver_status(void) {
  const char *problem = getDriverProblem();
  return problem ? problem : "";
}
