// A spectral block, compiled and run on the CPU by scripts/run-example.sh:
//
//   y = mix(x, filter, axis = T) . W        with W kept compressed
//
//   x      : B x T x D activations (B = 4 sequences, T = 512 tokens, D = 256)
//   filter : one complex filter per channel over the half spectrum of T
//   W      : a D x D weight, compressed per 16-row tile to its 256 largest
//            coefficients of 6 bytes each (complex<f16> value + i16 position)
//
// It prints the compression ratio of W, the relative error of the block
// against the same block computed with the dense W, and the time of the
// compressed block (decompression included).
//
//   sst-opt --spectral-cpu-pipeline="stream={group-tiles=4}" \
//     examples/spectral-block.mlir |
//     mlir-runner -e main -entry-point-result=void -shared-libs=...
//
// spectral-stream turns the product with W into a loop over groups of 4 of
// its 16 tile rows, so W is never decompressed whole.

!weight = !spectral.sst<256x256xf32, keep = 256, tile = [16, 256],
                        coeff = complex<f16>, index = i16>

// The block with the compressed weight.
func.func @spectral_block(%x: tensor<4x512x256xf32>,
                          %filter: tensor<1x257x256xcomplex<f32>>,
                          %w: !weight) -> tensor<4x512x256xf32> {
  %mixed = spectral.mix %x, %filter axis 1
             : tensor<4x512x256xf32>, tensor<1x257x256xcomplex<f32>>
  %y = spectral.matmul %mixed, %w : tensor<4x512x256xf32>, !weight
  return %y : tensor<4x512x256xf32>
}

// The same block with the dense weight, as the reference.
func.func @dense_block(%x: tensor<4x512x256xf32>,
                       %filter: tensor<1x257x256xcomplex<f32>>,
                       %w: tensor<256x256xf32>) -> tensor<4x512x256xf32> {
  %mixed = spectral.mix %x, %filter axis 1
             : tensor<4x512x256xf32>, tensor<1x257x256xcomplex<f32>>
  %flat = tensor.collapse_shape %mixed [[0, 1], [2]]
            : tensor<4x512x256xf32> into tensor<2048x256xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<2048x256xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<2048x256xf32>) -> tensor<2048x256xf32>
  %y = linalg.matmul ins(%flat, %w : tensor<2048x256xf32>, tensor<256x256xf32>)
                     outs(%init : tensor<2048x256xf32>) -> tensor<2048x256xf32>
  %r = tensor.expand_shape %y [[0, 1], [2]] output_shape [4, 512, 256]
         : tensor<2048x256xf32> into tensor<4x512x256xf32>
  return %r : tensor<4x512x256xf32>
}

// Test data: a smooth weight (a few low-frequency modes plus 1% noise), and
// noise-like activations and filter, all from sin of the element indices.
#id2 = affine_map<(i, j) -> (i, j)>
#id3 = affine_map<(i, j, k) -> (i, j, k)>

func.func @noise(%i: index, %scale: f32) -> f32 {
  %i64 = arith.index_cast %i : index to i64
  %f = arith.sitofp %i64 : i64 to f32
  %a = arith.constant 12.9898 : f32
  %b = arith.constant 43758.5453 : f32
  %half = arith.constant 0.5 : f32
  %s = math.sin %f : f32
  %t = arith.mulf %f, %a : f32
  %u = math.sin %t : f32
  %v = arith.mulf %u, %b : f32
  %fl = math.floor %v : f32
  %fr = arith.subf %v, %fl : f32
  %c = arith.subf %fr, %half : f32
  %r = arith.mulf %c, %scale : f32
  return %r : f32
}

func.func @make_weight() -> tensor<256x256xf32> {
  %e = tensor.empty() : tensor<256x256xf32>
  %w = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]}
         outs(%e : tensor<256x256xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ii = arith.index_cast %i : index to i64
    %jj = arith.index_cast %j : index to i64
    %fi = arith.sitofp %ii : i64 to f32
    %fj = arith.sitofp %jj : i64 to f32
    %k1 = arith.constant 0.0491 : f32
    %k2 = arith.constant 0.0736 : f32
    %k3 = arith.constant 0.0245 : f32
    %a = arith.mulf %fi, %k1 : f32
    %b = arith.mulf %fj, %k2 : f32
    %sa = math.sin %a : f32
    %cb = math.cos %b : f32
    %m1 = arith.mulf %sa, %cb : f32
    %ij = arith.addf %fi, %fj : f32
    %c = arith.mulf %ij, %k3 : f32
    %sc = math.sin %c : f32
    %m = arith.addf %m1, %sc : f32
    %c256 = arith.constant 256 : index
    %row = arith.muli %i, %c256 : index
    %lin = arith.addi %row, %j : index
    %scale = arith.constant 0.02 : f32
    %n = func.call @noise(%lin, %scale) : (index, f32) -> f32
    %v = arith.addf %m, %n : f32
    linalg.yield %v : f32
  } -> tensor<256x256xf32>
  return %w : tensor<256x256xf32>
}

func.func @make_input() -> tensor<4x512x256xf32> {
  %e = tensor.empty() : tensor<4x512x256xf32>
  %x = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]}
         outs(%e : tensor<4x512x256xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = linalg.index 2 : index
    %c512 = arith.constant 512 : index
    %c256 = arith.constant 256 : index
    %a = arith.muli %i, %c512 : index
    %b = arith.addi %a, %j : index
    %c = arith.muli %b, %c256 : index
    %lin = arith.addi %c, %k : index
    %one = arith.constant 1.0 : f32
    %v = func.call @noise(%lin, %one) : (index, f32) -> f32
    linalg.yield %v : f32
  } -> tensor<4x512x256xf32>
  return %x : tensor<4x512x256xf32>
}

func.func @make_filter() -> tensor<1x257x256xcomplex<f32>> {
  %e = tensor.empty() : tensor<1x257x256xcomplex<f32>>
  %f = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]}
         outs(%e : tensor<1x257x256xcomplex<f32>>) {
  ^bb0(%out: complex<f32>):
    %j = linalg.index 1 : index
    %k = linalg.index 2 : index
    %c256 = arith.constant 256 : index
    %a = arith.muli %j, %c256 : index
    %lin = arith.addi %a, %k : index
    %one = arith.constant 1.0 : f32
    %re = func.call @noise(%lin, %one) : (index, f32) -> f32
    %c7 = arith.constant 7 : index
    %lin2 = arith.addi %lin, %c7 : index
    %im = func.call @noise(%lin2, %one) : (index, f32) -> f32
    %v = complex.create %re, %im : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<1x257x256xcomplex<f32>>
  return %f : tensor<1x257x256xcomplex<f32>>
}

/// sum over all elements of (a - b)^2 and of b^2.
func.func @squared_norms(%a: tensor<4x512x256xf32>, %b: tensor<4x512x256xf32>) -> (f32, f32) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<f32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<f32>) -> tensor<f32>
  %r:2 = linalg.generic {
      indexing_maps = [#id3, #id3, affine_map<(i, j, k) -> ()>, affine_map<(i, j, k) -> ()>],
      iterator_types = ["reduction", "reduction", "reduction"]}
      ins(%a, %b : tensor<4x512x256xf32>, tensor<4x512x256xf32>)
      outs(%init, %init : tensor<f32>, tensor<f32>) {
  ^bb0(%va: f32, %vb: f32, %acc_d: f32, %acc_b: f32):
    %d = arith.subf %va, %vb : f32
    %dd = arith.mulf %d, %d : f32
    %bb = arith.mulf %vb, %vb : f32
    %nd = arith.addf %acc_d, %dd : f32
    %nb = arith.addf %acc_b, %bb : f32
    linalg.yield %nd, %nb : f32, f32
  } -> (tensor<f32>, tensor<f32>)
  %d2 = tensor.extract %r#0[] : tensor<f32>
  %b2 = tensor.extract %r#1[] : tensor<f32>
  return %d2, %b2 : f32, f32
}

func.func private @rtclock() -> f64
func.func private @printF64(f64)
func.func private @printString(!llvm.ptr)
func.func private @printNewline()

llvm.mlir.global internal constant @ratio_label("compression ratio of W (dense bytes / stored bytes): \00")
llvm.mlir.global internal constant @error_label("relative error of the block against dense W: \00")
llvm.mlir.global internal constant @time_label("time of the compressed block, seconds: \00")

func.func @print_labelled(%label: !llvm.ptr, %value: f64) {
  func.call @printString(%label) : (!llvm.ptr) -> ()
  func.call @printF64(%value) : (f64) -> ()
  func.call @printNewline() : () -> ()
  return
}

func.func @main() {
  %x = func.call @make_input() : () -> tensor<4x512x256xf32>
  %filter = func.call @make_filter() : () -> tensor<1x257x256xcomplex<f32>>
  %dense_w = func.call @make_weight() : () -> tensor<256x256xf32>
  %w = spectral.compress %dense_w : tensor<256x256xf32> -> !weight

  %t0 = func.call @rtclock() : () -> f64
  %y = func.call @spectral_block(%x, %filter, %w)
         : (tensor<4x512x256xf32>, tensor<1x257x256xcomplex<f32>>, !weight) -> tensor<4x512x256xf32>
  %t1 = func.call @rtclock() : () -> f64
  %ref = func.call @dense_block(%x, %filter, %dense_w)
           : (tensor<4x512x256xf32>, tensor<1x257x256xcomplex<f32>>, tensor<256x256xf32>) -> tensor<4x512x256xf32>

  // Stored bytes from the storage tensors' sizes and element widths.
  %coeffs = spectral.coefficients %w : !weight
  %positions = spectral.positions %w : !weight
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %tiles = tensor.dim %coeffs, %c0 : tensor<16x256xcomplex<f16>>
  %keep = tensor.dim %positions, %c1 : tensor<16x256xi16>
  %kept = arith.muli %tiles, %keep : index
  %c6 = arith.constant 6 : index  // complex<f16> (4 bytes) + i16 (2 bytes)
  %stored = arith.muli %kept, %c6 : index
  %c4 = arith.constant 4 : index
  %c256 = arith.constant 256 : index
  %dense_elems = arith.muli %c256, %c256 : index
  %dense_bytes = arith.muli %dense_elems, %c4 : index
  %stored_i = arith.index_cast %stored : index to i64
  %dense_i = arith.index_cast %dense_bytes : index to i64
  %stored_f = arith.sitofp %stored_i : i64 to f64
  %dense_f = arith.sitofp %dense_i : i64 to f64
  %ratio = arith.divf %dense_f, %stored_f : f64

  %norms:2 = func.call @squared_norms(%y, %ref) : (tensor<4x512x256xf32>, tensor<4x512x256xf32>) -> (f32, f32)
  %quot = arith.divf %norms#0, %norms#1 : f32
  %rel = math.sqrt %quot : f32
  %rel64 = arith.extf %rel : f32 to f64
  %elapsed = arith.subf %t1, %t0 : f64

  %l0 = llvm.mlir.addressof @ratio_label : !llvm.ptr
  %l1 = llvm.mlir.addressof @error_label : !llvm.ptr
  %l2 = llvm.mlir.addressof @time_label : !llvm.ptr
  func.call @print_labelled(%l0, %ratio) : (!llvm.ptr, f64) -> ()
  func.call @print_labelled(%l1, %rel64) : (!llvm.ptr, f64) -> ()
  func.call @print_labelled(%l2, %elapsed) : (!llvm.ptr, f64) -> ()
  return
}
