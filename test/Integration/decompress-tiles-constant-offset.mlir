// An offset operand that is a constant is still an operand: the verifier
// does not reject it, and when it is out of bounds the program stops at run
// time with the dynamic-offset message. The lowering used to fold it into a
// slice that does not verify (found by the passes fuzz target). A valid
// constant operand is folded and needs no check.
// RUN: %{compile} | not --crash %{run} 2>&1 | FileCheck %s
// RUN: %if cuda-execution %{ %{compile-gpu} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s %}
// RUN: cat %S/Inputs/data-helpers.mlir %s | sst-opt -spectral-expand-storage | FileCheck %s --check-prefix=IR

// CHECK: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_tile_offset: spectral.decompress_tiles offset 8 of dimension 0 is out of bounds

// IR-LABEL: func.func @main
// IR: spectral.check_tile_offset %{{.*}} dim 0
// IR-NOT: spectral.check_tile_offset

!s = !spectral.sst<8x12xf32, keep = 5, tile = [4, 6]>

func.func @main() {
  %p = arith.constant 0.5 : f32
  %c96 = arith.constant 96 : index
  %d = func.call @real(%c96, %p) : (index, f32) -> tensor<?xf32>
  %f = tensor.cast %d : tensor<?xf32> to tensor<96xf32>
  %x = tensor.expand_shape %f [[0, 1]] output_shape [8, 12] : tensor<96xf32> into tensor<8x12xf32>
  %s = spectral.compress %x : tensor<8x12xf32> -> !s
  %c6 = arith.constant 6 : index
  %c8 = arith.constant 8 : index
  // Column 6 is a tile boundary and in bounds; row 8 is past the last tile.
  %t = spectral.decompress_tiles %s[%c8, %c6] [4, 6] : !s
  %tu = tensor.cast %t : tensor<4x6xf32> to tensor<*xf32>
  func.call @show(%tu) : (tensor<*xf32>) -> ()
  return
}
