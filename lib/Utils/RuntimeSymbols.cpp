//===- RuntimeSymbols.cpp - Names of the runtimes' entry points -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Utils/RuntimeSymbols.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

#include <cassert>
#include <iterator>

using namespace mlir;
using namespace mlir::spectral;

namespace {

struct Entry {
  RuntimeFunction function;
  StringRef name;
  bool cudaOnly;
};

// The C names of runtime/include/spectral-runtime/SpectralRuntime.h and
// runtime/cuda/include/spectral-cuda-runtime/SpectralCUDARuntime.h, less the
// library's prefix.
constexpr Entry kEntries[] = {
    {RuntimeFunction::FFTC2C, "fft_c2c", false},
    {RuntimeFunction::FFTR2C, "fft_r2c", false},
    {RuntimeFunction::FFTC2R, "fft_c2r", false},
    {RuntimeFunction::FFTC2ROverwriteInput, "fft_c2r_overwrite_input", false},
    {RuntimeFunction::TopK, "topk", false},
    {RuntimeFunction::Scatter, "scatter", false},
    {RuntimeFunction::CheckTileOffset, "check_tile_offset", false},
    {RuntimeFunction::CheckSize, "check_size", false},
    {RuntimeFunction::GemmF32, "gemm_f32", false},
    {RuntimeFunction::GemmF64, "gemm_f64", false},
    {RuntimeFunction::GemmF32Overlapped, "gemm_f32_overlapped", true},
    {RuntimeFunction::GemmF64Overlapped, "gemm_f64_overlapped", true},
    {RuntimeFunction::OverlapBegin, "overlap_begin", true},
    {RuntimeFunction::OverlapAcquire, "overlap_acquire", true},
    {RuntimeFunction::OverlapEnd, "overlap_end", true},
};

StringRef getPrefix(RuntimeTarget target) {
  return target == RuntimeTarget::CPU ? "spectral_" : "spectral_cuda_";
}

} // namespace

StringRef mlir::spectral::getRuntimeDescription(RuntimeTarget target) {
  return target == RuntimeTarget::CPU ? "CPU runtime" : "CUDA runtime";
}

std::string mlir::spectral::getRuntimeSymbol(RuntimeTarget target,
                                             RuntimeFunction function) {
  for (const Entry &entry : kEntries) {
    if (entry.function != function)
      continue;
    assert((!entry.cudaOnly || target == RuntimeTarget::CUDA) &&
           "the CPU runtime has no such function");
    return (Twine(getPrefix(target)) + entry.name).str();
  }
  llvm_unreachable("every RuntimeFunction has an entry");
}

std::optional<RuntimeFunction>
mlir::spectral::lookupRuntimeFunction(RuntimeTarget target, StringRef symbol) {
  if (!symbol.consume_front(getPrefix(target)))
    return std::nullopt;
  for (const Entry &entry : kEntries)
    if (entry.name == symbol &&
        (!entry.cudaOnly || target == RuntimeTarget::CUDA))
      return entry.function;
  return std::nullopt;
}
