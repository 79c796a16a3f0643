//===- Gemm.cpp - Matrix products through CBLAS ---------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// linalg.matmul on memrefs (C += A * B) in the CBLAS the library is linked
// with. BLAS reads a matrix whose rows (row-major) or columns (column-major)
// are contiguous, with a leading dimension of at least one row or column.
// The storage order of the call follows C, and an operand stored the other
// way round is passed transposed, so that slices and transposed views cost
// nothing. Only a layout BLAS cannot describe (no unit stride, rows that
// overlap, a leading dimension beyond int) is copied into a runtime-owned
// contiguous array, and for C copied back afterwards.
//
// Threads: the runtime leaves OpenBLAS's thread settings alone, since they
// are process-wide and belong to the program that loads us. OpenBLAS runs a
// large enough product on its own pool (OPENBLAS_NUM_THREADS, by default one
// thread per core) and a small one on the calling thread, and may be called
// from several threads at once.
//
//===----------------------------------------------------------------------===//

#include "BlasThreads.h"
#include "EntryPointChecks.h"
#include "spectral-core/Memory.h"

#include "spectral-runtime/SpectralRuntime.h"

#include <cblas.h>

#include <algorithm>

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

namespace {

MatrixOrder toMatrixOrder(CBLAS_ORDER order) {
  return order == CblasRowMajor ? MatrixOrder::RowMajor : MatrixOrder::ColMajor;
}

/// A matrix as handed to BLAS: in place, or a contiguous row-major copy.
template <typename T> struct BlasMatrix {
  T *data = nullptr;
  CBLAS_ORDER order = CblasRowMajor;
  int ld = 1;
  TrackedBuffer<T> copy;
};

/// Describes `view` to BLAS, in storage order `preferred` if possible, in
/// the other order otherwise, and as a row-major copy as a last resort.
/// Reports an allocation failure as an error of `function`.
template <typename T>
bool prepare(const char *function, const MemRefView<T> &view,
             CBLAS_ORDER preferred, BlasMatrix<T> &matrix) {
  int64_t rows = view.sizes[0], cols = view.sizes[1];
  CBLAS_ORDER other =
      preferred == CblasRowMajor ? CblasColMajor : CblasRowMajor;
  for (CBLAS_ORDER order : {preferred, other}) {
    if (describeMatrix(toMatrixOrder(order), rows, cols, view.strides,
                       matrix.ld)) {
      matrix.data = view.data;
      matrix.order = order;
      return true;
    }
  }
  ErrorMessage error;
  if (!succeededOrReport(
          matrix.copy.allocate(static_cast<size_t>(rows * cols), error),
          function, error))
    return false;
  const int64_t denseStrides[2] = {cols, 1};
  forEachOffsetPair(
      2, view.sizes, view.strides, denseStrides,
      [&](int64_t from, int64_t to) { matrix.copy[to] = view.data[from]; });
  matrix.data = matrix.copy.data();
  matrix.order = CblasRowMajor;
  matrix.ld = static_cast<int>(std::max<int64_t>(cols, 1));
  return true;
}

CBLAS_TRANSPOSE getTranspose(CBLAS_ORDER callOrder, CBLAS_ORDER order) {
  return order == callOrder ? CblasNoTrans : CblasTrans;
}

void callGemm(CBLAS_ORDER order, CBLAS_TRANSPOSE transA, CBLAS_TRANSPOSE transB,
              int m, int n, int k, const float *a, int lda, const float *b,
              int ldb, float *c, int ldc) {
  cblas_sgemm(order, transA, transB, m, n, k, 1.0f, a, lda, b, ldb, 1.0f, c,
              ldc);
}

void callGemm(CBLAS_ORDER order, CBLAS_TRANSPOSE transA, CBLAS_TRANSPOSE transB,
              int m, int n, int k, const double *a, int lda, const double *b,
              int ldb, double *c, int ldc) {
  cblas_dgemm(order, transA, transB, m, n, k, 1.0, a, lda, b, ldb, 1.0, c, ldc);
}

template <typename T>
void gemm(const char *function, StridedMemRefType<T, 2> *a,
          StridedMemRefType<T, 2> *b, StridedMemRefType<T, 2> *c) {
  MemRefView<T> lhs, rhs, out;
  if (checkGemm(function, a, b, c, lhs, rhs, out) != Checked::Run)
    return;
  int64_t m = lhs.sizes[0], k = lhs.sizes[1], n = rhs.sizes[1];

  // Every copy is made before C is written, so that a failed allocation
  // leaves C as it was.
  BlasMatrix<T> lhsMatrix, rhsMatrix, outMatrix;
  if (!prepare(function, out, CblasRowMajor, outMatrix) ||
      !prepare(function, lhs, outMatrix.order, lhsMatrix) ||
      !prepare(function, rhs, outMatrix.order, rhsMatrix))
    return;
  CBLAS_ORDER order = outMatrix.order;
  syncBlasThreads();
  callGemm(order, getTranspose(order, lhsMatrix.order),
           getTranspose(order, rhsMatrix.order), static_cast<int>(m),
           static_cast<int>(n), static_cast<int>(k), lhsMatrix.data,
           lhsMatrix.ld, rhsMatrix.data, rhsMatrix.ld, outMatrix.data,
           outMatrix.ld);

  if (outMatrix.copy.data()) {
    const int64_t denseStrides[2] = {n, 1};
    forEachOffsetPair(
        2, out.sizes, denseStrides, out.strides,
        [&](int64_t from, int64_t to) { out.data[to] = outMatrix.copy[from]; });
  }
}

} // namespace

extern "C" void _mlir_ciface_spectral_gemm_f32(StridedMemRefType<float, 2> *a,
                                               StridedMemRefType<float, 2> *b,
                                               StridedMemRefType<float, 2> *c) {
  gemm("spectral_gemm_f32", a, b, c);
}

extern "C" void
_mlir_ciface_spectral_gemm_f64(StridedMemRefType<double, 2> *a,
                               StridedMemRefType<double, 2> *b,
                               StridedMemRefType<double, 2> *c) {
  gemm("spectral_gemm_f64", a, b, c);
}
