//===- Pipelines.h - Spectral lowering pipelines ----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_PIPELINES_PIPELINES_H
#define SPECTRALDIALECT_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;
namespace spectral {

/// The kernel code spectral-gpu-pipeline embeds in the host code.
enum class GPUBinaryFormat { Bin, ISA, Fatbin };

/// Options shared by the spectral pipelines. Each spectral pass of a
/// pipeline takes its options in its own syntax, forwarded unchanged, e.g.
/// `spectral-cpu-pipeline="expand-storage={fast-conv-sizes=false}"`: an
/// option added to a pass is available through the pipelines without being
/// declared again here.
template <typename Derived>
struct SpectralPipelineOptionsBase : public PassPipelineOptions<Derived> {
  using Base = PassPipelineOptions<Derived>;
  typename Base::template Option<std::string> fftConvolution{
      *this, "fft-convolution",
      llvm::cl::desc("Options of spectral-fft-convolution, in its own syntax "
                     "(see its --help), e.g. {policy=never}"),
      llvm::cl::init("")};
  typename Base::template Option<std::string> compressConstants{
      *this, "compress-constants",
      llvm::cl::desc("Options of spectral-compress-constants, in its own "
                     "syntax (see its --help)"),
      llvm::cl::init("")};
  typename Base::template Option<std::string> stream{
      *this, "stream",
      llvm::cl::desc("Options of spectral-stream, in its own syntax (see its "
                     "--help)"),
      llvm::cl::init("")};
  typename Base::template Option<std::string> expandStorage{
      *this, "expand-storage",
      llvm::cl::desc("Options of spectral-expand-storage, in its own syntax "
                     "(see its --help)"),
      llvm::cl::init("")};
  typename Base::template Option<std::string> convertToRuntime{
      *this, "convert-to-runtime",
      llvm::cl::desc("Options of convert-spectral-to-runtime, in its own "
                     "syntax (see its --help)"),
      llvm::cl::init("")};
};

/// Options of `spectral-cpu-pipeline`.
struct SpectralCPUPipelineOptions
    : public SpectralPipelineOptionsBase<SpectralCPUPipelineOptions> {
  PassOptions::Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("Run the generated loops on the runtime's threads "
                     "(OpenMP, spectral-parallel-loops); false compiles "
                     "single-threaded loops for embedders that bring their "
                     "own threading"),
      llvm::cl::init(true)};
};

/// Options of `spectral-gpu-pipeline`: those of the CPU pipeline (the
/// runtime target is always `cuda`), the kernel mapping, and the NVVM
/// target the kernels are compiled for.
struct SpectralGPUPipelineOptions
    : public SpectralPipelineOptionsBase<SpectralGPUPipelineOptions> {
  PassOptions::Option<std::string> mapToGPU{
      *this, "map-to-gpu",
      llvm::cl::desc("Options of spectral-map-to-gpu, in its own syntax "
                     "(see its --help)"),
      llvm::cl::init("")};
  PassOptions::ListOption<std::string> chips{
      *this, "chip",
      llvm::cl::desc("GPU architectures the kernels are compiled for, e.g. "
                     "sm_80,sm_90: one cubin each, packed into one fat "
                     "binary that the driver picks from at load time")};
  PassOptions::Option<std::string> features{
      *this, "features",
      llvm::cl::desc("PTX features of the NVVM target (the PTX ISA version)"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<GPUBinaryFormat> format{
      *this, "format", llvm::cl::desc("Kernel code embedded in the host code"),
      llvm::cl::init(GPUBinaryFormat::Bin),
      llvm::cl::values(clEnumValN(GPUBinaryFormat::Bin, "bin", "a cubin"),
                       clEnumValN(GPUBinaryFormat::ISA, "isa",
                                  "PTX, compiled by the driver at load time"),
                       clEnumValN(GPUBinaryFormat::Fatbin, "fatbin",
                                  "a fat binary of one chip's cubin and PTX"))};
  PassOptions::Option<int> optLevel{
      *this, "opt-level",
      llvm::cl::desc("Optimisation level of the kernel code (0 to 3)"),
      llvm::cl::init(3)};
  PassOptions::Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("CUDA toolkit directory holding bin/ptxas, "
                     "bin/fatbinary and nvvm/libdevice (default: the first "
                     "of $CUDA_HOME, $CUDA_ROOT, $CUDA_PATH, the parents of "
                     "the PATH directories, /usr/local/cuda that has "
                     "bin/ptxas and nvvm/libdevice)"),
      llvm::cl::init("")};
  PassOptions::Option<bool> overlapGroups{
      *this, "overlap-groups",
      llvm::cl::desc("Decompress a streamed matmul's next tile group while "
                     "the GEMM of the current one runs, on a stream of its "
                     "own (spectral-gpu-overlap-groups; one more group of "
                     "device memory)"),
      llvm::cl::init(true)};
};

/// From spectral IR on tensors to the LLVM dialect, runnable with
/// `mlir-runner` (or the ExecutionEngine) and `libspectral_runtime.so`.
/// Fails, through `errorHandler`, when a forwarded pass option is invalid.
LogicalResult buildSpectralCPUPipeline(
    OpPassManager &pm, const SpectralCPUPipelineOptions &options,
    function_ref<LogicalResult(const Twine &)> errorHandler);

/// From spectral IR on tensors to the LLVM dialect with the kernels
/// compiled for NVIDIA GPUs (gpu.binary), runnable with `mlir-runner` and
/// `libspectral_cuda_runtime.so`. Fails, through `errorHandler`, when an
/// option is invalid.
LogicalResult buildSpectralGPUPipeline(
    OpPassManager &pm, const SpectralGPUPipelineOptions &options,
    function_ref<LogicalResult(const Twine &)> errorHandler);

/// Register `spectral-cpu-pipeline` and `spectral-gpu-pipeline` with the
/// pass registry (each in the library of its pipeline; see
/// InitAllSpectral.h for both).
void registerSpectralCPUPipeline();
void registerSpectralGPUPipeline();

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_PIPELINES_PIPELINES_H
