// DEFINE: %{expected} = %{check} \
// DEFINE:   elementwise:fn=conj \
// DEFINE:   elementwise:fn=neg \
// DEFINE:   elementwise:fn=exp \
// DEFINE:   elementwise:fn=expm1 \
// DEFINE:   elementwise:fn=log \
// DEFINE:   elementwise:fn=log1p \
// DEFINE:   elementwise:fn=sqrt \
// DEFINE:   elementwise:fn=rsqrt \
// DEFINE:   elementwise:fn=sin \
// DEFINE:   elementwise:fn=cos \
// DEFINE:   elementwise:fn=tan \
// DEFINE:   elementwise:fn=tanh \
// DEFINE:   elementwise:fn=sign \
// DEFINE:   elementwise:fn=abs \
// DEFINE:   elementwise:fn=angle \
// DEFINE:   elementwise2:fn=div \
// DEFINE:   elementwise2:fn=pow \
// DEFINE:   elementwise2:fn=atan2 \
// DEFINE:   elementwise:fn=conj \
// DEFINE:   fft:axes=1
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}

// The complex dialect's elementwise ops, as frontends put them next to
// spectral ops (in a linalg.generic), lower in both pipelines and give
// numpy's values; the last case is a conjugate feeding spectral.fft.

func.func @main() {
  %c32 = arith.constant 32 : index
  %p = arith.constant 0.5 : f32
  %q = arith.constant 1.25 : f32
  %dx = func.call @cplx(%c32, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %fx = tensor.cast %dx : tensor<?xcomplex<f32>> to tensor<32xcomplex<f32>>
  %x = tensor.expand_shape %fx [[0, 1]] output_shape [4, 8] : tensor<32xcomplex<f32>> into tensor<4x8xcomplex<f32>>
  %dy = func.call @cplx(%c32, %q) : (index, f32) -> tensor<?xcomplex<f32>>
  %fy = tensor.cast %dy : tensor<?xcomplex<f32>> to tensor<32xcomplex<f32>>
  %y = tensor.expand_shape %fy [[0, 1]] output_shape [4, 8] : tensor<32xcomplex<f32>> into tensor<4x8xcomplex<f32>>
  %xu = tensor.cast %x : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  %yu = tensor.cast %y : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>

  // complex.conj
  %conj = func.call @apply_conj(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %conju = tensor.cast %conj : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%conju) : (tensor<*xcomplex<f32>>) -> ()

  // complex.neg
  %neg = func.call @apply_neg(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %negu = tensor.cast %neg : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%negu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.exp
  %exp = func.call @apply_exp(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %expu = tensor.cast %exp : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%expu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.expm1
  %expm1 = func.call @apply_expm1(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %expm1u = tensor.cast %expm1 : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%expm1u) : (tensor<*xcomplex<f32>>) -> ()

  // complex.log
  %log = func.call @apply_log(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %logu = tensor.cast %log : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%logu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.log1p
  %log1p = func.call @apply_log1p(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %log1pu = tensor.cast %log1p : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%log1pu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.sqrt
  %sqrt = func.call @apply_sqrt(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %sqrtu = tensor.cast %sqrt : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%sqrtu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.rsqrt
  %rsqrt = func.call @apply_rsqrt(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %rsqrtu = tensor.cast %rsqrt : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%rsqrtu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.sin
  %sin = func.call @apply_sin(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %sinu = tensor.cast %sin : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%sinu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.cos
  %cos = func.call @apply_cos(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %cosu = tensor.cast %cos : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%cosu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.tan
  %tan = func.call @apply_tan(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %tanu = tensor.cast %tan : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%tanu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.tanh
  %tanh = func.call @apply_tanh(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %tanhu = tensor.cast %tanh : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%tanhu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.sign
  %sign = func.call @apply_sign(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %signu = tensor.cast %sign : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%signu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.abs
  %abs = func.call @apply_abs(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xf32>
  %absu = tensor.cast %abs : tensor<4x8xf32> to tensor<*xf32>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%absu) : (tensor<*xf32>) -> ()

  // complex.angle
  %angle = func.call @apply_angle(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xf32>
  %angleu = tensor.cast %angle : tensor<4x8xf32> to tensor<*xf32>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%angleu) : (tensor<*xf32>) -> ()

  // complex.div
  %div = func.call @apply_div(%x, %y) : (tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %divu = tensor.cast %div : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%yu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%divu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.pow
  %pow = func.call @apply_pow(%x, %y) : (tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %powu = tensor.cast %pow : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%yu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%powu) : (tensor<*xcomplex<f32>>) -> ()

  // complex.atan2
  %atan2 = func.call @apply_atan2(%x, %y) : (tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %atan2u = tensor.cast %atan2 : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%yu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%atan2u) : (tensor<*xcomplex<f32>>) -> ()

  // complex.conj in a linalg.generic, then spectral.fft of it.
  %xc = func.call @apply_conj(%x) : (tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  %f = spectral.fft %xc axes [1] : tensor<4x8xcomplex<f32>>
  %xcu = tensor.cast %xc : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  %fu = tensor.cast %f : tensor<4x8xcomplex<f32>> to tensor<*xcomplex<f32>>
  func.call @showc(%xu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%xcu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%xcu) : (tensor<*xcomplex<f32>>) -> ()
  func.call @showc(%fu) : (tensor<*xcomplex<f32>>) -> ()
  return
}


func.func @apply_conj(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.conj %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_neg(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.neg %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_exp(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.exp %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_expm1(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.expm1 %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_log(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.log %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_log1p(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.log1p %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_sqrt(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.sqrt %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_rsqrt(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.rsqrt %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_sin(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.sin %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_cos(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.cos %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_tan(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.tan %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_tanh(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.tanh %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_sign(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %o: complex<f32>):
    %v = complex.sign %a : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_abs(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: complex<f32>, %o: f32):
    %v = complex.abs %a : complex<f32>
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_angle(%x: tensor<4x8xcomplex<f32>>) -> tensor<4x8xf32> {
  %init = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: complex<f32>, %o: f32):
    %v = complex.angle %a : complex<f32>
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

func.func @apply_div(%x: tensor<4x8xcomplex<f32>>, %y: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %b: complex<f32>, %o: complex<f32>):
    %v = complex.div %a, %b : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_pow(%x: tensor<4x8xcomplex<f32>>, %y: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %b: complex<f32>, %o: complex<f32>):
    %v = complex.pow %a, %b : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}

func.func @apply_atan2(%x: tensor<4x8xcomplex<f32>>, %y: tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>> {
  %init = tensor.empty() : tensor<4x8xcomplex<f32>>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>) outs(%init : tensor<4x8xcomplex<f32>>) {
  ^bb0(%a: complex<f32>, %b: complex<f32>, %o: complex<f32>):
    %v = complex.atan2 %a, %b : complex<f32>
    linalg.yield %v : complex<f32>
  } -> tensor<4x8xcomplex<f32>>
  return %r : tensor<4x8xcomplex<f32>>
}
