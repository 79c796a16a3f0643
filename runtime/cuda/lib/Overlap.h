//===- Overlap.h - The GEMM stream of an overlapped streamed loop -*- C++
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A streamed matmul (spectral-stream) decompresses one tile group after the
// other and multiplies each into the output. spectral-gpu-overlap-groups
// gives every group buffer two copies (slots) and sends the GEMMs to a lane:
// a non-blocking stream with its own cuBLAS handle. The next group is
// decompressed on the legacy stream, as every other runtime call is, while
// the lane still multiplies the previous one. Three orderings keep this
// correct:
//  - a GEMM waits, on the lane, for everything enqueued on the legacy stream
//    before it (an event): the group it reads is decompressed;
//  - before a slot is written again, the host waits for the last GEMM that
//    read it (one event per slot);
//  - the end of the loop waits for the lane.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_LIB_OVERLAP_H
#define SPECTRAL_CUDA_RUNTIME_LIB_OVERLAP_H

#include "Driver.h"

#include <cublas_v2.h>

#include <cstdint>

namespace mlir {
namespace spectral {
namespace cuda {

/// Reports a failing cuBLAS call as an error of `function`; false then.
bool checkCublas(const char *function, const char *call, cublasStatus_t status);

/// A cuBLAS handle enqueuing on `stream`, in full precision (never TF32
/// for f32); null after reporting an error.
cublasHandle_t createBlasHandle(const char *function, CUstream stream);

class OverlapLane {
public:
  /// Buffers each group buffer has: one being multiplied, one being filled.
  static constexpr int64_t kSlots = 2;

  /// A lane of the default device, from a per-device pool (created on first
  /// use, then reused: cublasCreate costs milliseconds). Null after
  /// reporting an error of `function`.
  static OverlapLane *begin(const char *function);
  /// `handle` as a lane that begin returned and end has not taken back, or
  /// null after reporting why not. Checks `slot` too if it is not null.
  static OverlapLane *lookup(const char *function, void *handle,
                             const int64_t *slot = nullptr);
  /// Waits for the lane's work and returns it to the pool.
  static void end(const char *function, OverlapLane *lane);

  /// Host wait for the last GEMM that read `slot`.
  bool waitForSlot(const char *function, int64_t slot);
  /// Makes the lane wait for the work enqueued so far on the legacy stream
  /// (and so, on every blocking stream).
  bool waitForLegacyStream(const char *function);
  /// Marks the work enqueued so far on the lane as the last use of `slot`.
  bool recordSlot(const char *function, int64_t slot);
  /// Host wait for everything enqueued on the lane.
  bool drain(const char *function);

  cublasHandle_t getBlas() const { return blas; }
  /// Whether the host may touch managed memory while the lane's kernels
  /// run (CU_DEVICE_ATTRIBUTE_CONCURRENT_MANAGED_ACCESS: Linux on Pascal
  /// and later). Without it the host code between GEMMs would fault, so the
  /// GEMMs run synchronously instead.
  bool canOverlap() const { return concurrentManagedAccess; }

private:
  OverlapLane() = default;
  bool create(const char *function, const DriverAPI &driver);

  const DriverAPI *driver = nullptr;
  int device = 0;
  CUstream stream = nullptr;
  cublasHandle_t blas = nullptr;
  CUevent legacyDone = nullptr;
  CUevent slotFree[kSlots] = {};
  bool slotPending[kSlots] = {};
  bool concurrentManagedAccess = false;
};

} // namespace cuda
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_CUDA_RUNTIME_LIB_OVERLAP_H
