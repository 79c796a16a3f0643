// REQUIRES: cuda-toolkit
// The GPU pipeline end to end, compile only: kernels outlined and compiled
// to one fat binary holding an sm_80 and an sm_90 cubin; transforms, the
// scatter and the GEMM calling the CUDA runtime; every launch on a stream
// that is synchronised and destroyed; host code in the LLVM dialect.
// RUN: sst-opt %s -spectral-gpu-pipeline -mlir-print-op-on-diagnostic=false 2>/dev/null | FileCheck %s
// RUN: sst-opt %s -spectral-gpu-pipeline 2>/dev/null | FileCheck %s --check-prefix=BIN
// RUN: sst-opt %s -spectral-gpu-pipeline -mlir-print-ir-after=gpu-async-region 2>&1 >/dev/null | FileCheck %s --check-prefix=ASYNC
// RUN: sst-opt %s -spectral-gpu-pipeline="chip=sm_90 format=isa" 2>/dev/null | FileCheck %s --check-prefix=PTX

// The kernels: one binary per outlined kernel module, each a fat binary
// (magic 0x50 0xED 0x55 0xBA) with the cubins of both chips.
//      BIN: gpu.binary @block_kernel {{ *}}[#gpu.object<#nvvm.target<O = 3, chip = "sm_80", features = "+ptx80">, properties =
// BIN-SAME: "P\EDU\BA
// BIN-SAME: -arch sm_80
// BIN-SAME: -arch sm_90
//      BIN: gpu.binary @block_kernel_0 {{ *}}[
//      BIN: gpu.binary @block_kernel_1 {{ *}}[
//  BIN-NOT: gpu.module
//  BIN-NOT: gpu.launch {

// The runtime's entry points are called through their C interface.
// CHECK-DAG: llvm.func @_mlir_ciface_spectral_cuda_fft_r2c(!llvm.ptr, !llvm.ptr, i64, i64, i32)
// CHECK-LABEL: llvm.func @block(
//       CHECK:   llvm.call @spectral_cuda_fft_r2c(
//       CHECK:   %[[S0:.*]] = llvm.call @mgpuStreamCreate()
//       CHECK:   gpu.launch_func <%[[S0]] : !llvm.ptr> @block_kernel::@block_kernel blocks in
//       CHECK:   llvm.call @mgpuStreamSynchronize(%[[S0]])
//       CHECK:   llvm.call @mgpuStreamDestroy(%[[S0]])
//       CHECK:   llvm.call @spectral_cuda_fft_c2r_overwrite_input(
//       CHECK:   llvm.call @spectral_cuda_scatter(
//       CHECK:   llvm.call @spectral_cuda_gemm_f32(
//       CHECK:   llvm.call @mgpuMemFree(
//   CHECK-NOT:   llvm.call @malloc
//   CHECK-NOT:   spectral.
//       CHECK:   llvm.return

// Before lowering, every launch is async and its token awaited.
// ASYNC-LABEL: func.func @block
//       ASYNC:   %[[T0:.*]] = gpu.wait async
//       ASYNC:   %[[T1:.*]] = gpu.launch_func async [%[[T0]]] @block_kernel::@block_kernel
//       ASYNC:   gpu.wait [%[[T1]]]

// With format=isa the binary carries PTX for the driver to compile.
//      PTX: gpu.binary @block_kernel {{ *}}[#gpu.object<#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, properties =
// PTX-SAME: assembly = "
// PTX-SAME: .version 8.0
// PTX-SAME: .target sm_90
// PTX-SAME: .entry block_kernel(

!w = !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
func.func @block(%x: tensor<4x16x8xf32>, %f: tensor<1x9x8xcomplex<f32>>, %w: !w) -> tensor<4x16x8xf32> {
  %m = spectral.mix %x, %f axis 1 : tensor<4x16x8xf32>, tensor<1x9x8xcomplex<f32>>
  %y = spectral.matmul %m, %w : tensor<4x16x8xf32>, !w
  return %y : tensor<4x16x8xf32>
}
