// RUN: sst-opt %s -split-input-file -spectral-stream="group-tiles=3" -verify-diagnostics
// RUN: not sst-opt %s -split-input-file -spectral-stream="memory-budget=100" 2>&1 | FileCheck %s --check-prefix=SMALL
// RUN: sst-opt %s -split-input-file -spectral-stream 2>&1 | FileCheck %s --check-prefix=FITS

// SMALL: error: memory budget of 100 bytes is below the 3136 bytes that decompressing one tile row takes
// FITS: remark: not streamed: decompressing the whole weight takes about 25088 bytes, within the memory budget of 67108864
func.func @bad_group(%x: tensor<4x64xf32>, %w: !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>) -> tensor<4x32xf32> {
  // expected-error @+1 {{group-tiles = 3 does not divide the weight's 8 tile rows}}
  %y = spectral.matmul %x, %w : tensor<4x64xf32>, !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>
  return %y : tensor<4x32xf32>
}
