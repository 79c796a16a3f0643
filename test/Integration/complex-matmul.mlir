// DEFINE: %{expected} = %{check} \
// DEFINE:   matmul:tile=2,2:axes=0,1:transform=fft:keep=2 \
// DEFINE:   matmul:tile=6,4:axes=0,1:transform=fft:keep=5
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}
// REDEFINE: %{expected} = %{check} \
// REDEFINE:   matmul:tile=2,2:axes=0,1:transform=fft:keep=2 \
// REDEFINE:   matmul:tile=6,4:axes=0,1:transform=fft:keep=5
// RUN: %{compile}="group-tiles=1" 2>/dev/null | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu}="group-tiles=1" 2>/dev/null \
// RUN:   | %{run-gpu} | %{expected} %}

// matmul of complex tensors by a compressed complex weight (the fft
// layout), plain and streamed one tile row at a time. Both used to crash the
// compiler: there is no arith.constant zero of a complex type (found by the
// passes fuzz target).

!w22 = !spectral.sst<6x4xcomplex<f32>, keep = 2, transform = fft, tile = [2, 2]>
!w64 = !spectral.sst<6x4xcomplex<f32>, keep = 5, transform = fft>

func.func @main() {
  %p = arith.constant 0.5 : f32
  %c18 = arith.constant 18 : index
  %c24 = arith.constant 24 : index
  %dx = func.call @cplx(%c18, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %fx = tensor.cast %dx : tensor<?xcomplex<f32>> to tensor<18xcomplex<f32>>
  %x = tensor.expand_shape %fx [[0, 1]] output_shape [3, 6] : tensor<18xcomplex<f32>> into tensor<3x6xcomplex<f32>>
  %q = arith.constant 1.75 : f32
  %dw = func.call @cplx(%c24, %q) : (index, f32) -> tensor<?xcomplex<f32>>
  %fw = tensor.cast %dw : tensor<?xcomplex<f32>> to tensor<24xcomplex<f32>>
  %w = tensor.expand_shape %fw [[0, 1]] output_shape [6, 4] : tensor<24xcomplex<f32>> into tensor<6x4xcomplex<f32>>
  %xu = tensor.cast %x : tensor<3x6xcomplex<f32>> to tensor<*xcomplex<f32>>
  %wu = tensor.cast %w : tensor<6x4xcomplex<f32>> to tensor<*xcomplex<f32>>

  %s1 = spectral.compress %w : tensor<6x4xcomplex<f32>> -> !w22
  %y1 = spectral.matmul %x, %s1 : tensor<3x6xcomplex<f32>>, !w22
  %y1u = tensor.cast %y1 : tensor<3x4xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%wu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%y1u) : (tensor<*xcomplex<f32>>) -> ()

  %s2 = spectral.compress %w : tensor<6x4xcomplex<f32>> -> !w64
  %y2 = spectral.matmul %x, %s2 : tensor<3x6xcomplex<f32>>, !w64
  %y2u = tensor.cast %y2 : tensor<3x4xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%wu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%y2u) : (tensor<*xcomplex<f32>>) -> ()
  return
}
