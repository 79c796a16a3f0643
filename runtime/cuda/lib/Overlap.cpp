//===- Overlap.cpp - The GEMM stream of an overlapped streamed loop -------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Overlap.h"

#include "ErrorReporting.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

#include <map>
#include <mutex>
#include <set>
#include <vector>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using runtime::reportError;

bool mlir::spectral::cuda::checkCublas(const char *function, const char *call,
                                       cublasStatus_t status) {
  if (status == CUBLAS_STATUS_SUCCESS)
    return true;
  reportError(function, "%s failed: %s (%s)", call, cublasGetStatusName(status),
              cublasGetStatusString(status));
  return false;
}

cublasHandle_t mlir::spectral::cuda::createBlasHandle(const char *function,
                                                      CUstream stream) {
  cublasHandle_t handle = nullptr;
  if (!checkCublas(function, "cublasCreate", cublasCreate(&handle)))
    return nullptr;
  if (!checkCublas(function, "cublasSetStream",
                   cublasSetStream(handle, stream)) ||
      !checkCublas(function, "cublasSetMathMode",
                   cublasSetMathMode(handle, CUBLAS_DEFAULT_MATH))) {
    cublasDestroy(handle);
    return nullptr;
  }
  return handle;
}

namespace {
/// Lanes not in use, per device, and those handed out. Lanes are never
/// destroyed, like cuFFT plans: the primary contexts live until exit.
struct LanePool {
  std::mutex mutex;
  std::map<int, std::vector<OverlapLane *>> idle;
  std::set<OverlapLane *> live;
};

LanePool &getPool() {
  static auto *pool = new LanePool();
  return *pool;
}
} // namespace

bool OverlapLane::create(const char *function, const DriverAPI &api) {
  driver = &api;
  device = getDefaultDevice();
  // Non-blocking: the lane must not wait for the legacy stream's next
  // group, which is the point; its one dependency is an explicit event.
  if (!checkDriver(function, "cuStreamCreate",
                   driver->cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING)) ||
      !checkDriver(function, "cuEventCreate",
                   driver->cuEventCreate(&legacyDone, CU_EVENT_DISABLE_TIMING)))
    return false;
  for (CUevent &event : slotFree)
    if (!checkDriver(function, "cuEventCreate",
                     driver->cuEventCreate(&event, CU_EVENT_DISABLE_TIMING)))
      return false;
  CUdevice handle;
  int concurrent = 0;
  if (!checkDriver(function, "cuDeviceGet",
                   driver->cuDeviceGet(&handle, device)) ||
      !checkDriver(function, "cuDeviceGetAttribute",
                   driver->cuDeviceGetAttribute(
                       &concurrent,
                       CU_DEVICE_ATTRIBUTE_CONCURRENT_MANAGED_ACCESS, handle)))
    return false;
  concurrentManagedAccess = concurrent != 0;
  blas = createBlasHandle(function, stream);
  return blas != nullptr;
}

OverlapLane *OverlapLane::begin(const char *function) {
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return nullptr;
  LanePool &pool = getPool();
  OverlapLane *lane = nullptr;
  {
    std::lock_guard<std::mutex> lock(pool.mutex);
    std::vector<OverlapLane *> &idle = pool.idle[getDefaultDevice()];
    if (!idle.empty()) {
      lane = idle.back();
      idle.pop_back();
    }
  }
  if (!lane) {
    lane = new OverlapLane();
    // A lane that failed half-way is dropped (its handles leak: a driver
    // that fails here has bigger problems).
    if (!lane->create(function, *driver))
      return nullptr;
  }
  for (bool &pending : lane->slotPending)
    pending = false;
  std::lock_guard<std::mutex> lock(pool.mutex);
  pool.live.insert(lane);
  return lane;
}

OverlapLane *OverlapLane::lookup(const char *function, void *handle,
                                 const int64_t *slot) {
  auto *lane = static_cast<OverlapLane *>(handle);
  {
    LanePool &pool = getPool();
    std::lock_guard<std::mutex> lock(pool.mutex);
    if (!pool.live.count(lane)) {
      reportError(function,
                  "%p is not a lane of spectral_cuda_overlap_begin that "
                  "spectral_cuda_overlap_end has not ended",
                  handle);
      return nullptr;
    }
  }
  if (lane->device != getDefaultDevice()) {
    reportError(function,
                "the lane was begun on device %d, but the default device is "
                "now %d",
                lane->device, getDefaultDevice());
    return nullptr;
  }
  if (slot && (*slot < 0 || *slot >= kSlots)) {
    reportError(function, "slot %lld is not in [0, %lld)",
                static_cast<long long>(*slot), static_cast<long long>(kSlots));
    return nullptr;
  }
  return lane;
}

void OverlapLane::end(const char *function, OverlapLane *lane) {
  // A lane whose work failed is not reused: its stream may hold an error.
  if (!lane->drain(function))
    return;
  LanePool &pool = getPool();
  std::lock_guard<std::mutex> lock(pool.mutex);
  pool.live.erase(lane);
  pool.idle[lane->device].push_back(lane);
}

bool OverlapLane::waitForSlot(const char *function, int64_t slot) {
  if (!slotPending[slot])
    return true;
  slotPending[slot] = false;
  return checkDriver(function, "cuEventSynchronize",
                     driver->cuEventSynchronize(slotFree[slot]));
}

bool OverlapLane::waitForLegacyStream(const char *function) {
  return checkDriver(function, "cuEventRecord",
                     driver->cuEventRecord(legacyDone, /*hStream=*/0)) &&
         checkDriver(function, "cuStreamWaitEvent",
                     driver->cuStreamWaitEvent(stream, legacyDone, 0));
}

bool OverlapLane::recordSlot(const char *function, int64_t slot) {
  if (!checkDriver(function, "cuEventRecord",
                   driver->cuEventRecord(slotFree[slot], stream)))
    return false;
  slotPending[slot] = true;
  return true;
}

bool OverlapLane::drain(const char *function) {
  for (bool &pending : slotPending)
    pending = false;
  return checkDriver(function, "cuStreamSynchronize",
                     driver->cuStreamSynchronize(stream));
}

extern "C" void *spectral_cuda_overlap_begin(void) {
  return OverlapLane::begin("spectral_cuda_overlap_begin");
}

extern "C" void spectral_cuda_overlap_acquire(void *handle, int64_t slot) {
  const char *function = "spectral_cuda_overlap_acquire";
  if (OverlapLane *lane = OverlapLane::lookup(function, handle, &slot))
    if (enterContext(function))
      lane->waitForSlot(function, slot);
}

extern "C" void spectral_cuda_overlap_end(void *handle) {
  const char *function = "spectral_cuda_overlap_end";
  if (OverlapLane *lane = OverlapLane::lookup(function, handle))
    if (enterContext(function))
      OverlapLane::end(function, lane);
}
