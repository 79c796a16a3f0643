// DEFINE: %{expected} = %{check} \
// DEFINE:   roundtrip:tile=4,6:axes=0,1:transform=rfft:keep=5 \
// DEFINE:   storage:tile=4,6:axes=0,1:transform=rfft:keep=5 \
// DEFINE:   energy \
// DEFINE:   slice:offsets=4,6 \
// DEFINE:   slice:offsets=4,0 \
// DEFINE:   roundtrip:tile=4,6:axes=0,1:transform=rfft:keep=5 \
// DEFINE:   roundtrip:tile=3,10:axes=1:transform=rfft:keep=3 \
// DEFINE:   roundtrip:tile=9,4:axes=0,1:transform=fft:keep=7 \
// DEFINE:   energy \
// DEFINE:   roundtrip:tile=3,2,5:axes=2,0:transform=rfft:keep=4:tol=1e-3 \
// DEFINE:   scale:tile=4,6:axes=0,1:transform=rfft:keep=5:factor=-2.5 \
// DEFINE:   add:tile=4,6:axes=0,1:transform=rfft:keep=5:keep_b=3:keep_out=7 \
// DEFINE:   matmul:tile=4,6:axes=0,1:transform=rfft:keep=6
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}

// Every op on !spectral.sst, executed and compared with numpy's own top-k
// selection (check_numpy.py implements the energy and Hermitian rules
// independently): compress/decompress round trips with tiles that need a
// transpose (4 x 6 of 8 x 12) and tiles that do not (3 x 10 row tiles,
// transform over axis 1 only), the fft layout of real data, a 3-D layout
// with the halved axis first and 6-byte storage; the kept coefficients and
// positions themselves; energy against the dense sum of squares; tiles
// decompressed alone (static and dynamic offsets, passing the compressed
// value through a call) against the full decompression; storage assembled
// again; scale, add, matmul.

!s8x12 = !spectral.sst<8x12xf32, keep = 5, tile = [4, 6]>
!s8x12b = !spectral.sst<8x12xf32, keep = 3, tile = [4, 6]>
!s8x12c = !spectral.sst<8x12xf32, keep = 7, tile = [4, 6]>
!s12x10 = !spectral.sst<12x10xf32, keep = 3, axes = [1], tile = [3, 10]>
!s9x8 = !spectral.sst<9x8xf32, keep = 7, transform = fft, tile = [9, 4]>
!s6x4x5 = !spectral.sst<6x4x5xf32, keep = 4, axes = [2, 0], tile = [3, 2, 5],
                        coeff = complex<f16>, index = i16>
!s8x6 = !spectral.sst<8x6xf32, keep = 6, tile = [4, 6]>

func.func @tiles_at(%s: !s8x12, %row: index) -> tensor<4x12xf32> {
  %t = spectral.decompress_tiles %s[%row, 0] [4, 12] : !s8x12
  return %t : tensor<4x12xf32>
}

// Rebuilds a compressed tensor from its storage (as when loading weights).
func.func @rebuild(%c: tensor<4x5xcomplex<f32>>, %p: tensor<4x5xi32>) -> !s8x12 {
  %s = spectral.assemble %c, %p : tensor<4x5xcomplex<f32>>, tensor<4x5xi32> -> !s8x12
  return %s : !s8x12
}

func.func @main() {
  %p = arith.constant 3.25 : f32
  %q = arith.constant 7.5 : f32

  // 8 x 12 in 4 x 6 tiles.
  %c96 = arith.constant 96 : index
  %d1 = func.call @real(%c96, %p) : (index, f32) -> tensor<?xf32>
  %f1 = tensor.cast %d1 : tensor<?xf32> to tensor<96xf32>
  %x1 = tensor.expand_shape %f1 [[0, 1]] output_shape [8, 12] : tensor<96xf32> into tensor<8x12xf32>
  %s1 = spectral.compress %x1 : tensor<8x12xf32> -> !s8x12
  %y1 = spectral.decompress %s1 : !s8x12
  %x1u = tensor.cast %x1 : tensor<8x12xf32> to tensor<*xf32>
  %y1u = tensor.cast %y1 : tensor<8x12xf32> to tensor<*xf32>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @show(%y1u) : (tensor<*xf32>) -> ()
  %c1 = spectral.coefficients %s1 : !s8x12
  %p1 = spectral.positions %s1 : !s8x12
  %c1u = tensor.cast %c1 : tensor<4x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  %p1u = tensor.cast %p1 : tensor<4x5xi32> to tensor<*xi32>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @showc(%c1u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showi(%p1u) : (tensor<*xi32>) -> ()
  %e1 = spectral.energy %s1 : !s8x12
  %e1t = tensor.from_elements %e1 : tensor<f32>
  %e1u = tensor.cast %e1t : tensor<f32> to tensor<*xf32>
  func.call @show(%y1u) : (tensor<*xf32>) -> ()
  func.call @show(%e1u) : (tensor<*xf32>) -> ()
  %t1 = spectral.decompress_tiles %s1[4, 6] [4, 6] : !s8x12
  %t1u = tensor.cast %t1 : tensor<4x6xf32> to tensor<*xf32>
  func.call @show(%y1u) : (tensor<*xf32>) -> ()
  func.call @show(%t1u) : (tensor<*xf32>) -> ()
  %c4 = arith.constant 4 : index
  %t2 = func.call @tiles_at(%s1, %c4) : (!s8x12, index) -> tensor<4x12xf32>
  %t2u = tensor.cast %t2 : tensor<4x12xf32> to tensor<*xf32>
  func.call @show(%y1u) : (tensor<*xf32>) -> ()
  func.call @show(%t2u) : (tensor<*xf32>) -> ()
  // Storage read back and assembled again decompresses to the same tensor.
  %r1 = func.call @rebuild(%c1, %p1) : (tensor<4x5xcomplex<f32>>, tensor<4x5xi32>) -> !s8x12
  %z1 = spectral.decompress %r1 : !s8x12
  %z1u = tensor.cast %z1 : tensor<8x12xf32> to tensor<*xf32>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @show(%z1u) : (tensor<*xf32>) -> ()

  // 12 x 10 in 3 x 10 row tiles, transformed along axis 1 only.
  %c120 = arith.constant 120 : index
  %d2 = func.call @real(%c120, %p) : (index, f32) -> tensor<?xf32>
  %f2 = tensor.cast %d2 : tensor<?xf32> to tensor<120xf32>
  %x2 = tensor.expand_shape %f2 [[0, 1]] output_shape [12, 10] : tensor<120xf32> into tensor<12x10xf32>
  %s2 = spectral.compress %x2 : tensor<12x10xf32> -> !s12x10
  %y2 = spectral.decompress %s2 : !s12x10
  %x2u = tensor.cast %x2 : tensor<12x10xf32> to tensor<*xf32>
  %y2u = tensor.cast %y2 : tensor<12x10xf32> to tensor<*xf32>
  func.call @show(%x2u) : (tensor<*xf32>) -> ()
  func.call @show(%y2u) : (tensor<*xf32>) -> ()

  // The fft layout of real data, 9 x 8 in 9 x 4 tiles; its energy is the
  // energy of the real part.
  %c72 = arith.constant 72 : index
  %d3 = func.call @real(%c72, %p) : (index, f32) -> tensor<?xf32>
  %f3 = tensor.cast %d3 : tensor<?xf32> to tensor<72xf32>
  %x3 = tensor.expand_shape %f3 [[0, 1]] output_shape [9, 8] : tensor<72xf32> into tensor<9x8xf32>
  %s3 = spectral.compress %x3 : tensor<9x8xf32> -> !s9x8
  %y3 = spectral.decompress %s3 : !s9x8
  %e3 = spectral.energy %s3 : !s9x8
  %x3u = tensor.cast %x3 : tensor<9x8xf32> to tensor<*xf32>
  %y3u = tensor.cast %y3 : tensor<9x8xf32> to tensor<*xf32>
  %e3t = tensor.from_elements %e3 : tensor<f32>
  %e3u = tensor.cast %e3t : tensor<f32> to tensor<*xf32>
  func.call @show(%x3u) : (tensor<*xf32>) -> ()
  func.call @show(%y3u) : (tensor<*xf32>) -> ()
  func.call @show(%y3u) : (tensor<*xf32>) -> ()
  func.call @show(%e3u) : (tensor<*xf32>) -> ()

  // 3-D, halved axis 0, complex<f16> coefficients and i16 positions.
  %d4 = func.call @real(%c120, %q) : (index, f32) -> tensor<?xf32>
  %f4 = tensor.cast %d4 : tensor<?xf32> to tensor<120xf32>
  %x4 = tensor.expand_shape %f4 [[0, 1, 2]] output_shape [6, 4, 5] : tensor<120xf32> into tensor<6x4x5xf32>
  %s4 = spectral.compress %x4 : tensor<6x4x5xf32> -> !s6x4x5
  %y4 = spectral.decompress %s4 : !s6x4x5
  %x4u = tensor.cast %x4 : tensor<6x4x5xf32> to tensor<*xf32>
  %y4u = tensor.cast %y4 : tensor<6x4x5xf32> to tensor<*xf32>
  func.call @show(%x4u) : (tensor<*xf32>) -> ()
  func.call @show(%y4u) : (tensor<*xf32>) -> ()

  // scale by -2.5.
  %factor = arith.constant -2.5 : f32
  %s5 = spectral.scale %s1, %factor : !s8x12, f32
  %y5 = spectral.decompress %s5 : !s8x12
  %y5u = tensor.cast %y5 : tensor<8x12xf32> to tensor<*xf32>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @show(%y5u) : (tensor<*xf32>) -> ()

  // add: keep 5 + keep 3 -> keep 7.
  %d6 = func.call @real(%c96, %q) : (index, f32) -> tensor<?xf32>
  %f6 = tensor.cast %d6 : tensor<?xf32> to tensor<96xf32>
  %x6 = tensor.expand_shape %f6 [[0, 1]] output_shape [8, 12] : tensor<96xf32> into tensor<8x12xf32>
  %s6 = spectral.compress %x6 : tensor<8x12xf32> -> !s8x12b
  %s7 = spectral.add %s1, %s6 : !s8x12, !s8x12b -> !s8x12c
  %y7 = spectral.decompress %s7 : !s8x12c
  %x6u = tensor.cast %x6 : tensor<8x12xf32> to tensor<*xf32>
  %y7u = tensor.cast %y7 : tensor<8x12xf32> to tensor<*xf32>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @show(%x6u) : (tensor<*xf32>) -> ()
  func.call @show(%y7u) : (tensor<*xf32>) -> ()

  // matmul: 3 x 8 times a compressed 8 x 6 weight.
  %c24 = arith.constant 24 : index
  %c48 = arith.constant 48 : index
  %d8 = func.call @real(%c24, %q) : (index, f32) -> tensor<?xf32>
  %f8 = tensor.cast %d8 : tensor<?xf32> to tensor<24xf32>
  %x8 = tensor.expand_shape %f8 [[0, 1]] output_shape [3, 8] : tensor<24xf32> into tensor<3x8xf32>
  %d9 = func.call @real(%c48, %p) : (index, f32) -> tensor<?xf32>
  %f9 = tensor.cast %d9 : tensor<?xf32> to tensor<48xf32>
  %w9 = tensor.expand_shape %f9 [[0, 1]] output_shape [8, 6] : tensor<48xf32> into tensor<8x6xf32>
  %s9 = spectral.compress %w9 : tensor<8x6xf32> -> !s8x6
  %y9 = spectral.matmul %x8, %s9 : tensor<3x8xf32>, !s8x6
  %x8u = tensor.cast %x8 : tensor<3x8xf32> to tensor<*xf32>
  %w9u = tensor.cast %w9 : tensor<8x6xf32> to tensor<*xf32>
  %y9u = tensor.cast %y9 : tensor<3x6xf32> to tensor<*xf32>
  func.call @show(%x8u) : (tensor<*xf32>) -> ()
  func.call @show(%w9u) : (tensor<*xf32>) -> ()
  func.call @show(%y9u) : (tensor<*xf32>) -> ()
  return
}
