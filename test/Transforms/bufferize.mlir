// RUN: sst-opt %s -one-shot-bufferize="bufferize-function-boundaries" | FileCheck %s

// The destination of a transform is only written: a fresh tensor.empty
// becomes an allocation with no copy, and the input buffer is read in place.
// CHECK-LABEL: func @rfft
// CHECK-SAME: (%[[X:.*]]: memref<8x100xf32{{.*}}>)
// CHECK: %[[OUT:.*]] = memref.alloc() {{.*}} : memref<8x51xcomplex<f32>>
// CHECK-NOT: memref.copy
// CHECK: spectral.dft r2c %[[X]] into %[[OUT]] axes [1] norm backward : memref<8x100xf32{{.*}}>, memref<8x51xcomplex<f32>>
// CHECK: return %[[OUT]]
func.func @rfft(%x: tensor<8x100xf32>) -> tensor<8x51xcomplex<f32>> {
  %e = tensor.empty() : tensor<8x51xcomplex<f32>>
  %y = spectral.dft r2c %x into %e axes [1] norm backward
         : tensor<8x100xf32>, tensor<8x51xcomplex<f32>> -> tensor<8x51xcomplex<f32>>
  return %y : tensor<8x51xcomplex<f32>>
}
