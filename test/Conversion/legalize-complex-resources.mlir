// RUN: sst-opt %s -spectral-legalize-complex-resources | FileCheck %s
// RUN: sst-opt %s -spectral-legalize-complex-resources | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=LLVM

// A complex dense-resource global becomes an array of (re, im) pairs with the
// same blob, which translates to LLVM IR; other globals are untouched.
// CHECK: llvm.mlir.global private constant @coefficients(dense_resource<c> : tensor<2x2xf16>) {{.*}} : !llvm.array<2 x array<2 x f16>>
// CHECK: llvm.mlir.global private constant @positions(dense_resource<p> : tensor<2xi16>) {{.*}} : !llvm.array<2 x i16>
// CHECK: llvm.mlir.global private constant @dense(dense<(1.000000e+00,2.000000e+00)> : tensor<1xcomplex<f32>>) {{.*}} : !llvm.array<1 x struct<(f32, f32)>>
// LLVM: @coefficients = private constant [2 x [2 x half]] {{\[}}[2 x half] [half 0xH3C00, half 0xH4000], [2 x half] [half 0xH4200, half 0xH4400]]
// LLVM: @positions = private constant [2 x i16] [i16 3, i16 7]
llvm.mlir.global private constant @coefficients(dense_resource<c> : tensor<2xcomplex<f16>>) {addr_space = 0 : i32} : !llvm.array<2 x struct<(f16, f16)>>
llvm.mlir.global private constant @positions(dense_resource<p> : tensor<2xi16>) {addr_space = 0 : i32} : !llvm.array<2 x i16>
llvm.mlir.global private constant @dense(dense<(1.0, 2.0)> : tensor<1xcomplex<f32>>) {addr_space = 0 : i32} : !llvm.array<1 x struct<(f32, f32)>>

llvm.func @address() -> !llvm.ptr {
  %0 = llvm.mlir.addressof @coefficients : !llvm.ptr
  llvm.return %0 : !llvm.ptr
}

{-#
  dialect_resources: {
    builtin: {
      c: "0x02000000003C004000420044",
      p: "0x0200000003000700"
    }
  }
#-}
