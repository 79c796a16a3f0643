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
// describes it to CBLAS (Arguments.h: describeMatrix), in C's storage order
// if possible; a row-major C is computed as C^T = B^T A^T, which cuBLAS sees
// as column-major. Layouts BLAS cannot read (no unit stride, overlapping
// rows) go through accounted contiguous device copies, and C is copied back.
//
//===----------------------------------------------------------------------===//

#include "Arguments.h"
#include "CuFFTDevice.h"
#include "DeviceMemory.h"
#include "Kernels.h"

#include "Errors.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

#include <cublas_v2.h>

#include <algorithm>
#include <map>
#include <mutex>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using namespace mlir::spectral::runtime;

namespace {

bool checkCublas(const char *function, const char *call,
                 cublasStatus_t status) {
  if (status == CUBLAS_STATUS_SUCCESS)
    return true;
  reportError(function, "%s failed: %s (%s)", call, cublasGetStatusName(status),
              cublasGetStatusString(status));
  return false;
}

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
  if (!checkCublas(function, "cublasCreate", cublasCreate(&handle->handle)) ||
      !checkCublas(function, "cublasSetStream",
                   cublasSetStream(handle->handle, /*stream=*/0)) ||
      // Full precision: never TF32 for f32.
      !checkCublas(function, "cublasSetMathMode",
                   cublasSetMathMode(handle->handle, CUBLAS_DEFAULT_MATH))) {
    if (handle->handle)
      cublasDestroy(handle->handle);
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

template <typename T>
bool prepare(const char *function, const DriverAPI &driver,
             const MemRefView<T> &view, MatrixOrder preferred,
             BlasMatrix<T> &matrix) {
  int64_t rows = view.sizes[0], cols = view.sizes[1];
  MatrixOrder other = preferred == MatrixOrder::RowMajor
                          ? MatrixOrder::ColMajor
                          : MatrixOrder::RowMajor;
  for (MatrixOrder order : {preferred, other}) {
    if (describeMatrix(order, rows, cols, view.strides, matrix.ld)) {
      matrix.data = view.data;
      matrix.order = order;
      return true;
    }
  }
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

template <typename T>
void gemm(const char *function, StridedMemRefType<T, 2> *a,
          StridedMemRefType<T, 2> *b, StridedMemRefType<T, 2> *c) {
  MemRefView<T> lhs, rhs, out;
  if (checkGemm(function, a, b, c, lhs, rhs, out) != Checked::Run)
    return;
  int m = static_cast<int>(lhs.sizes[0]), k = static_cast<int>(lhs.sizes[1]);
  int n = static_cast<int>(rhs.sizes[1]);
  const DriverAPI *driver = enterContext(function);
  if (!driver)
    return;
  CompleteOnReturn complete(*driver, function);
  Handle *handle = getHandle(function);
  if (!handle)
    return;

  BlasMatrix<T> lhsMatrix, rhsMatrix, outMatrix;
  if (!prepare(function, *driver, out, MatrixOrder::RowMajor, outMatrix) ||
      !prepare(function, *driver, lhs, outMatrix.order, lhsMatrix) ||
      !prepare(function, *driver, rhs, outMatrix.order, rhsMatrix))
    return;
  auto op = [&](const BlasMatrix<T> &matrix) {
    return matrix.order == outMatrix.order ? CUBLAS_OP_N : CUBLAS_OP_T;
  };
  cublasStatus_t status;
  {
    std::lock_guard<std::mutex> lock(handle->mutex);
    if (outMatrix.order == MatrixOrder::ColMajor)
      status = callGemm(handle->handle, op(lhsMatrix), op(rhsMatrix), m, n, k,
                        lhsMatrix.data, lhsMatrix.ld, rhsMatrix.data,
                        rhsMatrix.ld, outMatrix.data, outMatrix.ld);
    else // C^T = B^T A^T, column-major.
      status = callGemm(handle->handle, op(rhsMatrix), op(lhsMatrix), n, m, k,
                        rhsMatrix.data, rhsMatrix.ld, lhsMatrix.data,
                        lhsMatrix.ld, outMatrix.data, outMatrix.ld);
  }
  if (!checkCublas(function, sizeof(T) == 4 ? "cublasSgemm" : "cublasDgemm",
                   status))
    return;
  if (outMatrix.copy.data())
    copyMatrix(function, out, /*toDense=*/false,
               outMatrix.copy.template as<T>());
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
