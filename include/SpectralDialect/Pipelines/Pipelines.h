//===- Pipelines.h - Spectral lowering pipelines ----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_PIPELINES_PIPELINES_H
#define SPECTRALDIALECT_PIPELINES_PIPELINES_H

#include "SpectralDialect/Compression/Passes.h"
#include "SpectralDialect/Conversion/Passes.h"
#include "SpectralDialect/GPU/Passes.h"
#include "SpectralDialect/Transforms/Passes.h"

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;
namespace spectral {

/// The kernel code spectral-gpu-pipeline embeds in the host code.
enum class GPUBinaryFormat { Bin, ISA, Fatbin };

/// Options shared by the spectral pipelines: those of the target-independent
/// passes at their start, each typed as in its pass (same name, same
/// default, same values) and handed to the pass as its generated options
/// struct. `conv-policy` is spectral-fft-convolution's `policy`.
template <typename Derived>
struct SpectralPipelineOptionsBase : public PassPipelineOptions<Derived> {
  using Base = PassPipelineOptions<Derived>;
  template <typename T> using Option = typename Base::template Option<T>;

  // spectral-fft-convolution.
  Option<FFTConvolutionPolicy> convPolicy{
      *this, "conv-policy",
      llvm::cl::desc("Which linalg convolutions become FFT convolutions "
                     "(spectral-fft-convolution's policy)"),
      llvm::cl::init(SpectralFFTConvolutionOptions().policy),
      llvm::cl::values(
          clEnumValN(FFTConvolutionPolicy::Auto, "auto",
                     "where the cost model predicts a gain"),
          clEnumValN(FFTConvolutionPolicy::Always, "always",
                     "every convolution it can rewrite"),
          clEnumValN(FFTConvolutionPolicy::Never, "never", "none"))};
  Option<double> directNsPerMac{
      *this, "direct-ns-per-mac",
      llvm::cl::desc("Cost model: nanoseconds per multiply-accumulate of a "
                     "direct convolution"),
      llvm::cl::init(SpectralFFTConvolutionOptions().directNsPerMac)};
  Option<double> fftNsPerPointLog{
      *this, "fft-ns-per-point-log",
      llvm::cl::desc("Cost model: nanoseconds per point and log2(length) of "
                     "one FFT"),
      llvm::cl::init(SpectralFFTConvolutionOptions().fftNsPerPointLog)};
  Option<double> fftNsPerPoint{
      *this, "fft-ns-per-point",
      llvm::cl::desc("Cost model: nanoseconds per point of one FFT for the "
                     "pointwise work around it"),
      llvm::cl::init(SpectralFFTConvolutionOptions().fftNsPerPoint)};

  // spectral-compress-constants.
  Option<double> errorBudget{
      *this, "error-budget",
      llvm::cl::desc("Relative Frobenius error allowed when compressing dense "
                     "constants; 0 leaves them dense"),
      llvm::cl::init(SpectralCompressConstantsOptions().errorBudget)};
  Option<double> keepFraction{
      *this, "keep-fraction",
      llvm::cl::desc("When positive, keep this fraction of each tile's "
                     "candidate bins instead of meeting error-budget"),
      llvm::cl::init(SpectralCompressConstantsOptions().keepFraction)};
  Option<double> minRatio{
      *this, "min-ratio",
      llvm::cl::desc("Leave a dense constant dense unless its compressed "
                     "storage is at least this many times smaller"),
      llvm::cl::init(SpectralCompressConstantsOptions().minRatio)};
  Option<int64_t> minElements{
      *this, "min-elements",
      llvm::cl::desc("Dense constants with fewer elements are left alone"),
      llvm::cl::init(SpectralCompressConstantsOptions().minElements)};
  Option<int64_t> tileRows{
      *this, "tile-rows",
      llvm::cl::desc("When positive, only consider tiles of this many "
                     "leading rows (for example to make a weight streamable)"),
      llvm::cl::init(SpectralCompressConstantsOptions().tileRows)};

  // spectral-stream.
  Option<int64_t> memoryBudget{
      *this, "memory-budget",
      llvm::cl::desc("Bytes a streamed matmul may hold at once"),
      llvm::cl::init(SpectralStreamOptions().memoryBudget)};
  Option<int64_t> groupTiles{
      *this, "group-tiles",
      llvm::cl::desc("Tile rows per streamed group (0: from memory-budget)"),
      llvm::cl::init(SpectralStreamOptions().groupTiles)};
  Option<bool> doubleBuffered{
      *this, "double-buffered",
      llvm::cl::desc("Count two groups' rows against memory-budget (default: "
                     "on where the GPU pipeline overlaps groups)"),
      llvm::cl::init(SpectralStreamOptions().doubleBuffered)};

  // spectral-expand-storage.
  Option<bool> fastConvolutionSizes{
      *this, "fast-conv-sizes",
      llvm::cl::desc("Pad spectral.conv's transforms to FFT-friendly lengths"),
      llvm::cl::init(SpectralExpandStorageOptions().fastConvolutionSizes)};

  // convert-spectral-to-runtime.
  Option<bool> blasGemm{
      *this, "blas-gemm",
      llvm::cl::desc("Lower f32/f64 linalg.matmul to the runtime's GEMM"),
      llvm::cl::init(ConvertSpectralToRuntimeOptions().blasGemm)};

  /// The options of the passes these configure.
  SpectralFFTConvolutionOptions getFFTConvolutionOptions() const {
    return {convPolicy, directNsPerMac, fftNsPerPointLog, fftNsPerPoint};
  }
  SpectralCompressConstantsOptions getCompressConstantsOptions() const {
    return {errorBudget, keepFraction, minRatio, minElements, tileRows};
  }
  SpectralStreamOptions getStreamOptions() const {
    return {memoryBudget, groupTiles, doubleBuffered};
  }
  SpectralExpandStorageOptions getExpandStorageOptions() const {
    return {fastConvolutionSizes};
  }
};

/// Options of `spectral-cpu-pipeline`.
struct SpectralCPUPipelineOptions
    : public SpectralPipelineOptionsBase<SpectralCPUPipelineOptions> {
  Option<bool> fuseFilters{
      *this, "fuse-filters",
      llvm::cl::desc("Lower a real transform, a filter product and the "
                     "inverse transform to one runtime call "
                     "(convert-spectral-to-runtime's fuse-filters)"),
      llvm::cl::init(ConvertSpectralToRuntimeOptions().fuseFilters)};
  Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("Run the generated loops on the runtime's threads "
                     "(OpenMP, spectral-parallel-loops); false compiles "
                     "single-threaded loops for embedders that bring their "
                     "own threading"),
      llvm::cl::init(true)};
  Option<int64_t> iterationsPerThread{
      *this, "iterations-per-thread",
      llvm::cl::desc("Iterations a loop nest needs per thread to run on "
                     "more than one (spectral-parallel-loops)"),
      llvm::cl::init(SpectralParallelLoopsOptions().iterationsPerThread)};

  ConvertSpectralToRuntimeOptions getConvertToRuntimeOptions() const {
    return {blasGemm, fuseFilters, RuntimeTarget::CPU};
  }
};

/// Options of `spectral-gpu-pipeline`: those of the CPU pipeline that
/// apply (the runtime target is always `cuda`), the kernel mapping, and the
/// NVVM target the kernels are compiled for.
struct SpectralGPUPipelineOptions
    : public SpectralPipelineOptionsBase<SpectralGPUPipelineOptions> {
  Option<int64_t> blockSize{
      *this, "block-size",
      llvm::cl::desc("Threads per block of the generated kernels (1 to "
                     "1024; spectral-map-to-gpu)"),
      llvm::cl::init(SpectralMapToGPUOptions().blockSize)};
  ListOption<std::string> chips{
      *this, "chip",
      llvm::cl::desc("GPU architectures the kernels are compiled for, e.g. "
                     "sm_80,sm_90: one cubin each, packed into one fat "
                     "binary that the driver picks from at load time")};
  Option<std::string> features{
      *this, "features",
      llvm::cl::desc("PTX features of the NVVM target (the PTX ISA version)"),
      llvm::cl::init("+ptx80")};
  Option<GPUBinaryFormat> format{
      *this, "format", llvm::cl::desc("Kernel code embedded in the host code"),
      llvm::cl::init(GPUBinaryFormat::Bin),
      llvm::cl::values(clEnumValN(GPUBinaryFormat::Bin, "bin", "a cubin"),
                       clEnumValN(GPUBinaryFormat::ISA, "isa",
                                  "PTX, compiled by the driver at load time"),
                       clEnumValN(GPUBinaryFormat::Fatbin, "fatbin",
                                  "a fat binary of one chip's cubin and PTX"))};
  Option<int> optLevel{
      *this, "opt-level",
      llvm::cl::desc("Optimisation level of the kernel code (0 to 3)"),
      llvm::cl::init(3)};
  Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("CUDA toolkit directory holding bin/ptxas, "
                     "bin/fatbinary and nvvm/libdevice (default: the first "
                     "of $CUDA_HOME, $CUDA_ROOT, $CUDA_PATH, the parents of "
                     "the PATH directories, /usr/local/cuda that has "
                     "bin/ptxas and nvvm/libdevice)"),
      llvm::cl::init("")};
  Option<bool> overlapGroups{
      *this, "overlap-groups",
      llvm::cl::desc("Decompress a streamed matmul's next tile group while "
                     "the GEMM of the current one runs, on a stream of its "
                     "own (spectral-gpu-overlap-groups; one more group of "
                     "device memory)"),
      llvm::cl::init(true)};

  SpectralStreamOptions getStreamOptions() const {
    SpectralStreamOptions stream =
        SpectralPipelineOptionsBase::getStreamOptions();
    // Overlapped groups keep two groups' rows alive.
    if (!doubleBuffered.hasValue())
      stream.doubleBuffered = overlapGroups;
    return stream;
  }
  ConvertSpectralToRuntimeOptions getConvertToRuntimeOptions() const {
    return {blasGemm, /*fuseFilters=*/false, RuntimeTarget::CUDA};
  }
  SpectralMapToGPUOptions getMapToGPUOptions() const { return {blockSize}; }

  /// The chips `chip` names, or the default ones (sm_80 and sm_90).
  SmallVector<std::string> getChips() const;
  /// Checks what the option parser cannot (chip names, format and chips,
  /// opt-level) and finds the CUDA toolkit; reports through `errorHandler`.
  LogicalResult
  verify(function_ref<LogicalResult(const Twine &)> errorHandler) const;
};

/// From spectral IR on tensors to the LLVM dialect, runnable with
/// `mlir-runner` (or the ExecutionEngine) and `libspectral_runtime.so`.
void buildSpectralCPUPipeline(OpPassManager &pm,
                              const SpectralCPUPipelineOptions &options);

/// From spectral IR on tensors to the LLVM dialect with the kernels
/// compiled for NVIDIA GPUs (gpu.binary), runnable with `mlir-runner` and
/// `libspectral_cuda_runtime.so`. `options` should have passed `verify`:
/// otherwise the passes report what is wrong when they run.
void buildSpectralGPUPipeline(OpPassManager &pm,
                              const SpectralGPUPipelineOptions &options);

/// Register `spectral-cpu-pipeline` and `spectral-gpu-pipeline` with the
/// pass registry (each in the library of its pipeline; see
/// InitAllSpectral.h for both).
void registerSpectralCPUPipeline();
void registerSpectralGPUPipeline();

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_PIPELINES_PIPELINES_H
