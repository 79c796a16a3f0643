// REQUIRES: cuda-toolkit
// Two cubins of a real kernel (compiled here for sm_80 and sm_90) packed
// into one fat binary (magic 0x50 0xED 0x55 0xBA) that holds both.
// DEFINE: %{cubins} = nvvm-attach-target{chip=sm_80},nvvm-attach-target{chip=sm_90},gpu.module(convert-gpu-to-nvvm),gpu-module-to-binary{format=bin}
// RUN: sst-opt %s --pass-pipeline="builtin.module(%{cubins},spectral-pack-fatbin)" | FileCheck %s
// RUN: sst-opt %s --pass-pipeline="builtin.module(%{cubins})" | FileCheck %s --check-prefix=UNPACKED
// Bytes that are not cubins: fatbinary's own complaint is reported.
// RUN: not sst-opt %S/Inputs/fake-cubins.mlir -spectral-pack-fatbin 2>&1 | FileCheck %s --check-prefix=FAKE

//      CHECK: gpu.binary @kernels {{ *}}[#gpu.object<#nvvm.target<chip = "sm_80">, properties = {{{.*}}}, "P\EDU\BA
// CHECK-SAME: -arch sm_80
// CHECK-SAME: -arch sm_90
//  CHECK-NOT: #gpu.object

//      UNPACKED: gpu.binary @kernels {{ *}}[#gpu.object<#nvvm.target<chip = "sm_80">, properties =
// UNPACKED-SAME: bin = "
// UNPACKED-SAME: #gpu.object<#nvvm.target<chip = "sm_90">, properties =
// UNPACKED-SAME: bin = "

// FAKE: error: fatbinary failed (exit status {{[0-9]+}})
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @fill(%m: memref<?xf32>, %v: f32) kernel {
      %i = gpu.thread_id x
      memref.store %v, %m[%i] : memref<?xf32>
      gpu.return
    }
  }
}
