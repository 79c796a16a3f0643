// DEFINE: %{expected} = %{check} \
// DEFINE:   decompress_adjoint:tile=4,6:axes=0,1:transform=rfft:keep=5 \
// DEFINE:   decompress_adjoint:tile=3,4:axes=1:transform=fft:keep=3
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}

// spectral.decompress_adjoint, the cotangent of decompress's coefficients,
// executed and compared with numpy (check_numpy.py): per tile, the
// transform of the cotangent at the positions numpy's own top-k keeps for
// the compressed data, times the bin weight over the transformed size.
// Tiles that need a transpose (4 x 6 of 8 x 12, rfft over both axes, pairs
// on the Hermitian planes) and complex data with fft over one axis. This
// test is also what the sanitizer build runs of this lowering: the
// Python-driven gradient checks (test/Python/sparse-adjoint.test) do not
// run there.

!s8x12 = !spectral.sst<8x12xf32, keep = 5, tile = [4, 6]>
!s6x8 = !spectral.sst<6x8xcomplex<f32>, keep = 3, transform = fft, axes = [1], tile = [3, 4]>

func.func @main() {
  %p = arith.constant 3.25 : f32
  %q = arith.constant 0.5 : f32

  %c96 = arith.constant 96 : index
  %dx1 = func.call @real(%c96, %p) : (index, f32) -> tensor<?xf32>
  %fx1 = tensor.cast %dx1 : tensor<?xf32> to tensor<96xf32>
  %x1 = tensor.expand_shape %fx1 [[0, 1]] output_shape [8, 12] : tensor<96xf32> into tensor<8x12xf32>
  %dg1 = func.call @real(%c96, %q) : (index, f32) -> tensor<?xf32>
  %fg1 = tensor.cast %dg1 : tensor<?xf32> to tensor<96xf32>
  %g1 = tensor.expand_shape %fg1 [[0, 1]] output_shape [8, 12] : tensor<96xf32> into tensor<8x12xf32>
  %s1 = spectral.compress %x1 : tensor<8x12xf32> -> !s8x12
  %ds1 = spectral.decompress_adjoint %g1, %s1 : tensor<8x12xf32>, !s8x12
  %dc1 = spectral.coefficients %ds1 : !s8x12
  %x1u = tensor.cast %x1 : tensor<8x12xf32> to tensor<*xf32>
  %g1u = tensor.cast %g1 : tensor<8x12xf32> to tensor<*xf32>
  %dc1u = tensor.cast %dc1 : tensor<4x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @show(%g1u) : (tensor<*xf32>) -> ()
  func.call @showc(%dc1u) : (tensor<*xcomplex<f32>>) -> ()

  %c48 = arith.constant 48 : index
  %dx2 = func.call @cplx(%c48, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %fx2 = tensor.cast %dx2 : tensor<?xcomplex<f32>> to tensor<48xcomplex<f32>>
  %x2 = tensor.expand_shape %fx2 [[0, 1]] output_shape [6, 8] : tensor<48xcomplex<f32>> into tensor<6x8xcomplex<f32>>
  %dg2 = func.call @cplx(%c48, %q) : (index, f32) -> tensor<?xcomplex<f32>>
  %fg2 = tensor.cast %dg2 : tensor<?xcomplex<f32>> to tensor<48xcomplex<f32>>
  %g2 = tensor.expand_shape %fg2 [[0, 1]] output_shape [6, 8] : tensor<48xcomplex<f32>> into tensor<6x8xcomplex<f32>>
  %s2 = spectral.compress %x2 : tensor<6x8xcomplex<f32>> -> !s6x8
  %ds2 = spectral.decompress_adjoint %g2, %s2 : tensor<6x8xcomplex<f32>>, !s6x8
  %dc2 = spectral.coefficients %ds2 : !s6x8
  %x2u = tensor.cast %x2 : tensor<6x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  %g2u = tensor.cast %g2 : tensor<6x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  %dc2u = tensor.cast %dc2 : tensor<4x3xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%x2u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%g2u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%dc2u) : (tensor<*xcomplex<f32>>) -> ()
  return
}
