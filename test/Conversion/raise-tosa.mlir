// RUN: sst-opt %s -split-input-file -spectral-raise-tosa -verify-diagnostics | FileCheck %s
// The raised IR is valid spectral IR: it round-trips through the generic
// form.
// RUN: sst-opt %s -split-input-file -spectral-raise-tosa 2>/dev/null -mlir-print-op-generic \
// RUN:   | sst-opt -split-input-file | FileCheck %s

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @rfft2d
// CHECK-SAME: (%[[X:.*]]: tensor<4x8x16xf32>)
// CHECK: %[[Y:.*]] = spectral.rfft %[[X]] axes [1, 2] : tensor<4x8x16xf32>
// CHECK-DAG: %[[RE0:.*]] = tensor.empty() : tensor<4x8x9xf32>
// CHECK-DAG: %[[IM0:.*]] = tensor.empty() : tensor<4x8x9xf32>
// CHECK: %[[SPLIT:.*]]:2 = linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[Y]] : tensor<4x8x9xcomplex<f32>>) outs(%[[RE0]], %[[IM0]] : tensor<4x8x9xf32>, tensor<4x8x9xf32>)
// CHECK: %[[R:.*]] = complex.re
// CHECK: %[[I:.*]] = complex.im
// CHECK: linalg.yield %[[R]], %[[I]] : f32, f32
// CHECK: return %[[SPLIT]]#0, %[[SPLIT]]#1
// CHECK-NOT: tosa.
func.func @rfft2d(%x: tensor<4x8x16xf32>) -> (tensor<4x8x9xf32>, tensor<4x8x9xf32>) {
  // expected-remark @+1 {{raised to spectral.rfft over axes [1, 2]}}
  %re, %im = tosa.rfft2d %x : (tensor<4x8x16xf32>) -> (tensor<4x8x9xf32>, tensor<4x8x9xf32>)
  return %re, %im : tensor<4x8x9xf32>, tensor<4x8x9xf32>
}

// -----

// A dynamic batch: the split's outputs take the spectrum's batch size.
// CHECK-LABEL: func @rfft2dDynamicBatch
// CHECK: %[[Y:.*]] = spectral.rfft %{{.*}} axes [1, 2] : tensor<?x32x8xf64>
// CHECK: %[[N:.*]] = tensor.dim %[[Y]], %{{.*}} : tensor<?x32x5xcomplex<f64>>
// CHECK: tensor.empty(%[[N]]) : tensor<?x32x5xf64>
// CHECK: linalg.generic
// CHECK: } -> (tensor<?x32x5xf64>, tensor<?x32x5xf64>)
func.func @rfft2dDynamicBatch(%x: tensor<?x32x8xf64>) -> (tensor<?x32x5xf64>, tensor<?x32x5xf64>) {
  // expected-remark @+1 {{raised to spectral.rfft over axes [1, 2]}}
  %re, %im = tosa.rfft2d %x {local_bound = true} : (tensor<?x32x8xf64>) -> (tensor<?x32x5xf64>, tensor<?x32x5xf64>)
  return %re, %im : tensor<?x32x5xf64>, tensor<?x32x5xf64>
}

// -----

// Forward fft2d: the operands joined, the unscaled forward transform.
// CHECK-LABEL: func @fft2d
// CHECK-SAME: (%[[RE:.*]]: tensor<2x4x4xf16>, %[[IM:.*]]: tensor<2x4x4xf16>)
// CHECK: %[[Z0:.*]] = tensor.empty() : tensor<2x4x4xcomplex<f16>>
// CHECK: %[[Z:.*]] = linalg.generic {{.*}} ins(%[[RE]], %[[IM]] : tensor<2x4x4xf16>, tensor<2x4x4xf16>) outs(%[[Z0]] : tensor<2x4x4xcomplex<f16>>)
// CHECK: complex.create %{{.*}}, %{{.*}} : complex<f16>
// CHECK: %[[Y:.*]] = spectral.fft %[[Z]] axes [1, 2] : tensor<2x4x4xcomplex<f16>>
// CHECK: linalg.generic {{.*}} ins(%[[Y]] : tensor<2x4x4xcomplex<f16>>)
func.func @fft2d(%re: tensor<2x4x4xf16>, %im: tensor<2x4x4xf16>) -> (tensor<2x4x4xf16>, tensor<2x4x4xf16>) {
  // expected-remark @+1 {{raised to spectral.fft over axes [1, 2]}}
  %yre, %yim = tosa.fft2d %re, %im {inverse = false} : (tensor<2x4x4xf16>, tensor<2x4x4xf16>) -> (tensor<2x4x4xf16>, tensor<2x4x4xf16>)
  return %yre, %yim : tensor<2x4x4xf16>, tensor<2x4x4xf16>
}

// -----

// Inverse fft2d: TOSA does not divide by H * W, numpy's norm "forward" does
// not either on the inverse. Operands of different static shapes are cast to
// the shape static where either is; results to TOSA's result types.
// CHECK-LABEL: func @ifft2d
// CHECK-SAME: (%[[RE:.*]]: tensor<?x8x?xf32>, %[[IM:.*]]: tensor<3x?x?xf32>)
// CHECK-DAG: %[[RC:.*]] = tensor.cast %[[RE]] : tensor<?x8x?xf32> to tensor<3x8x?xf32>
// CHECK-DAG: %[[IC:.*]] = tensor.cast %[[IM]] : tensor<3x?x?xf32> to tensor<3x8x?xf32>
// CHECK: %[[Z:.*]] = linalg.generic {{.*}} ins(%[[RC]], %[[IC]] :
// CHECK: %[[Y:.*]] = spectral.ifft %[[Z]] axes [1, 2] norm forward : tensor<3x8x?xcomplex<f32>>
// CHECK: %[[S:.*]]:2 = linalg.generic {{.*}} ins(%[[Y]] :
// CHECK-DAG: %[[OR:.*]] = tensor.cast %[[S]]#0 : tensor<3x8x?xf32> to tensor<?x?x?xf32>
// CHECK-DAG: %[[OI:.*]] = tensor.cast %[[S]]#1 : tensor<3x8x?xf32> to tensor<*xf32>
// CHECK: return %[[OR]], %[[OI]]
func.func @ifft2d(%re: tensor<?x8x?xf32>, %im: tensor<3x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<*xf32>) {
  // expected-remark @+1 {{raised to spectral.ifft norm forward over axes [1, 2]}}
  %yre, %yim = tosa.fft2d %re, %im {inverse = true} : (tensor<?x8x?xf32>, tensor<3x?x?xf32>) -> (tensor<?x?x?xf32>, tensor<*xf32>)
  return %yre, %yim : tensor<?x?x?xf32>, tensor<*xf32>
}

// -----

// What is not raised stays TOSA, with the reason.
// CHECK-LABEL: func @unranked
// CHECK: tosa.rfft2d
// CHECK-NOT: spectral.
func.func @unranked(%x: tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  // expected-remark @+1 {{not raised to spectral transforms: its operands are unranked tensors}}
  %re, %im = tosa.rfft2d %x : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %re, %im : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func @fp8
// CHECK: tosa.fft2d
// CHECK-NOT: spectral.
func.func @fp8(%re: tensor<1x8x8xf8E4M3FN>, %im: tensor<1x8x8xf8E4M3FN>) -> (tensor<1x8x8xf8E4M3FN>, tensor<1x8x8xf8E4M3FN>) {
  // expected-remark @+1 {{not raised to spectral transforms: its element type f8E4M3FN is not a float type the spectral transforms take (f16, bf16, f32, f64)}}
  %yre, %yim = tosa.fft2d %re, %im {inverse = false} : (tensor<1x8x8xf8E4M3FN>, tensor<1x8x8xf8E4M3FN>) -> (tensor<1x8x8xf8E4M3FN>, tensor<1x8x8xf8E4M3FN>)
  return %yre, %yim : tensor<1x8x8xf8E4M3FN>, tensor<1x8x8xf8E4M3FN>
}

// -----

// Programs without TOSA FFTs are left alone.
// CHECK-LABEL: func @other
// CHECK-NEXT: tosa.add
func.func @other(%a: tensor<4xf32>) -> tensor<4xf32> {
  %b = tosa.add %a, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}
