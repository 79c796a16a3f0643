// RUN: sst-opt %s -split-input-file -spectral-expand-storage | FileCheck %s
// RUN: sst-opt %s -split-input-file -spectral-expand-storage=fast-conv-sizes=false | FileCheck %s --check-prefix=EXACT

// CHECK-LABEL: func @fft_ifft
// CHECK-SAME: (%[[X:.*]]: tensor<?x10xcomplex<f32>>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %[[C0]]
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<?x10xcomplex<f32>>
// CHECK: %[[F:.*]] = spectral.dft c2c_forward %[[X]] into %[[E]] axes [1] norm ortho
// CHECK: spectral.dft c2c_inverse %[[F]] into %{{.*}} axes [0, 1] norm backward
// CHECK-NOT: spectral.fft
// CHECK-NOT: spectral.ifft
func.func @fft_ifft(%x: tensor<?x10xcomplex<f32>>) -> tensor<?x10xcomplex<f32>> {
  %y = spectral.fft %x axes [1] norm ortho : tensor<?x10xcomplex<f32>>
  %z = spectral.ifft %y : tensor<?x10xcomplex<f32>>
  return %z : tensor<?x10xcomplex<f32>>
}

// -----

// A dynamic halved length n gets n/2+1 bins.
// CHECK-LABEL: func @rfft_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<3x?xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}}
// CHECK: %[[TWO:.*]] = arith.constant 2 : index
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: %[[H:.*]] = arith.divui %[[N]], %[[TWO]]
// CHECK: %[[B:.*]] = arith.addi %[[H]], %[[ONE]]
// CHECK: %[[E:.*]] = tensor.empty(%[[B]]) : tensor<3x?xcomplex<f32>>
// CHECK: spectral.dft r2c %[[X]] into %[[E]] axes [1] norm forward
func.func @rfft_dynamic(%x: tensor<3x?xf32>) -> tensor<3x?xcomplex<f32>> {
  %y = spectral.rfft %x axes [1] norm forward : tensor<3x?xf32>
  return %y : tensor<3x?xcomplex<f32>>
}

// -----

// The user's spectrum is not the lowering's to overwrite.
// CHECK-LABEL: func @irfft_odd
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4x255xf32>
// CHECK: spectral.dft c2r %{{.*}} into %[[E]] axes [0, 1] norm backward : tensor<4x128xcomplex<f32>>, tensor<4x255xf32>
func.func @irfft_odd(%y: tensor<4x128xcomplex<f32>>) -> tensor<4x255xf32> {
  %x = spectral.irfft %y n 255 : tensor<4x128xcomplex<f32>>
  return %x : tensor<4x255xf32>
}

// -----

// CHECK-DAG: #[[FILTER:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @mix_shared_filter
// CHECK-SAME: (%[[X:.*]]: tensor<2x16x8xf32>, %[[F:.*]]: tensor<9xcomplex<f32>>)
// CHECK: %[[S:.*]] = spectral.dft r2c %[[X]] into %{{.*}} axes [1] norm backward : tensor<2x16x8xf32>, tensor<2x9x8xcomplex<f32>>
// CHECK: %[[P:.*]] = linalg.generic {indexing_maps = [#[[FILTER]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[F]] : tensor<9xcomplex<f32>>) outs(%[[S]] : tensor<2x9x8xcomplex<f32>>)
// CHECK: ^bb0(%[[FV:.*]]: complex<f32>, %[[SV:.*]]: complex<f32>):
// CHECK: %[[M:.*]] = complex.mul %[[SV]], %[[FV]]
// CHECK: linalg.yield %[[M]]
// CHECK: spectral.dft c2r %[[P]] into %{{.*}} axes [1] norm backward overwrite_input : tensor<2x9x8xcomplex<f32>>, tensor<2x16x8xf32>
func.func @mix_shared_filter(%x: tensor<2x16x8xf32>, %f: tensor<9xcomplex<f32>>) -> tensor<2x16x8xf32> {
  %y = spectral.mix %x, %f axis 1 : tensor<2x16x8xf32>, tensor<9xcomplex<f32>>
  return %y : tensor<2x16x8xf32>
}

// -----

// A per-channel filter broadcast over the batch dimension.
// CHECK-DAG: #[[FILTER:.*]] = affine_map<(d0, d1, d2) -> (0, d1, d2)>
// CHECK-LABEL: func @mix_channel_filter
// CHECK: linalg.generic {indexing_maps = [#[[FILTER]], #{{.*}}]
func.func @mix_channel_filter(%x: tensor<2x15x8xf32>, %f: tensor<1x8x8xcomplex<f32>>) -> tensor<2x15x8xf32> {
  %y = spectral.mix %x, %f axis 1 : tensor<2x15x8xf32>, tensor<1x8x8xcomplex<f32>>
  return %y : tensor<2x15x8xf32>
}

// -----

// Static shapes carry no run-time check.
// CHECK-LABEL: func @mix_static_no_check
// CHECK-NOT: spectral.check_size
// CHECK: return
func.func @mix_static_no_check(%x: tensor<2x16x8xf32>, %f: tensor<1x9x8xcomplex<f32>>) -> tensor<2x16x8xf32> {
  %y = spectral.mix %x, %f axis 1 : tensor<2x16x8xf32>, tensor<1x9x8xcomplex<f32>>
  return %y : tensor<2x16x8xf32>
}

// -----

// A dynamic 1-D filter must have n/2+1 bins of the mixed axis at run time.
// CHECK-LABEL: func @mix_dynamic_filter
// CHECK-SAME: (%[[X:.*]]: tensor<4x?xf32>, %[[F:.*]]: tensor<?xcomplex<f32>>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<4x?xf32>
// CHECK: %[[HALF:.*]] = arith.divui %[[N]], %{{.*}} : index
// CHECK: %[[BINS:.*]] = arith.addi %[[HALF]], %{{.*}} : index
// CHECK: spectral.dft r2c
// CHECK: %[[FOUND:.*]] = tensor.dim %[[F]], %{{.*}} : tensor<?xcomplex<f32>>
// CHECK: spectral.check_size %[[FOUND]], %[[BINS]] for "spectral.mix" operand "filter" dim 0
// CHECK-NEXT: linalg.generic
func.func @mix_dynamic_filter(%x: tensor<4x?xf32>, %f: tensor<?xcomplex<f32>>) -> tensor<4x?xf32> {
  %y = spectral.mix %x, %f axis 1 : tensor<4x?xf32>, tensor<?xcomplex<f32>>
  return %y : tensor<4x?xf32>
}

// -----

// A dynamic dimension of a 2-D filter is not broadcast: it must be the
// input's size at run time (only a static 1 broadcasts), and the bins
// along the axis are checked too.
// CHECK-LABEL: func @mix_dynamic_2d_filter
// CHECK-SAME: (%[[X:.*]]: tensor<?x16xf32>, %[[F:.*]]: tensor<?x9xcomplex<f32>>)
// CHECK: %[[ROWS:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x16xf32>
// CHECK: spectral.dft r2c
// CHECK: %[[FOUND:.*]] = tensor.dim %[[F]], %{{.*}} : tensor<?x9xcomplex<f32>>
// CHECK-NOT: spectral.check_size
// CHECK: spectral.check_size %[[FOUND]], %[[ROWS]] for "spectral.mix" operand "filter" dim 0
// CHECK-NOT: spectral.check_size
// CHECK: linalg.generic
func.func @mix_dynamic_2d_filter(%x: tensor<?x16xf32>, %f: tensor<?x9xcomplex<f32>>) -> tensor<?x16xf32> {
  %y = spectral.mix %x, %f axis 1 : tensor<?x16xf32>, tensor<?x9xcomplex<f32>>
  return %y : tensor<?x16xf32>
}

// -----

// n + m - 1 = 104 is 2^3 * 13; the fast length is 105 = 3 * 5 * 7. Without
// rounding, the transform length is exactly 104.
// CHECK-LABEL: func @conv_modes
// CHECK-SAME: (%[[X:.*]]: tensor<4x100xf32>, %[[K:.*]]: tensor<1x5xf32>)
// CHECK: %[[XP:.*]] = tensor.pad %[[X]] low[0, 0] high[0, 5]
// CHECK: tensor<4x100xf32> to tensor<4x105xf32>
// CHECK: %[[KP:.*]] = tensor.pad %[[K]] low[0, 0] high[0, 100]
// CHECK: tensor<1x5xf32> to tensor<1x105xf32>
// CHECK: %[[XS:.*]] = spectral.dft r2c %[[XP]] into %{{.*}} axes [1] norm backward : tensor<4x105xf32>, tensor<4x53xcomplex<f32>>
// CHECK: %[[KS:.*]] = spectral.dft r2c %[[KP]] into %{{.*}} axes [1] norm backward : tensor<1x105xf32>, tensor<1x53xcomplex<f32>>
// CHECK: %[[P:.*]] = linalg.generic {{.*}} ins(%[[KS]] : tensor<1x53xcomplex<f32>>) outs(%[[XS]] : tensor<4x53xcomplex<f32>>)
// CHECK: %[[FULL:.*]] = spectral.dft c2r %[[P]] into %{{.*}} axes [1] norm backward overwrite_input : tensor<4x53xcomplex<f32>>, tensor<4x105xf32>
// CHECK: tensor.extract_slice %[[FULL]][0, 0] [4, 104] [1, 1] : tensor<4x105xf32> to tensor<4x104xf32>
// CHECK: tensor.extract_slice %{{.*}}[0, 2] [4, 100] [1, 1] : tensor<4x105xf32> to tensor<4x100xf32>
// CHECK: tensor.extract_slice %{{.*}}[0, 0] [4, 100] [1, 1] : tensor<4x105xf32> to tensor<4x100xf32>
// EXACT-LABEL: func @conv_modes
// EXACT: tensor.pad %{{.*}} low[0, 0] high[0, 4]
// EXACT: tensor<4x100xf32> to tensor<4x104xf32>
// EXACT: tensor.extract_slice %{{.*}}[0, 0] [4, 104] [1, 1] : tensor<4x104xf32> to tensor<4x104xf32>
func.func @conv_modes(%x: tensor<4x100xf32>, %k: tensor<1x5xf32>)
    -> (tensor<4x104xf32>, tensor<4x100xf32>, tensor<4x100xf32>) {
  %full = spectral.conv %x, %k axes [1] : tensor<4x100xf32>, tensor<1x5xf32>
  %same = spectral.conv %x, %k axes [1] mode same : tensor<4x100xf32>, tensor<1x5xf32>
  %causal = spectral.conv %x, %k axes [1] mode causal : tensor<4x100xf32>, tensor<1x5xf32>
  return %full, %same, %causal : tensor<4x104xf32>, tensor<4x100xf32>, tensor<4x100xf32>
}

// -----

// A dynamic tile offset is checked at run time.
// CHECK-LABEL: func @decompress_tiles_dynamic
// CHECK-SAME: %[[ROW:[a-z0-9]+]]: index
// CHECK: spectral.check_tile_offset %[[ROW]] dim 0 tile 4 limit 4
// CHECK: arith.divui %[[ROW]]
// CHECK: tensor.extract_slice
// CHECK: spectral.scatter
func.func @decompress_tiles_dynamic(%s: !spectral.sst<8x12xf32, keep = 5, tile = [4, 6]>, %row: index) -> tensor<4x12xf32> {
  %t = spectral.decompress_tiles %s[%row, 0] [4, 12] : !spectral.sst<8x12xf32, keep = 5, tile = [4, 6]>
  return %t : tensor<4x12xf32>
}

// -----

// irfft: a dynamic number of input bins must be n/2+1; static bins carry no
// check.
// CHECK-LABEL: func @irfft_dynamic_bins
// CHECK-SAME: (%[[X:.*]]: tensor<4x?xcomplex<f32>>)
// CHECK: %[[FOUND:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<4x?xcomplex<f32>>
// CHECK: %[[NINE:.*]] = arith.constant 9 : index
// CHECK: spectral.check_size %[[FOUND]], %[[NINE]] for "spectral.irfft" operand "input" dim 1
// CHECK: spectral.dft c2r
func.func @irfft_dynamic_bins(%x: tensor<4x?xcomplex<f32>>) -> tensor<4x16xf32> {
  %y = spectral.irfft %x axes [1] n 16 : tensor<4x?xcomplex<f32>>
  return %y : tensor<4x16xf32>
}

// CHECK-LABEL: func @irfft_static_no_check
// CHECK-NOT: spectral.check_size
// CHECK: return
func.func @irfft_static_no_check(%x: tensor<4x9xcomplex<f32>>) -> tensor<4x16xf32> {
  %y = spectral.irfft %x axes [1] n 16 : tensor<4x9xcomplex<f32>>
  return %y : tensor<4x16xf32>
}

// -----

// matmul: dynamic leading sizes only count rows; a dynamic contracted size
// is checked against the weight's rows, then cast to it.
// CHECK-LABEL: func @matmul_dynamic_input
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x?xf32>
// CHECK: %[[FOUND:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x?xf32>
// CHECK: %[[EIGHT:.*]] = arith.constant 8 : index
// CHECK: spectral.check_size %[[FOUND]], %[[EIGHT]] for "spectral.matmul" operand "input" dim 1
// CHECK: %[[M:.*]] = tensor.cast %[[X]] : tensor<?x?xf32> to tensor<?x8xf32>
// CHECK: linalg.matmul ins(%[[M]], %{{.*}} : tensor<?x8xf32>, tensor<8x4xf32>) outs(%{{.*}} : tensor<?x4xf32>)
func.func @matmul_dynamic_input(%x: tensor<?x?xf32>, %w: !spectral.sst<8x4xf32, keep = 2>) -> tensor<?x4xf32> {
  %y = spectral.matmul %x, %w : tensor<?x?xf32>, !spectral.sst<8x4xf32, keep = 2>
  return %y : tensor<?x4xf32>
}

// CHECK-LABEL: func @matmul_dynamic_rows_no_check
// CHECK-NOT: spectral.check_size
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : tensor<?x3x8xf32> into tensor<?x8xf32>
// CHECK-NOT: spectral.check_size
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2]] output_shape [%{{.*}}, 3, 4] : tensor<?x4xf32> into tensor<?x3x4xf32>
func.func @matmul_dynamic_rows_no_check(%x: tensor<?x3x8xf32>, %w: !spectral.sst<8x4xf32, keep = 2>) -> tensor<?x3x4xf32> {
  %y = spectral.matmul %x, %w : tensor<?x3x8xf32>, !spectral.sst<8x4xf32, keep = 2>
  return %y : tensor<?x3x4xf32>
}

// -----

// conv: the other dimensions may be dynamic; a kernel size there that is
// not a static 1 must be the input's.
// CHECK-LABEL: func @conv_dynamic_batch
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x23xf32>, %[[K:[^:]*]]: tensor<?x6xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x23xf32>
// CHECK: %[[M:.*]] = tensor.dim %[[K]], %{{.*}} : tensor<?x6xf32>
// CHECK: spectral.check_size %[[M]], %[[N]] for "spectral.conv" operand "kernel" dim 0
// CHECK: tensor.pad %[[X]] low[0, 0] high[0, 5]
// CHECK: spectral.dft r2c
func.func @conv_dynamic_batch(%x: tensor<?x23xf32>, %k: tensor<?x6xf32>) -> tensor<?x23xf32> {
  %y = spectral.conv %x, %k axes [1] mode same : tensor<?x23xf32>, tensor<?x6xf32>
  return %y : tensor<?x23xf32>
}

// A static 1 broadcasts over a dynamic batch without a check.
// CHECK-LABEL: func @conv_broadcast_no_check
// CHECK-NOT: spectral.check_size
// CHECK: return
func.func @conv_broadcast_no_check(%x: tensor<?x23xf32>, %k: tensor<1x6xf32>) -> tensor<?x28xf32> {
  %y = spectral.conv %x, %k axes [1] mode full : tensor<?x23xf32>, tensor<1x6xf32>
  return %y : tensor<?x28xf32>
}

// -----

// A size that folds to a constant under a dynamic type (tensor.dim of a
// cast): the transform's init is cast to the result type, which the DFT's
// verifier requires (found by the passes fuzz target).
// CHECK-LABEL: func @rfft_of_cast
// CHECK: %[[E:.*]] = tensor.empty() : tensor<6xcomplex<f32>>
// CHECK: %[[I:.*]] = tensor.cast %[[E]] : tensor<6xcomplex<f32>> to tensor<?xcomplex<f32>>
// CHECK: spectral.dft r2c %{{.*}} into %[[I]] axes [0] norm backward : tensor<?xf32>, tensor<?xcomplex<f32>> -> tensor<?xcomplex<f32>>
func.func @rfft_of_cast(%x: tensor<10xf32>) -> tensor<?xcomplex<f32>> {
  %d = tensor.cast %x : tensor<10xf32> to tensor<?xf32>
  %y = spectral.rfft %d axes [0] : tensor<?xf32>
  return %y : tensor<?xcomplex<f32>>
}

// -----

// decompress_adjoint transforms one tile per step of a loop over the tiles
// (the working spectrum is one tile's, 1 x 36 bins, never all tiles'
// 2 x 36), reads the kept bins with spectral.gather, and weights them by
// w(p) / N (N = 64; w = 2 except self-conjugate bins). The positions pass
// through unchanged.
// CHECK-LABEL: func.func @decompress_adjoint(
// CHECK-SAME: %[[G:.*]]: tensor<8x16xf32>, %[[C:.*]]: tensor<2x5xcomplex<f32>>, %[[P:.*]]: tensor<2x5xi32>)
// CHECK-NOT: tensor<2x36xcomplex<f32>>
// CHECK: %[[TILES:.*]] = tensor.expand_shape %{{.*}} output_shape [2, 4, 16]
// CHECK: %[[LOOP:.*]] = scf.for %[[T:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (tensor<2x5xcomplex<f32>>)
// CHECK:   %[[TILE:.*]] = tensor.extract_slice %[[TILES]][%[[T]], 0, 0] [1, 4, 16] [1, 1, 1]
// CHECK:   %[[POS:.*]] = tensor.extract_slice %{{.*}}[%[[T]], 0] [1, 5] [1, 1] : tensor<2x5xi64> to tensor<1x5xi64>
// CHECK:   %[[SPEC:.*]] = spectral.dft r2c %[[TILE]] into %{{.*}} axes [1, 2] norm backward : tensor<1x4x16xf32>, tensor<1x4x9xcomplex<f32>>
// CHECK:   %[[FLAT:.*]] = tensor.collapse_shape %[[SPEC]] {{\[}}[0], [1, 2]] : tensor<1x4x9xcomplex<f32>> into tensor<1x36xcomplex<f32>>
// CHECK:   %[[KEPT:.*]] = spectral.gather %[[FLAT]][%[[POS]]] into %{{.*}} tile [4, 16] axes [0, 1] transform rfft
// CHECK:   %[[W:.*]] = linalg.generic {{.*}} ins(%[[KEPT]], %[[POS]] : tensor<1x5xcomplex<f32>>, tensor<1x5xi64>)
// CHECK:     arith.constant 6.400000e+01 : f32
// CHECK:   tensor.insert_slice %[[W]] into %[[ACC]][%[[T]], 0] [1, 5] [1, 1]
// CHECK: return %[[LOOP]], %[[P]] : tensor<2x5xcomplex<f32>>, tensor<2x5xi32>
func.func @decompress_adjoint(%g: tensor<8x16xf32>, %s: !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>)
    -> !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]> {
  %d = spectral.decompress_adjoint %g, %s : tensor<8x16xf32>, !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
  return %d : !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
}
