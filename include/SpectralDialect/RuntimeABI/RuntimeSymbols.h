//===- RuntimeSymbols.h - Names of the runtimes' entry points ---*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The one table of the runtime functions that passes call or recognise.
// The CPU runtime's entry points are `spectral_<name>`, the CUDA runtime's
// `spectral_cuda_<name>` with the same arguments, so that both libraries can
// be loaded into one process. Every pass that names a runtime function takes
// the name from here, never from a string literal of its own.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_RUNTIMEABI_RUNTIMESYMBOLS_H
#define SPECTRALDIALECT_RUNTIMEABI_RUNTIMESYMBOLS_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace mlir {
namespace spectral {

/// The runtime library lowered code calls.
enum class RuntimeTarget {
  /// libspectral_runtime.so: FFTW and a BLAS on host memory.
  CPU,
  /// libspectral_cuda_runtime.so: cuFFT, cuBLAS and kernels on device
  /// memory.
  CUDA,
};

enum class RuntimeFunction {
  FFTC2C,
  FFTR2C,
  FFTC2R,
  FFTC2ROverwriteInput,
  // The CPU runtime only: the transforms in double precision.
  FFTC2CF64,
  FFTR2CF64,
  FFTC2RF64,
  FFTC2ROverwriteInputF64,
  // The CPU runtime only: the filtered round trip c2r(r2c(x) * f).
  FFTFilter,
  FFTFilterF64,
  TopK,
  Scatter,
  Gather,
  CheckTileOffset,
  CheckSize,
  GemmF32,
  GemmF64,
  // The CPU runtime only: the thread count of lowered OpenMP loops.
  GetNumThreads,
  // The CUDA runtime only: GEMMs on a lane of their own, and the lane.
  GemmF32Overlapped,
  GemmF64Overlapped,
  OverlapBegin,
  OverlapAcquire,
  OverlapEnd,
};

/// "CPU runtime" or "CUDA runtime", for diagnostics.
StringRef getRuntimeDescription(RuntimeTarget target);

/// The symbol of `function` in the library of `target`. The overlap
/// functions exist in the CUDA runtime only.
std::string getRuntimeSymbol(RuntimeTarget target, RuntimeFunction function);

/// The function of `target`'s library named `symbol`, if there is one.
std::optional<RuntimeFunction> lookupRuntimeFunction(RuntimeTarget target,
                                                     StringRef symbol);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_RUNTIMEABI_RUNTIMESYMBOLS_H
