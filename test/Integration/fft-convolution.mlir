// DEFINE: %{expected} = %{check} \
// DEFINE:   linalg_conv:kind=conv_1d linalg_conv:kind=conv_2d \
// DEFINE:   linalg_conv:kind=nwc_wc:pad=16,0 linalg_conv:kind=ncw_cw:pad=3,3 \
// DEFINE:   linalg_conv:kind=nwc_wcm:pad=2,2 linalg_conv:kind=nhwc_hwc:pad=1,1,1,1 \
// DEFINE:   linalg_conv:kind=nchw_chw linalg_conv:kind=nhwc_hwcm:pad=2,0,1,0 \
// DEFINE:   linalg_conv:kind=conv_1d:pad=4,4 linalg_conv:kind=nwc_wc:pad=2,2 \
// DEFINE:   linalg_conv:kind=ndhwc_dhwc
// RUN: %{compile}="conv-policy=always" 2>/dev/null | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu}="conv-policy=always" 2>/dev/null \
// RUN:   | %{run-gpu} | %{expected} %}
// The same program with the convolutions left direct gives the same values
// (a check of the reference itself):
// REDEFINE: %{expected} = %{check} \
// REDEFINE:   linalg_conv:kind=conv_1d linalg_conv:kind=conv_2d \
// REDEFINE:   linalg_conv:kind=nwc_wc:pad=16,0 linalg_conv:kind=ncw_cw:pad=3,3 \
// REDEFINE:   linalg_conv:kind=nwc_wcm:pad=2,2 linalg_conv:kind=nhwc_hwc:pad=1,1,1,1 \
// REDEFINE:   linalg_conv:kind=nchw_chw linalg_conv:kind=nhwc_hwcm:pad=2,0,1,0 \
// REDEFINE:   linalg_conv:kind=conv_1d:pad=4,4 linalg_conv:kind=nwc_wc:pad=2,2 \
// REDEFINE:   linalg_conv:kind=ndhwc_dhwc
// RUN: %{compile}="conv-policy=never" 2>/dev/null | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu}="conv-policy=never" 2>/dev/null \
// RUN:   | %{run-gpu} | %{expected} %}
// Every convolution below was converted, and the pads within the kernel
// length were folded into the window (only the wide one stays):
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:  | sst-opt -spectral-fft-convolution="policy=always" 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARKS
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:  | sst-opt -spectral-fft-convolution="policy=always" 2>/dev/null | FileCheck %s --check-prefix=IR
// REMARKS-COUNT-11: remark: converted to an FFT convolution
// REMARKS-NOT: remark
// IR-NOT: linalg.conv
// IR-NOT: linalg.depthwise
// IR-COUNT-1: tensor.pad
// IR-NOT: tensor.pad

// linalg convolutions of every supported form converted to spectral.conv,
// against direct sums in numpy: valid, causal and `same` padding as
// frontends write it (a zero tensor.pad of the input), a pad wider than the
// kernel, a bias init, a channel multiplier, a dynamic batch, 1-D to 3-D.
// Generated data; the zero inits are printed as zero tensors.

func.func @conv1d(%x: tensor<40xf32>, %k: tensor<9xf32>, %b: tensor<32xf32>) -> tensor<32xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<32xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<32xf32>) -> tensor<32xf32>
  %y = linalg.conv_1d ins(%x, %k : tensor<40xf32>, tensor<9xf32>) outs(%fill : tensor<32xf32>) -> tensor<32xf32>
  return %y : tensor<32xf32>
}

func.func @conv2d(%x: tensor<12x10xf32>, %k: tensor<3x5xf32>, %b: tensor<10x6xf32>) -> tensor<10x6xf32> {
  %y = linalg.conv_2d ins(%x, %k : tensor<12x10xf32>, tensor<3x5xf32>) outs(%b : tensor<10x6xf32>) -> tensor<10x6xf32>
  return %y : tensor<10x6xf32>
}

func.func @nwcCausal(%x: tensor<2x50x3xf32>, %k: tensor<17x3xf32>, %b: tensor<2x50x3xf32>) -> tensor<2x50x3xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 16, 0] high[0, 0, 0] {
  ^bb0(%i0: index, %i1: index, %i2: index):
    tensor.yield %zero : f32
  } : tensor<2x50x3xf32> to tensor<2x66x3xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x50x3xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<2x50x3xf32>) -> tensor<2x50x3xf32>
  %y = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%p, %k : tensor<2x66x3xf32>, tensor<17x3xf32>) outs(%fill : tensor<2x50x3xf32>) -> tensor<2x50x3xf32>
  return %y : tensor<2x50x3xf32>
}

func.func @ncwSame(%x: tensor<2x3x30xf32>, %k: tensor<3x7xf32>, %b: tensor<2x3x30xf32>) -> tensor<2x3x30xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 3] high[0, 0, 3] {
  ^bb0(%i0: index, %i1: index, %i2: index):
    tensor.yield %zero : f32
  } : tensor<2x3x30xf32> to tensor<2x3x36xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x30xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<2x3x30xf32>) -> tensor<2x3x30xf32>
  %y = linalg.depthwise_conv_1d_ncw_cw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%p, %k : tensor<2x3x36xf32>, tensor<3x7xf32>) outs(%fill : tensor<2x3x30xf32>) -> tensor<2x3x30xf32>
  return %y : tensor<2x3x30xf32>
}

func.func @nwcMultiplier(%x: tensor<1x20x2xf32>, %k: tensor<5x2x3xf32>, %b: tensor<1x20x2x3xf32>) -> tensor<1x20x2x3xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 2, 0] high[0, 2, 0] {
  ^bb0(%i0: index, %i1: index, %i2: index):
    tensor.yield %zero : f32
  } : tensor<1x20x2xf32> to tensor<1x24x2xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x20x2x3xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<1x20x2x3xf32>) -> tensor<1x20x2x3xf32>
  %y = linalg.depthwise_conv_1d_nwc_wcm {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%p, %k : tensor<1x24x2xf32>, tensor<5x2x3xf32>) outs(%fill : tensor<1x20x2x3xf32>) -> tensor<1x20x2x3xf32>
  return %y : tensor<1x20x2x3xf32>
}

func.func @nhwcSame(%x: tensor<1x9x8x2xf32>, %k: tensor<3x3x2xf32>, %b: tensor<1x9x8x2xf32>) -> tensor<1x9x8x2xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %zero : f32
  } : tensor<1x9x8x2xf32> to tensor<1x11x10x2xf32>
  %y = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %k : tensor<1x11x10x2xf32>, tensor<3x3x2xf32>) outs(%b : tensor<1x9x8x2xf32>) -> tensor<1x9x8x2xf32>
  return %y : tensor<1x9x8x2xf32>
}

func.func @nchwValid(%x: tensor<2x2x7x6xf32>, %k: tensor<2x3x4xf32>, %b: tensor<2x2x5x3xf32>) -> tensor<2x2x5x3xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2x5x3xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<2x2x5x3xf32>) -> tensor<2x2x5x3xf32>
  %y = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %k : tensor<2x2x7x6xf32>, tensor<2x3x4xf32>) outs(%fill : tensor<2x2x5x3xf32>) -> tensor<2x2x5x3xf32>
  return %y : tensor<2x2x5x3xf32>
}

func.func @nhwcMultiplier(%x: tensor<1x6x5x2xf32>, %k: tensor<3x2x2x2xf32>, %b: tensor<1x6x5x2x2xf32>) -> tensor<1x6x5x2x2xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 2, 1, 0] high[0, 0, 0, 0] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %zero : f32
  } : tensor<1x6x5x2xf32> to tensor<1x8x6x2xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x6x5x2x2xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<1x6x5x2x2xf32>) -> tensor<1x6x5x2x2xf32>
  %y = linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %k : tensor<1x8x6x2xf32>, tensor<3x2x2x2xf32>) outs(%fill : tensor<1x6x5x2x2xf32>) -> tensor<1x6x5x2x2xf32>
  return %y : tensor<1x6x5x2x2xf32>
}

func.func @conv1dWidePad(%x: tensor<10xf32>, %k: tensor<3xf32>, %b: tensor<16xf32>) -> tensor<16xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[4] high[4] {
  ^bb0(%i0: index):
    tensor.yield %zero : f32
  } : tensor<10xf32> to tensor<18xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<16xf32>) -> tensor<16xf32>
  %y = linalg.conv_1d ins(%p, %k : tensor<18xf32>, tensor<3xf32>) outs(%fill : tensor<16xf32>) -> tensor<16xf32>
  return %y : tensor<16xf32>
}

func.func @nwcDynamicBatch(%x: tensor<?x32x4xf32>, %k: tensor<5x4xf32>, %b: tensor<?x32x4xf32>) -> tensor<?x32x4xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 2, 0] high[0, 2, 0] {
  ^bb0(%i0: index, %i1: index, %i2: index):
    tensor.yield %zero : f32
  } : tensor<?x32x4xf32> to tensor<?x36x4xf32>
  %y = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%p, %k : tensor<?x36x4xf32>, tensor<5x4xf32>) outs(%b : tensor<?x32x4xf32>) -> tensor<?x32x4xf32>
  return %y : tensor<?x32x4xf32>
}

func.func @ndhwcValid(%x: tensor<1x4x5x6x2xf32>, %k: tensor<2x3x2x2xf32>, %b: tensor<1x3x3x5x2xf32>) -> tensor<1x3x3x5x2xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x3x3x5x2xf32>
  %fill = linalg.fill ins(%z : f32) outs(%e : tensor<1x3x3x5x2xf32>) -> tensor<1x3x3x5x2xf32>
  %y = linalg.depthwise_conv_3d_ndhwc_dhwc {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%x, %k : tensor<1x4x5x6x2xf32>, tensor<2x3x2x2xf32>) outs(%fill : tensor<1x3x3x5x2xf32>) -> tensor<1x3x3x5x2xf32>
  return %y : tensor<1x3x3x5x2xf32>
}

func.func @main() {
  // conv1d: conv_1d, input [40], kernel [9], pads [(0, 0)]
  %nx0 = arith.constant 40 : index
  %phx0 = arith.constant 0.25 : f32
  %fx0 = func.call @real(%nx0, %phx0) : (index, f32) -> tensor<?xf32>
  %x0 = tensor.cast %fx0 : tensor<?xf32> to tensor<40xf32>
  %ux0 = tensor.cast %x0 : tensor<40xf32> to tensor<*xf32>
  %nk0 = arith.constant 9 : index
  %phk0 = arith.constant 0.75 : f32
  %fk0 = func.call @real(%nk0, %phk0) : (index, f32) -> tensor<?xf32>
  %k0 = tensor.cast %fk0 : tensor<?xf32> to tensor<9xf32>
  %uk0 = tensor.cast %k0 : tensor<9xf32> to tensor<*xf32>
  %zb0 = arith.constant 0.0 : f32
  %b0 = tensor.splat %zb0 : tensor<32xf32>
  %ub0 = tensor.cast %b0 : tensor<32xf32> to tensor<*xf32>
  %y0 = func.call @conv1d(%x0, %k0, %b0) : (tensor<40xf32>, tensor<9xf32>, tensor<32xf32>) -> tensor<32xf32>
  %uy0 = tensor.cast %y0 : tensor<32xf32> to tensor<*xf32>
  func.call @show(%ux0) : (tensor<*xf32>) -> ()
  func.call @show(%uk0) : (tensor<*xf32>) -> ()
  func.call @show(%ub0) : (tensor<*xf32>) -> ()
  func.call @show(%uy0) : (tensor<*xf32>) -> ()
  // conv2d: conv_2d, input [12, 10], kernel [3, 5], pads [(0, 0), (0, 0)], bias
  %nx1 = arith.constant 120 : index
  %phx1 = arith.constant 1.25 : f32
  %fx1 = func.call @real(%nx1, %phx1) : (index, f32) -> tensor<?xf32>
  %sx1 = tensor.cast %fx1 : tensor<?xf32> to tensor<120xf32>
  %x1 = tensor.expand_shape %sx1 [[0, 1]] output_shape [12, 10] : tensor<120xf32> into tensor<12x10xf32>
  %ux1 = tensor.cast %x1 : tensor<12x10xf32> to tensor<*xf32>
  %nk1 = arith.constant 15 : index
  %phk1 = arith.constant 1.75 : f32
  %fk1 = func.call @real(%nk1, %phk1) : (index, f32) -> tensor<?xf32>
  %sk1 = tensor.cast %fk1 : tensor<?xf32> to tensor<15xf32>
  %k1 = tensor.expand_shape %sk1 [[0, 1]] output_shape [3, 5] : tensor<15xf32> into tensor<3x5xf32>
  %uk1 = tensor.cast %k1 : tensor<3x5xf32> to tensor<*xf32>
  %nb1 = arith.constant 60 : index
  %phb1 = arith.constant 2.25 : f32
  %fb1 = func.call @real(%nb1, %phb1) : (index, f32) -> tensor<?xf32>
  %sb1 = tensor.cast %fb1 : tensor<?xf32> to tensor<60xf32>
  %b1 = tensor.expand_shape %sb1 [[0, 1]] output_shape [10, 6] : tensor<60xf32> into tensor<10x6xf32>
  %ub1 = tensor.cast %b1 : tensor<10x6xf32> to tensor<*xf32>
  %y1 = func.call @conv2d(%x1, %k1, %b1) : (tensor<12x10xf32>, tensor<3x5xf32>, tensor<10x6xf32>) -> tensor<10x6xf32>
  %uy1 = tensor.cast %y1 : tensor<10x6xf32> to tensor<*xf32>
  func.call @show(%ux1) : (tensor<*xf32>) -> ()
  func.call @show(%uk1) : (tensor<*xf32>) -> ()
  func.call @show(%ub1) : (tensor<*xf32>) -> ()
  func.call @show(%uy1) : (tensor<*xf32>) -> ()
  // nwcCausal: nwc_wc, input [2, 50, 3], kernel [17, 3], pads [(16, 0)]
  %nx2 = arith.constant 300 : index
  %phx2 = arith.constant 2.75 : f32
  %fx2 = func.call @real(%nx2, %phx2) : (index, f32) -> tensor<?xf32>
  %sx2 = tensor.cast %fx2 : tensor<?xf32> to tensor<300xf32>
  %x2 = tensor.expand_shape %sx2 [[0, 1, 2]] output_shape [2, 50, 3] : tensor<300xf32> into tensor<2x50x3xf32>
  %ux2 = tensor.cast %x2 : tensor<2x50x3xf32> to tensor<*xf32>
  %nk2 = arith.constant 51 : index
  %phk2 = arith.constant 3.25 : f32
  %fk2 = func.call @real(%nk2, %phk2) : (index, f32) -> tensor<?xf32>
  %sk2 = tensor.cast %fk2 : tensor<?xf32> to tensor<51xf32>
  %k2 = tensor.expand_shape %sk2 [[0, 1]] output_shape [17, 3] : tensor<51xf32> into tensor<17x3xf32>
  %uk2 = tensor.cast %k2 : tensor<17x3xf32> to tensor<*xf32>
  %zb2 = arith.constant 0.0 : f32
  %b2 = tensor.splat %zb2 : tensor<2x50x3xf32>
  %ub2 = tensor.cast %b2 : tensor<2x50x3xf32> to tensor<*xf32>
  %y2 = func.call @nwcCausal(%x2, %k2, %b2) : (tensor<2x50x3xf32>, tensor<17x3xf32>, tensor<2x50x3xf32>) -> tensor<2x50x3xf32>
  %uy2 = tensor.cast %y2 : tensor<2x50x3xf32> to tensor<*xf32>
  func.call @show(%ux2) : (tensor<*xf32>) -> ()
  func.call @show(%uk2) : (tensor<*xf32>) -> ()
  func.call @show(%ub2) : (tensor<*xf32>) -> ()
  func.call @show(%uy2) : (tensor<*xf32>) -> ()
  // ncwSame: ncw_cw, input [2, 3, 30], kernel [3, 7], pads [(3, 3)]
  %nx3 = arith.constant 180 : index
  %phx3 = arith.constant 3.75 : f32
  %fx3 = func.call @real(%nx3, %phx3) : (index, f32) -> tensor<?xf32>
  %sx3 = tensor.cast %fx3 : tensor<?xf32> to tensor<180xf32>
  %x3 = tensor.expand_shape %sx3 [[0, 1, 2]] output_shape [2, 3, 30] : tensor<180xf32> into tensor<2x3x30xf32>
  %ux3 = tensor.cast %x3 : tensor<2x3x30xf32> to tensor<*xf32>
  %nk3 = arith.constant 21 : index
  %phk3 = arith.constant 4.25 : f32
  %fk3 = func.call @real(%nk3, %phk3) : (index, f32) -> tensor<?xf32>
  %sk3 = tensor.cast %fk3 : tensor<?xf32> to tensor<21xf32>
  %k3 = tensor.expand_shape %sk3 [[0, 1]] output_shape [3, 7] : tensor<21xf32> into tensor<3x7xf32>
  %uk3 = tensor.cast %k3 : tensor<3x7xf32> to tensor<*xf32>
  %zb3 = arith.constant 0.0 : f32
  %b3 = tensor.splat %zb3 : tensor<2x3x30xf32>
  %ub3 = tensor.cast %b3 : tensor<2x3x30xf32> to tensor<*xf32>
  %y3 = func.call @ncwSame(%x3, %k3, %b3) : (tensor<2x3x30xf32>, tensor<3x7xf32>, tensor<2x3x30xf32>) -> tensor<2x3x30xf32>
  %uy3 = tensor.cast %y3 : tensor<2x3x30xf32> to tensor<*xf32>
  func.call @show(%ux3) : (tensor<*xf32>) -> ()
  func.call @show(%uk3) : (tensor<*xf32>) -> ()
  func.call @show(%ub3) : (tensor<*xf32>) -> ()
  func.call @show(%uy3) : (tensor<*xf32>) -> ()
  // nwcMultiplier: nwc_wcm, input [1, 20, 2], kernel [5, 2, 3], pads [(2, 2)]
  %nx4 = arith.constant 40 : index
  %phx4 = arith.constant 4.75 : f32
  %fx4 = func.call @real(%nx4, %phx4) : (index, f32) -> tensor<?xf32>
  %sx4 = tensor.cast %fx4 : tensor<?xf32> to tensor<40xf32>
  %x4 = tensor.expand_shape %sx4 [[0, 1, 2]] output_shape [1, 20, 2] : tensor<40xf32> into tensor<1x20x2xf32>
  %ux4 = tensor.cast %x4 : tensor<1x20x2xf32> to tensor<*xf32>
  %nk4 = arith.constant 30 : index
  %phk4 = arith.constant 5.25 : f32
  %fk4 = func.call @real(%nk4, %phk4) : (index, f32) -> tensor<?xf32>
  %sk4 = tensor.cast %fk4 : tensor<?xf32> to tensor<30xf32>
  %k4 = tensor.expand_shape %sk4 [[0, 1, 2]] output_shape [5, 2, 3] : tensor<30xf32> into tensor<5x2x3xf32>
  %uk4 = tensor.cast %k4 : tensor<5x2x3xf32> to tensor<*xf32>
  %zb4 = arith.constant 0.0 : f32
  %b4 = tensor.splat %zb4 : tensor<1x20x2x3xf32>
  %ub4 = tensor.cast %b4 : tensor<1x20x2x3xf32> to tensor<*xf32>
  %y4 = func.call @nwcMultiplier(%x4, %k4, %b4) : (tensor<1x20x2xf32>, tensor<5x2x3xf32>, tensor<1x20x2x3xf32>) -> tensor<1x20x2x3xf32>
  %uy4 = tensor.cast %y4 : tensor<1x20x2x3xf32> to tensor<*xf32>
  func.call @show(%ux4) : (tensor<*xf32>) -> ()
  func.call @show(%uk4) : (tensor<*xf32>) -> ()
  func.call @show(%ub4) : (tensor<*xf32>) -> ()
  func.call @show(%uy4) : (tensor<*xf32>) -> ()
  // nhwcSame: nhwc_hwc, input [1, 9, 8, 2], kernel [3, 3, 2], pads [(1, 1), (1, 1)], bias
  %nx5 = arith.constant 144 : index
  %phx5 = arith.constant 5.75 : f32
  %fx5 = func.call @real(%nx5, %phx5) : (index, f32) -> tensor<?xf32>
  %sx5 = tensor.cast %fx5 : tensor<?xf32> to tensor<144xf32>
  %x5 = tensor.expand_shape %sx5 [[0, 1, 2, 3]] output_shape [1, 9, 8, 2] : tensor<144xf32> into tensor<1x9x8x2xf32>
  %ux5 = tensor.cast %x5 : tensor<1x9x8x2xf32> to tensor<*xf32>
  %nk5 = arith.constant 18 : index
  %phk5 = arith.constant 6.25 : f32
  %fk5 = func.call @real(%nk5, %phk5) : (index, f32) -> tensor<?xf32>
  %sk5 = tensor.cast %fk5 : tensor<?xf32> to tensor<18xf32>
  %k5 = tensor.expand_shape %sk5 [[0, 1, 2]] output_shape [3, 3, 2] : tensor<18xf32> into tensor<3x3x2xf32>
  %uk5 = tensor.cast %k5 : tensor<3x3x2xf32> to tensor<*xf32>
  %nb5 = arith.constant 144 : index
  %phb5 = arith.constant 6.75 : f32
  %fb5 = func.call @real(%nb5, %phb5) : (index, f32) -> tensor<?xf32>
  %sb5 = tensor.cast %fb5 : tensor<?xf32> to tensor<144xf32>
  %b5 = tensor.expand_shape %sb5 [[0, 1, 2, 3]] output_shape [1, 9, 8, 2] : tensor<144xf32> into tensor<1x9x8x2xf32>
  %ub5 = tensor.cast %b5 : tensor<1x9x8x2xf32> to tensor<*xf32>
  %y5 = func.call @nhwcSame(%x5, %k5, %b5) : (tensor<1x9x8x2xf32>, tensor<3x3x2xf32>, tensor<1x9x8x2xf32>) -> tensor<1x9x8x2xf32>
  %uy5 = tensor.cast %y5 : tensor<1x9x8x2xf32> to tensor<*xf32>
  func.call @show(%ux5) : (tensor<*xf32>) -> ()
  func.call @show(%uk5) : (tensor<*xf32>) -> ()
  func.call @show(%ub5) : (tensor<*xf32>) -> ()
  func.call @show(%uy5) : (tensor<*xf32>) -> ()
  // nchwValid: nchw_chw, input [2, 2, 7, 6], kernel [2, 3, 4], pads [(0, 0), (0, 0)]
  %nx6 = arith.constant 168 : index
  %phx6 = arith.constant 7.25 : f32
  %fx6 = func.call @real(%nx6, %phx6) : (index, f32) -> tensor<?xf32>
  %sx6 = tensor.cast %fx6 : tensor<?xf32> to tensor<168xf32>
  %x6 = tensor.expand_shape %sx6 [[0, 1, 2, 3]] output_shape [2, 2, 7, 6] : tensor<168xf32> into tensor<2x2x7x6xf32>
  %ux6 = tensor.cast %x6 : tensor<2x2x7x6xf32> to tensor<*xf32>
  %nk6 = arith.constant 24 : index
  %phk6 = arith.constant 7.75 : f32
  %fk6 = func.call @real(%nk6, %phk6) : (index, f32) -> tensor<?xf32>
  %sk6 = tensor.cast %fk6 : tensor<?xf32> to tensor<24xf32>
  %k6 = tensor.expand_shape %sk6 [[0, 1, 2]] output_shape [2, 3, 4] : tensor<24xf32> into tensor<2x3x4xf32>
  %uk6 = tensor.cast %k6 : tensor<2x3x4xf32> to tensor<*xf32>
  %zb6 = arith.constant 0.0 : f32
  %b6 = tensor.splat %zb6 : tensor<2x2x5x3xf32>
  %ub6 = tensor.cast %b6 : tensor<2x2x5x3xf32> to tensor<*xf32>
  %y6 = func.call @nchwValid(%x6, %k6, %b6) : (tensor<2x2x7x6xf32>, tensor<2x3x4xf32>, tensor<2x2x5x3xf32>) -> tensor<2x2x5x3xf32>
  %uy6 = tensor.cast %y6 : tensor<2x2x5x3xf32> to tensor<*xf32>
  func.call @show(%ux6) : (tensor<*xf32>) -> ()
  func.call @show(%uk6) : (tensor<*xf32>) -> ()
  func.call @show(%ub6) : (tensor<*xf32>) -> ()
  func.call @show(%uy6) : (tensor<*xf32>) -> ()
  // nhwcMultiplier: nhwc_hwcm, input [1, 6, 5, 2], kernel [3, 2, 2, 2], pads [(2, 0), (1, 0)]
  %nx7 = arith.constant 60 : index
  %phx7 = arith.constant 8.25 : f32
  %fx7 = func.call @real(%nx7, %phx7) : (index, f32) -> tensor<?xf32>
  %sx7 = tensor.cast %fx7 : tensor<?xf32> to tensor<60xf32>
  %x7 = tensor.expand_shape %sx7 [[0, 1, 2, 3]] output_shape [1, 6, 5, 2] : tensor<60xf32> into tensor<1x6x5x2xf32>
  %ux7 = tensor.cast %x7 : tensor<1x6x5x2xf32> to tensor<*xf32>
  %nk7 = arith.constant 24 : index
  %phk7 = arith.constant 8.75 : f32
  %fk7 = func.call @real(%nk7, %phk7) : (index, f32) -> tensor<?xf32>
  %sk7 = tensor.cast %fk7 : tensor<?xf32> to tensor<24xf32>
  %k7 = tensor.expand_shape %sk7 [[0, 1, 2, 3]] output_shape [3, 2, 2, 2] : tensor<24xf32> into tensor<3x2x2x2xf32>
  %uk7 = tensor.cast %k7 : tensor<3x2x2x2xf32> to tensor<*xf32>
  %zb7 = arith.constant 0.0 : f32
  %b7 = tensor.splat %zb7 : tensor<1x6x5x2x2xf32>
  %ub7 = tensor.cast %b7 : tensor<1x6x5x2x2xf32> to tensor<*xf32>
  %y7 = func.call @nhwcMultiplier(%x7, %k7, %b7) : (tensor<1x6x5x2xf32>, tensor<3x2x2x2xf32>, tensor<1x6x5x2x2xf32>) -> tensor<1x6x5x2x2xf32>
  %uy7 = tensor.cast %y7 : tensor<1x6x5x2x2xf32> to tensor<*xf32>
  func.call @show(%ux7) : (tensor<*xf32>) -> ()
  func.call @show(%uk7) : (tensor<*xf32>) -> ()
  func.call @show(%ub7) : (tensor<*xf32>) -> ()
  func.call @show(%uy7) : (tensor<*xf32>) -> ()
  // conv1dWidePad: conv_1d, input [10], kernel [3], pads [(4, 4)]
  %nx8 = arith.constant 10 : index
  %phx8 = arith.constant 9.25 : f32
  %fx8 = func.call @real(%nx8, %phx8) : (index, f32) -> tensor<?xf32>
  %x8 = tensor.cast %fx8 : tensor<?xf32> to tensor<10xf32>
  %ux8 = tensor.cast %x8 : tensor<10xf32> to tensor<*xf32>
  %nk8 = arith.constant 3 : index
  %phk8 = arith.constant 9.75 : f32
  %fk8 = func.call @real(%nk8, %phk8) : (index, f32) -> tensor<?xf32>
  %k8 = tensor.cast %fk8 : tensor<?xf32> to tensor<3xf32>
  %uk8 = tensor.cast %k8 : tensor<3xf32> to tensor<*xf32>
  %zb8 = arith.constant 0.0 : f32
  %b8 = tensor.splat %zb8 : tensor<16xf32>
  %ub8 = tensor.cast %b8 : tensor<16xf32> to tensor<*xf32>
  %y8 = func.call @conv1dWidePad(%x8, %k8, %b8) : (tensor<10xf32>, tensor<3xf32>, tensor<16xf32>) -> tensor<16xf32>
  %uy8 = tensor.cast %y8 : tensor<16xf32> to tensor<*xf32>
  func.call @show(%ux8) : (tensor<*xf32>) -> ()
  func.call @show(%uk8) : (tensor<*xf32>) -> ()
  func.call @show(%ub8) : (tensor<*xf32>) -> ()
  func.call @show(%uy8) : (tensor<*xf32>) -> ()
  // nwcDynamicBatch: nwc_wc, input [3, 32, 4], kernel [5, 4], pads [(2, 2)], bias, dynamic batch
  %nx9 = arith.constant 384 : index
  %phx9 = arith.constant 10.25 : f32
  %fx9 = func.call @real(%nx9, %phx9) : (index, f32) -> tensor<?xf32>
  %sx9 = tensor.cast %fx9 : tensor<?xf32> to tensor<384xf32>
  %x9 = tensor.expand_shape %sx9 [[0, 1, 2]] output_shape [3, 32, 4] : tensor<384xf32> into tensor<3x32x4xf32>
  %ux9 = tensor.cast %x9 : tensor<3x32x4xf32> to tensor<*xf32>
  %nk9 = arith.constant 20 : index
  %phk9 = arith.constant 10.75 : f32
  %fk9 = func.call @real(%nk9, %phk9) : (index, f32) -> tensor<?xf32>
  %sk9 = tensor.cast %fk9 : tensor<?xf32> to tensor<20xf32>
  %k9 = tensor.expand_shape %sk9 [[0, 1]] output_shape [5, 4] : tensor<20xf32> into tensor<5x4xf32>
  %uk9 = tensor.cast %k9 : tensor<5x4xf32> to tensor<*xf32>
  %nb9 = arith.constant 384 : index
  %phb9 = arith.constant 11.25 : f32
  %fb9 = func.call @real(%nb9, %phb9) : (index, f32) -> tensor<?xf32>
  %sb9 = tensor.cast %fb9 : tensor<?xf32> to tensor<384xf32>
  %b9 = tensor.expand_shape %sb9 [[0, 1, 2]] output_shape [3, 32, 4] : tensor<384xf32> into tensor<3x32x4xf32>
  %ub9 = tensor.cast %b9 : tensor<3x32x4xf32> to tensor<*xf32>
  %dx9 = tensor.cast %x9 : tensor<3x32x4xf32> to tensor<?x32x4xf32>
  %db9 = tensor.cast %b9 : tensor<3x32x4xf32> to tensor<?x32x4xf32>
  %y9 = func.call @nwcDynamicBatch(%dx9, %k9, %db9) : (tensor<?x32x4xf32>, tensor<5x4xf32>, tensor<?x32x4xf32>) -> tensor<?x32x4xf32>
  %uy9 = tensor.cast %y9 : tensor<?x32x4xf32> to tensor<*xf32>
  func.call @show(%ux9) : (tensor<*xf32>) -> ()
  func.call @show(%uk9) : (tensor<*xf32>) -> ()
  func.call @show(%ub9) : (tensor<*xf32>) -> ()
  func.call @show(%uy9) : (tensor<*xf32>) -> ()
  // ndhwcValid: ndhwc_dhwc, input [1, 4, 5, 6, 2], kernel [2, 3, 2, 2], pads [(0, 0), (0, 0), (0, 0)]
  %nx10 = arith.constant 240 : index
  %phx10 = arith.constant 11.75 : f32
  %fx10 = func.call @real(%nx10, %phx10) : (index, f32) -> tensor<?xf32>
  %sx10 = tensor.cast %fx10 : tensor<?xf32> to tensor<240xf32>
  %x10 = tensor.expand_shape %sx10 [[0, 1, 2, 3, 4]] output_shape [1, 4, 5, 6, 2] : tensor<240xf32> into tensor<1x4x5x6x2xf32>
  %ux10 = tensor.cast %x10 : tensor<1x4x5x6x2xf32> to tensor<*xf32>
  %nk10 = arith.constant 24 : index
  %phk10 = arith.constant 12.25 : f32
  %fk10 = func.call @real(%nk10, %phk10) : (index, f32) -> tensor<?xf32>
  %sk10 = tensor.cast %fk10 : tensor<?xf32> to tensor<24xf32>
  %k10 = tensor.expand_shape %sk10 [[0, 1, 2, 3]] output_shape [2, 3, 2, 2] : tensor<24xf32> into tensor<2x3x2x2xf32>
  %uk10 = tensor.cast %k10 : tensor<2x3x2x2xf32> to tensor<*xf32>
  %zb10 = arith.constant 0.0 : f32
  %b10 = tensor.splat %zb10 : tensor<1x3x3x5x2xf32>
  %ub10 = tensor.cast %b10 : tensor<1x3x3x5x2xf32> to tensor<*xf32>
  %y10 = func.call @ndhwcValid(%x10, %k10, %b10) : (tensor<1x4x5x6x2xf32>, tensor<2x3x2x2xf32>, tensor<1x3x3x5x2xf32>) -> tensor<1x3x3x5x2xf32>
  %uy10 = tensor.cast %y10 : tensor<1x3x3x5x2xf32> to tensor<*xf32>
  func.call @show(%ux10) : (tensor<*xf32>) -> ()
  func.call @show(%uk10) : (tensor<*xf32>) -> ()
  func.call @show(%ub10) : (tensor<*xf32>) -> ()
  func.call @show(%uy10) : (tensor<*xf32>) -> ()
  return
}
