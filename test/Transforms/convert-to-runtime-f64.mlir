// RUN: sst-opt %s -convert-spectral-to-runtime | FileCheck %s
// (The CUDA target rejects f64 transforms: convert-to-runtime-cuda.mlir.)

// Double precision calls the runtime's _f64 transforms.
// CHECK-LABEL: func @double_precision
// CHECK: call @spectral_fft_r2c_f64(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<*xf64>, memref<*xcomplex<f64>>, i64, i64, i32) -> ()
// CHECK: call @spectral_fft_c2c_f64(
// CHECK: call @spectral_fft_c2r_f64(
func.func @double_precision(%x: memref<8xf64>, %y: memref<5xcomplex<f64>>, %z: memref<5xcomplex<f64>>) {
  spectral.dft r2c %x into %y axes [0] norm backward : memref<8xf64>, memref<5xcomplex<f64>>
  spectral.dft c2c_forward %y into %z axes [0] norm ortho : memref<5xcomplex<f64>>, memref<5xcomplex<f64>>
  spectral.dft c2r %z into %x axes [0] norm backward : memref<5xcomplex<f64>>, memref<8xf64>
  return
}
