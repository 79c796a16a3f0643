// REQUIRES: cuda-toolkit
// spectral-gpu-pipeline compiles an FNO layer, a resampling and the
// gradient spectral-differentiate builds for them: transforms through the
// CUDA runtime's cuFFT calls, the mode gathers and channel contractions in
// GPU kernels (their reduction loops moved innermost), nothing spectral
// left.
// RUN: sst-opt %s -spectral-gpu-pipeline | FileCheck %s

// CHECK-DAG: llvm.call @spectral_cuda_fft_r2c
// CHECK-DAG: llvm.call @spectral_cuda_fft_c2c
// CHECK-DAG: llvm.call @spectral_cuda_fft_c2r
// CHECK-DAG: gpu.binary
// CHECK-DAG: llvm.func @layer_vjp(
// CHECK-NOT: spectral.

func.func @layer(%x: tensor<2x4x16x12xf32>, %w: tensor<4x4x6x4xcomplex<f32>>)
    -> (tensor<2x4x16x12xf32>, tensor<2x4x8x6xf32>)
    attributes {spectral.gradient = @layer_vjp} {
  %y = spectral.mode_mix %x, %w axes [2, 3] channel 1 modes [6, 4]
         : tensor<2x4x16x12xf32>, tensor<4x4x6x4xcomplex<f32>> -> tensor<2x4x16x12xf32>
  %r = spectral.resample %y axes [2, 3] : tensor<2x4x16x12xf32> -> tensor<2x4x8x6xf32>
  return %y, %r : tensor<2x4x16x12xf32>, tensor<2x4x8x6xf32>
}
