// RUN: %{compile} | %{run} | %{check} mix:axis=1 mix:axis=1 mix:axis=0
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} \
// RUN:   | %{check} mix:axis=1 mix:axis=1 mix:axis=0 %}

// spectral.mix = irfft(rfft(x, axis) * filter, n = T): a filter shared by
// every channel with an even T, a per-channel filter broadcast over the batch
// with a prime T, and mixing along the first axis with an odd T.

func.func @main() {
  %p = arith.constant 1.5 : f32

  // 2 x 16 x 3, shared filter of 9 bins.
  %c96 = arith.constant 96 : index
  %c9 = arith.constant 9 : index
  %dx1 = func.call @real(%c96, %p) : (index, f32) -> tensor<?xf32>
  %fx1 = tensor.cast %dx1 : tensor<?xf32> to tensor<96xf32>
  %x1 = tensor.expand_shape %fx1 [[0, 1, 2]] output_shape [2, 16, 3] : tensor<96xf32> into tensor<2x16x3xf32>
  %df1 = func.call @cplx(%c9, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %f1 = tensor.cast %df1 : tensor<?xcomplex<f32>> to tensor<9xcomplex<f32>>
  %y1 = spectral.mix %x1, %f1 axis 1 : tensor<2x16x3xf32>, tensor<9xcomplex<f32>>
  %x1u = tensor.cast %x1 : tensor<2x16x3xf32> to tensor<*xf32>
  %f1u = tensor.cast %f1 : tensor<9xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y1u = tensor.cast %y1 : tensor<2x16x3xf32> to tensor<*xf32>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @showc(%f1u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y1u) : (tensor<*xf32>) -> ()

  // 2 x 13 x 4, one filter per channel: 1 x 7 x 4.
  %c104 = arith.constant 104 : index
  %c28 = arith.constant 28 : index
  %dx2 = func.call @real(%c104, %p) : (index, f32) -> tensor<?xf32>
  %fx2 = tensor.cast %dx2 : tensor<?xf32> to tensor<104xf32>
  %x2 = tensor.expand_shape %fx2 [[0, 1, 2]] output_shape [2, 13, 4] : tensor<104xf32> into tensor<2x13x4xf32>
  %df2 = func.call @cplx(%c28, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %ff2 = tensor.cast %df2 : tensor<?xcomplex<f32>> to tensor<28xcomplex<f32>>
  %f2 = tensor.expand_shape %ff2 [[0, 1, 2]] output_shape [1, 7, 4] : tensor<28xcomplex<f32>> into tensor<1x7x4xcomplex<f32>>
  %y2 = spectral.mix %x2, %f2 axis 1 : tensor<2x13x4xf32>, tensor<1x7x4xcomplex<f32>>
  %x2u = tensor.cast %x2 : tensor<2x13x4xf32> to tensor<*xf32>
  %f2u = tensor.cast %f2 : tensor<1x7x4xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y2u = tensor.cast %y2 : tensor<2x13x4xf32> to tensor<*xf32>
  func.call @show(%x2u) : (tensor<*xf32>) -> ()
  func.call @showc(%f2u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y2u) : (tensor<*xf32>) -> ()

  // 15 x 2, mixing along axis 0 with a shared filter of 8 bins.
  %c30 = arith.constant 30 : index
  %c8 = arith.constant 8 : index
  %dx3 = func.call @real(%c30, %p) : (index, f32) -> tensor<?xf32>
  %fx3 = tensor.cast %dx3 : tensor<?xf32> to tensor<30xf32>
  %x3 = tensor.expand_shape %fx3 [[0, 1]] output_shape [15, 2] : tensor<30xf32> into tensor<15x2xf32>
  %df3 = func.call @cplx(%c8, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %f3 = tensor.cast %df3 : tensor<?xcomplex<f32>> to tensor<8xcomplex<f32>>
  %y3 = spectral.mix %x3, %f3 axis 0 : tensor<15x2xf32>, tensor<8xcomplex<f32>>
  %x3u = tensor.cast %x3 : tensor<15x2xf32> to tensor<*xf32>
  %f3u = tensor.cast %f3 : tensor<8xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y3u = tensor.cast %y3 : tensor<15x2xf32> to tensor<*xf32>
  func.call @show(%x3u) : (tensor<*xf32>) -> ()
  func.call @showc(%f3u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y3u) : (tensor<*xf32>) -> ()
  return
}
