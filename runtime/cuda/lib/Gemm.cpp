//===- Gemm.cpp - Matrix products through cuBLAS --------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// linalg.matmul on device memrefs (C += A * B) in cuBLAS, which reads
// column-major matrices. An operand is described as the CPU runtime
// describes it to CBLAS (EntryPointChecks.h: describeMatrix), in C's storage
// order if possible; a row-major C is computed as C^T = B^T A^T, which cuBLAS
// sees as column-major. Layouts BLAS cannot read (no unit stride, overlapping
// rows) go through accounted contiguous device copies, and C is copied back.
//
//===----------------------------------------------------------------------===//

#include "CuFFTDevice.h"
#include "DeviceMemory.h"
#include "EntryPointChecks.h"
#include "Kernels.h"
#include "Overlap.h"

#include "ErrorReporting.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

#include <cublas_v2.h>

#include <algorithm>
#include <map>
#include <mutex>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

namespace {

/// One handle per device, on the legacy stream; calls are serialised, as
/// cuBLAS asks of a handle shared by threads (they only enqueue work).
struct Handle {
  cublasHandle_t handle = nullptr;
  std::mutex mutex;
};

Handle *getHandle(const char *function) {
  static std::mutex mutex;
  // Never destroyed, like the cuFFT plans: contexts live until exit.
  static auto *handles = new std::map<int, Handle *>();
  std::lock_guard<std::mutex> lock(mutex);
  int device = getDefaultDevice();
  auto it = handles->find(device);
  if (it != handles->end())
    return it->second;
  auto *handle = new Handle();
  handle->handle = createBlasHandle(function, /*stream=*/0);
  if (!handle->handle) {
    delete handle;
    return nullptr;
  }
  handles->emplace(device, handle);
  return handle;
}

/// A matrix as handed to cuBLAS: in place, or a contiguous row-major copy.
template <typename T> struct BlasMatrix {
  T *data = nullptr;
  MatrixOrder order = MatrixOrder::RowMajor;
  int ld = 1;
  DeviceBuffer copy;
};

/// Copies between a view and a row-major dense array (bitwise: 4- or
/// 8-byte elements).
template <typename T>
bool copyMatrix(const char *function, const MemRefView<T> &view, bool toDense,
                T *dense) {
  CopyShape shape;
  shape.kind = sizeof(T) == 4 ? CopyKind::Real : CopyKind::Complex;
  shape.rank = 2;
  int64_t denseStrides[2] = {view.sizes[1], 1};
  for (int d = 0; d < 2; ++d) {
    shape.sizes[d] = view.sizes[d];
    shape.srcStrides[d] = toDense ? view.strides[d] : denseStrides[d];
    shape.dstStrides[d] = toDense ? denseStrides[d] : view.strides[d];
  }
  const void *src = toDense ? static_cast<const void *>(view.data) : dense;
  void *dst = toDense ? static_cast<void *>(dense) : view.data;
  return checkLaunch(function, "matrix copy",
                     launchStridedCopy(shape, src, dst));
}

/// Describes `view` as cuBLAS reads it in place, in `preferred` order if it
/// can; false if neither order describes it.
template <typename T>
bool describeInPlace(const MemRefView<T> &view, MatrixOrder preferred,
                     BlasMatrix<T> &matrix) {
  MatrixOrder other = preferred == MatrixOrder::RowMajor
                          ? MatrixOrder::ColMajor
                          : MatrixOrder::RowMajor;
  for (MatrixOrder order : {preferred, other}) {
    if (describeMatrix(order, view.sizes[0], view.sizes[1], view.strides,
                       matrix.ld)) {
      matrix.data = view.data;
      matrix.order = order;
      return true;
    }
  }
  return false;
}

/// Describes `view` in place, or else as a contiguous row-major copy.
template <typename T>
bool prepare(const char *function, const DriverAPI &driver,
             const MemRefView<T> &view, MatrixOrder preferred,
             BlasMatrix<T> &matrix) {
  if (describeInPlace(view, preferred, matrix))
    return true;
  int64_t rows = view.sizes[0], cols = view.sizes[1];
  if (!matrix.copy.template allocateArray<T>(
          driver, static_cast<size_t>(rows * cols), function) ||
      !copyMatrix(function, view, /*toDense=*/true,
                  matrix.copy.template as<T>()))
    return false;
  matrix.data = matrix.copy.template as<T>();
  matrix.order = MatrixOrder::RowMajor;
  matrix.ld = static_cast<int>(std::max<int64_t>(cols, 1));
  return true;
}

cublasStatus_t callGemm(cublasHandle_t handle, cublasOperation_t opA,
                        cublasOperation_t opB, int m, int n, int k,
                        const float *a, int lda, const float *b, int ldb,
                        float *c, int ldc) {
  const float one = 1.0f;
  return cublasSgemm(handle, opA, opB, m, n, k, &one, a, lda, b, ldb, &one, c,
                     ldc);
}

cublasStatus_t callGemm(cublasHandle_t handle, cublasOperation_t opA,
                        cublasOperation_t opB, int m, int n, int k,
                        const double *a, int lda, const double *b, int ldb,
                        double *c, int ldc) {
  const double one = 1.0;
  return cublasDgemm(handle, opA, opB, m, n, k, &one, a, lda, b, ldb, &one, c,
                     ldc);
}

/// Enqueues C += A * B on `handle`'s stream, for operands cuBLAS reads as
/// they are.
template <typename T>
bool enqueueGemm(const char *function, cublasHandle_t handle, int m, int n,
                 int k, const BlasMatrix<T> &lhs, const BlasMatrix<T> &rhs,
                 const BlasMatrix<T> &out) {
  auto op = [&](const BlasMatrix<T> &matrix) {
    return matrix.order == out.order ? CUBLAS_OP_N : CUBLAS_OP_T;
  };
  cublasStatus_t status;
  if (out.order == MatrixOrder::ColMajor)
    status = callGemm(handle, op(lhs), op(rhs), m, n, k, lhs.data, lhs.ld,
                      rhs.data, rhs.ld, out.data, out.ld);
  else // C^T = B^T A^T, column-major.
    status = callGemm(handle, op(rhs), op(lhs), n, m, k, rhs.data, rhs.ld,
                      lhs.data, lhs.ld, out.data, out.ld);
  return checkCublas(function, sizeof(T) == 4 ? "cublasSgemm" : "cublasDgemm",
                     status);
}

/// C += A * B on the legacy stream, through copies where cuBLAS cannot
/// read an operand in place; complete on return.
template <typename T>
void gemmOnLegacyStream(const char *function, const DriverAPI &driver,
                        const MemRefView<T> &lhs, const MemRefView<T> &rhs,
                        const MemRefView<T> &out) {
  CompleteOnReturn complete(driver, function);
  Handle *handle = getHandle(function);
  if (!handle)
    return;
  BlasMatrix<T> lhsMatrix, rhsMatrix, outMatrix;
  if (!prepare(function, driver, out, MatrixOrder::RowMajor, outMatrix) ||
      !prepare(function, driver, lhs, outMatrix.order, lhsMatrix) ||
      !prepare(function, driver, rhs, outMatrix.order, rhsMatrix))
    return;
  bool enqueued;
  {
    std::lock_guard<std::mutex> lock(handle->mutex);
    enqueued = enqueueGemm(
        function, handle->handle, static_cast<int>(lhs.sizes[0]),
        static_cast<int>(rhs.sizes[1]), static_cast<int>(lhs.sizes[1]),
        lhsMatrix, rhsMatrix, outMatrix);
  }
  if (enqueued && outMatrix.copy.data())
    copyMatrix(function, out, /*toDense=*/false,
               outMatrix.copy.template as<T>());
}

template <typename T>
void gemm(const char *function, StridedMemRefType<T, 2> *a,
          StridedMemRefType<T, 2> *b, StridedMemRefType<T, 2> *c) {
  MemRefView<T> lhs, rhs, out;
  if (checkGemm(function, a, b, c, lhs, rhs, out) != Checked::Run)
    return;
  if (const DriverAPI *driver = enterContext(function))
    gemmOnLegacyStream(function, *driver, lhs, rhs, out);
}

/// The GEMM of slot `slot` of an overlapped streamed loop (Overlap.h): on
/// the lane, after the legacy stream's work so far, returning at once.
/// Operands cuBLAS cannot read in place would need staging copies that
/// outlive the call, and a device without concurrent managed access would
/// fault on the host code that runs meanwhile; such a GEMM runs
/// synchronously instead, after the lane's earlier work (correct, but not
/// overlapped).
template <typename T>
void gemmOverlapped(const char *function, void *handle, int64_t slot,
                    StridedMemRefType<T, 2> *a, StridedMemRefType<T, 2> *b,
                    StridedMemRefType<T, 2> *c) {
  MemRefView<T> lhs, rhs, out;
  OverlapLane *lane = OverlapLane::lookup(function, handle, &slot);
  if (!lane || checkGemm(function, a, b, c, lhs, rhs, out) != Checked::Run)
    return;
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return;
  BlasMatrix<T> lhsMatrix, rhsMatrix, outMatrix;
  if (!lane->canOverlap() ||
      !describeInPlace(out, MatrixOrder::RowMajor, outMatrix) ||
      !describeInPlace(lhs, outMatrix.order, lhsMatrix) ||
      !describeInPlace(rhs, outMatrix.order, rhsMatrix)) {
    if (lane->drain(function))
      gemmOnLegacyStream(function, *driver, lhs, rhs, out);
    return;
  }
  if (lane->waitForLegacyStream(function) &&
      enqueueGemm(function, lane->getBlas(), static_cast<int>(lhs.sizes[0]),
                  static_cast<int>(rhs.sizes[1]),
                  static_cast<int>(lhs.sizes[1]), lhsMatrix, rhsMatrix,
                  outMatrix))
    lane->recordSlot(function, slot);
}

} // namespace

extern "C" void
_mlir_ciface_spectral_cuda_gemm_f32(StridedMemRefType<float, 2> *a,
                                    StridedMemRefType<float, 2> *b,
                                    StridedMemRefType<float, 2> *c) {
  gemm("spectral_cuda_gemm_f32", a, b, c);
}

extern "C" void
_mlir_ciface_spectral_cuda_gemm_f64(StridedMemRefType<double, 2> *a,
                                    StridedMemRefType<double, 2> *b,
                                    StridedMemRefType<double, 2> *c) {
  gemm("spectral_cuda_gemm_f64", a, b, c);
}

extern "C" void _mlir_ciface_spectral_cuda_gemm_f32_overlapped(
    void *lane, int64_t slot, StridedMemRefType<float, 2> *a,
    StridedMemRefType<float, 2> *b, StridedMemRefType<float, 2> *c) {
  gemmOverlapped("spectral_cuda_gemm_f32_overlapped", lane, slot, a, b, c);
}

extern "C" void _mlir_ciface_spectral_cuda_gemm_f64_overlapped(
    void *lane, int64_t slot, StridedMemRefType<double, 2> *a,
    StridedMemRefType<double, 2> *b, StridedMemRefType<double, 2> *c) {
  gemmOverlapped("spectral_cuda_gemm_f64_overlapped", lane, slot, a, b, c);
}
