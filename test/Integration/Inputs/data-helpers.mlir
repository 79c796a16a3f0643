// Helpers prepended to every executed test by %{compile}: deterministic
// test data and printing of tensors for check_numpy.py.

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefC32(memref<*xcomplex<f32>>)

// Deterministic, noise-like values in [-0.5, 0.5).
func.func @value(%i: index, %phase: f32) -> f32 {
  %i64 = arith.index_cast %i : index to i64
  %f = arith.sitofp %i64 : i64 to f32
  %freq = arith.constant 12.9898 : f32
  %amp = arith.constant 43758.5453 : f32
  %half = arith.constant 0.5 : f32
  %a = arith.mulf %f, %freq : f32
  %b = arith.addf %a, %phase : f32
  %s = math.sin %b : f32
  %v = arith.mulf %s, %amp : f32
  %fl = math.floor %v : f32
  %fr = arith.subf %v, %fl : f32
  %r = arith.subf %fr, %half : f32
  return %r : f32
}

func.func @real(%n: index, %phase: f32) -> tensor<?xf32> {
  %t = tensor.generate %n {
  ^bb0(%i: index):
    %v = func.call @value(%i, %phase) : (index, f32) -> f32
    tensor.yield %v : f32
  } : tensor<?xf32>
  return %t : tensor<?xf32>
}

func.func @cplx(%n: index, %phase: f32) -> tensor<?xcomplex<f32>> {
  %t = tensor.generate %n {
  ^bb0(%i: index):
    %re = func.call @value(%i, %phase) : (index, f32) -> f32
    %one = arith.constant 1.0 : f32
    %p2 = arith.addf %phase, %one : f32
    %im = func.call @value(%i, %p2) : (index, f32) -> f32
    %c = complex.create %re, %im : complex<f32>
    tensor.yield %c : complex<f32>
  } : tensor<?xcomplex<f32>>
  return %t : tensor<?xcomplex<f32>>
}

func.func @show(%t: tensor<*xf32>) {
  %m = bufferization.to_buffer %t read_only : tensor<*xf32> to memref<*xf32>
  func.call @printMemrefF32(%m) : (memref<*xf32>) -> ()
  return
}

func.func @showc(%t: tensor<*xcomplex<f32>>) {
  %m = bufferization.to_buffer %t read_only : tensor<*xcomplex<f32>> to memref<*xcomplex<f32>>
  func.call @printMemrefC32(%m) : (memref<*xcomplex<f32>>) -> ()
  return
}


func.func private @printMemrefI32(memref<*xi32>)

func.func @showi(%t: tensor<*xi32>) {
  %m = bufferization.to_buffer %t read_only : tensor<*xi32> to memref<*xi32>
  func.call @printMemrefI32(%m) : (memref<*xi32>) -> ()
  return
}
