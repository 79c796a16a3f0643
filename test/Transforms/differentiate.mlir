// RUN: sst-opt %s -split-input-file -spectral-differentiate -verify-diagnostics | FileCheck %s

// The gradient takes the arguments and one cotangent per result, and
// returns the results and the cotangents of the float and complex tensor
// arguments. mode_mix's input adjoint mixes the kept modes of the cotangent
// by the conjugate transposed weight, read in place (no copy of the
// weight), and synthesizes them with the dual norm; its weight adjoint is a
// contraction over the batch of the kept modes, sharing the cotangent's.
// CHECK-LABEL: func.func @layer(
// CHECK-NOT: spectral.gradient
// CHECK-LABEL: func.func @layer_vjp(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x16xf32>, %[[W:.*]]: tensor<3x4x5xcomplex<f32>>, %[[DY:.*]]: tensor<2x4x16xf32>)
// CHECK-SAME: -> (tensor<2x4x16xf32>, tensor<2x3x16xf32>, tensor<3x4x5xcomplex<f32>>)
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK: %[[Y:.*]] = spectral.mode_mix %[[X]], %[[W]] axes [2] channel 1 modes [5] norm ortho
// CHECK: spectral.rfft %[[DY]] axes [2] norm ortho
// CHECK: %[[GK:.*]] = tensor.insert_slice %{{.*}} : tensor<2x4x5xcomplex<f32>> into tensor<2x4x5xcomplex<f32>>
// CHECK-NOT: tensor<4x3x5xcomplex<f32>>
// CHECK: %[[MIXED:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel", "parallel"]} ins(%[[GK]], %[[W]] : tensor<2x4x5xcomplex<f32>>, tensor<3x4x5xcomplex<f32>>) outs(%{{.*}} : tensor<2x3x5xcomplex<f32>>)
// CHECK: %[[DX:.*]] = spectral.irfft %{{.*}} axes [2] n 16 norm ortho : tensor<2x3x9xcomplex<f32>>
// CHECK: spectral.rfft %[[X]] axes [2] norm ortho
// CHECK: %[[DW:.*]] = linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "parallel", "parallel"]
// CHECK: return %[[Y]], %[[DX]], %[[DW]]
func.func @layer(%x: tensor<2x3x16xf32>, %w: tensor<3x4x5xcomplex<f32>>) -> tensor<2x4x16xf32>
    attributes {spectral.gradient = @layer_vjp, llvm.emit_c_interface} {
  %y = spectral.mode_mix %x, %w axes [2] channel 1 modes [5] norm ortho
         : tensor<2x3x16xf32>, tensor<3x4x5xcomplex<f32>> -> tensor<2x4x16xf32>
  return %y : tensor<2x4x16xf32>
}

// -----

// The transforms' adjoints use the dual norm; a value used twice (%x)
// accumulates both cotangents; ops off the path to the result (the integer
// index computation) need no adjoint; an index argument gets no cotangent.
// CHECK-LABEL: func.func @transforms_vjp(
// CHECK-SAME: %[[X:.*]]: tensor<4x8xcomplex<f32>>, %[[N:.*]]: index, %[[DY:.*]]: tensor<4x8xcomplex<f32>>)
// CHECK-SAME: -> (tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>)
// CHECK: %[[A:.*]] = spectral.ifft %[[DY]] axes [1] norm forward
// CHECK: %[[B:.*]] = spectral.fft %[[A]] axes [0] :
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[DY]], %[[B]]
// CHECK: complex.add
// CHECK: return %{{.*}}, %[[SUM]]
func.func @transforms(%x: tensor<4x8xcomplex<f32>>, %n: index) -> tensor<4x8xcomplex<f32>>
    attributes {spectral.gradient = @transforms_vjp} {
  %i = arith.addi %n, %n : index
  %a = spectral.ifft %x axes [0] norm forward : tensor<4x8xcomplex<f32>>
  %b = spectral.fft %a axes [1] : tensor<4x8xcomplex<f32>>
  %e = tensor.empty() : tensor<4x8xcomplex<f32>>
  %c = linalg.add ins(%b, %x : tensor<4x8xcomplex<f32>>, tensor<4x8xcomplex<f32>>)
         outs(%e : tensor<4x8xcomplex<f32>>) -> tensor<4x8xcomplex<f32>>
  return %c : tensor<4x8xcomplex<f32>>
}

// -----

// mix: the input's adjoint mixes with the conjugate filter.
// CHECK-LABEL: func.func @mixer_vjp(
// CHECK: %[[CONJ:.*]] = linalg.generic
// CHECK: arith.negf
// CHECK: spectral.mix %{{.*}}, %[[CONJ]] axis 1
// CHECK: spectral.rfft %{{.*}} axes [1] norm forward
func.func @mixer(%x: tensor<2x16xf32>, %f: tensor<9xcomplex<f32>>) -> tensor<2x16xf32>
    attributes {spectral.gradient = @mixer_vjp} {
  %y = spectral.mix %x, %f axis 1 : tensor<2x16xf32>, tensor<9xcomplex<f32>>
  return %y : tensor<2x16xf32>
}

// -----

// expected-error @+1 {{'func.func' op has no body to differentiate}}
func.func private @external(tensor<4xf32>) -> tensor<4xf32> attributes {spectral.gradient = @external_vjp}

// -----

// expected-error @+1 {{'func.func' op 'spectral.gradient' must name the gradient function, as in @f_vjp}}
func.func @not_a_symbol(%x: tensor<4xf32>) -> tensor<4xf32> attributes {spectral.gradient = "f_vjp"} {
  return %x : tensor<4xf32>
}

// -----

func.func @taken(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// expected-error @+1 {{'func.func' op cannot create its gradient @taken: the module already has a symbol of that name that is not a function declaration}}
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> attributes {spectral.gradient = @taken} {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op has 2 blocks; spectral-differentiate needs one}}
func.func @blocks(%x: tensor<4xf32>) -> tensor<4xf32> attributes {spectral.gradient = @blocks_vjp} {
  cf.br ^next
^next:
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op result 1 of type 'index' cannot be differentiated: results must be tensors of floats or complex numbers}}
func.func @index_result(%x: tensor<4xf32>, %n: index) -> (tensor<4xf32>, index) attributes {spectral.gradient = @index_result_vjp} {
  return %x, %n : tensor<4xf32>, index
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @no_adjoint(%x: tensor<4xf32>) -> tensor<4xf32> attributes {spectral.gradient = @no_adjoint_vjp} {
  // expected-error @+1 {{'linalg.generic' op cannot be differentiated by spectral-differentiate: it has no adjoint (AdjointOpInterface) and is on the path from the arguments to a result}}
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
         ins(%x : tensor<4xf32>) outs(%x : tensor<4xf32>) {
  ^bb0(%a: f32, %b: f32):
    %s = math.sin %a : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @dynamic_halved(%x: tensor<4x?xf32>) -> tensor<4x?xcomplex<f32>> attributes {spectral.gradient = @dynamic_halved_vjp} {
  // expected-error @+1 {{'spectral.rfft' op cannot be differentiated with a dynamic length along its halved axis 1: the adjoint irfft needs it statically}}
  %s = spectral.rfft %x axes [1] : tensor<4x?xf32>
  return %s : tensor<4x?xcomplex<f32>>
}

// -----

func.func @broadcast_mul(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> attributes {spectral.gradient = @broadcast_mul_vjp} {
  %e = tensor.empty() : tensor<4xf32>
  %p = linalg.mul ins(%x, %y : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %p : tensor<4xf32>
}
// CHECK-LABEL: func.func @broadcast_mul_vjp(
// CHECK-COUNT-2: arith.mulf

// -----

func.func @dynamic_conv(%x: tensor<4x?xf32>, %k: tensor<4x3xf32>) -> tensor<4x?xf32> attributes {spectral.gradient = @dynamic_conv_vjp} {
  // expected-error @+1 {{'spectral.conv' op cannot be differentiated with a dynamic size along convolved axis 1}}
  %y = spectral.conv %x, %k axes [1] mode causal : tensor<4x?xf32>, tensor<4x3xf32>
  return %y : tensor<4x?xf32>
}

// -----

// A sparse spectral tensor's cotangent is a sparse spectral tensor of the
// same type and positions: decompress's adjoint keeps it sparse, scale's
// scales it, and the two cotangents of %s are summed on their coefficients
// at the positions of %s.
// CHECK-LABEL: func.func @sparse_vjp(
// CHECK-SAME: %[[S:.*]]: !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>, %[[X:.*]]: tensor<8x16xf32>, %[[DZ:.*]]: tensor<8x16xf32>)
// CHECK-SAME: -> (tensor<8x16xf32>, !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>, tensor<8x16xf32>)
// CHECK: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[SCALED:.*]] = spectral.scale %[[S]], %[[HALF]]
// CHECK: %[[DS2:.*]] = spectral.decompress_adjoint %{{.*}}, %[[SCALED]] : tensor<8x16xf32>, !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
// CHECK: %[[DS1:.*]] = spectral.scale %[[DS2]], %[[HALF]]
// CHECK: %[[DS0:.*]] = spectral.decompress_adjoint %{{.*}}, %[[S]]
// CHECK-DAG: %[[C1:.*]] = spectral.coefficients %[[DS1]]
// CHECK-DAG: %[[C0:.*]] = spectral.coefficients %[[DS0]]
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[C1]], %[[C0]] :
// CHECK: %[[P:.*]] = spectral.positions %[[DS1]]
// CHECK: %[[DS:.*]] = spectral.assemble %[[SUM]], %[[P]]
// CHECK: return %{{.*}}, %[[DS]], %{{.*}} : tensor<8x16xf32>, !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>, tensor<8x16xf32>
func.func @sparse(%s: !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>, %x: tensor<8x16xf32>) -> tensor<8x16xf32>
    attributes {spectral.gradient = @sparse_vjp} {
  %half = arith.constant 0.5 : f32
  %d = spectral.decompress %s : !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
  %t = spectral.scale %s, %half : !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>, f32
  %u = spectral.decompress %t : !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
  %e = tensor.empty() : tensor<8x16xf32>
  %v = linalg.add ins(%d, %u : tensor<8x16xf32>, tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) -> tensor<8x16xf32>
  %z = linalg.mul ins(%v, %x : tensor<8x16xf32>, tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %z : tensor<8x16xf32>
}

// -----

// Coefficients taken out of an SST and put back: the adjoints of
// coefficients and assemble move the cotangent between the two forms. A
// sparse argument that no result depends on gets zero coefficients at its
// positions.
// CHECK-LABEL: func.func @storage_vjp(
// CHECK-SAME: %[[S:[^:]*]]: !spectral.sst<64xf32, keep = 4, transform = fft>, %[[U:[^:]*]]: !spectral.sst<64xf32, keep = 4, transform = fft>, %[[P:[^:]*]]: tensor<1x4xi32>, %[[DY:[^:]*]]: tensor<64xf32>)
// CHECK: %[[DT:.*]] = spectral.decompress_adjoint %[[DY]], %{{.*}}
// CHECK: %[[DC:.*]] = spectral.coefficients %[[DT]]
// CHECK: %[[PS:.*]] = spectral.positions %[[S]]
// CHECK: %[[DS:.*]] = spectral.assemble %[[DC]], %[[PS]]
// CHECK: %[[PU:.*]] = spectral.positions %[[U]]
// CHECK: %[[ZEROS:.*]] = linalg.fill {{.*}} -> tensor<1x4xcomplex<f32>>
// CHECK: %[[DU:.*]] = spectral.assemble %[[ZEROS]], %[[PU]]
// CHECK: return %{{.*}}, %[[DS]], %[[DU]] :
func.func @storage(%s: !spectral.sst<64xf32, keep = 4, transform = fft>, %u: !spectral.sst<64xf32, keep = 4, transform = fft>, %p: tensor<1x4xi32>) -> tensor<64xf32>
    attributes {spectral.gradient = @storage_vjp} {
  %c = spectral.coefficients %s : !spectral.sst<64xf32, keep = 4, transform = fft>
  %t = spectral.assemble %c, %p : tensor<1x4xcomplex<f32>>, tensor<1x4xi32> -> !spectral.sst<64xf32, keep = 4, transform = fft>
  %y = spectral.decompress %t : !spectral.sst<64xf32, keep = 4, transform = fft>
  return %y : tensor<64xf32>
}

// -----

// The product with a compressed weight has no adjoint yet.
func.func @matmul(%x: tensor<4x8xf32>, %w: !spectral.sst<8x8xf32, keep = 4>) -> tensor<4x8xf32>
    attributes {spectral.gradient = @matmul_vjp} {
  // expected-error @+1 {{'spectral.matmul' op cannot be differentiated by spectral-differentiate: it has no adjoint (AdjointOpInterface) and is on the path from the arguments to a result}}
  %y = spectral.matmul %x, %w : tensor<4x8xf32>, !spectral.sst<8x8xf32, keep = 4>
  return %y : tensor<4x8xf32>
}

// -----

// expected-error @+1 {{'func.func' op result 0 of type '!spectral.sst<8xf32, keep = 2>' cannot be differentiated: results must be tensors of floats or complex numbers}}
func.func @sparse_result(%s: !spectral.sst<8xf32, keep = 2>) -> !spectral.sst<8xf32, keep = 2> attributes {spectral.gradient = @sparse_result_vjp} {
  return %s : !spectral.sst<8xf32, keep = 2>
}

// -----

// A declaration of the gradient lets the module call it; the pass defines
// it, with the declaration's visibility.
// CHECK-LABEL: func.func @declared(
// CHECK-LABEL: func.func private @declared_vjp(
// CHECK-SAME: %{{.*}}: tensor<4xf32>, %{{.*}}: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
// CHECK: spectral.irfft
// CHECK-LABEL: func.func @caller(
// CHECK: call @declared_vjp(
// CHECK-NOT: func.func private @declared_vjp
func.func private @declared_vjp(tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
func.func @declared(%x: tensor<4xf32>) -> tensor<4xf32> attributes {spectral.gradient = @declared_vjp} {
  %c = spectral.rfft %x axes [0] : tensor<4xf32>
  %y = spectral.irfft %c axes [0] n 4 : tensor<3xcomplex<f32>>
  return %y : tensor<4xf32>
}
func.func @caller(%x: tensor<4xf32>, %g: tensor<4xf32>) -> tensor<4xf32> {
  %r:2 = func.call @declared_vjp(%x, %g) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return %r#1 : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op declares the gradient of @mistyped with type '(tensor<4xf32>) -> tensor<4xf32>', but the gradient has type '(tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)'}}
func.func private @mistyped_vjp(tensor<4xf32>) -> tensor<4xf32>
func.func @mistyped(%x: tensor<4xf32>) -> tensor<4xf32> attributes {spectral.gradient = @mistyped_vjp} {
  return %x : tensor<4xf32>
}
