// A model as a TOSA frontend (TFLite, torch-mlir, ONNX-MLIR) hands it to
// MLIR, compiled by spectral-cpu-pipeline without changing the frontend:
//
//   spectrum = tosa.rfft2d(image)                  image: 1 x 64 x 64
//   y        = tosa.depthwise_conv2d(signal, w, b)  signal: 1 x 1 x 1024 x 8,
//              w: a 1 x 255 kernel per channel, `same` padding
//
// The pipeline's front door (spectral-lower-tosa) raises the rfft2d to
// spectral.rfft, which upstream's tosa-to-linalg would have lowered to a
// direct O(N^2) DFT per output element, and lowers the rest of TOSA the
// standard way; spectral-fft-convolution then turns the long depthwise
// convolution into an FFT convolution, because its cost model predicts it
// faster. Both decisions are remarks:
//
//   sst-opt --spectral-cpu-pipeline examples/tosa-model.mlir |
//     mlir-runner -e main -entry-point-result=void -shared-libs=...
//
// main prints the operands and results, which test/Examples/tosa-model.mlir
// checks against numpy.

func.func @model(%image: tensor<1x64x64xf32>, %signal: tensor<1x1x1024x8xf32>,
                 %w: tensor<1x255x8x1xf32>, %b: tensor<8xf32>)
    -> (tensor<1x64x33xf32>, tensor<1x64x33xf32>, tensor<1x1x1024x8xf32>) {
  %re, %im = tosa.rfft2d %image
      : (tensor<1x64x64xf32>) -> (tensor<1x64x33xf32>, tensor<1x64x33xf32>)
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.depthwise_conv2d %signal, %w, %b, %zp, %zp
      {acc_type = f32, dilation = array<i64: 1, 1>,
       pad = array<i64: 0, 0, 127, 127>, stride = array<i64: 1, 1>}
      : (tensor<1x1x1024x8xf32>, tensor<1x255x8x1xf32>, tensor<8xf32>,
         tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x1024x8xf32>
  return %re, %im, %y
      : tensor<1x64x33xf32>, tensor<1x64x33xf32>, tensor<1x1x1024x8xf32>
}

func.func private @printMemrefF32(memref<*xf32>)

// Deterministic, noise-like values in [-0.5, 0.5) of the given shape.
func.func @noise(%n: index, %seed: f32) -> tensor<?xf32> {
  %t = tensor.generate %n {
  ^bb0(%i: index):
    %i64 = arith.index_cast %i : index to i64
    %f = arith.sitofp %i64 : i64 to f32
    %freq = arith.constant 12.9898 : f32
    %amp = arith.constant 43758.5453 : f32
    %half = arith.constant 0.5 : f32
    %a = arith.mulf %f, %freq : f32
    %s0 = arith.addf %a, %seed : f32
    %s = math.sin %s0 : f32
    %v = arith.mulf %s, %amp : f32
    %fl = math.floor %v : f32
    %fr = arith.subf %v, %fl : f32
    %r = arith.subf %fr, %half : f32
    tensor.yield %r : f32
  } : tensor<?xf32>
  return %t : tensor<?xf32>
}

func.func @print(%t: tensor<*xf32>) {
  %m = bufferization.to_buffer %t read_only : tensor<*xf32> to memref<*xf32>
  func.call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}

func.func @main() {
  %s1 = arith.constant 0.5 : f32
  %s2 = arith.constant 1.5 : f32
  %s3 = arith.constant 2.5 : f32
  %s4 = arith.constant 3.5 : f32
  %c4096 = arith.constant 4096 : index
  %c8192 = arith.constant 8192 : index
  %c2040 = arith.constant 2040 : index
  %c8 = arith.constant 8 : index
  %d1 = func.call @noise(%c4096, %s1) : (index, f32) -> tensor<?xf32>
  %f1 = tensor.cast %d1 : tensor<?xf32> to tensor<4096xf32>
  %image = tensor.expand_shape %f1 [[0, 1, 2]] output_shape [1, 64, 64]
      : tensor<4096xf32> into tensor<1x64x64xf32>
  %d2 = func.call @noise(%c8192, %s2) : (index, f32) -> tensor<?xf32>
  %f2 = tensor.cast %d2 : tensor<?xf32> to tensor<8192xf32>
  %signal = tensor.expand_shape %f2 [[0, 1, 2, 3]] output_shape [1, 1, 1024, 8]
      : tensor<8192xf32> into tensor<1x1x1024x8xf32>
  %d3 = func.call @noise(%c2040, %s3) : (index, f32) -> tensor<?xf32>
  %f3 = tensor.cast %d3 : tensor<?xf32> to tensor<2040xf32>
  %w = tensor.expand_shape %f3 [[0, 1, 2, 3]] output_shape [1, 255, 8, 1]
      : tensor<2040xf32> into tensor<1x255x8x1xf32>
  %d4 = func.call @noise(%c8, %s4) : (index, f32) -> tensor<?xf32>
  %b = tensor.cast %d4 : tensor<?xf32> to tensor<8xf32>

  %re, %im, %y = func.call @model(%image, %signal, %w, %b)
      : (tensor<1x64x64xf32>, tensor<1x1x1024x8xf32>, tensor<1x255x8x1xf32>,
         tensor<8xf32>)
      -> (tensor<1x64x33xf32>, tensor<1x64x33xf32>, tensor<1x1x1024x8xf32>)

  %u1 = tensor.cast %image : tensor<1x64x64xf32> to tensor<*xf32>
  %u2 = tensor.cast %re : tensor<1x64x33xf32> to tensor<*xf32>
  %u3 = tensor.cast %im : tensor<1x64x33xf32> to tensor<*xf32>
  %u4 = tensor.cast %signal : tensor<1x1x1024x8xf32> to tensor<*xf32>
  %u5 = tensor.cast %w : tensor<1x255x8x1xf32> to tensor<*xf32>
  %u6 = tensor.cast %b : tensor<8xf32> to tensor<*xf32>
  %u7 = tensor.cast %y : tensor<1x1x1024x8xf32> to tensor<*xf32>
  func.call @print(%u1) : (tensor<*xf32>) -> ()
  func.call @print(%u2) : (tensor<*xf32>) -> ()
  func.call @print(%u3) : (tensor<*xf32>) -> ()
  func.call @print(%u4) : (tensor<*xf32>) -> ()
  func.call @print(%u5) : (tensor<*xf32>) -> ()
  func.call @print(%u6) : (tensor<*xf32>) -> ()
  func.call @print(%u7) : (tensor<*xf32>) -> ()
  return
}
