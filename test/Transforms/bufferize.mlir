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

// A c2r allowed to overwrite a temporary spectrum runs on it in place...
// CHECK-LABEL: func @c2r_temporary
// CHECK: %[[S:.*]] = memref.alloc() {{.*}} : memref<4x5xcomplex<f32>>
// CHECK: spectral.dft r2c %{{.*}} into %[[S]]
// CHECK-NOT: memref.copy
// CHECK: spectral.dft c2r %[[S]] into %{{.*}} overwrite_input
func.func @c2r_temporary(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x5xcomplex<f32>>
  %s = spectral.dft r2c %x into %e axes [1] norm backward
         : tensor<4x8xf32>, tensor<4x5xcomplex<f32>> -> tensor<4x5xcomplex<f32>>
  %o = tensor.empty() : tensor<4x8xf32>
  %y = spectral.dft c2r %s into %o axes [1] norm backward overwrite_input
         : tensor<4x5xcomplex<f32>>, tensor<4x8xf32> -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// ...but a spectrum still used afterwards is copied first.
// CHECK-LABEL: func @c2r_live_input
// CHECK-SAME: (%[[IN:[a-z0-9]+]]: memref<4x5xcomplex<f32>
// CHECK: %[[COPY:[a-z0-9_]+]] = memref.alloc() {{.*}} : memref<4x5xcomplex<f32>>
// CHECK: memref.copy %[[IN]], %[[COPY]]
// CHECK: spectral.dft c2r %[[COPY]] into %{{.*}} overwrite_input
// CHECK: return %{{.*}}, %[[IN]]
func.func @c2r_live_input(%s: tensor<4x5xcomplex<f32>>) -> (tensor<4x8xf32>, tensor<4x5xcomplex<f32>>) {
  %o = tensor.empty() : tensor<4x8xf32>
  %y = spectral.dft c2r %s into %o axes [1] norm backward overwrite_input
         : tensor<4x5xcomplex<f32>>, tensor<4x8xf32> -> tensor<4x8xf32>
  return %y, %s : tensor<4x8xf32>, tensor<4x5xcomplex<f32>>
}
