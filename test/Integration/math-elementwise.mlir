// DEFINE: %{expected} = %{check} \
// DEFINE:   math:fn=erf \
// DEFINE:   math:fn=erfc \
// DEFINE:   math:fn=cbrt \
// DEFINE:   math:fn=asinh \
// DEFINE:   math:fn=atan \
// DEFINE:   math:fn=sinh \
// DEFINE:   math:fn=cosh \
// DEFINE:   math:fn=exp2 \
// DEFINE:   math:fn=tanh \
// DEFINE:   math:fn=tan \
// DEFINE:   rfft:axes=1
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}

// The math dialect's elementwise ops that LLVM has no intrinsic for (erf,
// erfc, cbrt, asinh, ...) and some it has, as frontends put them next to
// spectral ops, lower in both pipelines and give numpy's (scipy's) values;
// the last case is an erf feeding spectral.rfft.

func.func @main() {
  %c32 = arith.constant 32 : index
  %p = arith.constant 0.5 : f32
  %d = func.call @real(%c32, %p) : (index, f32) -> tensor<?xf32>
  %f = tensor.cast %d : tensor<?xf32> to tensor<32xf32>
  %x = tensor.expand_shape %f [[0, 1]] output_shape [4, 8] : tensor<32xf32> into tensor<4x8xf32>
  %xu = tensor.cast %x : tensor<4x8xf32> to tensor<*xf32>

  %erf = func.call @apply_erf(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %erfu = tensor.cast %erf : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%erfu) : (tensor<*xf32>) -> ()

  %erfc = func.call @apply_erfc(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %erfcu = tensor.cast %erfc : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%erfcu) : (tensor<*xf32>) -> ()

  %cbrt = func.call @apply_cbrt(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %cbrtu = tensor.cast %cbrt : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%cbrtu) : (tensor<*xf32>) -> ()

  %asinh = func.call @apply_asinh(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %asinhu = tensor.cast %asinh : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%asinhu) : (tensor<*xf32>) -> ()

  %atan = func.call @apply_atan(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %atanu = tensor.cast %atan : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%atanu) : (tensor<*xf32>) -> ()

  %sinh = func.call @apply_sinh(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %sinhu = tensor.cast %sinh : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%sinhu) : (tensor<*xf32>) -> ()

  %cosh = func.call @apply_cosh(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %coshu = tensor.cast %cosh : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%coshu) : (tensor<*xf32>) -> ()

  %exp2 = func.call @apply_exp2(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %exp2u = tensor.cast %exp2 : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%exp2u) : (tensor<*xf32>) -> ()

  %tanh = func.call @apply_tanh(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %tanhu = tensor.cast %tanh : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%tanhu) : (tensor<*xf32>) -> ()

  %tan = func.call @apply_tan(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %tanu = tensor.cast %tan : tensor<4x8xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%tanu) : (tensor<*xf32>) -> ()



  // erf in a linalg.generic, then spectral.rfft of it.
  %e = func.call @apply_erf(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = spectral.rfft %e axes [1] : tensor<4x8xf32>
  %eu = tensor.cast %e : tensor<4x8xf32> to tensor<*xf32>
  %su = tensor.cast %s : tensor<4x5xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @show(%eu) : (tensor<*xf32>) -> ()
  func.call @showc(%su) : (tensor<*xcomplex<f32>>) -> ()
  return
}

func.func @apply_erf(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.erf %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_erfc(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.erfc %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_cbrt(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.cbrt %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_asinh(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.asinh %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_atan(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.atan %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_sinh(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.sinh %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_cosh(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.cosh %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_exp2(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.exp2 %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_tanh(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.tanh %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_tan(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %v = math.tan %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}


