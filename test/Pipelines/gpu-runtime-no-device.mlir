// REQUIRES: cuda-toolkit, cuda-runtime
// UNSUPPORTED: cuda-device
// On a machine without a CUDA driver or device, a program compiled with
// spectral-gpu-pipeline loads the CUDA runtime and stops at its first GPU
// call with a message that says why, instead of crashing.
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/mix.mlir \
// RUN:   | sst-opt -spectral-gpu-pipeline | not --crash %{run-gpu} 2>&1 | FileCheck %s

// CHECK: spectral cuda runtime error: mgpu{{[A-Za-z]+}}: {{(no CUDA driver: libcuda.so.1: cannot open shared object file|CUDA driver found but cuInit failed)}}
// CHECK-NOT: spectral cuda runtime error
