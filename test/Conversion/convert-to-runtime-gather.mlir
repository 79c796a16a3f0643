// spectral.gather (decompress_adjoint's read of the kept bins) calls the
// runtimes' gather with scatter's layout arguments: the spectrum, the
// positions, the tile spectrum shape, the mask of transformed axes, the
// halved axis (-1 for fft) and its dense length, then the coefficients.
// RUN: sst-opt %s -convert-spectral-to-runtime | FileCheck %s
// RUN: sst-opt %s -convert-spectral-to-runtime="target=cuda" | FileCheck %s --check-prefix=CUDA

// CHECK: func.func private @spectral_gather(memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?x?xi64, strided<[?, ?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>>, i64, i64, i64, memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func @gather_rfft(
// CHECK-SAME: %[[S:.*]]: memref<4x40xcomplex<f32>>, %[[P:.*]]: memref<4x6xi64>, %[[C:.*]]: memref<4x6xcomplex<f32>>)
// CHECK-DAG: %[[SHAPE:.*]] = memref.alloca() : memref<2xi64>
// CHECK-DAG: %[[MASK:.*]] = arith.constant 3 : i64
// CHECK-DAG: %[[HALVED:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[SD:.*]] = memref.cast %[[S]]
// CHECK-DAG: %[[PD:.*]] = memref.cast %[[P]]
// CHECK-DAG: %[[CD:.*]] = memref.cast %[[C]]
// CHECK: call @spectral_gather(%[[SD]], %[[PD]], %{{.*}}, %[[MASK]], %[[HALVED]], %{{.*}}, %[[CD]])
// CUDA: func.func private @spectral_cuda_gather(
// CUDA-LABEL: func @gather_rfft(
// CUDA: call @spectral_cuda_gather(
func.func @gather_rfft(%s: memref<4x40xcomplex<f32>>, %p: memref<4x6xi64>, %c: memref<4x6xcomplex<f32>>) {
  spectral.gather %s[%p] into %c tile [8, 8] axes [0, 1] transform rfft
    : memref<4x40xcomplex<f32>>, memref<4x6xi64>, memref<4x6xcomplex<f32>>
  return
}
