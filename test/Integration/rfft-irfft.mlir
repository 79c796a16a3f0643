// DEFINE: %{expected} = %{check} \
// DEFINE:   rfft:axes=0 \
// DEFINE:   rfft:axes=0,1:norm=ortho \
// DEFINE:   rfft:axes=2,0:norm=forward \
// DEFINE:   irfft:axes=0:n=15 \
// DEFINE:   irfft:axes=0,1:n=12:norm=ortho \
// DEFINE:   irfft:axes=1:n=13:norm=forward \
// DEFINE:   rfft:axes=0,3,7
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}

// Real transforms of ranks 1, 2, 3 and 8; odd (7, 15), prime (13) and
// non-power-of-two lengths; every norm; a halved axis that is not the last
// dimension; irfft with odd and even n. Each case prints its input and its
// result; check_numpy.py recomputes the result with numpy.

func.func @main() {
  %p = arith.constant 0.25 : f32

  // Rank 1, odd length 7.
  %c7 = arith.constant 7 : index
  %d1 = func.call @real(%c7, %p) : (index, f32) -> tensor<?xf32>
  %x1 = tensor.cast %d1 : tensor<?xf32> to tensor<7xf32>
  %y1 = spectral.rfft %x1 : tensor<7xf32>
  %x1u = tensor.cast %x1 : tensor<7xf32> to tensor<*xf32>
  %y1u = tensor.cast %y1 : tensor<4xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @showc(%y1u) : (tensor<*xcomplex<f32>>) -> ()

  // Rank 2, 9 x 12, both axes, ortho.
  %c108 = arith.constant 108 : index
  %d2 = func.call @real(%c108, %p) : (index, f32) -> tensor<?xf32>
  %f2 = tensor.cast %d2 : tensor<?xf32> to tensor<108xf32>
  %x2 = tensor.expand_shape %f2 [[0, 1]] output_shape [9, 12] : tensor<108xf32> into tensor<9x12xf32>
  %y2 = spectral.rfft %x2 axes [0, 1] norm ortho : tensor<9x12xf32>
  %x2u = tensor.cast %x2 : tensor<9x12xf32> to tensor<*xf32>
  %y2u = tensor.cast %y2 : tensor<9x7xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @show(%x2u) : (tensor<*xf32>) -> ()
  func.call @showc(%y2u) : (tensor<*xcomplex<f32>>) -> ()

  // Rank 3, 5 x 4 x 6 over axes [2, 0]: the halved axis is 0 (odd, 5).
  %c120 = arith.constant 120 : index
  %d3 = func.call @real(%c120, %p) : (index, f32) -> tensor<?xf32>
  %f3 = tensor.cast %d3 : tensor<?xf32> to tensor<120xf32>
  %x3 = tensor.expand_shape %f3 [[0, 1, 2]] output_shape [5, 4, 6] : tensor<120xf32> into tensor<5x4x6xf32>
  %y3 = spectral.rfft %x3 axes [2, 0] norm forward : tensor<5x4x6xf32>
  %x3u = tensor.cast %x3 : tensor<5x4x6xf32> to tensor<*xf32>
  %y3u = tensor.cast %y3 : tensor<3x4x6xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @show(%x3u) : (tensor<*xf32>) -> ()
  func.call @showc(%y3u) : (tensor<*xcomplex<f32>>) -> ()

  // irfft, rank 1, odd n = 15 from 8 bins.
  %c8 = arith.constant 8 : index
  %d4 = func.call @cplx(%c8, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %x4 = tensor.cast %d4 : tensor<?xcomplex<f32>> to tensor<8xcomplex<f32>>
  %y4 = spectral.irfft %x4 n 15 : tensor<8xcomplex<f32>>
  %x4u = tensor.cast %x4 : tensor<8xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y4u = tensor.cast %y4 : tensor<15xf32> to tensor<*xf32>
  func.call @showc(%x4u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y4u) : (tensor<*xf32>) -> ()

  // irfft, rank 2, 6 x 7 bins -> 6 x 12, ortho. The input is not Hermitian
  // on the k = 0 and k = n/2 columns: the result must still match numpy.
  %c42 = arith.constant 42 : index
  %d5 = func.call @cplx(%c42, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %f5 = tensor.cast %d5 : tensor<?xcomplex<f32>> to tensor<42xcomplex<f32>>
  %x5 = tensor.expand_shape %f5 [[0, 1]] output_shape [6, 7] : tensor<42xcomplex<f32>> into tensor<6x7xcomplex<f32>>
  %y5 = spectral.irfft %x5 axes [0, 1] norm ortho : tensor<6x7xcomplex<f32>>
  %x5u = tensor.cast %x5 : tensor<6x7xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y5u = tensor.cast %y5 : tensor<6x12xf32> to tensor<*xf32>
  func.call @showc(%x5u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y5u) : (tensor<*xf32>) -> ()

  // irfft along axis 1 only, prime n = 13, forward.
  %c21 = arith.constant 21 : index
  %d6 = func.call @cplx(%c21, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %f6 = tensor.cast %d6 : tensor<?xcomplex<f32>> to tensor<21xcomplex<f32>>
  %x6 = tensor.expand_shape %f6 [[0, 1]] output_shape [3, 7] : tensor<21xcomplex<f32>> into tensor<3x7xcomplex<f32>>
  %y6 = spectral.irfft %x6 axes [1] n 13 norm forward : tensor<3x7xcomplex<f32>>
  %x6u = tensor.cast %x6 : tensor<3x7xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y6u = tensor.cast %y6 : tensor<3x13xf32> to tensor<*xf32>
  func.call @showc(%x6u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y6u) : (tensor<*xf32>) -> ()

  // Rank 8, 3x2x1x5x2x1x2x3 over axes [0, 3, 7].
  %c360 = arith.constant 360 : index
  %d7 = func.call @real(%c360, %p) : (index, f32) -> tensor<?xf32>
  %f7 = tensor.cast %d7 : tensor<?xf32> to tensor<360xf32>
  %x7 = tensor.expand_shape %f7 [[0, 1, 2, 3, 4, 5, 6, 7]] output_shape [3, 2, 1, 5, 2, 1, 2, 3]
          : tensor<360xf32> into tensor<3x2x1x5x2x1x2x3xf32>
  %y7 = spectral.rfft %x7 axes [0, 3, 7] : tensor<3x2x1x5x2x1x2x3xf32>
  %x7u = tensor.cast %x7 : tensor<3x2x1x5x2x1x2x3xf32> to tensor<*xf32>
  %y7u = tensor.cast %y7 : tensor<3x2x1x5x2x1x2x2xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @show(%x7u) : (tensor<*xf32>) -> ()
  func.call @showc(%y7u) : (tensor<*xcomplex<f32>>) -> ()
  return
}
