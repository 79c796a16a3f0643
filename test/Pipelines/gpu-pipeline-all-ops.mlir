// REQUIRES: cuda-toolkit, cuda-runtime
// Every executed CPU test (all ops of the dialect) and the main example
// compile through spectral-gpu-pipeline to host LLVM IR whose undefined
// functions are all defined by the CUDA runtime, MLIR's runner utilities and
// the C library, with every stream, event and overlap lane it creates
// destroyed (the streamed ones overlap their groups).
// DEFINE: %{host-ir} = sst-opt -spectral-gpu-pipeline -mlir-print-op-on-diagnostic=false 2>/dev/null | mlir-translate --mlir-to-llvmir
// DEFINE: %{check-ir} = %python %S/check_gpu_host_ir.py %t.ll %cuda_runtime_lib %runner_utils_libs %system_libs
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/compress-constants.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/complex-elementwise.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/math-elementwise.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/complex-matmul.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/conv.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/decompress-adjoint.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/decompress-tiles-bounds.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/decompress-tiles-constant-offset.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/dynamic-sizes.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/gradients.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/fft-ifft.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/mix.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/mix-dynamic-filter.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/rfft-irfft.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/sparse-spectral.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/storage-types.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/stream.mlir | %{host-ir} -o %t.ll && %{check-ir}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/stream.mlir | sst-opt -spectral-gpu-pipeline="group-tiles=2" 2>/dev/null | mlir-translate --mlir-to-llvmir -o %t.ll && %{check-ir} | FileCheck %s --check-prefix=OVERLAP
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/stream.mlir | sst-opt -spectral-gpu-pipeline="group-tiles=2 overlap-groups=false" 2>/dev/null | mlir-translate --mlir-to-llvmir -o %t.ll && %{check-ir} | FileCheck %s --check-prefix=NO-OVERLAP
// The stream pass counts both groups' rows when they overlap:
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/stream.mlir | sst-opt -spectral-gpu-pipeline="group-tiles=2" 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/stream.mlir | sst-opt -spectral-gpu-pipeline="group-tiles=2 overlap-groups=false" 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK-IN-ORDER
// An explicit double-buffered=false is the user's choice, overlapped or not.
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/stream.mlir | sst-opt -spectral-gpu-pipeline="group-tiles=2 double-buffered=false" 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK-IN-ORDER
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/compress-constants.mlir | sst-opt -spectral-gpu-pipeline="error-budget=0.01 min-elements=256 tile-rows=8 group-tiles=1" 2>/dev/null | mlir-translate --mlir-to-llvmir -o %t.ll && %{check-ir}
// RUN: cat %S/../../examples/spectral-block.mlir | sst-opt -spectral-gpu-pipeline="group-tiles=4" 2>/dev/null | mlir-translate --mlir-to-llvmir -o %t.ll && %{check-ir}

// OVERLAP: _mlir_ciface_spectral_cuda_gemm_f32_overlapped
// OVERLAP-SAME: spectral_cuda_overlap_acquire spectral_cuda_overlap_begin spectral_cuda_overlap_end
// OVERLAP: overlap lanes balanced
// NO-OVERLAP-NOT: overlap_begin
// NO-OVERLAP: _mlir_ciface_spectral_cuda_gemm_f32 
// NO-OVERLAP-NOT: overlap_begin
// REMARK: remark: streaming the weight in groups of 2 of 8 tile rows: about {{[0-9]+}} bytes decompressed at once (double-buffered) instead of
// REMARK-IN-ORDER: remark: streaming the weight in groups of 2 of 8 tile rows: about {{[0-9]+}} bytes decompressed at once instead of
