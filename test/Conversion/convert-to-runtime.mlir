// RUN: sst-opt %s -convert-spectral-to-runtime | FileCheck %s

// The check is a plain C function, without the memref wrapper.
// CHECK-DAG: func.func private @spectral_check_tile_offset(i64, i64, i64, i64){{$}}
// CHECK-DAG: func.func private @spectral_check_size(i32, i32, i64, i64, i64){{$}}
// CHECK-DAG: func.func private @spectral_fft_c2c(memref<*xcomplex<f32>>, memref<*xcomplex<f32>>, i64, i32, i32) attributes {llvm.emit_c_interface}
// CHECK-DAG: func.func private @spectral_fft_r2c(memref<*xf32>, memref<*xcomplex<f32>>, i64, i64, i32) attributes {llvm.emit_c_interface}
// CHECK-DAG: func.func private @spectral_fft_c2r(memref<*xcomplex<f32>>, memref<*xf32>, i64, i64, i32) attributes {llvm.emit_c_interface}
// CHECK-DAG: func.func private @spectral_fft_c2r_overwrite_input(memref<*xcomplex<f32>>, memref<*xf32>, i64, i64, i32) attributes {llvm.emit_c_interface}

// CHECK-LABEL: func @transforms
// CHECK-SAME: (%[[R:.*]]: memref<4x6x8xf32>, %[[H:.*]]: memref<4x6x5xcomplex<f32>>, %[[C:.*]]: memref<4x6x8xcomplex<f32>>, %[[D:.*]]: memref<4x6x8xcomplex<f32>, strided<[96, 16, 2]>>)
func.func @transforms(%r: memref<4x6x8xf32>, %h: memref<4x6x5xcomplex<f32>>,
                      %c: memref<4x6x8xcomplex<f32>>, %d: memref<4x6x8xcomplex<f32>, strided<[96, 16, 2]>>) {
  // Axes 0 and 2, halved axis 2, norm ortho (2).
  // CHECK: %[[RU:.*]] = memref.cast %[[R]] : memref<4x6x8xf32> to memref<*xf32>
  // CHECK: %[[HU:.*]] = memref.cast %[[H]] : memref<4x6x5xcomplex<f32>> to memref<*xcomplex<f32>>
  // CHECK: %[[MASK:.*]] = arith.constant 5 : i64
  // CHECK: %[[NORM:.*]] = arith.constant 2 : i32
  // CHECK: %[[HALVED:.*]] = arith.constant 2 : i64
  // CHECK: call @spectral_fft_r2c(%[[RU]], %[[HU]], %[[MASK]], %[[HALVED]], %[[NORM]])
  spectral.dft r2c %r into %h axes [0, 2] norm ortho : memref<4x6x8xf32>, memref<4x6x5xcomplex<f32>>
  // CHECK: call @spectral_fft_c2r({{.*}}) : (memref<*xcomplex<f32>>, memref<*xf32>, i64, i64, i32) -> ()
  spectral.dft c2r %h into %r axes [0, 2] norm ortho : memref<4x6x5xcomplex<f32>>, memref<4x6x8xf32>
  // CHECK: call @spectral_fft_c2r_overwrite_input({{.*}}) : (memref<*xcomplex<f32>>, memref<*xf32>, i64, i64, i32) -> ()
  spectral.dft c2r %h into %r axes [0, 2] norm ortho overwrite_input : memref<4x6x5xcomplex<f32>>, memref<4x6x8xf32>
  // A strided destination is passed through its descriptor.
  // CHECK: memref.cast %[[D]] : memref<4x6x8xcomplex<f32>, strided<[96, 16, 2]>> to memref<*xcomplex<f32>>
  // CHECK: %[[MASK2:.*]] = arith.constant 2 : i64
  // CHECK: %[[NORM2:.*]] = arith.constant 1 : i32
  // CHECK: %[[INV:.*]] = arith.constant 1 : i32
  // CHECK: call @spectral_fft_c2c(%{{.*}}, %{{.*}}, %[[MASK2]], %[[INV]], %[[NORM2]])
  spectral.dft c2c_inverse %c into %d axes [1] norm forward : memref<4x6x8xcomplex<f32>>, memref<4x6x8xcomplex<f32>, strided<[96, 16, 2]>>
  // CHECK-NOT: spectral.dft
  return
}

// CHECK-LABEL: func @check
// CHECK-SAME: (%[[OFF:.*]]: index)
// CHECK-DAG: %[[DIM:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[O:.*]] = arith.index_cast %[[OFF]] : index to i64
// CHECK-DAG: %[[TILE:.*]] = arith.constant 64 : i64
// CHECK-DAG: %[[LIMIT:.*]] = arith.constant 3968 : i64
// CHECK: call @spectral_check_tile_offset(%[[DIM]], %[[O]], %[[TILE]], %[[LIMIT]]) : (i64, i64, i64, i64) -> ()
func.func @check(%offset: index) {
  spectral.check_tile_offset %offset dim 1 tile 64 limit 3968
  return
}

// The op and the operand are indices of the runtime's tables (RuntimeEnums.h):
// spectral.mix is 0, filter 1.
// CHECK-LABEL: func @check_size
// CHECK-SAME: (%[[F:.*]]: index, %[[E:.*]]: index)
// CHECK-DAG: %[[OP:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[OPERAND:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[DIM:.*]] = arith.constant 2 : i64
// CHECK-DAG: %[[FOUND:.*]] = arith.index_cast %[[F]] : index to i64
// CHECK-DAG: %[[EXPECTED:.*]] = arith.index_cast %[[E]] : index to i64
// CHECK: call @spectral_check_size(%[[OP]], %[[OPERAND]], %[[DIM]], %[[FOUND]], %[[EXPECTED]]) : (i32, i32, i64, i64, i64) -> ()
func.func @check_size(%found: index, %expected: index) {
  spectral.check_size %found, %expected for "spectral.mix" operand "filter" dim 2
  return
}
