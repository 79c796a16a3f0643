// RUN: sst-opt %s -split-input-file -spectral-stream="group-tiles=2" -verify-diagnostics | FileCheck %s
// RUN: sst-opt %s -split-input-file -spectral-stream="memory-budget=13000" 2>&1 | FileCheck %s --check-prefix=BUDGET
// Two groups' decompressed rows (2 x 4096 bytes for 4 tile rows) no longer
// fit 13000 bytes with groups of 4: groups of 2.
// RUN: sst-opt %s -split-input-file -spectral-stream="memory-budget=13000 double-buffered=true" 2>&1 | FileCheck %s --check-prefix=DOUBLE

// CHECK-LABEL: func @streamed
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x64xf32>, %[[W:.*]]: !spectral.sst
// CHECK: %[[XM:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x3x64xf32> into tensor<6x64xf32>
// CHECK: %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<6x32xf32>
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
// CHECK-DAG: %[[C16:.*]] = arith.constant 16 : index
// CHECK: %[[Y:.*]] = scf.for %[[ROW:.*]] = %[[C0]] to %[[C64]] step %[[C16]] iter_args(%[[ACC:.*]] = %[[ZERO]]) -> (tensor<6x32xf32>) {
// CHECK:   %[[WG:.*]] = spectral.decompress_tiles %[[W]] [%[[ROW]], 0] [16, 32]
// CHECK:   %[[XG:.*]] = tensor.extract_slice %[[XM]][0, %[[ROW]]] [6, 16] [1, 1]
// CHECK:   %[[SUM:.*]] = linalg.matmul ins(%[[XG]], %[[WG]] : tensor<6x16xf32>, tensor<16x32xf32>) outs(%[[ACC]] : tensor<6x32xf32>)
// CHECK:   scf.yield %[[SUM]]
// CHECK: tensor.expand_shape %[[Y]] {{\[}}[0, 1], [2]] output_shape [2, 3, 32]
// CHECK-NOT: spectral.matmul
// BUDGET: remark: streaming the weight in groups of 4 of 8 tile rows: about 12544 bytes decompressed at once instead of 25088
// DOUBLE: remark: streaming the weight in groups of 2 of 8 tile rows: about 8320 bytes decompressed at once (double-buffered) instead of 25088
func.func @streamed(%x: tensor<2x3x64xf32>, %w: !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>) -> tensor<2x3x32xf32> {
  // expected-remark @+1 {{streaming the weight in groups of 2 of 8 tile rows: about 6272 bytes decompressed at once instead of 25088}}
  %y = spectral.matmul %x, %w : tensor<2x3x64xf32>, !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>
  return %y : tensor<2x3x32xf32>
}

// -----

// CHECK-LABEL: func @single_tile_row
// CHECK: spectral.matmul
func.func @single_tile_row(%x: tensor<4x64xf32>, %w: !spectral.sst<64x32xf32, keep = 16, tile = [64, 8]>) -> tensor<4x32xf32> {
  // expected-remark @+1 {{not streamed: the weight is a single tile row}}
  %y = spectral.matmul %x, %w : tensor<4x64xf32>, !spectral.sst<64x32xf32, keep = 16, tile = [64, 8]>
  return %y : tensor<4x32xf32>
}

// -----

// A linalg.matmul by a decompressed weight (what spectral-compress-constants
// makes of a constant weight) streams the same way, accumulating into the
// matmul's init; the whole decompression goes.
// CHECK-LABEL: func @decompressed_weight
// CHECK-SAME: (%[[X:.*]]: tensor<6x64xf32>, %[[W:.*]]: !spectral.sst{{.*}}, %[[INIT:.*]]: tensor<6x32xf32>)
// CHECK-NOT: spectral.decompress %
// CHECK: scf.for %[[ROW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (tensor<6x32xf32>) {
// CHECK:   %[[WG:.*]] = spectral.decompress_tiles %[[W]] [%[[ROW]], 0] [16, 32]
// CHECK:   %[[XG:.*]] = tensor.extract_slice %[[X]][0, %[[ROW]]] [6, 16] [1, 1]
// CHECK:   linalg.matmul ins(%[[XG]], %[[WG]] : tensor<6x16xf32>, tensor<16x32xf32>) outs(%[[ACC]] : tensor<6x32xf32>)
// CHECK-NOT: spectral.decompress %
func.func @decompressed_weight(%x: tensor<6x64xf32>, %w: !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>,
                               %init: tensor<6x32xf32>) -> tensor<6x32xf32> {
  %d = spectral.decompress %w : !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>
  // expected-remark @+1 {{streaming the weight in groups of 2 of 8 tile rows}}
  %y = linalg.matmul ins(%x, %d : tensor<6x64xf32>, tensor<64x32xf32>) outs(%init : tensor<6x32xf32>) -> tensor<6x32xf32>
  return %y : tensor<6x32xf32>
}

// -----

// A decompression that has other uses stays for them; one on the left of a
// matmul, or one multiplied with casts, is not a streamable weight.
// CHECK-LABEL: func @decompressed_other_uses
// CHECK: %[[D:.*]] = spectral.decompress
// CHECK: scf.for
// CHECK: linalg.matmul ins(%[[D]], %{{.*}} : tensor<64x32xf32>, tensor<32x8xf32>)
// CHECK: linalg.matmul ins(%{{.*}}, %[[D]] : tensor<6x64xf16>, tensor<64x32xf32>)
func.func @decompressed_other_uses(%x: tensor<6x64xf32>, %w: !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>,
                                   %init: tensor<6x32xf32>, %v: tensor<32x8xf32>, %init2: tensor<64x8xf32>,
                                   %h: tensor<6x64xf16>)
    -> (tensor<6x32xf32>, tensor<64x8xf32>, tensor<6x32xf32>) {
  %d = spectral.decompress %w : !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>
  // expected-remark @+1 {{streaming the weight in groups of 2 of 8 tile rows}}
  %y = linalg.matmul ins(%x, %d : tensor<6x64xf32>, tensor<64x32xf32>) outs(%init : tensor<6x32xf32>) -> tensor<6x32xf32>
  %z = linalg.matmul ins(%d, %v : tensor<64x32xf32>, tensor<32x8xf32>) outs(%init2 : tensor<64x8xf32>) -> tensor<64x8xf32>
  %m = linalg.matmul ins(%h, %d : tensor<6x64xf16>, tensor<64x32xf32>) outs(%init : tensor<6x32xf32>) -> tensor<6x32xf32>
  return %y, %z, %m : tensor<6x32xf32>, tensor<64x8xf32>, tensor<6x32xf32>
}
