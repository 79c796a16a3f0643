// The CUDA target calls the same entry points under the spectral_cuda_
// prefix, with the same arguments, so that both runtimes can be loaded into
// one process.
// RUN: sst-opt %S/convert-to-runtime.mlir -convert-spectral-to-runtime="target=cuda" | FileCheck %s
// RUN: sst-opt %S/convert-to-runtime-gemm.mlir -convert-spectral-to-runtime="target=cuda" | FileCheck %s --check-prefix=GEMM
// RUN: not sst-opt %s -convert-spectral-to-runtime="target=rocm" 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: sst-opt %s -split-input-file -convert-spectral-to-runtime="target=cuda" -verify-diagnostics | FileCheck %s --check-prefix=TILES

// CHECK-DAG: func.func private @spectral_cuda_check_tile_offset(i64, i64, i64, i64){{$}}
// CHECK-DAG: func.func private @spectral_cuda_check_size(i32, i32, i64, i64, i64){{$}}
// CHECK-DAG: func.func private @spectral_cuda_fft_c2c(memref<*xcomplex<f32>>, memref<*xcomplex<f32>>, i64, i32, i32) attributes {llvm.emit_c_interface}
// CHECK-DAG: func.func private @spectral_cuda_fft_r2c(memref<*xf32>, memref<*xcomplex<f32>>, i64, i64, i32) attributes {llvm.emit_c_interface}
// CHECK-DAG: func.func private @spectral_cuda_fft_c2r(memref<*xcomplex<f32>>, memref<*xf32>, i64, i64, i32) attributes {llvm.emit_c_interface}
// CHECK-DAG: func.func private @spectral_cuda_fft_c2r_overwrite_input(memref<*xcomplex<f32>>, memref<*xf32>, i64, i64, i32) attributes {llvm.emit_c_interface}
// CHECK-NOT: @spectral_{{(fft|topk|scatter|check)}}
// CHECK-LABEL: func @transforms
// CHECK: call @spectral_cuda_fft_r2c(

// GEMM-DAG: func.func private @spectral_cuda_gemm_f32(
// GEMM-DAG: func.func private @spectral_cuda_gemm_f64(
// GEMM-NOT: @spectral_gemm

// TILES-DAG: func.func private @spectral_cuda_topk(memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>>, i64, i64, i64, memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?x?xi64, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// TILES-DAG: func.func private @spectral_cuda_scatter(memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?x?xi64, strided<[?, ?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>>, i64, i64, i64, memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// TILES-DAG: func.func private @spectral_cuda_gather(memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?x?xi64, strided<[?, ?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>>, i64, i64, i64, memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// TILES-LABEL: func @tiles
//       TILES: %[[SHAPE:.*]] = memref.alloca() : memref<2xi64>
//       TILES: call @spectral_cuda_topk(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
//       TILES: call @spectral_cuda_scatter(
//       TILES: call @spectral_cuda_gather(
func.func @tiles(%s: memref<4x16xcomplex<f32>>, %c: memref<4x5xcomplex<f32>>, %p: memref<4x5xi64>) {
  spectral.topk %s into %c, %p tile [4, 4] axes [1] transform fft
    : memref<4x16xcomplex<f32>>, memref<4x5xcomplex<f32>>, memref<4x5xi64>
  spectral.scatter %c, %p into %s tile [4, 4] axes [1] transform fft
    : memref<4x5xcomplex<f32>>, memref<4x5xi64>, memref<4x16xcomplex<f32>>
  spectral.gather %s[%p] into %c tile [4, 4] axes [1] transform fft
    : memref<4x16xcomplex<f32>>, memref<4x5xi64>, memref<4x5xcomplex<f32>>
  return
}

// -----

// BAD: for the --target option: Cannot find option named 'rocm'!

func.func @f16_transform(%a: memref<8xf16>, %b: memref<5xcomplex<f16>>) {
  // expected-error @+1 {{'spectral.dft' op computes in 'f16' but the CUDA runtime transforms f32 only}}
  spectral.dft r2c %a into %b axes [0] norm backward : memref<8xf16>, memref<5xcomplex<f16>>
  return
}

// -----

func.func @f64_transform(%a: memref<8xcomplex<f64>>, %b: memref<8xcomplex<f64>>) {
  // expected-error @+1 {{'spectral.dft' op computes in 'f64' but the CUDA runtime transforms f32 only}}
  spectral.dft c2c_forward %a into %b axes [0] norm backward : memref<8xcomplex<f64>>, memref<8xcomplex<f64>>
  return
}
