// RUN: sst-opt %s -spectral-cpu-pipeline | FileCheck %s
// RUN: sst-opt %s -spectral-cpu-pipeline="fast-conv-sizes=false" | FileCheck %s

// Everything ends in the LLVM dialect, transforms as runtime calls through
// their C interface wrappers.
// CHECK-NOT: spectral.
// CHECK-NOT: linalg.
// CHECK-NOT: memref.
// CHECK-NOT: llvm.func @malloc
// CHECK-DAG: llvm.func @_mlir_ciface_spectral_fft_r2c(!llvm.ptr, !llvm.ptr, i64, i64, i32)
// CHECK-DAG: llvm.func @_mlir_ciface_spectral_fft_c2r_overwrite_input(!llvm.ptr, !llvm.ptr, i64, i64, i32)
// CHECK-DAG: llvm.func @_mlir_ciface_spectral_fft_c2c(!llvm.ptr, !llvm.ptr, i64, i32, i32)
// Buffers come from the runtime's generic allocation functions, which reuse
// large blocks across calls.
// CHECK-DAG: llvm.func @_mlir_memref_to_llvm_alloc(i64) -> !llvm.ptr
// CHECK-DAG: llvm.func @_mlir_memref_to_llvm_free(!llvm.ptr)
// CHECK-LABEL: llvm.func @block
// CHECK: llvm.call @spectral_fft_r2c
// CHECK: llvm.fmul
// CHECK: llvm.call @spectral_fft_c2r_overwrite_input
func.func @block(%x: tensor<2x16x8xf32>, %f: tensor<9xcomplex<f32>>, %c: tensor<5x5xcomplex<f32>>,
                 %k: tensor<1x3x1xf32>) -> (tensor<2x16x8xf32>, tensor<5x5xcomplex<f32>>, tensor<2x16x8xf32>) {
  %y = spectral.mix %x, %f axis 1 : tensor<2x16x8xf32>, tensor<9xcomplex<f32>>
  %z = spectral.fft %c : tensor<5x5xcomplex<f32>>
  %w = spectral.conv %y, %k axes [1] mode causal : tensor<2x16x8xf32>, tensor<1x3x1xf32>
  return %y, %z, %w : tensor<2x16x8xf32>, tensor<5x5xcomplex<f32>>, tensor<2x16x8xf32>
}
