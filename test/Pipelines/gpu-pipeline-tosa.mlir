// REQUIRES: cuda-toolkit
// spectral-gpu-pipeline takes TOSA programs through the same front door as
// the CPU pipeline: the rfft2d calls cuFFT through the CUDA runtime, the
// long depthwise convolution is converted (the cost model, not forced), its
// transforms call the CUDA runtime too, and no TOSA and no direct DFT loop
// nest remain in the host code.
// RUN: sst-opt %s -spectral-gpu-pipeline -mlir-print-op-on-diagnostic=false 2>%t.remarks | FileCheck %s
// RUN: FileCheck %s --check-prefix=REMARKS < %t.remarks

// REMARKS-DAG: remark: raised to spectral.rfft over axes [1, 2]
// REMARKS-DAG: remark: converted to an FFT convolution

// CHECK-NOT: tosa.
// CHECK-DAG: llvm.call @spectral_cuda_fft_r2c
// CHECK-DAG: llvm.call @spectral_cuda_fft_c2r
// CHECK-NOT: tosa.

func.func @model(%image: tensor<2x64x64xf32>, %signal: tensor<1x1x1024x8xf32>,
                 %w: tensor<1x255x8x1xf32>, %b: tensor<8xf32>)
    -> (tensor<2x64x33xf32>, tensor<2x64x33xf32>, tensor<1x1x1024x8xf32>) {
  %re, %im = tosa.rfft2d %image
      : (tensor<2x64x64xf32>) -> (tensor<2x64x33xf32>, tensor<2x64x33xf32>)
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.depthwise_conv2d %signal, %w, %b, %zp, %zp
      {acc_type = f32, dilation = array<i64: 1, 1>,
       pad = array<i64: 0, 0, 127, 127>, stride = array<i64: 1, 1>}
      : (tensor<1x1x1024x8xf32>, tensor<1x255x8x1xf32>, tensor<8xf32>,
         tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x1024x8xf32>
  return %re, %im, %y
      : tensor<2x64x33xf32>, tensor<2x64x33xf32>, tensor<1x1x1024x8xf32>
}
