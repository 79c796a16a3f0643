/*===- MemRefTypes.h - Memref descriptors of the runtime ABIs -----*- C -*-===*\
|*                                                                            *|
|* Part of the spectral-dialect project, under the Apache License v2.0 with   *|
|* LLVM Exceptions. See LICENSE for license information.                      *|
|* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception                    *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* The memref descriptors that the CPU runtime (SpectralRuntime.h) and the    *|
|* CUDA runtime (SpectralCUDARuntime.h) take, named once for both. In C++     *|
|* they are MLIR's descriptor templates (mlir/ExecutionEngine/CRunnerUtils.h, *|
|* header-only); in C, where those templates do not exist, opaque `void`, so  *|
|* that C callers pass the descriptors lowered code built.                    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef SPECTRAL_RUNTIME_MEMREFTYPES_H
#define SPECTRAL_RUNTIME_MEMREFTYPES_H

#include <stdint.h>

#ifdef __cplusplus
#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include <complex>

typedef UnrankedMemRefType<std::complex<float>> spectral_unranked_c32;
typedef UnrankedMemRefType<float> spectral_unranked_f32;
typedef UnrankedMemRefType<std::complex<double>> spectral_unranked_c64;
typedef UnrankedMemRefType<double> spectral_unranked_f64;
typedef StridedMemRefType<std::complex<float>, 2> spectral_memref_c32_2d;
typedef StridedMemRefType<int64_t, 2> spectral_memref_i64_2d;
typedef StridedMemRefType<int64_t, 1> spectral_memref_i64_1d;
typedef StridedMemRefType<float, 2> spectral_memref_f32_2d;
typedef StridedMemRefType<double, 2> spectral_memref_f64_2d;
/// A buffer of any element type, seen as bytes (the GPU ABI's memcpy).
typedef StridedMemRefType<char, 1> spectral_memref_any;
#else
typedef void spectral_unranked_c32;
typedef void spectral_unranked_f32;
typedef void spectral_unranked_c64;
typedef void spectral_unranked_f64;
typedef void spectral_memref_c32_2d;
typedef void spectral_memref_i64_2d;
typedef void spectral_memref_i64_1d;
typedef void spectral_memref_f32_2d;
typedef void spectral_memref_f64_2d;
typedef void spectral_memref_any;
#endif

#endif /* SPECTRAL_RUNTIME_MEMREFTYPES_H */
