// RUN: sst-opt %s -split-input-file -spectral-expand-storage -verify-diagnostics

// Only the other dimensions of a convolution may be dynamic (they are checked
// at run time); the FFT lengths come from the convolved ones.
func.func @dynamic_conv(%x: tensor<?xf32>, %k: tensor<3xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{'spectral.conv' op is not lowered by spectral-expand-storage: the input and the kernel need static sizes along the convolved axes (axis 0 is dynamic)}}
  %y = spectral.conv %x, %k axes [0] : tensor<?xf32>, tensor<3xf32>
  return %y : tensor<?xf32>
}

// -----

func.func @dynamic_kernel_axis(%x: tensor<4x9xf32>, %k: tensor<4x?xf32>) -> tensor<4x?xf32> {
  // expected-error @+1 {{'spectral.conv' op is not lowered by spectral-expand-storage: the input and the kernel need static sizes along the convolved axes (axis 1 is dynamic)}}
  %y = spectral.conv %x, %k axes [1] : tensor<4x9xf32>, tensor<4x?xf32>
  return %y : tensor<4x?xf32>
}

// -----

func.func @rank8(%x: tensor<1x1x1x1x1x1x2x4xf32>) -> tensor<1x1x1x1x1x1x2x4xf32> {
  // expected-error @+1 {{'spectral.compress' op is not lowered by spectral-expand-storage: rank-8 !spectral.sst values are not lowered: their tile-major layout needs 9 dimensions and the runtime transforms at most 8}}
  %s = spectral.compress %x : tensor<1x1x1x1x1x1x2x4xf32> -> !spectral.sst<1x1x1x1x1x1x2x4xf32, keep = 2>
  // Every op on the value is reported.
  // expected-error @+1 {{'spectral.decompress' op is not lowered by spectral-expand-storage: rank-8}}
  %d = spectral.decompress %s : !spectral.sst<1x1x1x1x1x1x2x4xf32, keep = 2>
  return %d : tensor<1x1x1x1x1x1x2x4xf32>
}

// -----

func.func @matmul_two_dynamic_rows(%x: tensor<?x?x8xf32>, %w: !spectral.sst<8x4xf32, keep = 2>) -> tensor<?x?x4xf32> {
  // expected-error @+1 {{'spectral.matmul' op is not lowered by spectral-expand-storage: at most one leading (row) dimension of the input may be dynamic: reshaping the product back to more crashes LLVM 22's expand-strided-metadata (llvm/llvm-project#186830)}}
  %y = spectral.matmul %x, %w : tensor<?x?x8xf32>, !spectral.sst<8x4xf32, keep = 2>
  return %y : tensor<?x?x4xf32>
}
