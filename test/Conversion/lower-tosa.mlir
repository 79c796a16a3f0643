// RUN: sst-opt %s -split-input-file -spectral-lower-tosa -verify-diagnostics | FileCheck %s

// A module without TOSA is left as it is, constants and their locations
// included (TOSA's lowering canonicalizes, which would move them).
// CHECK-LABEL: func @no_tosa
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK-NEXT: %[[D:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK-NEXT: arith.addf %[[C]], %[[D]]
func.func @no_tosa() -> tensor<4xf32> {
  %c = arith.constant dense<1.0> : tensor<4xf32>
  %d = arith.constant dense<1.0> : tensor<4xf32>
  %e = arith.addf %c, %d : tensor<4xf32>
  return %e : tensor<4xf32>
}

// -----

// With TOSA: the FFT raised, the rest lowered to linalg, tensor and arith.
// CHECK-LABEL: func @model
// CHECK-NOT: tosa.
// CHECK: linalg.generic
// CHECK: arith.addf
// CHECK: spectral.rfft %{{.*}} axes [1, 2] : tensor<2x8x8xf32>
// CHECK: tensor.collapse_shape
// CHECK-NOT: tosa.
func.func @model(%a: tensor<2x8x8xf32>, %b: tensor<2x8x8xf32>) -> (tensor<2x8x5xf32>, tensor<2x40xf32>) {
  %s = tosa.add %a, %b : (tensor<2x8x8xf32>, tensor<2x8x8xf32>) -> tensor<2x8x8xf32>
  // expected-remark @+1 {{raised to spectral.rfft over axes [1, 2]}}
  %r, %i = tosa.rfft2d %s : (tensor<2x8x8xf32>) -> (tensor<2x8x5xf32>, tensor<2x8x5xf32>)
  %shape = tosa.const_shape {values = dense<[2, 40]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %m = tosa.reshape %i, %shape : (tensor<2x8x5xf32>, !tosa.shape<2>) -> tensor<2x40xf32>
  return %r, %m : tensor<2x8x5xf32>, tensor<2x40xf32>
}

// -----

// What TOSA's lowering cannot handle fails with upstream's diagnostic.
func.func @custom(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{failed to legalize operation 'tosa.custom'}}
  %b = tosa.custom %a {domain_name = "vendor", implementation_attrs = "", operator_name = "op"} : (tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}
