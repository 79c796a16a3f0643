//===- BlasThreads.h - The BLAS's thread count ------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_LIB_BLASTHREADS_H
#define SPECTRAL_RUNTIME_LIB_BLASTHREADS_H

namespace mlir {
namespace spectral {
namespace runtime {

/// Gives the BLAS the runtime's thread count where the user chose it and
/// the BLAS can be told (OpenBLAS); cheap when the count has not changed.
void syncBlasThreads();

} // namespace runtime
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_LIB_BLASTHREADS_H
