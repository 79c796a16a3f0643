// DEFINE: %{expected} = %{check} \
// DEFINE:   linalg_conv:kind=nwc_wcf:pad=4,4 linalg_conv:kind=ncw_fcw \
// DEFINE:   linalg_conv:kind=nhwc_hwcf:pad=1,1,2,1 linalg_conv:kind=nhwc_fhwc \
// DEFINE:   linalg_conv:kind=nchw_fchw:pad=1,1,1,1 tosa_conv2d:pad=2,2,1,1
// RUN: %{compile}="conv-policy=always" 2>/dev/null | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu}="conv-policy=always" 2>/dev/null \
// RUN:   | %{run-gpu} | %{expected} %}
// REDEFINE: %{expected} = %{check} \
// REDEFINE:   linalg_conv:kind=nwc_wcf:pad=4,4 linalg_conv:kind=ncw_fcw \
// REDEFINE:   linalg_conv:kind=nhwc_hwcf:pad=1,1,2,1 linalg_conv:kind=nhwc_fhwc \
// REDEFINE:   linalg_conv:kind=nchw_fchw:pad=1,1,1,1 tosa_conv2d:pad=2,2,1,1
// RUN: %{compile}="conv-policy=never" 2>/dev/null | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu}="conv-policy=never" 2>/dev/null \
// RUN:   | %{run-gpu} | %{expected} %}
// Every convolution, tosa.conv2d included (through the TOSA front door), is
// converted with policy=always:
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:  | sst-opt -spectral-lower-tosa -spectral-fft-convolution="policy=always" 2>&1 >/dev/null \
// RUN:  | FileCheck %s --check-prefix=REMARKS
// REMARKS-COUNT-6: remark: converted to an FFT convolution
// REMARKS-NOT: remark

// Convolutions that mix channels (C in, F out), converted to a transform of
// the padded input and of the reversed kernel, a per-frequency contraction
// over C, and an inverse transform; against direct sums in numpy. 1-D and
// 2-D, channels-last and channels-first, `same` padding with a bias, a
// dynamic batch, and tosa.conv2d with its bias.

func.func @nwcSame(%x: tensor<2x40x3xf32>, %k: tensor<9x3x4xf32>, %b: tensor<2x40x4xf32>) -> tensor<2x40x4xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 4, 0] high[0, 4, 0] {
  ^bb0(%i0: index, %i1: index, %i2: index):
    tensor.yield %zero : f32
  } : tensor<2x40x3xf32> to tensor<2x48x3xf32>
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%p, %k : tensor<2x48x3xf32>, tensor<9x3x4xf32>) outs(%b : tensor<2x40x4xf32>) -> tensor<2x40x4xf32>
  return %y : tensor<2x40x4xf32>
}

func.func @ncwValid(%x: tensor<1x3x33xf32>, %k: tensor<2x3x8xf32>, %b: tensor<1x2x26xf32>) -> tensor<1x2x26xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x26xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<1x2x26xf32>) -> tensor<1x2x26xf32>
  %y = linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%x, %k : tensor<1x3x33xf32>, tensor<2x3x8xf32>) outs(%fill : tensor<1x2x26xf32>) -> tensor<1x2x26xf32>
  return %y : tensor<1x2x26xf32>
}

func.func @nhwcHwcf(%x: tensor<1x10x9x2xf32>, %k: tensor<3x4x2x3xf32>, %b: tensor<1x10x9x3xf32>) -> tensor<1x10x9x3xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 2, 0] high[0, 1, 1, 0] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %zero : f32
  } : tensor<1x10x9x2xf32> to tensor<1x12x12x2xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x10x9x3xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<1x10x9x3xf32>) -> tensor<1x10x9x3xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %k : tensor<1x12x12x2xf32>, tensor<3x4x2x3xf32>) outs(%fill : tensor<1x10x9x3xf32>) -> tensor<1x10x9x3xf32>
  return %y : tensor<1x10x9x3xf32>
}

func.func @nhwcFhwcDynamicBatch(%x: tensor<?x8x8x3xf32>, %k: tensor<4x5x5x3xf32>, %b: tensor<?x4x4x4xf32>) -> tensor<?x4x4x4xf32> {
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x8x8x3xf32>
  %e = tensor.empty(%n) : tensor<?x4x4x4xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<?x4x4x4xf32>) -> tensor<?x4x4x4xf32>
  %y = linalg.conv_2d_nhwc_fhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %k : tensor<?x8x8x3xf32>, tensor<4x5x5x3xf32>) outs(%fill : tensor<?x4x4x4xf32>) -> tensor<?x4x4x4xf32>
  return %y : tensor<?x4x4x4xf32>
}

func.func @nchwSame(%x: tensor<1x2x9x7xf32>, %k: tensor<3x2x3x3xf32>, %b: tensor<1x3x9x7xf32>) -> tensor<1x3x9x7xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %zero : f32
  } : tensor<1x2x9x7xf32> to tensor<1x2x11x9xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %k : tensor<1x2x11x9xf32>, tensor<3x2x3x3xf32>) outs(%b : tensor<1x3x9x7xf32>) -> tensor<1x3x9x7xf32>
  return %y : tensor<1x3x9x7xf32>
}

func.func @tosaConv2d(%x: tensor<1x6x7x2xf32>, %w: tensor<3x5x3x2xf32>, %b: tensor<3xf32>) -> tensor<1x6x7x3xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 2, 2, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x6x7x2xf32>, tensor<3x5x3x2xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x6x7x3xf32>
  return %y : tensor<1x6x7x3xf32>
}

func.func @main() {
  // nwcSame: nwc_wcf, input [2, 40, 3], kernel [9, 3, 4], pads [(4, 4)], bias
  %nx0 = arith.constant 240 : index
  %phx0 = arith.constant 0.25 : f32
  %fx0 = func.call @real(%nx0, %phx0) : (index, f32) -> tensor<?xf32>
  %sx0 = tensor.cast %fx0 : tensor<?xf32> to tensor<240xf32>
  %x0 = tensor.expand_shape %sx0 [[0, 1, 2]] output_shape [2, 40, 3] : tensor<240xf32> into tensor<2x40x3xf32>
  %ux0 = tensor.cast %x0 : tensor<2x40x3xf32> to tensor<*xf32>
  %nk0 = arith.constant 108 : index
  %phk0 = arith.constant 0.75 : f32
  %fk0 = func.call @real(%nk0, %phk0) : (index, f32) -> tensor<?xf32>
  %sk0 = tensor.cast %fk0 : tensor<?xf32> to tensor<108xf32>
  %k0 = tensor.expand_shape %sk0 [[0, 1, 2]] output_shape [9, 3, 4] : tensor<108xf32> into tensor<9x3x4xf32>
  %uk0 = tensor.cast %k0 : tensor<9x3x4xf32> to tensor<*xf32>
  %nb0 = arith.constant 320 : index
  %phb0 = arith.constant 1.25 : f32
  %fb0 = func.call @real(%nb0, %phb0) : (index, f32) -> tensor<?xf32>
  %sb0 = tensor.cast %fb0 : tensor<?xf32> to tensor<320xf32>
  %b0 = tensor.expand_shape %sb0 [[0, 1, 2]] output_shape [2, 40, 4] : tensor<320xf32> into tensor<2x40x4xf32>
  %ub0 = tensor.cast %b0 : tensor<2x40x4xf32> to tensor<*xf32>
  %y0 = func.call @nwcSame(%x0, %k0, %b0) : (tensor<2x40x3xf32>, tensor<9x3x4xf32>, tensor<2x40x4xf32>) -> tensor<2x40x4xf32>
  %uy0 = tensor.cast %y0 : tensor<2x40x4xf32> to tensor<*xf32>
  func.call @show(%ux0) : (tensor<*xf32>) -> ()
  func.call @show(%uk0) : (tensor<*xf32>) -> ()
  func.call @show(%ub0) : (tensor<*xf32>) -> ()
  func.call @show(%uy0) : (tensor<*xf32>) -> ()
  // ncwValid: ncw_fcw, input [1, 3, 33], kernel [2, 3, 8], pads [(0, 0)]
  %nx1 = arith.constant 99 : index
  %phx1 = arith.constant 1.75 : f32
  %fx1 = func.call @real(%nx1, %phx1) : (index, f32) -> tensor<?xf32>
  %sx1 = tensor.cast %fx1 : tensor<?xf32> to tensor<99xf32>
  %x1 = tensor.expand_shape %sx1 [[0, 1, 2]] output_shape [1, 3, 33] : tensor<99xf32> into tensor<1x3x33xf32>
  %ux1 = tensor.cast %x1 : tensor<1x3x33xf32> to tensor<*xf32>
  %nk1 = arith.constant 48 : index
  %phk1 = arith.constant 2.25 : f32
  %fk1 = func.call @real(%nk1, %phk1) : (index, f32) -> tensor<?xf32>
  %sk1 = tensor.cast %fk1 : tensor<?xf32> to tensor<48xf32>
  %k1 = tensor.expand_shape %sk1 [[0, 1, 2]] output_shape [2, 3, 8] : tensor<48xf32> into tensor<2x3x8xf32>
  %uk1 = tensor.cast %k1 : tensor<2x3x8xf32> to tensor<*xf32>
  %zb1 = arith.constant 0.0 : f32
  %b1 = tensor.splat %zb1 : tensor<1x2x26xf32>
  %ub1 = tensor.cast %b1 : tensor<1x2x26xf32> to tensor<*xf32>
  %y1 = func.call @ncwValid(%x1, %k1, %b1) : (tensor<1x3x33xf32>, tensor<2x3x8xf32>, tensor<1x2x26xf32>) -> tensor<1x2x26xf32>
  %uy1 = tensor.cast %y1 : tensor<1x2x26xf32> to tensor<*xf32>
  func.call @show(%ux1) : (tensor<*xf32>) -> ()
  func.call @show(%uk1) : (tensor<*xf32>) -> ()
  func.call @show(%ub1) : (tensor<*xf32>) -> ()
  func.call @show(%uy1) : (tensor<*xf32>) -> ()
  // nhwcHwcf: nhwc_hwcf, input [1, 10, 9, 2], kernel [3, 4, 2, 3], pads [(1, 1), (2, 1)]
  %nx2 = arith.constant 180 : index
  %phx2 = arith.constant 2.75 : f32
  %fx2 = func.call @real(%nx2, %phx2) : (index, f32) -> tensor<?xf32>
  %sx2 = tensor.cast %fx2 : tensor<?xf32> to tensor<180xf32>
  %x2 = tensor.expand_shape %sx2 [[0, 1, 2, 3]] output_shape [1, 10, 9, 2] : tensor<180xf32> into tensor<1x10x9x2xf32>
  %ux2 = tensor.cast %x2 : tensor<1x10x9x2xf32> to tensor<*xf32>
  %nk2 = arith.constant 72 : index
  %phk2 = arith.constant 3.25 : f32
  %fk2 = func.call @real(%nk2, %phk2) : (index, f32) -> tensor<?xf32>
  %sk2 = tensor.cast %fk2 : tensor<?xf32> to tensor<72xf32>
  %k2 = tensor.expand_shape %sk2 [[0, 1, 2, 3]] output_shape [3, 4, 2, 3] : tensor<72xf32> into tensor<3x4x2x3xf32>
  %uk2 = tensor.cast %k2 : tensor<3x4x2x3xf32> to tensor<*xf32>
  %zb2 = arith.constant 0.0 : f32
  %b2 = tensor.splat %zb2 : tensor<1x10x9x3xf32>
  %ub2 = tensor.cast %b2 : tensor<1x10x9x3xf32> to tensor<*xf32>
  %y2 = func.call @nhwcHwcf(%x2, %k2, %b2) : (tensor<1x10x9x2xf32>, tensor<3x4x2x3xf32>, tensor<1x10x9x3xf32>) -> tensor<1x10x9x3xf32>
  %uy2 = tensor.cast %y2 : tensor<1x10x9x3xf32> to tensor<*xf32>
  func.call @show(%ux2) : (tensor<*xf32>) -> ()
  func.call @show(%uk2) : (tensor<*xf32>) -> ()
  func.call @show(%ub2) : (tensor<*xf32>) -> ()
  func.call @show(%uy2) : (tensor<*xf32>) -> ()
  // nhwcFhwcDynamicBatch: nhwc_fhwc, input [2, 8, 8, 3], kernel [4, 5, 5, 3], pads [(0, 0), (0, 0)], dynamic batch
  %nx3 = arith.constant 384 : index
  %phx3 = arith.constant 3.75 : f32
  %fx3 = func.call @real(%nx3, %phx3) : (index, f32) -> tensor<?xf32>
  %sx3 = tensor.cast %fx3 : tensor<?xf32> to tensor<384xf32>
  %x3 = tensor.expand_shape %sx3 [[0, 1, 2, 3]] output_shape [2, 8, 8, 3] : tensor<384xf32> into tensor<2x8x8x3xf32>
  %ux3 = tensor.cast %x3 : tensor<2x8x8x3xf32> to tensor<*xf32>
  %nk3 = arith.constant 300 : index
  %phk3 = arith.constant 4.25 : f32
  %fk3 = func.call @real(%nk3, %phk3) : (index, f32) -> tensor<?xf32>
  %sk3 = tensor.cast %fk3 : tensor<?xf32> to tensor<300xf32>
  %k3 = tensor.expand_shape %sk3 [[0, 1, 2, 3]] output_shape [4, 5, 5, 3] : tensor<300xf32> into tensor<4x5x5x3xf32>
  %uk3 = tensor.cast %k3 : tensor<4x5x5x3xf32> to tensor<*xf32>
  %zb3 = arith.constant 0.0 : f32
  %b3 = tensor.splat %zb3 : tensor<2x4x4x4xf32>
  %ub3 = tensor.cast %b3 : tensor<2x4x4x4xf32> to tensor<*xf32>
  %dx3 = tensor.cast %x3 : tensor<2x8x8x3xf32> to tensor<?x8x8x3xf32>
  %db3 = tensor.cast %b3 : tensor<2x4x4x4xf32> to tensor<?x4x4x4xf32>
  %y3 = func.call @nhwcFhwcDynamicBatch(%dx3, %k3, %db3) : (tensor<?x8x8x3xf32>, tensor<4x5x5x3xf32>, tensor<?x4x4x4xf32>) -> tensor<?x4x4x4xf32>
  %uy3 = tensor.cast %y3 : tensor<?x4x4x4xf32> to tensor<*xf32>
  func.call @show(%ux3) : (tensor<*xf32>) -> ()
  func.call @show(%uk3) : (tensor<*xf32>) -> ()
  func.call @show(%ub3) : (tensor<*xf32>) -> ()
  func.call @show(%uy3) : (tensor<*xf32>) -> ()
  // nchwSame: nchw_fchw, input [1, 2, 9, 7], kernel [3, 2, 3, 3], pads [(1, 1), (1, 1)], bias
  %nx4 = arith.constant 126 : index
  %phx4 = arith.constant 4.75 : f32
  %fx4 = func.call @real(%nx4, %phx4) : (index, f32) -> tensor<?xf32>
  %sx4 = tensor.cast %fx4 : tensor<?xf32> to tensor<126xf32>
  %x4 = tensor.expand_shape %sx4 [[0, 1, 2, 3]] output_shape [1, 2, 9, 7] : tensor<126xf32> into tensor<1x2x9x7xf32>
  %ux4 = tensor.cast %x4 : tensor<1x2x9x7xf32> to tensor<*xf32>
  %nk4 = arith.constant 54 : index
  %phk4 = arith.constant 5.25 : f32
  %fk4 = func.call @real(%nk4, %phk4) : (index, f32) -> tensor<?xf32>
  %sk4 = tensor.cast %fk4 : tensor<?xf32> to tensor<54xf32>
  %k4 = tensor.expand_shape %sk4 [[0, 1, 2, 3]] output_shape [3, 2, 3, 3] : tensor<54xf32> into tensor<3x2x3x3xf32>
  %uk4 = tensor.cast %k4 : tensor<3x2x3x3xf32> to tensor<*xf32>
  %nb4 = arith.constant 189 : index
  %phb4 = arith.constant 5.75 : f32
  %fb4 = func.call @real(%nb4, %phb4) : (index, f32) -> tensor<?xf32>
  %sb4 = tensor.cast %fb4 : tensor<?xf32> to tensor<189xf32>
  %b4 = tensor.expand_shape %sb4 [[0, 1, 2, 3]] output_shape [1, 3, 9, 7] : tensor<189xf32> into tensor<1x3x9x7xf32>
  %ub4 = tensor.cast %b4 : tensor<1x3x9x7xf32> to tensor<*xf32>
  %y4 = func.call @nchwSame(%x4, %k4, %b4) : (tensor<1x2x9x7xf32>, tensor<3x2x3x3xf32>, tensor<1x3x9x7xf32>) -> tensor<1x3x9x7xf32>
  %uy4 = tensor.cast %y4 : tensor<1x3x9x7xf32> to tensor<*xf32>
  func.call @show(%ux4) : (tensor<*xf32>) -> ()
  func.call @show(%uk4) : (tensor<*xf32>) -> ()
  func.call @show(%ub4) : (tensor<*xf32>) -> ()
  func.call @show(%uy4) : (tensor<*xf32>) -> ()
  // tosa.conv2d: input 1 x 6 x 7 x 2, weight 3 x 5 x 3 x 2, pad [2, 2, 1, 1].
  %n84 = arith.constant 84 : index
  %pt1 = arith.constant 0.75 : f32
  %ft1 = func.call @real(%n84, %pt1) : (index, f32) -> tensor<?xf32>
  %st1 = tensor.cast %ft1 : tensor<?xf32> to tensor<84xf32>
  %xt = tensor.expand_shape %st1 [[0, 1, 2, 3]] output_shape [1, 6, 7, 2] : tensor<84xf32> into tensor<1x6x7x2xf32>
  %n90 = arith.constant 90 : index
  %pt2 = arith.constant 1.75 : f32
  %ft2 = func.call @real(%n90, %pt2) : (index, f32) -> tensor<?xf32>
  %st2 = tensor.cast %ft2 : tensor<?xf32> to tensor<90xf32>
  %wt = tensor.expand_shape %st2 [[0, 1, 2, 3]] output_shape [3, 5, 3, 2] : tensor<90xf32> into tensor<3x5x3x2xf32>
  %n3 = arith.constant 3 : index
  %pt3 = arith.constant 2.75 : f32
  %ft3 = func.call @real(%n3, %pt3) : (index, f32) -> tensor<?xf32>
  %bt = tensor.cast %ft3 : tensor<?xf32> to tensor<3xf32>
  %yt = func.call @tosaConv2d(%xt, %wt, %bt) : (tensor<1x6x7x2xf32>, tensor<3x5x3x2xf32>, tensor<3xf32>) -> tensor<1x6x7x3xf32>
  %uxt = tensor.cast %xt : tensor<1x6x7x2xf32> to tensor<*xf32>
  %uwt = tensor.cast %wt : tensor<3x5x3x2xf32> to tensor<*xf32>
  %ubt = tensor.cast %bt : tensor<3xf32> to tensor<*xf32>
  %uyt = tensor.cast %yt : tensor<1x6x7x3xf32> to tensor<*xf32>
  func.call @show(%uxt) : (tensor<*xf32>) -> ()
  func.call @show(%uwt) : (tensor<*xf32>) -> ()
  func.call @show(%ubt) : (tensor<*xf32>) -> ()
  func.call @show(%uyt) : (tensor<*xf32>) -> ()
  return
}
