// A dynamic offset the verifier could not check stops the program with a
// message instead of reading the wrong tiles.
// RUN: %{compile} | not --crash %{run} 2>&1 | FileCheck %s
// RUN: %if cuda-execution %{ %{compile-gpu} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s %}

// CHECK: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_tile_offset: spectral.decompress_tiles offset 2 of dimension 0 is not a non-negative multiple of the tile size 4

!s = !spectral.sst<8x12xf32, keep = 5, tile = [4, 6]>

func.func @tiles_at(%s: !s, %row: index) -> tensor<4x12xf32> {
  %t = spectral.decompress_tiles %s[%row, 0] [4, 12] : !s
  return %t : tensor<4x12xf32>
}

func.func @main() {
  %p = arith.constant 0.5 : f32
  %c96 = arith.constant 96 : index
  %d = func.call @real(%c96, %p) : (index, f32) -> tensor<?xf32>
  %f = tensor.cast %d : tensor<?xf32> to tensor<96xf32>
  %x = tensor.expand_shape %f [[0, 1]] output_shape [8, 12] : tensor<96xf32> into tensor<8x12xf32>
  %s = spectral.compress %x : tensor<8x12xf32> -> !s
  // Row 2 is not a tile boundary.
  %c2 = arith.constant 2 : index
  %t = func.call @tiles_at(%s, %c2) : (!s, index) -> tensor<4x12xf32>
  %tu = tensor.cast %t : tensor<4x12xf32> to tensor<*xf32>
  func.call @show(%tu) : (tensor<*xf32>) -> ()
  return
}
