// REQUIRES: cuda-toolkit
// How spectral-gpu-pipeline finds the CUDA toolkit. A ptxas on PATH that
// has no libdevice beside it (a wrapper script, as in /usr/local/bin) is
// skipped for the next complete toolkit; a kernel calling a math function
// then links libdevice from it and assembles with its ptxas.
// RUN: env -u CUDA_HOME -u CUDA_ROOT -u CUDA_PATH PATH=%S/Inputs/ptxas-wrapper/bin:%cuda_toolkit/bin sst-opt %s -spectral-gpu-pipeline="chip=sm_90" | FileCheck %s
// An explicit toolkit must be complete.
// RUN: not sst-opt %s -spectral-gpu-pipeline="toolkit=%S/Inputs/ptxas-wrapper" 2>&1 | FileCheck %s --check-prefix=NO-LIBDEVICE

// CHECK: gpu.binary @{{.*}}kernel
// CHECK-NOT: ptxas-wrapper
// NO-LIBDEVICE: spectral-gpu-pipeline: toolkit '{{.*}}ptxas-wrapper' has no nvvm/libdevice/libdevice.10.bc
func.func @sine(%x: tensor<64xf32>) -> tensor<64xf32> {
  %init = tensor.empty() : tensor<64xf32>
  %y = linalg.map { math.sin } ins(%x : tensor<64xf32>) outs(%init : tensor<64xf32>)
  return %y : tensor<64xf32>
}
