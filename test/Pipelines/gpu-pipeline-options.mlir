// spectral-gpu-pipeline's options: typed options reach their pass, bad
// values are errors that say what is wrong, and the runtime target is not
// an option (it is always cuda).
// RUN: sst-opt %s -spectral-gpu-pipeline="block-size=64" -mlir-print-ir-after=spectral-map-to-gpu 2>&1 >/dev/null | FileCheck %s --check-prefix=BLOCK
// RUN: not sst-opt %s -spectral-gpu-pipeline="chip=gfx90a" 2>&1 | FileCheck %s --check-prefix=CHIP
// RUN: not sst-opt %s -spectral-gpu-pipeline="format=elf" 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: not sst-opt %s -spectral-gpu-pipeline="format=isa chip=sm_80,sm_90" 2>&1 | FileCheck %s --check-prefix=ISA
// RUN: not sst-opt %s -spectral-gpu-pipeline="opt-level=4" 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: not sst-opt %s -spectral-gpu-pipeline="target=cpu" 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: sst-opt %s -spectral-gpu-pipeline="blas-gemm=false" -mlir-print-ir-after=convert-spectral-to-runtime 2>&1 >/dev/null | FileCheck %s --check-prefix=CUDA
// RUN: not sst-opt %s -spectral-gpu-pipeline="conv-policy=sometimes" 2>&1 | FileCheck %s --check-prefix=POLICY
// RUN: not sst-opt %s -spectral-gpu-pipeline="block-size=0" 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not sst-opt %s -spectral-gpu-pipeline="no-such-option=1" 2>&1 | FileCheck %s --check-prefix=BAD-PASS
// RUN: not sst-opt %s -spectral-gpu-pipeline="toolkit=%t.none" 2>&1 | FileCheck %s --check-prefix=TOOLKIT

// BLOCK: gpu.launch blocks({{.*}}) threads({{.*}}) in (%{{.*}} = %c64,
// CHIP: spectral-gpu-pipeline: chip 'gfx90a' is not an NVIDIA architecture (sm_XY)
// FORMAT: for the --format option: Cannot find option named 'elf'!
// ISA: spectral-gpu-pipeline: several chips are packed into one fat binary from their cubins, which needs format=bin; format 'isa' takes exactly one chip
// OPT: spectral-gpu-pipeline: opt-level must be 0 to 3
// TARGET: no such option target
// CUDA: call @spectral_cuda_fft_r2c
// POLICY: for the --conv-policy option: Cannot find option named 'sometimes'!
// ZERO: spectral-map-to-gpu: block-size must be in [1, 1024], got 0
// BAD-PASS: no-such-option
// TOOLKIT: spectral-gpu-pipeline: toolkit '{{.*}}.none' has no executable bin/ptxas
func.func @mix(%x: tensor<4x16xf32>, %f: tensor<9xcomplex<f32>>) -> tensor<4x16xf32> {
  %y = spectral.mix %x, %f axis 1 : tensor<4x16xf32>, tensor<9xcomplex<f32>>
  return %y : tensor<4x16xf32>
}
