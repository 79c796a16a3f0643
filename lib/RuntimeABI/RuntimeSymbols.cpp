//===- RuntimeSymbols.cpp - Names of the runtimes' entry points -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/RuntimeABI/RuntimeSymbols.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

#include <cassert>
#include <iterator>

using namespace mlir;
using namespace mlir::spectral;

namespace {

enum class Availability { Both, CUDAOnly, CPUOnly };

struct Entry {
  RuntimeFunction function;
  StringRef name;
  Availability availability;

  bool isIn(RuntimeTarget target) const {
    return availability == Availability::Both ||
           (availability == Availability::CUDAOnly) ==
               (target == RuntimeTarget::CUDA);
  }
};

constexpr Availability kBoth = Availability::Both;
constexpr Availability kCUDAOnly = Availability::CUDAOnly;
constexpr Availability kCPUOnly = Availability::CPUOnly;

// The C names of runtime/include/spectral-runtime/SpectralRuntime.h and
// runtime/cuda/include/spectral-cuda-runtime/SpectralCUDARuntime.h, less the
// library's prefix.
constexpr Entry kEntries[] = {
    {RuntimeFunction::FFTC2C, "fft_c2c", kBoth},
    {RuntimeFunction::FFTR2C, "fft_r2c", kBoth},
    {RuntimeFunction::FFTC2R, "fft_c2r", kBoth},
    {RuntimeFunction::FFTC2ROverwriteInput, "fft_c2r_overwrite_input", kBoth},
    {RuntimeFunction::FFTC2CF64, "fft_c2c_f64", kCPUOnly},
    {RuntimeFunction::FFTR2CF64, "fft_r2c_f64", kCPUOnly},
    {RuntimeFunction::FFTC2RF64, "fft_c2r_f64", kCPUOnly},
    {RuntimeFunction::FFTC2ROverwriteInputF64, "fft_c2r_overwrite_input_f64",
     kCPUOnly},
    {RuntimeFunction::FFTFilter, "fft_filter", kCPUOnly},
    {RuntimeFunction::FFTFilterF64, "fft_filter_f64", kCPUOnly},
    {RuntimeFunction::TopK, "topk", kBoth},
    {RuntimeFunction::Scatter, "scatter", kBoth},
    {RuntimeFunction::Gather, "gather", kBoth},
    {RuntimeFunction::CheckTileOffset, "check_tile_offset", kBoth},
    {RuntimeFunction::CheckSize, "check_size", kBoth},
    {RuntimeFunction::GemmF32, "gemm_f32", kBoth},
    {RuntimeFunction::GemmF64, "gemm_f64", kBoth},
    {RuntimeFunction::GetNumThreads, "runtime_get_num_threads", kCPUOnly},
    {RuntimeFunction::GemmF32Overlapped, "gemm_f32_overlapped", kCUDAOnly},
    {RuntimeFunction::GemmF64Overlapped, "gemm_f64_overlapped", kCUDAOnly},
    {RuntimeFunction::OverlapBegin, "overlap_begin", kCUDAOnly},
    {RuntimeFunction::OverlapAcquire, "overlap_acquire", kCUDAOnly},
    {RuntimeFunction::OverlapEnd, "overlap_end", kCUDAOnly},
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
    assert(entry.isIn(target) && "the runtime has no such function");
    return (Twine(getPrefix(target)) + entry.name).str();
  }
  llvm_unreachable("every RuntimeFunction has an entry");
}

std::optional<RuntimeFunction>
mlir::spectral::lookupRuntimeFunction(RuntimeTarget target, StringRef symbol) {
  if (!symbol.consume_front(getPrefix(target)))
    return std::nullopt;
  for (const Entry &entry : kEntries)
    if (entry.name == symbol && entry.isIn(target))
      return entry.function;
  return std::nullopt;
}
