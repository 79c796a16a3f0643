// Streamed matmul (groups of 2 and of 1 of the weight's 8 tile rows) gives
// numpy's x . decompress(compress(w)), as the unstreamed product does.
// RUN: %{compile}="group-tiles=2" 2>/dev/null | %{run} \
// RUN:   | %{check} matmul:tile=8,24:axes=0,1:transform=rfft:keep=30
// RUN: %if cuda-execution %{ %{compile-gpu}="group-tiles=2" 2>/dev/null \
// RUN:   | %{run-gpu} \
// RUN:   | %{check} matmul:tile=8,24:axes=0,1:transform=rfft:keep=30 %}
// RUN: %{compile}="group-tiles=1" 2>/dev/null | %{run} \
// RUN:   | %{check} matmul:tile=8,24:axes=0,1:transform=rfft:keep=30
// RUN: %if cuda-execution %{ %{compile-gpu}="group-tiles=1" 2>/dev/null \
// RUN:   | %{run-gpu} \
// RUN:   | %{check} matmul:tile=8,24:axes=0,1:transform=rfft:keep=30 %}
// RUN: %{compile} 2>/dev/null | %{run} \
// RUN:   | %{check} matmul:tile=8,24:axes=0,1:transform=rfft:keep=30
// RUN: %if cuda-execution %{ %{compile-gpu} 2>/dev/null | %{run-gpu} \
// RUN:   | %{check} matmul:tile=8,24:axes=0,1:transform=rfft:keep=30 %}
// The streamed form is really used:
// RUN: %{compile}="group-tiles=2" 2>&1 >/dev/null \
// RUN:  | FileCheck %s
// CHECK: remark: streaming the weight in groups of 2 of 8 tile rows

!w = !spectral.sst<64x24xf32, keep = 30, tile = [8, 24]>

func.func @main() {
  %p = arith.constant 4.75 : f32
  %q = arith.constant 0.125 : f32
  %c320 = arith.constant 320 : index
  %c1536 = arith.constant 1536 : index
  %dx = func.call @real(%c320, %p) : (index, f32) -> tensor<?xf32>
  %fx = tensor.cast %dx : tensor<?xf32> to tensor<320xf32>
  %x = tensor.expand_shape %fx [[0, 1]] output_shape [5, 64] : tensor<320xf32> into tensor<5x64xf32>
  %dw = func.call @real(%c1536, %q) : (index, f32) -> tensor<?xf32>
  %fw = tensor.cast %dw : tensor<?xf32> to tensor<1536xf32>
  %w = tensor.expand_shape %fw [[0, 1]] output_shape [64, 24] : tensor<1536xf32> into tensor<64x24xf32>
  %s = spectral.compress %w : tensor<64x24xf32> -> !w
  %y = spectral.matmul %x, %s : tensor<5x64xf32>, !w
  %xu = tensor.cast %x : tensor<5x64xf32> to tensor<*xf32>
  %wu = tensor.cast %w : tensor<64x24xf32> to tensor<*xf32>
  %yu = tensor.cast %y : tensor<5x24xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%wu) : (tensor<*xf32>) -> ()
  func.call @show(%yu) : (tensor<*xf32>) -> ()
  return
}
