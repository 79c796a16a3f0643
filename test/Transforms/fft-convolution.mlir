// RUN: sst-opt %s -split-input-file -spectral-fft-convolution -verify-diagnostics | FileCheck %s
// RUN: sst-opt %s -split-input-file -spectral-fft-convolution="policy=never" 2>&1 | FileCheck %s --check-prefix=NEVER
// RUN: sst-opt %s -split-input-file -spectral-fft-convolution="policy=always" 2>&1 | FileCheck %s --check-prefix=ALWAYS
// RUN: not sst-opt %s -spectral-fft-convolution="policy=sometimes" 2>&1 | FileCheck %s --check-prefix=POLICY

// POLICY: for the --policy option: Cannot find option named 'sometimes'!

// A kernel as long as the causal sequence: the FFT wins by far. The kernel
// is reversed (linalg convolutions are correlations), given a batch
// dimension, and the causal pad is folded into the window of the full
// convolution.
// CHECK-DAG: #[[REV:.*]] = affine_map<(d0, d1) -> (-d0 + 4095, d1)>
// CHECK-LABEL: func @long_causal
// CHECK-SAME: (%[[X:.*]]: tensor<1x4096x16xf32>, %[[K:.*]]: tensor<4096x16xf32>)
// CHECK-NOT: tensor.pad
// CHECK: %[[KR:.*]] = linalg.generic {indexing_maps = [#[[REV]], {{.*}}]{{.*}} ins(%[[K]] : tensor<4096x16xf32>)
// CHECK: %[[KE:.*]] = tensor.expand_shape %[[KR]] {{\[}}[0, 1], [2]] output_shape [1, 4096, 16]
// CHECK: %[[FULL:.*]] = spectral.conv %[[X]], %[[KE]] axes [1] : tensor<1x4096x16xf32>, tensor<1x4096x16xf32>
// CHECK: %[[Y:.*]] = tensor.extract_slice %[[FULL]][0, 0, 0] [1, 4096, 16] [1, 1, 1] : tensor<1x8191x16xf32> to tensor<1x4096x16xf32>
// CHECK: return %[[Y]]
// NEVER: remark: left a direct convolution: predicted {{.*}} (policy=never)
func.func @long_causal(%x: tensor<1x4096x16xf32>, %k: tensor<4096x16xf32>) -> tensor<1x4096x16xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 4095, 0] high[0, 0, 0] {
  ^bb0(%a: index, %b: index, %c: index):
    tensor.yield %zero : f32
  } : tensor<1x4096x16xf32> to tensor<1x8191x16xf32>
  %e = tensor.empty() : tensor<1x4096x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4096x16xf32>) -> tensor<1x4096x16xf32>
  // expected-remark-re @+1 {{converted to an FFT convolution: predicted {{[0-9.e+]+}} ns direct, {{[0-9.e+]+}} ns by FFT of lengths [8192]}}
  %y = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
         ins(%p, %k : tensor<1x8191x16xf32>, tensor<4096x16xf32>)
         outs(%init : tensor<1x4096x16xf32>) -> tensor<1x4096x16xf32>
  return %y : tensor<1x4096x16xf32>
}

// -----

// A 3-tap kernel: direct is cheaper. A bias init would be added.
// CHECK-LABEL: func @short
// CHECK: linalg.depthwise_conv_2d_nchw_chw
// ALWAYS-LABEL: func @short
// ALWAYS: spectral.conv %{{.*}}, %{{.*}} axes [2, 3] : tensor<2x4x32x32xf32>, tensor<1x4x3x3xf32>
// ALWAYS: %[[W:.*]] = tensor.extract_slice {{.*}} : tensor<2x4x34x34xf32> to tensor<2x4x30x30xf32>
// ALWAYS: linalg.add ins(%[[W]], %{{.*}} : tensor<2x4x30x30xf32>, tensor<2x4x30x30xf32>)
func.func @short(%x: tensor<2x4x32x32xf32>, %k: tensor<4x3x3xf32>, %bias: tensor<2x4x30x30xf32>) -> tensor<2x4x30x30xf32> {
  // expected-remark-re @+1 {{left a direct convolution: predicted {{[0-9.e+]+}} ns direct, {{[0-9.e+]+}} ns by FFT of lengths [35, 35]}}
  %y = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%x, %k : tensor<2x4x32x32xf32>, tensor<4x3x3xf32>)
         outs(%bias : tensor<2x4x30x30xf32>) -> tensor<2x4x30x30xf32>
  return %y : tensor<2x4x30x30xf32>
}

// -----

// Channel multiplier: the input is broadcast over it.
// ALWAYS-LABEL: func @multiplier
// ALWAYS: %[[B:.*]] = linalg.broadcast ins(%{{.*}} : tensor<1x64x3xf32>) outs(%{{.*}} : tensor<1x64x3x2xf32>) dimensions = [3]
// ALWAYS: spectral.conv %[[B]], %{{.*}} axes [1] : tensor<1x64x3x2xf32>, tensor<1x9x3x2xf32>
func.func @multiplier(%x: tensor<1x64x3xf32>, %k: tensor<9x3x2xf32>, %init: tensor<1x56x3x2xf32>) -> tensor<1x56x3x2xf32> {
  // expected-remark @+1 {{left a direct convolution}}
  %y = linalg.depthwise_conv_1d_nwc_wcm {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
         ins(%x, %k : tensor<1x64x3xf32>, tensor<9x3x2xf32>)
         outs(%init : tensor<1x56x3x2xf32>) -> tensor<1x56x3x2xf32>
  return %y : tensor<1x56x3x2xf32>
}

// -----

// Convolutions that are not converted, whatever the policy, and why.
func.func @strided(%x: tensor<1x64x4xf32>, %k: tensor<8x4xf32>, %init: tensor<1x29x4xf32>) -> tensor<1x29x4xf32> {
  // expected-remark @+1 {{not converted to an FFT convolution: its strides or dilations are not 1}}
  %y = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>}
         ins(%x, %k : tensor<1x64x4xf32>, tensor<8x4xf32>)
         outs(%init : tensor<1x29x4xf32>) -> tensor<1x29x4xf32>
  return %y : tensor<1x29x4xf32>
}

// -----

func.func @dilated(%x: tensor<1x64x4xf32>, %k: tensor<8x4xf32>, %init: tensor<1x50x4xf32>) -> tensor<1x50x4xf32> {
  // expected-remark @+1 {{not converted to an FFT convolution: its strides or dilations are not 1}}
  %y = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<2> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
         ins(%x, %k : tensor<1x64x4xf32>, tensor<8x4xf32>)
         outs(%init : tensor<1x50x4xf32>) -> tensor<1x50x4xf32>
  return %y : tensor<1x50x4xf32>
}

// -----

// Channel mixing: the transforms of the padded input and reversed kernel,
// a contraction over the input channel per frequency, the inverse
// transform.
// ALWAYS-DAG: #[[X:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// ALWAYS-DAG: #[[KM:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3, d2)>
// ALWAYS-DAG: #[[Y:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// ALWAYS-LABEL: func @channel_mixing
// ALWAYS: %[[XP:.*]] = tensor.pad %{{.*}} low[0, 0, 0] high[0, 8, 0]
// ALWAYS: %[[XS:.*]] = spectral.rfft %[[XP]] axes [1] : tensor<1x72x4xf32>
// ALWAYS: %[[KP:.*]] = tensor.pad %{{.*}} low[0, 0, 0] high[64, 0, 0]
// ALWAYS: %[[KS:.*]] = spectral.rfft %[[KP]] axes [0] : tensor<72x4x6xf32>
// ALWAYS: %[[P:.*]] = linalg.generic {indexing_maps = [#[[X]], #[[KM]], #[[Y]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// ALWAYS-SAME: ins(%[[XS]], %[[KS]] : tensor<1x37x4xcomplex<f32>>, tensor<37x4x6xcomplex<f32>>)
// ALWAYS: complex.mul
// ALWAYS: complex.add
// ALWAYS: %[[Y:.*]] = spectral.irfft %[[P]] axes [1] n 72 : tensor<1x37x6xcomplex<f32>>
// ALWAYS: tensor.extract_slice %[[Y]][0, 7, 0] [1, 57, 6] [1, 1, 1] : tensor<1x72x6xf32> to tensor<1x57x6xf32>
func.func @channel_mixing(%x: tensor<1x64x4xf32>, %k: tensor<8x4x6xf32>, %init: tensor<1x57x6xf32>) -> tensor<1x57x6xf32> {
  // expected-remark-re @+1 {{left a direct convolution: predicted {{[0-9.e+]+}} ns direct, {{[0-9.e+]+}} ns by FFT of lengths [72]}}
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
         ins(%x, %k : tensor<1x64x4xf32>, tensor<8x4x6xf32>)
         outs(%init : tensor<1x57x6xf32>) -> tensor<1x57x6xf32>
  return %y : tensor<1x57x6xf32>
}

// -----

func.func @dynamic_length(%x: tensor<1x?x4xf32>, %k: tensor<8x4xf32>, %init: tensor<1x?x4xf32>) -> tensor<1x?x4xf32> {
  // expected-remark @+1 {{not converted to an FFT convolution: its convolved axes have dynamic sizes (the FFT lengths are chosen at compile time)}}
  %y = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
         ins(%x, %k : tensor<1x?x4xf32>, tensor<8x4xf32>)
         outs(%init : tensor<1x?x4xf32>) -> tensor<1x?x4xf32>
  return %y : tensor<1x?x4xf32>
}

// -----

func.func @grouped(%x: tensor<1x8x8x2x4xf32>, %k: tensor<2x3x4x3x3xf32>, %init: tensor<1x2x3x6x6xf32>) -> tensor<1x2x3x6x6xf32> {
  %t = tensor.empty() : tensor<1x2x4x8x8xf32>
  %xt = linalg.transpose ins(%x : tensor<1x8x8x2x4xf32>) outs(%t : tensor<1x2x4x8x8xf32>) permutation = [0, 3, 4, 1, 2]
  // expected-remark @+1 {{not converted to an FFT convolution: it is a quantized or grouped convolution, or a 3-D one that mixes channels}}
  %y = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%xt, %k : tensor<1x2x4x8x8xf32>, tensor<2x3x4x3x3xf32>)
         outs(%init : tensor<1x2x3x6x6xf32>) -> tensor<1x2x3x6x6xf32>
  return %y : tensor<1x2x3x6x6xf32>
}

// -----

func.func @integer(%x: tensor<64xi32>, %k: tensor<8xi32>, %init: tensor<57xi32>) -> tensor<57xi32> {
  // expected-remark @+1 {{not converted to an FFT convolution: its element type is not f16, bf16, f32 or f64}}
  %y = linalg.conv_1d ins(%x, %k : tensor<64xi32>, tensor<8xi32>) outs(%init : tensor<57xi32>) -> tensor<57xi32>
  return %y : tensor<57xi32>
}

// -----

func.func @mixed_types(%x: tensor<64xf16>, %k: tensor<8xf16>, %init: tensor<57xf32>) -> tensor<57xf32> {
  // expected-remark @+1 {{not converted to an FFT convolution: its operands do not share one element type}}
  %y = linalg.conv_1d ins(%x, %k : tensor<64xf16>, tensor<8xf16>) outs(%init : tensor<57xf32>) -> tensor<57xf32>
  return %y : tensor<57xf32>
}

// -----

func.func @buffers(%x: memref<64xf32>, %k: memref<8xf32>, %out: memref<57xf32>) {
  // expected-remark @+1 {{not converted to an FFT convolution: it works on buffers; the conversion runs on tensors}}
  linalg.conv_1d ins(%x, %k : memref<64xf32>, memref<8xf32>) outs(%out : memref<57xf32>)
  return
}
