// RUN: sst-opt %s -split-input-file -spectral-expand-storage -verify-diagnostics

func.func @dynamic_conv(%x: tensor<?xf32>, %k: tensor<3xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{'spectral.conv' op is not lowered by spectral-expand-storage: its operands need static shapes}}
  %y = spectral.conv %x, %k axes [0] : tensor<?xf32>, tensor<3xf32>
  return %y : tensor<?xf32>
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

func.func @dynamic_matmul(%x: tensor<?x8xf32>, %w: !spectral.sst<8x4xf32, keep = 2>) -> tensor<?x4xf32> {
  // expected-error @+1 {{'spectral.matmul' op is not lowered by spectral-expand-storage: its input needs a static shape}}
  %y = spectral.matmul %x, %w : tensor<?x8xf32>, !spectral.sst<8x4xf32, keep = 2>
  return %y : tensor<?x4xf32>
}
