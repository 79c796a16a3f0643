// RUN: sst-opt %s -convert-spectral-to-runtime | FileCheck %s
// RUN: sst-opt %s -convert-spectral-to-runtime="blas-gemm=false" | FileCheck %s --check-prefix=NOBLAS

// CHECK-DAG: func.func private @spectral_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// CHECK-DAG: func.func private @spectral_gemm_f64(

// A plain matmul, also on a strided view, becomes the runtime's GEMM, which
// accumulates into its output like the op.
// CHECK-LABEL: func @gemm
// CHECK-SAME: (%[[A:.*]]: memref<8x16xf32>, %[[B:.*]]: memref<16x4xf32, strided<[8, 1]>>, %[[C:.*]]: memref<8x4xf32>)
// CHECK-DAG: %[[CA:.*]] = memref.cast %[[A]] : memref<8x16xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK-DAG: %[[CB:.*]] = memref.cast %[[B]] : memref<16x4xf32, strided<[8, 1]>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK-DAG: %[[CC:.*]] = memref.cast %[[C]] : memref<8x4xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK: call @spectral_gemm_f32(%[[CA]], %[[CB]], %[[CC]])
// CHECK-NOT: linalg.matmul
// NOBLAS-LABEL: func @gemm
// NOBLAS: linalg.matmul
// NOBLAS-NOT: spectral_gemm
func.func @gemm(%a: memref<8x16xf32>, %b: memref<16x4xf32, strided<[8, 1]>>,
                %c: memref<8x4xf32>) {
  linalg.matmul ins(%a, %b : memref<8x16xf32>, memref<16x4xf32, strided<[8, 1]>>)
                outs(%c : memref<8x4xf32>)
  return
}

// CHECK-LABEL: func @gemm_f64
// CHECK: call @spectral_gemm_f64
func.func @gemm_f64(%a: memref<?x?xf64>, %b: memref<?x?xf64>, %c: memref<?x?xf64>) {
  linalg.matmul ins(%a, %b : memref<?x?xf64>, memref<?x?xf64>)
                outs(%c : memref<?x?xf64>)
  return
}

// Matmuls the GEMM does not compute stay as they are: mixed or integer
// element types, transposed indexing maps, and tensors.
// CHECK-LABEL: func @not_gemm
// CHECK-COUNT-4: linalg.matmul
// CHECK-NOT: call
func.func @not_gemm(%a: memref<8x16xf16>, %b: memref<16x4xf16>, %c: memref<8x4xf32>,
                    %ai: memref<8x16xi32>, %bi: memref<16x4xi32>, %ci: memref<8x4xi32>,
                    %at: memref<16x8xf32>, %bf: memref<16x4xf32>, %cf: memref<8x4xf32>,
                    %t: tensor<8x16xf32>, %u: tensor<16x4xf32>, %v: tensor<8x4xf32>) -> tensor<8x4xf32> {
  linalg.matmul ins(%a, %b : memref<8x16xf16>, memref<16x4xf16>) outs(%c : memref<8x4xf32>)
  linalg.matmul ins(%ai, %bi : memref<8x16xi32>, memref<16x4xi32>) outs(%ci : memref<8x4xi32>)
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>,
                                 affine_map<(m, n, k) -> (k, n)>,
                                 affine_map<(m, n, k) -> (m, n)>]
    ins(%at, %bf : memref<16x8xf32>, memref<16x4xf32>) outs(%cf : memref<8x4xf32>)
  %r = linalg.matmul ins(%t, %u : tensor<8x16xf32>, tensor<16x4xf32>) outs(%v : tensor<8x4xf32>) -> tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}
