// A small 2-D Fourier neural operator, for examples/fno_training.py: two
// spectral convolutions (spectral.mode_mix) with a residual connection,
//
//   h = x + mode_mix(x, W1),   y = mode_mix(h, W2),
//
// on batches of 4 fields of 8 channels on a 32 x 32 grid, 8 frequencies of
// each sign on the first axis and 8 bins of the second. Marked with
// spectral.gradient, so spectral-differentiate (run by the pipeline) builds
// @fno_vjp(x, W1, W2, dL/dy) -> (y, dL/dx, dL/dW1, dL/dW2).

func.func @fno(%x: tensor<4x8x32x32xf32>, %w1: tensor<8x8x16x8xcomplex<f32>>,
               %w2: tensor<8x8x16x8xcomplex<f32>>) -> tensor<4x8x32x32xf32>
    attributes {spectral.gradient = @fno_vjp, llvm.emit_c_interface} {
  %m1 = spectral.mode_mix %x, %w1 axes [2, 3] channel 1 modes [16, 8]
          : tensor<4x8x32x32xf32>, tensor<8x8x16x8xcomplex<f32>> -> tensor<4x8x32x32xf32>
  %e = tensor.empty() : tensor<4x8x32x32xf32>
  %h = linalg.add ins(%x, %m1 : tensor<4x8x32x32xf32>, tensor<4x8x32x32xf32>)
         outs(%e : tensor<4x8x32x32xf32>) -> tensor<4x8x32x32xf32>
  %y = spectral.mode_mix %h, %w2 axes [2, 3] channel 1 modes [16, 8]
         : tensor<4x8x32x32xf32>, tensor<8x8x16x8xcomplex<f32>> -> tensor<4x8x32x32xf32>
  return %y : tensor<4x8x32x32xf32>
}
