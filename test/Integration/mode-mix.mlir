// RUN: %{compile} | %{run} \
// RUN:   | %{check} mode_mix:axes=2,3:channel=1:modes=5,3 mode_mix:axes=1:channel=2:modes=4:norm=ortho resample:axes=1 resample:axes=0
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} \
// RUN:   | %{check} mode_mix:axes=2,3:channel=1:modes=5,3 mode_mix:axes=1:channel=2:modes=4:norm=ortho resample:axes=1 resample:axes=0 %}

// spectral.mode_mix (2-D channels first, odd mode count on the full axis;
// 1-D channels last to a longer output with the ortho norm) and
// spectral.resample (an even length down to an odd one, up from an even
// length), executed against numpy and scipy (check_numpy.py). This test is
// also what the sanitizer build runs of these ops: the Python-driven
// checks (test/Python) do not run there.

func.func @main() {
  %p = arith.constant 0.5 : f32

  // 2 x 3 x 8 x 6 -> 2 x 2 x 8 x 6, weight 3 x 2 x 5 x 3.
  %c288 = arith.constant 288 : index
  %c90 = arith.constant 90 : index
  %dx1 = func.call @real(%c288, %p) : (index, f32) -> tensor<?xf32>
  %fx1 = tensor.cast %dx1 : tensor<?xf32> to tensor<288xf32>
  %x1 = tensor.expand_shape %fx1 [[0, 1, 2, 3]] output_shape [2, 3, 8, 6] : tensor<288xf32> into tensor<2x3x8x6xf32>
  %dw1 = func.call @cplx(%c90, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %fw1 = tensor.cast %dw1 : tensor<?xcomplex<f32>> to tensor<90xcomplex<f32>>
  %w1 = tensor.expand_shape %fw1 [[0, 1, 2, 3]] output_shape [3, 2, 5, 3] : tensor<90xcomplex<f32>> into tensor<3x2x5x3xcomplex<f32>>
  %y1 = spectral.mode_mix %x1, %w1 axes [2, 3] channel 1 modes [5, 3]
          : tensor<2x3x8x6xf32>, tensor<3x2x5x3xcomplex<f32>> -> tensor<2x2x8x6xf32>
  %x1u = tensor.cast %x1 : tensor<2x3x8x6xf32> to tensor<*xf32>
  %w1u = tensor.cast %w1 : tensor<3x2x5x3xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y1u = tensor.cast %y1 : tensor<2x2x8x6xf32> to tensor<*xf32>
  func.call @show(%x1u) : (tensor<*xf32>) -> ()
  func.call @showc(%w1u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y1u) : (tensor<*xf32>) -> ()

  // 2 x 9 x 3 -> 2 x 14 x 4, weight 3 x 4 x 4.
  %c54 = arith.constant 54 : index
  %c48 = arith.constant 48 : index
  %dx2 = func.call @real(%c54, %p) : (index, f32) -> tensor<?xf32>
  %fx2 = tensor.cast %dx2 : tensor<?xf32> to tensor<54xf32>
  %x2 = tensor.expand_shape %fx2 [[0, 1, 2]] output_shape [2, 9, 3] : tensor<54xf32> into tensor<2x9x3xf32>
  %dw2 = func.call @cplx(%c48, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %fw2 = tensor.cast %dw2 : tensor<?xcomplex<f32>> to tensor<48xcomplex<f32>>
  %w2 = tensor.expand_shape %fw2 [[0, 1, 2]] output_shape [3, 4, 4] : tensor<48xcomplex<f32>> into tensor<3x4x4xcomplex<f32>>
  %y2 = spectral.mode_mix %x2, %w2 axes [1] channel 2 modes [4] norm ortho
          : tensor<2x9x3xf32>, tensor<3x4x4xcomplex<f32>> -> tensor<2x14x4xf32>
  %x2u = tensor.cast %x2 : tensor<2x9x3xf32> to tensor<*xf32>
  %w2u = tensor.cast %w2 : tensor<3x4x4xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y2u = tensor.cast %y2 : tensor<2x14x4xf32> to tensor<*xf32>
  func.call @show(%x2u) : (tensor<*xf32>) -> ()
  func.call @showc(%w2u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y2u) : (tensor<*xf32>) -> ()

  // resample 3 x 12 -> 3 x 7 along axis 1.
  %c36 = arith.constant 36 : index
  %dx3 = func.call @real(%c36, %p) : (index, f32) -> tensor<?xf32>
  %fx3 = tensor.cast %dx3 : tensor<?xf32> to tensor<36xf32>
  %x3 = tensor.expand_shape %fx3 [[0, 1]] output_shape [3, 12] : tensor<36xf32> into tensor<3x12xf32>
  %y3 = spectral.resample %x3 axes [1] : tensor<3x12xf32> -> tensor<3x7xf32>
  %x3u = tensor.cast %x3 : tensor<3x12xf32> to tensor<*xf32>
  %y3u = tensor.cast %y3 : tensor<3x7xf32> to tensor<*xf32>
  func.call @show(%x3u) : (tensor<*xf32>) -> ()
  func.call @show(%y3u) : (tensor<*xf32>) -> ()

  // resample 10 x 4 -> 16 x 4 along axis 0.
  %c40 = arith.constant 40 : index
  %dx4 = func.call @real(%c40, %p) : (index, f32) -> tensor<?xf32>
  %fx4 = tensor.cast %dx4 : tensor<?xf32> to tensor<40xf32>
  %x4 = tensor.expand_shape %fx4 [[0, 1]] output_shape [10, 4] : tensor<40xf32> into tensor<10x4xf32>
  %y4 = spectral.resample %x4 axes [0] : tensor<10x4xf32> -> tensor<16x4xf32>
  %x4u = tensor.cast %x4 : tensor<10x4xf32> to tensor<*xf32>
  %y4u = tensor.cast %y4 : tensor<16x4xf32> to tensor<*xf32>
  func.call @show(%x4u) : (tensor<*xf32>) -> ()
  func.call @show(%y4u) : (tensor<*xf32>) -> ()
  return
}
