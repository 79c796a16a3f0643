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

// The filtered round trip of convert-to-runtime-fuse-filters.mlir in double
// precision, the product's operands the other way round, over two axes.
// CHECK-LABEL: func.func @double_two_axes
// CHECK: call @spectral_fft_filter_f64({{.*}}) : (memref<*xf64>, memref<*xcomplex<f64>>, memref<*xf64>, i64, i64, i32, i32) -> ()
func.func @double_two_axes(%x: memref<6x10xf64>, %f: memref<6x6xcomplex<f64>>) -> memref<6x10xf64> {
  %s = memref.alloc() : memref<6x6xcomplex<f64>>
  spectral.dft r2c %x into %s axes [0, 1] norm backward : memref<6x10xf64>, memref<6x6xcomplex<f64>>
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%f : memref<6x6xcomplex<f64>>) outs(%s : memref<6x6xcomplex<f64>>) {
  ^bb0(%in: complex<f64>, %out: complex<f64>):
    %p = complex.mul %in, %out : complex<f64>
    linalg.yield %p : complex<f64>
  }
  %y = memref.alloc() : memref<6x10xf64>
  spectral.dft c2r %s into %y axes [0, 1] norm backward overwrite_input : memref<6x6xcomplex<f64>>, memref<6x10xf64>
  return %y : memref<6x10xf64>
}
