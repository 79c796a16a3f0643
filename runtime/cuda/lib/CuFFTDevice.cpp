//===- CuFFTDevice.cpp - cuFFT and CUDA kernels as an FFTDevice -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Plans are made once per shape and device under a lock and kept for the
// process (like the CPU runtime's). Each is made without a work area of its
// own: every execution gets one from the accounted, stream-ordered scratch,
// so that idle plans hold no work memory. cuFFT does not promise that one
// plan may run from two threads at once, so executions of a plan are
// serialised (they only enqueue work).
//
//===----------------------------------------------------------------------===//

#include "CuFFTDevice.h"

#include "ErrorReporting.h"
#include "Kernels.h"

#include <cufft.h>

#include <map>
#include <mutex>
#include <vector>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using runtime::reportError;

namespace {

const char *getCufftResultName(cufftResult result) {
  switch (result) {
  case CUFFT_SUCCESS:
    return "CUFFT_SUCCESS";
  case CUFFT_INVALID_PLAN:
    return "CUFFT_INVALID_PLAN";
  case CUFFT_ALLOC_FAILED:
    return "CUFFT_ALLOC_FAILED (out of device memory)";
  case CUFFT_INVALID_TYPE:
    return "CUFFT_INVALID_TYPE";
  case CUFFT_INVALID_VALUE:
    return "CUFFT_INVALID_VALUE";
  case CUFFT_INTERNAL_ERROR:
    return "CUFFT_INTERNAL_ERROR";
  case CUFFT_EXEC_FAILED:
    return "CUFFT_EXEC_FAILED";
  case CUFFT_SETUP_FAILED:
    return "CUFFT_SETUP_FAILED";
  case CUFFT_INVALID_SIZE:
    return "CUFFT_INVALID_SIZE";
  case CUFFT_UNALIGNED_DATA:
    return "CUFFT_UNALIGNED_DATA";
  case CUFFT_INVALID_DEVICE:
    return "CUFFT_INVALID_DEVICE";
  case CUFFT_NO_WORKSPACE:
    return "CUFFT_NO_WORKSPACE";
  case CUFFT_NOT_IMPLEMENTED:
    return "CUFFT_NOT_IMPLEMENTED";
  case CUFFT_NOT_SUPPORTED:
    return "CUFFT_NOT_SUPPORTED";
  default:
    return "unknown cuFFT error";
  }
}

struct Plan {
  cufftHandle handle = 0;
  size_t workBytes = 0;
  std::mutex mutex;
};

const char *getKindName(FFTKind kind) {
  switch (kind) {
  case FFTKind::C2C:
    return "c2c";
  case FFTKind::R2C:
    return "r2c";
  case FFTKind::C2R:
    return "c2r";
  }
  return "?";
}

cufftType getCufftType(FFTKind kind) {
  switch (kind) {
  case FFTKind::R2C:
    return CUFFT_R2C;
  case FFTKind::C2R:
    return CUFFT_C2R;
  case FFTKind::C2C:
    break;
  }
  return CUFFT_C2C;
}

/// Everything a plan depends on: the shape (the direction is an argument of
/// cufftExecC2C, not part of a plan) and the device.
std::vector<int64_t> makeKey(const PlanShape &shape, int device) {
  std::vector<int64_t> key = {device, static_cast<int64_t>(shape.kind),
                              shape.rank};
  for (int i = 0; i < shape.rank; ++i) {
    key.push_back(shape.n[i]);
    key.push_back(shape.inEmbed[i]);
    key.push_back(shape.outEmbed[i]);
  }
  for (int64_t value : {shape.inStride, shape.inDist, shape.outStride,
                        shape.outDist, shape.batch})
    key.push_back(value);
  return key;
}

bool checkCufft(const char *function, const char *call, const PlanShape &shape,
                cufftResult result) {
  if (result == CUFFT_SUCCESS)
    return true;
  reportError(function,
              "%s failed for a rank-%d %s plan of %lld x %lld x %lld "
              "(batch %lld): %s",
              call, shape.rank, getKindName(shape.kind),
              static_cast<long long>(shape.n[0]),
              static_cast<long long>(shape.rank > 1 ? shape.n[1] : 1),
              static_cast<long long>(shape.rank > 2 ? shape.n[2] : 1),
              static_cast<long long>(shape.batch), getCufftResultName(result));
  return false;
}

/// The cached plan of `shape` on the current device; null after reporting.
Plan *getPlan(const char *function, const PlanShape &shape) {
  // Never destroyed: plans belong to contexts that live until exit, and
  // destroying them from a static destructor may run after the driver is
  // gone.
  static std::mutex mutex;
  static auto *plans = new std::map<std::vector<int64_t>, Plan *>();
  std::vector<int64_t> key = makeKey(shape, getDefaultDevice());
  std::lock_guard<std::mutex> lock(mutex);
  auto it = plans->find(key);
  if (it != plans->end())
    return it->second;

  auto *plan = new Plan();
  long long n[kMaxPlanRank], inEmbed[kMaxPlanRank], outEmbed[kMaxPlanRank];
  for (int i = 0; i < shape.rank; ++i) {
    n[i] = shape.n[i];
    inEmbed[i] = shape.inEmbed[i];
    outEmbed[i] = shape.outEmbed[i];
  }
  bool ok =
      checkCufft(function, "cufftCreate", shape, cufftCreate(&plan->handle));
  ok = ok && checkCufft(function, "cufftSetAutoAllocation", shape,
                        cufftSetAutoAllocation(plan->handle, 0));
  ok = ok &&
       checkCufft(function, "cufftMakePlanMany64", shape,
                  cufftMakePlanMany64(
                      plan->handle, shape.rank, n, inEmbed, shape.inStride,
                      shape.inDist, outEmbed, shape.outStride, shape.outDist,
                      getCufftType(shape.kind), shape.batch, &plan->workBytes));
  ok = ok && checkCufft(function, "cufftSetStream", shape,
                        cufftSetStream(plan->handle, /*stream=*/0));
  if (!ok) {
    if (plan->handle)
      cufftDestroy(plan->handle);
    delete plan;
    return nullptr;
  }
  plans->emplace(std::move(key), plan);
  return plan;
}

} // namespace

bool mlir::spectral::cuda::checkLaunch(const char *function, const char *what,
                                       int result) {
  if (result == cudaSuccess)
    return true;
  auto error = static_cast<cudaError_t>(result);
  reportError(function, "the %s kernel failed: %s (%s)", what,
              cudaGetErrorName(error), cudaGetErrorString(error));
  return false;
}

void *CuFFTDevice::allocate(size_t bytes) {
  for (DeviceBuffer &buffer : buffers) {
    if (buffer.data())
      continue;
    if (!buffer.allocate(driver, bytes, function))
      return nullptr;
    return buffer.data();
  }
  reportError(function, "internal error: more than %d scratch buffers",
              kMaxBuffers);
  return nullptr;
}

void CuFFTDevice::release(void *ptr) {
  for (DeviceBuffer &buffer : buffers)
    if (buffer.data() == ptr)
      buffer.release();
}

bool CuFFTDevice::copy(const CopyShape &shape, const void *src, void *dst) {
  return checkLaunch(function, "strided copy",
                     launchStridedCopy(shape, src, dst));
}

bool CuFFTDevice::execute(const PlanShape &shape, void *in, void *out) {
  Plan *plan = getPlan(function, shape);
  if (!plan)
    return false;
  DeviceBuffer work;
  if (!work.allocate(driver, plan->workBytes, function))
    return false;
  std::lock_guard<std::mutex> lock(plan->mutex);
  // A plan that needs no work area is left without one.
  if (plan->workBytes > 0 &&
      !checkCufft(function, "cufftSetWorkArea", shape,
                  cufftSetWorkArea(plan->handle, work.data())))
    return false;
  cufftResult result = CUFFT_SUCCESS;
  switch (shape.kind) {
  case FFTKind::C2C:
    result = cufftExecC2C(plan->handle, static_cast<cufftComplex *>(in),
                          static_cast<cufftComplex *>(out),
                          shape.sign < 0 ? CUFFT_FORWARD : CUFFT_INVERSE);
    break;
  case FFTKind::R2C:
    result = cufftExecR2C(plan->handle, static_cast<cufftReal *>(in),
                          static_cast<cufftComplex *>(out));
    break;
  case FFTKind::C2R:
    result = cufftExecC2R(plan->handle, static_cast<cufftComplex *>(in),
                          static_cast<cufftReal *>(out));
    break;
  }
  // The work area's free is enqueued after the transform (stream order).
  return checkCufft(function, "cufftExec", shape, result);
}
