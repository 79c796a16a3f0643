// DEFINE: %{expected} = %{check} \
// DEFINE:   conv:axes=1:mode=full conv:axes=1:mode=same conv:axes=1:mode=causal \
// DEFINE:   conv:axes=0,1:mode=same conv:axes=0,1,2:mode=full
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}
// REDEFINE: %{expected} = %{check} \
// REDEFINE:   conv:axes=1:mode=full conv:axes=1:mode=same conv:axes=1:mode=causal \
// REDEFINE:   conv:axes=0,1:mode=same conv:axes=0,1,2:mode=full
// RUN: %{compile}="fast-conv-sizes=false" | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu}="fast-conv-sizes=false" \
// RUN:   | %{run-gpu} | %{expected} %}

// Linear convolution in every mode, checked against a direct sum: 1-D with a
// kernel broadcast over the batch (n = 23, m = 6: padded 28, or 30 with fast
// sizes), 2-D with an even kernel length, 3-D. Run with and without rounding
// the FFT lengths up.

func.func @main() {
  %p = arith.constant 2.5 : f32

  // 3 x 23 signal, 1 x 6 kernel.
  %c69 = arith.constant 69 : index
  %c6 = arith.constant 6 : index
  %dx1 = func.call @real(%c69, %p) : (index, f32) -> tensor<?xf32>
  %fx1 = tensor.cast %dx1 : tensor<?xf32> to tensor<69xf32>
  %x1 = tensor.expand_shape %fx1 [[0, 1]] output_shape [3, 23] : tensor<69xf32> into tensor<3x23xf32>
  %dk1 = func.call @real(%c6, %p) : (index, f32) -> tensor<?xf32>
  %fk1 = tensor.cast %dk1 : tensor<?xf32> to tensor<6xf32>
  %k1 = tensor.expand_shape %fk1 [[0, 1]] output_shape [1, 6] : tensor<6xf32> into tensor<1x6xf32>
  %full = spectral.conv %x1, %k1 axes [1] mode full : tensor<3x23xf32>, tensor<1x6xf32>
  %same = spectral.conv %x1, %k1 axes [1] mode same : tensor<3x23xf32>, tensor<1x6xf32>
  %causal = spectral.conv %x1, %k1 axes [1] mode causal : tensor<3x23xf32>, tensor<1x6xf32>
  %x1u = tensor.cast %x1 : tensor<3x23xf32> to tensor<*xf32>
  %k1u = tensor.cast %k1 : tensor<1x6xf32> to tensor<*xf32>
  %fullu = tensor.cast %full : tensor<3x28xf32> to tensor<*xf32>
  %sameu = tensor.cast %same : tensor<3x23xf32> to tensor<*xf32>
  %causalu = tensor.cast %causal : tensor<3x23xf32> to tensor<*xf32>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @show(%k1u) : (tensor<*xf32>) -> ()
  func.call @show(%fullu) : (tensor<*xf32>) -> ()
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @show(%k1u) : (tensor<*xf32>) -> ()
  func.call @show(%sameu) : (tensor<*xf32>) -> ()
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @show(%k1u) : (tensor<*xf32>) -> ()
  func.call @show(%causalu) : (tensor<*xf32>) -> ()

  // 2-D: 9 x 11 image, 4 x 3 kernel, same.
  %c99 = arith.constant 99 : index
  %c12 = arith.constant 12 : index
  %dx2 = func.call @real(%c99, %p) : (index, f32) -> tensor<?xf32>
  %fx2 = tensor.cast %dx2 : tensor<?xf32> to tensor<99xf32>
  %x2 = tensor.expand_shape %fx2 [[0, 1]] output_shape [9, 11] : tensor<99xf32> into tensor<9x11xf32>
  %dk2 = func.call @real(%c12, %p) : (index, f32) -> tensor<?xf32>
  %fk2 = tensor.cast %dk2 : tensor<?xf32> to tensor<12xf32>
  %k2 = tensor.expand_shape %fk2 [[0, 1]] output_shape [4, 3] : tensor<12xf32> into tensor<4x3xf32>
  %y2 = spectral.conv %x2, %k2 axes [0, 1] mode same : tensor<9x11xf32>, tensor<4x3xf32>
  %x2u = tensor.cast %x2 : tensor<9x11xf32> to tensor<*xf32>
  %k2u = tensor.cast %k2 : tensor<4x3xf32> to tensor<*xf32>
  %y2u = tensor.cast %y2 : tensor<9x11xf32> to tensor<*xf32>
  func.call @show(%x2u) : (tensor<*xf32>) -> ()
  func.call @show(%k2u) : (tensor<*xf32>) -> ()
  func.call @show(%y2u) : (tensor<*xf32>) -> ()

  // 3-D: 4 x 5 x 3 volume, 2 x 3 x 2 kernel, full.
  %c60 = arith.constant 60 : index
  %dx3 = func.call @real(%c60, %p) : (index, f32) -> tensor<?xf32>
  %fx3 = tensor.cast %dx3 : tensor<?xf32> to tensor<60xf32>
  %x3 = tensor.expand_shape %fx3 [[0, 1, 2]] output_shape [4, 5, 3] : tensor<60xf32> into tensor<4x5x3xf32>
  %dk3 = func.call @real(%c12, %p) : (index, f32) -> tensor<?xf32>
  %fk3 = tensor.cast %dk3 : tensor<?xf32> to tensor<12xf32>
  %k3 = tensor.expand_shape %fk3 [[0, 1, 2]] output_shape [2, 3, 2] : tensor<12xf32> into tensor<2x3x2xf32>
  %y3 = spectral.conv %x3, %k3 axes [0, 1, 2] : tensor<4x5x3xf32>, tensor<2x3x2xf32>
  %x3u = tensor.cast %x3 : tensor<4x5x3xf32> to tensor<*xf32>
  %k3u = tensor.cast %k3 : tensor<2x3x2xf32> to tensor<*xf32>
  %y3u = tensor.cast %y3 : tensor<5x7x4xf32> to tensor<*xf32>
  func.call @show(%x3u) : (tensor<*xf32>) -> ()
  func.call @show(%k3u) : (tensor<*xf32>) -> ()
  func.call @show(%y3u) : (tensor<*xf32>) -> ()
  return
}
