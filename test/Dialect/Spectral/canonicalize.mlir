// RUN: sst-opt %s -split-input-file -canonicalize | FileCheck %s

// Exact identities fold; lossy round trips never do.

// CHECK-LABEL: func @ifft_of_fft
// CHECK-SAME: (%[[X:.*]]: tensor<8x100xcomplex<f32>>)
// CHECK-NEXT: return %[[X]]
func.func @ifft_of_fft(%x: tensor<8x100xcomplex<f32>>) -> tensor<8x100xcomplex<f32>> {
  %y = spectral.fft %x axes [0, 1] norm ortho : tensor<8x100xcomplex<f32>>
  %z = spectral.ifft %y axes [1, 0] norm ortho : tensor<8x100xcomplex<f32>>
  return %z : tensor<8x100xcomplex<f32>>
}

// -----

// Default axes are every dimension.
// CHECK-LABEL: func @fft_of_ifft_default_axes
// CHECK-SAME: (%[[X:.*]]: tensor<6x7xcomplex<f64>>)
// CHECK-NEXT: return %[[X]]
func.func @fft_of_ifft_default_axes(%x: tensor<6x7xcomplex<f64>>) -> tensor<6x7xcomplex<f64>> {
  %y = spectral.ifft %x : tensor<6x7xcomplex<f64>>
  %z = spectral.fft %y axes [0, 1] : tensor<6x7xcomplex<f64>>
  return %z : tensor<6x7xcomplex<f64>>
}

// -----

// Different normalisations: the pair scales by n, not by one.
// CHECK-LABEL: func @fft_ifft_norm_mismatch
// CHECK: spectral.fft
// CHECK: spectral.ifft
func.func @fft_ifft_norm_mismatch(%x: tensor<16xcomplex<f32>>) -> tensor<16xcomplex<f32>> {
  %y = spectral.fft %x norm forward : tensor<16xcomplex<f32>>
  %z = spectral.ifft %y : tensor<16xcomplex<f32>>
  return %z : tensor<16xcomplex<f32>>
}

// -----

// CHECK-LABEL: func @fft_ifft_axes_mismatch
// CHECK: spectral.fft
// CHECK: spectral.ifft
func.func @fft_ifft_axes_mismatch(%x: tensor<4x16xcomplex<f32>>) -> tensor<4x16xcomplex<f32>> {
  %y = spectral.fft %x axes [1] : tensor<4x16xcomplex<f32>>
  %z = spectral.ifft %y : tensor<4x16xcomplex<f32>>
  return %z : tensor<4x16xcomplex<f32>>
}

// -----

// CHECK-LABEL: func @irfft_of_rfft_odd
// CHECK-SAME: (%[[X:.*]]: tensor<4x255xf32>)
// CHECK-NEXT: return %[[X]]
func.func @irfft_of_rfft_odd(%x: tensor<4x255xf32>) -> tensor<4x255xf32> {
  %y = spectral.rfft %x axes [1] norm forward : tensor<4x255xf32>
  %z = spectral.irfft %y axes [1] n 255 norm forward : tensor<4x128xcomplex<f32>>
  return %z : tensor<4x255xf32>
}

// -----

// n = 254 reads the same 128 bins as n = 255 but is another signal.
// CHECK-LABEL: func @irfft_of_rfft_length_mismatch
// CHECK: spectral.rfft
// CHECK: spectral.irfft
func.func @irfft_of_rfft_length_mismatch(%x: tensor<4x255xf32>) -> tensor<4x254xf32> {
  %y = spectral.rfft %x axes [1] : tensor<4x255xf32>
  %z = spectral.irfft %y axes [1] : tensor<4x128xcomplex<f32>>
  return %z : tensor<4x254xf32>
}

// -----

// The same axis set halved along another axis is another transform, even
// where the types agree (length 2 halves to 2 bins).
// CHECK-LABEL: func @irfft_of_rfft_halved_axis_mismatch
// CHECK: spectral.rfft
// CHECK: spectral.irfft
func.func @irfft_of_rfft_halved_axis_mismatch(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %y = spectral.rfft %x axes [0, 1] : tensor<2x2xf32>
  %z = spectral.irfft %y axes [1, 0] n 2 : tensor<2x2xcomplex<f32>>
  return %z : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func @irfft_of_rfft_norm_mismatch
// CHECK: spectral.rfft
// CHECK: spectral.irfft
func.func @irfft_of_rfft_norm_mismatch(%x: tensor<16xf32>) -> tensor<16xf32> {
  %y = spectral.rfft %x norm ortho : tensor<16xf32>
  %z = spectral.irfft %y : tensor<9xcomplex<f32>>
  return %z : tensor<16xf32>
}

// -----

// rfft(irfft(y)) drops the imaginary parts of bins 0 and n/2: never folded.
// CHECK-LABEL: func @rfft_of_irfft
// CHECK: spectral.irfft
// CHECK: spectral.rfft
func.func @rfft_of_irfft(%y: tensor<9xcomplex<f32>>) -> tensor<9xcomplex<f32>> {
  %x = spectral.irfft %y : tensor<9xcomplex<f32>>
  %z = spectral.rfft %x : tensor<16xf32>
  return %z : tensor<9xcomplex<f32>>
}

// -----

// Compression is lossy: never folded.
// CHECK-LABEL: func @decompress_of_compress
// CHECK: spectral.compress
// CHECK: spectral.decompress
func.func @decompress_of_compress(%x: tensor<64xf32>) -> tensor<64xf32> {
  %s = spectral.compress %x : tensor<64xf32> -> !spectral.sst<64xf32, keep = 8>
  %d = spectral.decompress %s : !spectral.sst<64xf32, keep = 8>
  return %d : tensor<64xf32>
}

// -----

// CHECK-LABEL: func @scale_chain
// CHECK-SAME: (%[[S:.*]]: !spectral.sst<64xf32, keep = 8>, %[[A:.*]]: f32, %[[B:.*]]: f32)
// CHECK: %[[AB:.*]] = arith.mulf %[[A]], %[[B]] : f32
// CHECK: %[[R:.*]] = spectral.scale %[[S]], %[[AB]]
// CHECK-NOT: spectral.scale
// CHECK: return %[[R]]
func.func @scale_chain(%s: !spectral.sst<64xf32, keep = 8>, %a: f32, %b: f32) -> !spectral.sst<64xf32, keep = 8> {
  %t = spectral.scale %s, %a : !spectral.sst<64xf32, keep = 8>, f32
  %u = spectral.scale %t, %b : !spectral.sst<64xf32, keep = 8>, f32
  return %u : !spectral.sst<64xf32, keep = 8>
}

// -----

// Constant factors multiply at compile time.
// CHECK-LABEL: func @scale_chain_constants
// CHECK: %[[C:.*]] = arith.constant 6.000000e+00 : f32
// CHECK: spectral.scale %{{.*}}, %[[C]]
// CHECK-NOT: spectral.scale
func.func @scale_chain_constants(%s: !spectral.sst<64xf32, keep = 8>) -> !spectral.sst<64xf32, keep = 8> {
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  %t = spectral.scale %s, %two : !spectral.sst<64xf32, keep = 8>, f32
  %u = spectral.scale %t, %three : !spectral.sst<64xf32, keep = 8>, f32
  return %u : !spectral.sst<64xf32, keep = 8>
}

// -----

// A real factor meeting a complex one is promoted to complex.
// CHECK-LABEL: func @scale_chain_mixed
// CHECK-SAME: (%[[S:.*]]: !spectral.sst<{{.*}}>, %[[A:.*]]: complex<f32>, %[[B:.*]]: f32)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[BC:.*]] = complex.create %[[B]], %[[ZERO]] : complex<f32>
// CHECK: %[[AB:.*]] = complex.mul %[[A]], %[[BC]] : complex<f32>
// CHECK: spectral.scale %[[S]], %[[AB]] : {{.*}}, complex<f32>
func.func @scale_chain_mixed(%s: !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>,
                             %a: complex<f32>, %b: f32) -> !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft> {
  %t = spectral.scale %s, %a : !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>, complex<f32>
  %u = spectral.scale %t, %b : !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>, f32
  return %u : !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>
}

// -----

// CHECK-LABEL: func @scale_by_one
// CHECK-SAME: (%[[S:.*]]: !spectral.sst<64xf32, keep = 8>)
// CHECK-NEXT: return %[[S]]
func.func @scale_by_one(%s: !spectral.sst<64xf32, keep = 8>) -> !spectral.sst<64xf32, keep = 8> {
  %one = arith.constant 1.0 : f32
  %t = spectral.scale %s, %one : !spectral.sst<64xf32, keep = 8>, f32
  return %t : !spectral.sst<64xf32, keep = 8>
}

// -----

// CHECK-LABEL: func @scale_by_complex_one
// CHECK-SAME: (%[[S:.*]]: !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>)
// CHECK-NEXT: return %[[S]]
func.func @scale_by_complex_one(%s: !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>)
    -> !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft> {
  %one = complex.constant [1.0 : f32, 0.0 : f32] : complex<f32>
  %t = spectral.scale %s, %one : !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>, complex<f32>
  return %t : !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>
}

// -----

// i is not one.
// CHECK-LABEL: func @scale_by_i
// CHECK: spectral.scale
func.func @scale_by_i(%s: !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>)
    -> !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft> {
  %i = complex.constant [0.0 : f32, 1.0 : f32] : complex<f32>
  %t = spectral.scale %s, %i : !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>, complex<f32>
  return %t : !spectral.sst<16xcomplex<f32>, keep = 4, transform = fft>
}

// -----

// CHECK-LABEL: func @decompress_of_storage_round_trip
// CHECK-SAME: (%[[S:.*]]: !spectral.sst<64x64xf32, keep = 8, tile = [32, 32]>)
// CHECK-NEXT: %[[D:.*]] = spectral.decompress %[[S]]
// CHECK-NEXT: return %[[D]]
func.func @decompress_of_storage_round_trip(%s: !spectral.sst<64x64xf32, keep = 8, tile = [32, 32]>) -> tensor<64x64xf32> {
  %c = spectral.coefficients %s : !spectral.sst<64x64xf32, keep = 8, tile = [32, 32]>
  %p = spectral.positions %s : !spectral.sst<64x64xf32, keep = 8, tile = [32, 32]>
  %t = spectral.assemble %c, %p : tensor<4x8xcomplex<f32>>, tensor<4x8xi32>
         -> !spectral.sst<64x64xf32, keep = 8, tile = [32, 32]>
  %d = spectral.decompress %t : !spectral.sst<64x64xf32, keep = 8, tile = [32, 32]>
  return %d : tensor<64x64xf32>
}

// -----

// Storage of two different tensors does not make either of them.
// CHECK-LABEL: func @assemble_mixed_sources
// CHECK: spectral.assemble
func.func @assemble_mixed_sources(%a: !spectral.sst<64xf32, keep = 8>, %b: !spectral.sst<64xf32, keep = 8>)
    -> !spectral.sst<64xf32, keep = 8> {
  %c = spectral.coefficients %a : !spectral.sst<64xf32, keep = 8>
  %p = spectral.positions %b : !spectral.sst<64xf32, keep = 8>
  %t = spectral.assemble %c, %p : tensor<1x8xcomplex<f32>>, tensor<1x8xi32> -> !spectral.sst<64xf32, keep = 8>
  return %t : !spectral.sst<64xf32, keep = 8>
}

// -----

// The same storage read as another layout is a reinterpretation, kept.
// CHECK-LABEL: func @assemble_other_layout
// CHECK: spectral.assemble
func.func @assemble_other_layout(%a: !spectral.sst<64xf32, keep = 8>) -> !spectral.sst<64xf32, keep = 8, transform = fft> {
  %c = spectral.coefficients %a : !spectral.sst<64xf32, keep = 8>
  %p = spectral.positions %a : !spectral.sst<64xf32, keep = 8>
  %t = spectral.assemble %c, %p : tensor<1x8xcomplex<f32>>, tensor<1x8xi32> -> !spectral.sst<64xf32, keep = 8, transform = fft>
  return %t : !spectral.sst<64xf32, keep = 8, transform = fft>
}

// -----

// CHECK-LABEL: func @storage_of_assemble
// CHECK-SAME: (%[[C:.*]]: tensor<1x8xcomplex<f32>>, %[[P:.*]]: tensor<1x8xi32>)
// CHECK-NEXT: return %[[C]], %[[P]]
func.func @storage_of_assemble(%c: tensor<1x8xcomplex<f32>>, %p: tensor<1x8xi32>)
    -> (tensor<1x8xcomplex<f32>>, tensor<1x8xi32>) {
  %s = spectral.assemble %c, %p : tensor<1x8xcomplex<f32>>, tensor<1x8xi32> -> !spectral.sst<64xf32, keep = 8>
  %c2 = spectral.coefficients %s : !spectral.sst<64xf32, keep = 8>
  %p2 = spectral.positions %s : !spectral.sst<64xf32, keep = 8>
  return %c2, %p2 : tensor<1x8xcomplex<f32>>, tensor<1x8xi32>
}
