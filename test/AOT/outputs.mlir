// Each kind of output sst-compile writes, chosen by --emit or by the
// output's extension.
// RUN: sst-compile %s --export=scale -o %t.o
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=OBJECT
// OBJECT-DAG: T _mlir_ciface_scale
// OBJECT-DAG: T scale
// OBJECT-DAG: U _mlir_memref_to_llvm_alloc

// Optimised LLVM IR for the host's triple, with its data layout.
// RUN: sst-compile %s --export=scale -O3 -o %t.ll
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// IR: target datalayout = "e-
// IR: target triple = "x86_64-
// IR: define {{.*}}void @_mlir_ciface_scale(ptr {{.*}}, ptr {{.*}})

// The module as the pipeline left it, in the LLVM dialect.
// RUN: sst-compile %s --emit=mlir -o - | FileCheck %s --check-prefix=MLIR
// MLIR: llvm.func @scale(
// MLIR-NOT: spectral.

// An executable: the entry's integer result is the exit status.
// RUN: sst-compile %s --entry=exit_three -O0 -o %t.exe
// RUN: %{exec} %t.exe || test $? -eq 3
// RUN: not %{exec} %t.exe

// --help lists sst-compile's own options.
// RUN: sst-compile --help | FileCheck %s --check-prefix=HELP
// HELP: --emit=<value>
// HELP: --export=<string>
// HELP: --gpu-chips=<string>
// HELP: --header=<file>
// HELP: --pipeline-options=<string>
// HELP: --target=<value>

func.func @scale(%x: tensor<16xf32>) -> tensor<16xf32> {
  %s = spectral.rfft %x : tensor<16xf32>
  %y = spectral.irfft %s : tensor<9xcomplex<f32>>
  return %y : tensor<16xf32>
}

func.func @exit_three() -> i32 {
  %c3 = arith.constant 3 : i32
  return %c3 : i32
}
