// Every error of sst-compile that a user can reach is a diagnostic: those
// of exports, options and input here, those of linking in link-errors.mlir.
// RUN: not sst-compile %s --emit=obj -o %t.o --export=missing 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: cannot export 'missing': no function of that name

// RUN: not sst-compile %s --emit=obj -o %t.o --export= 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not sst-compile %s --emit=obj -o %t.o --export=f,,g 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: sst-compile: error: --export takes function names separated by commas, with none empty

// RUN: not sst-compile %s --emit=obj -o %t.o --export=declared 2>&1 | FileCheck %s --check-prefix=DECLARED
// DECLARED: errors.mlir:{{[0-9]+}}:1: error: cannot export 'declared': only public function definitions can be exported

// RUN: not sst-compile %s --emit=obj -o %t.o --export=complex_argument 2>&1 | FileCheck %s --check-prefix=COMPLEX
// COMPLEX: error: cannot export 'complex_argument': argument 0 of type 'complex<f32>' has no C form: complex scalars cannot be passed by value through the C ABI

// RUN: not sst-compile %s --emit=obj -o %t.o --export=vector_argument 2>&1 | FileCheck %s --check-prefix=VECTOR
// VECTOR: error: cannot export 'vector_argument': argument 0 of type 'vector<4xf32>' has no C form: of shaped types, only tensors and memrefs are passed to C

// RUN: not sst-compile %s --emit=obj -o %t.o --export=f8_tensor 2>&1 | FileCheck %s --check-prefix=ELEMENT
// ELEMENT: error: cannot export 'f8_tensor': argument 0 of type 'tensor<4xf8E4M3FN>' has no C form: no C type holds its elements

// RUN: not sst-compile %s --emit=obj -o %t.o --export=f8_result 2>&1 | FileCheck %s --check-prefix=RESULT
// RESULT: error: cannot export 'f8_result': result 0 of type 'tensor<4xf8E4M3FN>' has no C form: no C type holds its elements

// RUN: not sst-compile %s -O7 -o %t 2>&1 | FileCheck %s --check-prefix=OPT
// OPT: error: -O7 is not an optimisation level (-O0 to -O3)

// RUN: not sst-compile %s --emit=obj -o %t.o --pipeline-options='no-such-option=1' 2>&1 | FileCheck %s --check-prefix=OPTIONS
// OPTIONS: error: invalid --pipeline-options:{{.*}}no-such-option

// RUN: not sst-compile %s --emit=obj -o %t.o --gpu-chips=sm_90 2>&1 | FileCheck %s --check-prefix=CHIPS-CPU
// CHIPS-CPU: error: --gpu-chips is an option of --target=gpu

// RUN: not sst-compile %s --target=gpu --emit=llvm -o %t.ll --gpu-chips=sm_90 --pipeline-options='chip=sm_80' 2>&1 | FileCheck %s --check-prefix=CHIPS-TWICE
// CHIPS-TWICE: error: give the GPU chips once: --gpu-chips or chip= in --pipeline-options

// RUN: not sst-compile %s --target=gpu --emit=llvm -o %t.ll --gpu-chips=gfx90a 2>&1 | FileCheck %s --check-prefix=CHIP-NAME
// CHIP-NAME: error: invalid --pipeline-options: spectral-gpu-pipeline: chip 'gfx90a' is not an NVIDIA architecture (sm_XY)

// RUN: not sst-compile %s.missing -o %t 2>&1 | FileCheck %s --check-prefix=INPUT
// INPUT: error: cannot open input file '{{.*}}errors.mlir.missing'

func.func private @declared(tensor<4xf32>) -> tensor<4xf32>

func.func @complex_argument(%c: complex<f32>) -> complex<f32> {
  return %c : complex<f32>
}

func.func @vector_argument(%v: vector<4xf32>) -> vector<4xf32> {
  return %v : vector<4xf32>
}

func.func @f8_tensor(%t: tensor<4xf8E4M3FN>) -> tensor<4xf8E4M3FN> {
  return %t : tensor<4xf8E4M3FN>
}

func.func @f8_result(%t: tensor<4xf32>) -> tensor<4xf8E4M3FN> {
  %r = arith.truncf %t : tensor<4xf32> to tensor<4xf8E4M3FN>
  return %r : tensor<4xf8E4M3FN>
}

