// DEFINE: %{expected} = %{check} \
// DEFINE:   tosa_rfft2d tosa_rfft2d tosa_rfft2d tosa_rfft2d \
// DEFINE:   tosa_fft2d:inverse=0 tosa_fft2d:inverse=1 tosa_fft2d:inverse=1 \
// DEFINE:   tosa_fft2d:inverse=0
// RUN: %{compile} 2>/dev/null | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} 2>/dev/null | %{run-gpu} \
// RUN:   | %{expected} %}
// The pipeline's TOSA front door raises every tosa.rfft2d and tosa.fft2d
// below (nothing of them is left for tosa-to-linalg's direct DFT):
// RUN: cat %S/Inputs/data-helpers.mlir %s | sst-opt -spectral-raise-tosa 2>&1 >/dev/null \
// RUN:  | FileCheck %s --check-prefix=REMARKS
// RUN: cat %S/Inputs/data-helpers.mlir %s | sst-opt -spectral-raise-tosa 2>/dev/null \
// RUN:  | FileCheck %s --check-prefix=RAISED
// REMARKS-COUNT-7: remark: raised to
// REMARKS-NOT: remark
// RAISED-NOT: tosa.rfft2d
// RAISED-NOT: tosa.fft2d

// tosa.rfft2d and tosa.fft2d (forward and inverse) against the direct sums
// of the TOSA specification: batch 1, 3 and 5, power-of-two heights and
// widths as TOSA's verifier requires of static sizes, and, through dynamic
// sizes that only the run time knows, odd and prime ones (7 x 5, 9 x 6),
// which the raised transforms compute the same way.

func.func @rfft2d(%x: tensor<3x8x16xf32>) -> (tensor<3x8x9xf32>, tensor<3x8x9xf32>) {
  %re, %im = tosa.rfft2d %x : (tensor<3x8x16xf32>) -> (tensor<3x8x9xf32>, tensor<3x8x9xf32>)
  return %re, %im : tensor<3x8x9xf32>, tensor<3x8x9xf32>
}

func.func @rfft2dBatch(%x: tensor<?x4x8xf32>) -> (tensor<?x4x5xf32>, tensor<?x4x5xf32>) {
  %re, %im = tosa.rfft2d %x : (tensor<?x4x8xf32>) -> (tensor<?x4x5xf32>, tensor<?x4x5xf32>)
  return %re, %im : tensor<?x4x5xf32>, tensor<?x4x5xf32>
}

func.func @rfft2dDynamic(%x: tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>) {
  %re, %im = tosa.rfft2d %x {local_bound = true} : (tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>)
  return %re, %im : tensor<?x?x?xf32>, tensor<?x?x?xf32>
}

func.func @fft2d(%re: tensor<2x4x8xf32>, %im: tensor<2x4x8xf32>) -> (tensor<2x4x8xf32>, tensor<2x4x8xf32>) {
  %yre, %yim = tosa.fft2d %re, %im {inverse = false} : (tensor<2x4x8xf32>, tensor<2x4x8xf32>) -> (tensor<2x4x8xf32>, tensor<2x4x8xf32>)
  return %yre, %yim : tensor<2x4x8xf32>, tensor<2x4x8xf32>
}

func.func @ifft2d(%re: tensor<3x16x4xf32>, %im: tensor<3x16x4xf32>) -> (tensor<3x16x4xf32>, tensor<3x16x4xf32>) {
  %yre, %yim = tosa.fft2d %re, %im {inverse = true} : (tensor<3x16x4xf32>, tensor<3x16x4xf32>) -> (tensor<3x16x4xf32>, tensor<3x16x4xf32>)
  return %yre, %yim : tensor<3x16x4xf32>, tensor<3x16x4xf32>
}

func.func @ifft2dDynamic(%re: tensor<?x?x?xf32>, %im: tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>) {
  %yre, %yim = tosa.fft2d %re, %im {inverse = true} : (tensor<?x?x?xf32>, tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>)
  return %yre, %yim : tensor<?x?x?xf32>, tensor<?x?x?xf32>
}

// N x H x W values of @value. Generated in place: an expand_shape to
// several dynamic sizes would meet llvm/llvm-project#186830 (see
// docs/reliability.md).
func.func @data(%n: index, %h: index, %w: index, %phase: f32) -> tensor<?x?x?xf32> {
  %x = tensor.generate %n, %h, %w {
  ^bb0(%a: index, %b: index, %c: index):
    %row = arith.muli %a, %h : index
    %rb = arith.addi %row, %b : index
    %col = arith.muli %rb, %w : index
    %i = arith.addi %col, %c : index
    %v = func.call @value(%i, %phase) : (index, f32) -> f32
    tensor.yield %v : f32
  } : tensor<?x?x?xf32>
  return %x : tensor<?x?x?xf32>
}

func.func @show3(%a: tensor<?x?x?xf32>) {
  %u = tensor.cast %a : tensor<?x?x?xf32> to tensor<*xf32>
  func.call @show(%u) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %c7 = arith.constant 7 : index
  %c8 = arith.constant 8 : index
  %c9 = arith.constant 9 : index
  %c16 = arith.constant 16 : index
  %p = arith.constant 0.5 : f32
  %q = arith.constant 2.25 : f32

  // rfft2d, 3 x 8 x 16.
  %d1 = func.call @data(%c3, %c8, %c16, %p) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %x1 = tensor.cast %d1 : tensor<?x?x?xf32> to tensor<3x8x16xf32>
  %r1, %i1 = func.call @rfft2d(%x1) : (tensor<3x8x16xf32>) -> (tensor<3x8x9xf32>, tensor<3x8x9xf32>)
  %r1d = tensor.cast %r1 : tensor<3x8x9xf32> to tensor<?x?x?xf32>
  %i1d = tensor.cast %i1 : tensor<3x8x9xf32> to tensor<?x?x?xf32>
  func.call @show3(%d1) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%r1d) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%i1d) : (tensor<?x?x?xf32>) -> ()

  // rfft2d, a dynamic batch of 5 x 4 x 8.
  %d2 = func.call @data(%c5, %c4, %c8, %q) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %x2 = tensor.cast %d2 : tensor<?x?x?xf32> to tensor<?x4x8xf32>
  %r2, %i2 = func.call @rfft2dBatch(%x2) : (tensor<?x4x8xf32>) -> (tensor<?x4x5xf32>, tensor<?x4x5xf32>)
  %r2d = tensor.cast %r2 : tensor<?x4x5xf32> to tensor<?x?x?xf32>
  %i2d = tensor.cast %i2 : tensor<?x4x5xf32> to tensor<?x?x?xf32>
  func.call @show3(%d2) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%r2d) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%i2d) : (tensor<?x?x?xf32>) -> ()

  // rfft2d, every size dynamic: 2 x 7 x 5 (prime height and width).
  %d3 = func.call @data(%c2, %c7, %c5, %p) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %r3, %i3 = func.call @rfft2dDynamic(%d3) : (tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>)
  func.call @show3(%d3) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%r3) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%i3) : (tensor<?x?x?xf32>) -> ()

  // rfft2d, dynamic 1 x 1 x 1: one bin.
  %d4 = func.call @data(%c1, %c1, %c1, %q) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %r4, %i4 = func.call @rfft2dDynamic(%d4) : (tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>)
  func.call @show3(%d4) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%r4) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%i4) : (tensor<?x?x?xf32>) -> ()

  // fft2d forward, 2 x 4 x 8.
  %d5 = func.call @data(%c2, %c4, %c8, %p) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %e5 = func.call @data(%c2, %c4, %c8, %q) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %x5 = tensor.cast %d5 : tensor<?x?x?xf32> to tensor<2x4x8xf32>
  %y5 = tensor.cast %e5 : tensor<?x?x?xf32> to tensor<2x4x8xf32>
  %r5, %i5 = func.call @fft2d(%x5, %y5) : (tensor<2x4x8xf32>, tensor<2x4x8xf32>) -> (tensor<2x4x8xf32>, tensor<2x4x8xf32>)
  %r5d = tensor.cast %r5 : tensor<2x4x8xf32> to tensor<?x?x?xf32>
  %i5d = tensor.cast %i5 : tensor<2x4x8xf32> to tensor<?x?x?xf32>
  func.call @show3(%d5) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%e5) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%r5d) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%i5d) : (tensor<?x?x?xf32>) -> ()

  // fft2d inverse, 3 x 16 x 4: unscaled.
  %d6 = func.call @data(%c3, %c16, %c4, %q) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %e6 = func.call @data(%c3, %c16, %c4, %p) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %x6 = tensor.cast %d6 : tensor<?x?x?xf32> to tensor<3x16x4xf32>
  %y6 = tensor.cast %e6 : tensor<?x?x?xf32> to tensor<3x16x4xf32>
  %r6, %i6 = func.call @ifft2d(%x6, %y6) : (tensor<3x16x4xf32>, tensor<3x16x4xf32>) -> (tensor<3x16x4xf32>, tensor<3x16x4xf32>)
  %r6d = tensor.cast %r6 : tensor<3x16x4xf32> to tensor<?x?x?xf32>
  %i6d = tensor.cast %i6 : tensor<3x16x4xf32> to tensor<?x?x?xf32>
  func.call @show3(%d6) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%e6) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%r6d) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%i6d) : (tensor<?x?x?xf32>) -> ()

  // fft2d inverse, every size dynamic: 1 x 9 x 6.
  %d7 = func.call @data(%c1, %c9, %c6, %p) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %e7 = func.call @data(%c1, %c9, %c6, %q) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %r7, %i7 = func.call @ifft2dDynamic(%d7, %e7) : (tensor<?x?x?xf32>, tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>)
  func.call @show3(%d7) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%e7) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%r7) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%i7) : (tensor<?x?x?xf32>) -> ()

  // fft2d forward through the inverse's function shape: 5 x 8 x 2, checks
  // that the dynamic path follows `inverse` and not the sizes.
  %d8 = func.call @data(%c5, %c8, %c2, %q) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %e8 = func.call @data(%c5, %c8, %c2, %p) : (index, index, index, f32) -> tensor<?x?x?xf32>
  %r8, %i8 = func.call @fft2dDynamic(%d8, %e8) : (tensor<?x?x?xf32>, tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>)
  func.call @show3(%d8) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%e8) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%r8) : (tensor<?x?x?xf32>) -> ()
  func.call @show3(%i8) : (tensor<?x?x?xf32>) -> ()
  return
}

func.func @fft2dDynamic(%re: tensor<?x?x?xf32>, %im: tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>) {
  %yre, %yim = tosa.fft2d %re, %im {inverse = false} : (tensor<?x?x?xf32>, tensor<?x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<?x?x?xf32>)
  return %yre, %yim : tensor<?x?x?xf32>, tensor<?x?x?xf32>
}
