// RUN: sst-opt %s -split-input-file -spectral-check-lowered -verify-diagnostics | FileCheck %s

// What the translation to LLVM IR takes passes: llvm, builtin, omp, gpu.
// CHECK-LABEL: llvm.func @lowered
// CHECK: omp.parallel
module {
  llvm.func @lowered(%x: f32) -> f32 {
    omp.parallel {
      omp.terminator
    }
    llvm.return %x : f32
  }
}

// -----

// An op no pass lowered is named at its location, every one of them.
module {
  llvm.func @left_over(%x: f32) -> f32 {
    // expected-error @+1 {{'math.erf' op was not lowered to the LLVM dialect: no pass of the pipeline lowers it}}
    %y = math.erf %x : f32
    // expected-error @+1 {{'arith.addf' op was not lowered to the LLVM dialect}}
    %z = arith.addf %y, %y : f32
    llvm.return %z : f32
  }
}
