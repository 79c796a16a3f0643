// DEFINE: %{expected} = %{check} \
// DEFINE:   adjoint:of=mode_mix.input adjoint:of=mode_mix.weight \
// DEFINE:   adjoint:of=resample adjoint:of=decompress.coefficients
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}

// Gradients that spectral-differentiate builds (the pipelines run it
// first), executed and checked by dot-product tests in check_numpy.py: for
// f linear in an operand, <g, f(d)> must equal Re <grad, d> for the
// cotangent g and a direction d. This is the gradient test that the
// sanitizer build and the GPU kit run: the Python-driven checks against
// PyTorch (test/Python) do not run there.

func.func @layer(%x: tensor<2x3x8x6xf32>, %w: tensor<3x2x5x3xcomplex<f32>>) -> tensor<2x2x8x6xf32>
    attributes {spectral.gradient = @layer_vjp} {
  %y = spectral.mode_mix %x, %w axes [2, 3] channel 1 modes [5, 3]
         : tensor<2x3x8x6xf32>, tensor<3x2x5x3xcomplex<f32>> -> tensor<2x2x8x6xf32>
  return %y : tensor<2x2x8x6xf32>
}

func.func @down(%x: tensor<3x12xf32>) -> tensor<3x7xf32> attributes {spectral.gradient = @down_vjp} {
  %y = spectral.resample %x axes [1] : tensor<3x12xf32> -> tensor<3x7xf32>
  return %y : tensor<3x7xf32>
}

!s8x12 = !spectral.sst<8x12xf32, keep = 5, tile = [4, 6]>

func.func @rebuild(%c: tensor<4x5xcomplex<f32>>, %p: tensor<4x5xi32>) -> tensor<8x12xf32>
    attributes {spectral.gradient = @rebuild_vjp} {
  %s = spectral.assemble %c, %p : tensor<4x5xcomplex<f32>>, tensor<4x5xi32> -> !s8x12
  %y = spectral.decompress %s : !s8x12
  return %y : tensor<8x12xf32>
}

// Declared, so that @main can call them; spectral-differentiate defines them.
func.func private @layer_vjp(tensor<2x3x8x6xf32>, tensor<3x2x5x3xcomplex<f32>>, tensor<2x2x8x6xf32>)
    -> (tensor<2x2x8x6xf32>, tensor<2x3x8x6xf32>, tensor<3x2x5x3xcomplex<f32>>)
func.func private @down_vjp(tensor<3x12xf32>, tensor<3x7xf32>) -> (tensor<3x7xf32>, tensor<3x12xf32>)
func.func private @rebuild_vjp(tensor<4x5xcomplex<f32>>, tensor<4x5xi32>, tensor<8x12xf32>)
    -> (tensor<8x12xf32>, tensor<4x5xcomplex<f32>>)

func.func @main() {
  %p1 = arith.constant 0.5 : f32
  %p2 = arith.constant 1.75 : f32
  %p3 = arith.constant 2.5 : f32
  %p4 = arith.constant 3.25 : f32

  // mode_mix: x, w, the cotangent g and directions for x and w.
  %c288 = arith.constant 288 : index
  %c192 = arith.constant 192 : index
  %c90 = arith.constant 90 : index
  %dx = func.call @real(%c288, %p1) : (index, f32) -> tensor<?xf32>
  %fx = tensor.cast %dx : tensor<?xf32> to tensor<288xf32>
  %x = tensor.expand_shape %fx [[0, 1, 2, 3]] output_shape [2, 3, 8, 6] : tensor<288xf32> into tensor<2x3x8x6xf32>
  %dv = func.call @real(%c288, %p2) : (index, f32) -> tensor<?xf32>
  %fv = tensor.cast %dv : tensor<?xf32> to tensor<288xf32>
  %v = tensor.expand_shape %fv [[0, 1, 2, 3]] output_shape [2, 3, 8, 6] : tensor<288xf32> into tensor<2x3x8x6xf32>
  %dw = func.call @cplx(%c90, %p1) : (index, f32) -> tensor<?xcomplex<f32>>
  %fw = tensor.cast %dw : tensor<?xcomplex<f32>> to tensor<90xcomplex<f32>>
  %w = tensor.expand_shape %fw [[0, 1, 2, 3]] output_shape [3, 2, 5, 3] : tensor<90xcomplex<f32>> into tensor<3x2x5x3xcomplex<f32>>
  %du = func.call @cplx(%c90, %p2) : (index, f32) -> tensor<?xcomplex<f32>>
  %fu = tensor.cast %du : tensor<?xcomplex<f32>> to tensor<90xcomplex<f32>>
  %u = tensor.expand_shape %fu [[0, 1, 2, 3]] output_shape [3, 2, 5, 3] : tensor<90xcomplex<f32>> into tensor<3x2x5x3xcomplex<f32>>
  %dg = func.call @real(%c192, %p3) : (index, f32) -> tensor<?xf32>
  %fg = tensor.cast %dg : tensor<?xf32> to tensor<192xf32>
  %g = tensor.expand_shape %fg [[0, 1, 2, 3]] output_shape [2, 2, 8, 6] : tensor<192xf32> into tensor<2x2x8x6xf32>
  %r:3 = func.call @layer_vjp(%x, %w, %g)
    : (tensor<2x3x8x6xf32>, tensor<3x2x5x3xcomplex<f32>>, tensor<2x2x8x6xf32>)
      -> (tensor<2x2x8x6xf32>, tensor<2x3x8x6xf32>, tensor<3x2x5x3xcomplex<f32>>)
  %f_v = func.call @layer(%v, %w) : (tensor<2x3x8x6xf32>, tensor<3x2x5x3xcomplex<f32>>) -> tensor<2x2x8x6xf32>
  %f_u = func.call @layer(%x, %u) : (tensor<2x3x8x6xf32>, tensor<3x2x5x3xcomplex<f32>>) -> tensor<2x2x8x6xf32>
  %gu = tensor.cast %g : tensor<2x2x8x6xf32> to tensor<*xf32>
  %f_vu = tensor.cast %f_v : tensor<2x2x8x6xf32> to tensor<*xf32>
  %vu = tensor.cast %v : tensor<2x3x8x6xf32> to tensor<*xf32>
  %gxu = tensor.cast %r#1 : tensor<2x3x8x6xf32> to tensor<*xf32>
  func.call @show(%gu) : (tensor<*xf32>) -> ()
  func.call @show(%f_vu) : (tensor<*xf32>) -> ()
  func.call @show(%vu) : (tensor<*xf32>) -> ()
  func.call @show(%gxu) : (tensor<*xf32>) -> ()
  %f_uu = tensor.cast %f_u : tensor<2x2x8x6xf32> to tensor<*xf32>
  %uu = tensor.cast %u : tensor<3x2x5x3xcomplex<f32>> to tensor<*xcomplex<f32>>
  %gwu = tensor.cast %r#2 : tensor<3x2x5x3xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @show(%gu) : (tensor<*xf32>) -> ()
  func.call @show(%f_uu) : (tensor<*xf32>) -> ()
  func.call @showc(%uu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%gwu) : (tensor<*xcomplex<f32>>) -> ()

  // resample 3 x 12 -> 3 x 7.
  %c36 = arith.constant 36 : index
  %c21 = arith.constant 21 : index
  %da = func.call @real(%c36, %p1) : (index, f32) -> tensor<?xf32>
  %fa = tensor.cast %da : tensor<?xf32> to tensor<36xf32>
  %a = tensor.expand_shape %fa [[0, 1]] output_shape [3, 12] : tensor<36xf32> into tensor<3x12xf32>
  %dd = func.call @real(%c36, %p4) : (index, f32) -> tensor<?xf32>
  %fd = tensor.cast %dd : tensor<?xf32> to tensor<36xf32>
  %d = tensor.expand_shape %fd [[0, 1]] output_shape [3, 12] : tensor<36xf32> into tensor<3x12xf32>
  %dh = func.call @real(%c21, %p3) : (index, f32) -> tensor<?xf32>
  %fh = tensor.cast %dh : tensor<?xf32> to tensor<21xf32>
  %h = tensor.expand_shape %fh [[0, 1]] output_shape [3, 7] : tensor<21xf32> into tensor<3x7xf32>
  %s:2 = func.call @down_vjp(%a, %h) : (tensor<3x12xf32>, tensor<3x7xf32>) -> (tensor<3x7xf32>, tensor<3x12xf32>)
  %f_d = func.call @down(%d) : (tensor<3x12xf32>) -> tensor<3x7xf32>
  %hu = tensor.cast %h : tensor<3x7xf32> to tensor<*xf32>
  %f_du = tensor.cast %f_d : tensor<3x7xf32> to tensor<*xf32>
  %du2 = tensor.cast %d : tensor<3x12xf32> to tensor<*xf32>
  %gau = tensor.cast %s#1 : tensor<3x12xf32> to tensor<*xf32>
  func.call @show(%hu) : (tensor<*xf32>) -> ()
  func.call @show(%f_du) : (tensor<*xf32>) -> ()
  func.call @show(%du2) : (tensor<*xf32>) -> ()
  func.call @show(%gau) : (tensor<*xf32>) -> ()

  // decompress of coefficients at the positions compress keeps for data.
  %c96 = arith.constant 96 : index
  %c20 = arith.constant 20 : index
  %dz = func.call @real(%c96, %p1) : (index, f32) -> tensor<?xf32>
  %fz = tensor.cast %dz : tensor<?xf32> to tensor<96xf32>
  %z = tensor.expand_shape %fz [[0, 1]] output_shape [8, 12] : tensor<96xf32> into tensor<8x12xf32>
  %sz = spectral.compress %z : tensor<8x12xf32> -> !s8x12
  %cz = spectral.coefficients %sz : !s8x12
  %pz = spectral.positions %sz : !s8x12
  %dk = func.call @real(%c96, %p3) : (index, f32) -> tensor<?xf32>
  %fk = tensor.cast %dk : tensor<?xf32> to tensor<96xf32>
  %k = tensor.expand_shape %fk [[0, 1]] output_shape [8, 12] : tensor<96xf32> into tensor<8x12xf32>
  %de = func.call @cplx(%c20, %p4) : (index, f32) -> tensor<?xcomplex<f32>>
  %fe = tensor.cast %de : tensor<?xcomplex<f32>> to tensor<20xcomplex<f32>>
  %e = tensor.expand_shape %fe [[0, 1]] output_shape [4, 5] : tensor<20xcomplex<f32>> into tensor<4x5xcomplex<f32>>
  %q:2 = func.call @rebuild_vjp(%cz, %pz, %k)
    : (tensor<4x5xcomplex<f32>>, tensor<4x5xi32>, tensor<8x12xf32>) -> (tensor<8x12xf32>, tensor<4x5xcomplex<f32>>)
  %f_e = func.call @rebuild(%e, %pz) : (tensor<4x5xcomplex<f32>>, tensor<4x5xi32>) -> tensor<8x12xf32>
  %ku = tensor.cast %k : tensor<8x12xf32> to tensor<*xf32>
  %f_eu = tensor.cast %f_e : tensor<8x12xf32> to tensor<*xf32>
  %eu = tensor.cast %e : tensor<4x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  %gcu = tensor.cast %q#1 : tensor<4x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @show(%ku) : (tensor<*xf32>) -> ()
  func.call @show(%f_eu) : (tensor<*xf32>) -> ()
  func.call @showc(%eu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%gcu) : (tensor<*xcomplex<f32>>) -> ()
  return
}
