// DEFINE: %{expected} = %{check} \
// DEFINE:   fft \
// DEFINE:   fft:axes=0,1:norm=ortho \
// DEFINE:   ifft:axes=1:norm=forward \
// DEFINE:   ifft \
// DEFINE:   fft:axes=7,2,0
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}

// Complex transforms of ranks 1, 2, 3 and 8: prime (13, 7), odd and
// non-power-of-two lengths, every norm, one middle axis of a rank-3 tensor.

func.func @main() {
  %p = arith.constant 0.5 : f32

  // Rank 1, prime length 13.
  %c13 = arith.constant 13 : index
  %d1 = func.call @cplx(%c13, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %x1 = tensor.cast %d1 : tensor<?xcomplex<f32>> to tensor<13xcomplex<f32>>
  %y1 = spectral.fft %x1 : tensor<13xcomplex<f32>>
  %x1u = tensor.cast %x1 : tensor<13xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y1u = tensor.cast %y1 : tensor<13xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%x1u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%y1u) : (tensor<*xcomplex<f32>>) -> ()

  // Rank 2, 6 x 10, ortho.
  %c60 = arith.constant 60 : index
  %d2 = func.call @cplx(%c60, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %f2 = tensor.cast %d2 : tensor<?xcomplex<f32>> to tensor<60xcomplex<f32>>
  %x2 = tensor.expand_shape %f2 [[0, 1]] output_shape [6, 10] : tensor<60xcomplex<f32>> into tensor<6x10xcomplex<f32>>
  %y2 = spectral.fft %x2 axes [0, 1] norm ortho : tensor<6x10xcomplex<f32>>
  %x2u = tensor.cast %x2 : tensor<6x10xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y2u = tensor.cast %y2 : tensor<6x10xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%x2u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%y2u) : (tensor<*xcomplex<f32>>) -> ()

  // Rank 3, 3 x 7 x 5, the middle axis only, forward norm.
  %c105 = arith.constant 105 : index
  %d3 = func.call @cplx(%c105, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %f3 = tensor.cast %d3 : tensor<?xcomplex<f32>> to tensor<105xcomplex<f32>>
  %x3 = tensor.expand_shape %f3 [[0, 1, 2]] output_shape [3, 7, 5] : tensor<105xcomplex<f32>> into tensor<3x7x5xcomplex<f32>>
  %y3 = spectral.ifft %x3 axes [1] norm forward : tensor<3x7x5xcomplex<f32>>
  %x3u = tensor.cast %x3 : tensor<3x7x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y3u = tensor.cast %y3 : tensor<3x7x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%x3u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%y3u) : (tensor<*xcomplex<f32>>) -> ()

  // Rank 1 inverse, length 100 (2^2 5^2), default backward norm (1/n).
  %c100 = arith.constant 100 : index
  %d4 = func.call @cplx(%c100, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %x4 = tensor.cast %d4 : tensor<?xcomplex<f32>> to tensor<100xcomplex<f32>>
  %y4 = spectral.ifft %x4 : tensor<100xcomplex<f32>>
  %x4u = tensor.cast %x4 : tensor<100xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y4u = tensor.cast %y4 : tensor<100xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%x4u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%y4u) : (tensor<*xcomplex<f32>>) -> ()

  // Rank 8, 3x1x2x1x2x1x1x5, axes [7, 2, 0].
  %c60b = arith.constant 60 : index
  %d5 = func.call @cplx(%c60b, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %f5 = tensor.cast %d5 : tensor<?xcomplex<f32>> to tensor<60xcomplex<f32>>
  %x5 = tensor.expand_shape %f5 [[0, 1, 2, 3, 4, 5, 6, 7]] output_shape [3, 1, 2, 1, 2, 1, 1, 5]
          : tensor<60xcomplex<f32>> into tensor<3x1x2x1x2x1x1x5xcomplex<f32>>
  %y5 = spectral.fft %x5 axes [7, 2, 0] : tensor<3x1x2x1x2x1x1x5xcomplex<f32>>
  %x5u = tensor.cast %x5 : tensor<3x1x2x1x2x1x1x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y5u = tensor.cast %y5 : tensor<3x1x2x1x2x1x1x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%x5u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%y5u) : (tensor<*xcomplex<f32>>) -> ()
  return
}
