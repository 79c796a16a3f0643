// RUN: %{compile}="conv-policy=always" 2>/dev/null | %{run} \
// RUN:   | %{check} tosa_depthwise:pad=0,0,8,8 tosa_depthwise:pad=0,0,0,0
// RUN: %if cuda-execution %{ %{compile-gpu}="conv-policy=always" 2>/dev/null \
// RUN:   | %{run-gpu} \
// RUN:   | %{check} tosa_depthwise:pad=0,0,8,8 tosa_depthwise:pad=0,0,0,0 %}
// RUN: %{compile}="conv-policy=never" 2>/dev/null | %{run} \
// RUN:   | %{check} tosa_depthwise:pad=0,0,8,8 tosa_depthwise:pad=0,0,0,0
// RUN: %if cuda-execution %{ %{compile-gpu}="conv-policy=never" 2>/dev/null \
// RUN:   | %{run-gpu} \
// RUN:   | %{check} tosa_depthwise:pad=0,0,8,8 tosa_depthwise:pad=0,0,0,0 %}
// Through the pipeline's TOSA front door, tosa.depthwise_conv2d becomes
// linalg.depthwise_conv_2d_nhwc_hwcm (tosa-to-linalg-named), which
// spectral-fft-convolution converts, its `same` padding folded:
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:  | sst-opt -spectral-lower-tosa -spectral-fft-convolution="policy=always" 2>&1 >/dev/null \
// RUN:  | FileCheck %s --check-prefix=REMARKS
// REMARKS-COUNT-2: remark: converted to an FFT convolution

// tosa.depthwise_conv2d against direct sums in numpy: a 1 x 17 kernel along
// the width with `same` padding (pad = [0, 0, 8, 8]) and a bias, and a
// 3 x 5 kernel with channel multiplier 2, `valid`.

func.func @long_same(%x: tensor<2x1x64x4xf32>, %w: tensor<1x17x4x1xf32>, %b: tensor<4xf32>) -> tensor<2x1x64x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 8, 8>, stride = array<i64: 1, 1>} : (tensor<2x1x64x4xf32>, tensor<1x17x4x1xf32>, tensor<4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x1x64x4xf32>
  return %y : tensor<2x1x64x4xf32>
}

func.func @multiplier(%x: tensor<1x9x12x3xf32>, %w: tensor<3x5x3x2xf32>, %b: tensor<6xf32>) -> tensor<1x7x8x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x9x12x3xf32>, tensor<3x5x3x2xf32>, tensor<6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x7x8x6xf32>
  return %y : tensor<1x7x8x6xf32>
}

func.func @main() {
  %p = arith.constant 0.5 : f32
  %q = arith.constant 1.5 : f32
  %r = arith.constant 2.5 : f32

  %c512 = arith.constant 512 : index
  %d1 = func.call @real(%c512, %p) : (index, f32) -> tensor<?xf32>
  %f1 = tensor.cast %d1 : tensor<?xf32> to tensor<512xf32>
  %x1 = tensor.expand_shape %f1 [[0, 1, 2, 3]] output_shape [2, 1, 64, 4] : tensor<512xf32> into tensor<2x1x64x4xf32>
  %c68 = arith.constant 68 : index
  %e1 = func.call @real(%c68, %q) : (index, f32) -> tensor<?xf32>
  %g1 = tensor.cast %e1 : tensor<?xf32> to tensor<68xf32>
  %w1 = tensor.expand_shape %g1 [[0, 1, 2, 3]] output_shape [1, 17, 4, 1] : tensor<68xf32> into tensor<1x17x4x1xf32>
  %c4 = arith.constant 4 : index
  %h1 = func.call @real(%c4, %r) : (index, f32) -> tensor<?xf32>
  %b1 = tensor.cast %h1 : tensor<?xf32> to tensor<4xf32>
  %y1 = func.call @long_same(%x1, %w1, %b1) : (tensor<2x1x64x4xf32>, tensor<1x17x4x1xf32>, tensor<4xf32>) -> tensor<2x1x64x4xf32>
  %ux1 = tensor.cast %x1 : tensor<2x1x64x4xf32> to tensor<*xf32>
  %uw1 = tensor.cast %w1 : tensor<1x17x4x1xf32> to tensor<*xf32>
  %ub1 = tensor.cast %b1 : tensor<4xf32> to tensor<*xf32>
  %uy1 = tensor.cast %y1 : tensor<2x1x64x4xf32> to tensor<*xf32>
  func.call @show(%ux1) : (tensor<*xf32>) -> ()
  func.call @show(%uw1) : (tensor<*xf32>) -> ()
  func.call @show(%ub1) : (tensor<*xf32>) -> ()
  func.call @show(%uy1) : (tensor<*xf32>) -> ()

  %c324 = arith.constant 324 : index
  %d2 = func.call @real(%c324, %q) : (index, f32) -> tensor<?xf32>
  %f2 = tensor.cast %d2 : tensor<?xf32> to tensor<324xf32>
  %x2 = tensor.expand_shape %f2 [[0, 1, 2, 3]] output_shape [1, 9, 12, 3] : tensor<324xf32> into tensor<1x9x12x3xf32>
  %c90 = arith.constant 90 : index
  %e2 = func.call @real(%c90, %r) : (index, f32) -> tensor<?xf32>
  %g2 = tensor.cast %e2 : tensor<?xf32> to tensor<90xf32>
  %w2 = tensor.expand_shape %g2 [[0, 1, 2, 3]] output_shape [3, 5, 3, 2] : tensor<90xf32> into tensor<3x5x3x2xf32>
  %c6 = arith.constant 6 : index
  %h2 = func.call @real(%c6, %p) : (index, f32) -> tensor<?xf32>
  %b2 = tensor.cast %h2 : tensor<?xf32> to tensor<6xf32>
  %y2 = func.call @multiplier(%x2, %w2, %b2) : (tensor<1x9x12x3xf32>, tensor<3x5x3x2xf32>, tensor<6xf32>) -> tensor<1x7x8x6xf32>
  %ux2 = tensor.cast %x2 : tensor<1x9x12x3xf32> to tensor<*xf32>
  %uw2 = tensor.cast %w2 : tensor<3x5x3x2xf32> to tensor<*xf32>
  %ub2 = tensor.cast %b2 : tensor<6xf32> to tensor<*xf32>
  %uy2 = tensor.cast %y2 : tensor<1x7x8x6xf32> to tensor<*xf32>
  func.call @show(%ux2) : (tensor<*xf32>) -> ()
  func.call @show(%uw2) : (tensor<*xf32>) -> ()
  func.call @show(%ub2) : (tensor<*xf32>) -> ()
  func.call @show(%uy2) : (tensor<*xf32>) -> ()
  return
}
