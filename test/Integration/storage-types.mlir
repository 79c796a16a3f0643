// Each storage type round-trips within its precision: with every
// non-redundant bin kept (50 per 8 x 12 rfft tile), decompress(compress(x))
// is x up to the rounding of the stored coefficients, whatever the position
// type. A wrong bin, scale or conjugate would be an O(1) error.
// DEFINE: %{expected} = %{check} \
// DEFINE:   roundtrip:tile=8,12:axes=0,1:transform=rfft:keep=50 \
// DEFINE:   roundtrip:tile=8,12:axes=0,1:transform=rfft:keep=50 \
// DEFINE:   roundtrip:tile=8,12:axes=0,1:transform=rfft:keep=50:tol=1e-3 \
// DEFINE:   roundtrip:tile=8,12:axes=0,1:transform=rfft:keep=50:tol=8e-3 \
// DEFINE:   roundtrip:tile=8,12:axes=0,1:transform=fft:keep=96:tol=1e-3
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}
// And not more precisely than the type allows (the rounding is really
// applied): f16 and bf16 round trips are not exact to f32 precision.
// REDEFINE: %{expected} = %{check} \
// REDEFINE:   roundtrip:tile=8,12:axes=0,1:transform=rfft:keep=50 \
// REDEFINE:   roundtrip:tile=8,12:axes=0,1:transform=rfft:keep=50 \
// REDEFINE:   roundtrip:tile=8,12:axes=0,1:transform=rfft:keep=50:tol=1e-5 \
// REDEFINE:   roundtrip:tile=8,12:axes=0,1:transform=rfft:keep=50:tol=1e-4 \
// REDEFINE:   roundtrip:tile=8,12:axes=0,1:transform=fft:keep=96:tol=1e-5 \
// REDEFINE:   | FileCheck %s --check-prefix=PRECISION
// RUN: %{compile} | %{run} | not %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | not %{expected} %}
// PRECISION: PASS roundtrip {{.*}} keep=50 shape
// PRECISION: PASS roundtrip {{.*}} keep=50 shape
// PRECISION: FAIL roundtrip {{.*}} keep=50 tol=1e-5
// PRECISION: FAIL roundtrip {{.*}} keep=50 tol=1e-4
// PRECISION: FAIL roundtrip {{.*}} keep=96 tol=1e-5

!f32_i64 = !spectral.sst<16x12xf32, keep = 50, tile = [8, 12], index = i64>
!f64_i32 = !spectral.sst<16x12xf32, keep = 50, tile = [8, 12], coeff = complex<f64>>
!f16_i16 = !spectral.sst<16x12xf32, keep = 50, tile = [8, 12], coeff = complex<f16>, index = i16>
!bf16_i32 = !spectral.sst<16x12xf32, keep = 50, tile = [8, 12], coeff = complex<bf16>>
!fft_f16 = !spectral.sst<16x12xf32, keep = 96, transform = fft, tile = [8, 12], coeff = complex<f16>, index = i16>

func.func @main() {
  %p = arith.constant 2.5 : f32
  %c192 = arith.constant 192 : index
  %d = func.call @real(%c192, %p) : (index, f32) -> tensor<?xf32>
  %f = tensor.cast %d : tensor<?xf32> to tensor<192xf32>
  %x = tensor.expand_shape %f [[0, 1]] output_shape [16, 12] : tensor<192xf32> into tensor<16x12xf32>
  %xu = tensor.cast %x : tensor<16x12xf32> to tensor<*xf32>

  %s1 = spectral.compress %x : tensor<16x12xf32> -> !f32_i64
  %r1 = spectral.decompress %s1 : !f32_i64
  %s2 = spectral.compress %x : tensor<16x12xf32> -> !f64_i32
  %r2 = spectral.decompress %s2 : !f64_i32
  %s3 = spectral.compress %x : tensor<16x12xf32> -> !f16_i16
  %r3 = spectral.decompress %s3 : !f16_i16
  %s4 = spectral.compress %x : tensor<16x12xf32> -> !bf16_i32
  %r4 = spectral.decompress %s4 : !bf16_i32
  %s5 = spectral.compress %x : tensor<16x12xf32> -> !fft_f16
  %r5 = spectral.decompress %s5 : !fft_f16
  %r1u = tensor.cast %r1 : tensor<16x12xf32> to tensor<*xf32>
  %r2u = tensor.cast %r2 : tensor<16x12xf32> to tensor<*xf32>
  %r3u = tensor.cast %r3 : tensor<16x12xf32> to tensor<*xf32>
  %r4u = tensor.cast %r4 : tensor<16x12xf32> to tensor<*xf32>
  %r5u = tensor.cast %r5 : tensor<16x12xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%r1u) : (tensor<*xf32>) -> ()
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%r2u) : (tensor<*xf32>) -> ()
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%r3u) : (tensor<*xf32>) -> ()
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%r4u) : (tensor<*xf32>) -> ()
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%r5u) : (tensor<*xf32>) -> ()
  return
}
