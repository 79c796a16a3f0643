//===- Passes.td - Spectral GPU passes ---------------------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes of MLIRSpectralGPU: mapping host loops to GPU kernels, device
// memory and overlap, and packing fat binaries.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_GPU_PASSES
#define SPECTRAL_GPU_PASSES

include "mlir/Pass/PassBase.td"

def SpectralMapToGPU : Pass<"spectral-map-to-gpu", "ModuleOp"> {
  let summary = "Map the data-parallel loops of bufferized host code to GPU kernels";
  let description = [{
    Turns every data-parallel loop nest of host code into a `gpu.launch`:
    linalg ops on memrefs are lowered to `scf.parallel` nests (reduction
    dimensions become sequential loops inside), `memref.copy` between
    ranked memrefs to `linalg.copy` first, and every outermost reduction-free
    `scf.parallel` to one kernel over a 1-D grid of `block-size` threads per
    block. The iteration space is linearised with the innermost dimension
    varying fastest, so neighbouring threads access neighbouring elements of
    row-major buffers, any number of dimensions is mapped, and the launch is
    skipped when the iteration space is empty. Loop nests without a parallel
    dimension (a reduction to a scalar) and parallel reductions
    (`scf.parallel` with results) stay on the host and are counted in the
    `host-loops` statistic.

    Runs after `convert-spectral-to-runtime{target=cuda}` (the transforms,
    top-k, scatter and GEMM are runtime calls by then) and before
    `spectral-gpu-memory` and `gpu-kernel-outlining`.

    Example:

    ```mlir
    linalg.map { arith.negf } ins(%a : memref<4x100xf32>) outs(%b : memref<4x100xf32>)
    // becomes
    %grid = arith.ceildivsi %c400, %c256 : index
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %grid, %gy = %c1, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) {
      // i = bx * 256 + tx; if (i < 400) b[i / 100, i % 100] = -a[i / 100, i % 100]
      gpu.terminator
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::gpu::GPUDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect"
  ];
  let options = [
    Option<"blockSize", "block-size", "int64_t", "256",
           "Threads per block of the generated kernels (1 to 1024)">
  ];
  let statistics = [
    Statistic<"numKernels", "kernels", "Number of loop nests mapped to kernels">,
    Statistic<"numHostLoops", "host-loops",
              "Number of reductions left to the host">
  ];
}

def SpectralGPUOverlapGroups
    : Pass<"spectral-gpu-overlap-groups", "ModuleOp"> {
  let summary = "Overlap the decompression of a streamed matmul's next tile "
                "group with the GEMM of the current one";
  let description = [{
    A streamed matmul (`spectral-stream`) lowered for the CUDA runtime is a
    loop whose iteration decompresses one tile group into buffers it
    allocates, multiplies it into a loop-invariant accumulator with one
    `spectral_cuda_gemm_f32`/`_f64` call, and frees the buffers. Each call
    completes before it returns, so decompression and GEMM alternate.

    This pass sends the GEMM to a lane of the CUDA runtime, a stream of its
    own, as `spectral_cuda_gemm_*_overlapped`, so that the next group is
    decompressed while the lane still multiplies the current one:

    - the buffer the GEMM reads gets two copies, allocated before the loop;
      the iteration uses copy `(iv - lb) / step mod 2`;
    - the iteration's other buffers (positions, spectra), which only
      synchronous code uses, get one copy each, allocated before the loop;
    - each iteration first calls `spectral_cuda_overlap_acquire`, which
      waits for the GEMM that last read its copy;
    - `spectral_cuda_overlap_begin` and `spectral_cuda_overlap_end` (which
      waits for the lane) enclose the loop, and the buffers are freed after
      it.

    Peak device memory is one group more than without overlap (the second
    copy of the decompressed group). A loop with a GEMM that does not have
    this form is left alone with a remark that says why: the GEMM's A or
    accumulator is used by something else in the loop or is not loop
    invariant, the GEMM's B is not an allocation of the iteration freed by
    it, or B is used after the GEMM.

    Runs after `convert-spectral-to-runtime{target=cuda}` and before
    `spectral-map-to-gpu`.

    Example:

    ```mlir
    scf.for %i = %c0 to %c64 step %c16 {
      %w = memref.alloc() : memref<16x24xf32>
      // ... decompress group %i into %w ...
      func.call @spectral_cuda_gemm_f32(%x_i, %w, %y) : ...
      memref.dealloc %w : memref<16x24xf32>
    }
    // becomes
    %lane = func.call @spectral_cuda_overlap_begin() : () -> !llvm.ptr
    %w0 = memref.alloc() : memref<16x24xf32>
    %w1 = memref.alloc() : memref<16x24xf32>
    scf.for %i = %c0 to %c64 step %c16 {
      // %slot = (%i - %c0) / %c16 mod 2
      func.call @spectral_cuda_overlap_acquire(%lane, %slot) : ...
      %w = arith.select %even, %w0, %w1 : memref<16x24xf32>
      // ... decompress group %i into %w ...
      func.call @spectral_cuda_gemm_f32_overlapped(%lane, %slot, %x_i, %w, %y) : ...
    }
    func.call @spectral_cuda_overlap_end(%lane) : (!llvm.ptr) -> ()
    memref.dealloc %w0 : memref<16x24xf32>
    memref.dealloc %w1 : memref<16x24xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect"
  ];
  let statistics = [
    Statistic<"numOverlapped", "overlapped-loops",
              "Number of streamed loops whose GEMMs overlap decompression">
  ];
}

def SpectralGPUMemory : Pass<"spectral-gpu-memory", "ModuleOp"> {
  let summary = "Allocate the buffers that GPU code uses in CUDA managed memory";
  let description = [{
    Every `memref.alloc` of host code whose buffer device code can reach
    (used inside a `gpu.launch` or by a `gpu.launch_func`, passed to a call such as a CUDA runtime
    function, returned or yielded) becomes `gpu.alloc host_shared` (CUDA
    managed memory): kernels and cuFFT/cuBLAS access it at device bandwidth
    once its pages are on the device, and the host code that remains
    (printing, sequential reductions, deallocation bookkeeping) can still
    read it after the kernels it follows have completed. Buffers only host
    code touches stay host allocations. A `memref.dealloc` whose buffer is
    not visibly a host allocation becomes an asynchronous `gpu.dealloc`
    (wait, free, wait). A constant global that device code reads is copied
    into a managed buffer at function entry and freed before each return.

    Runs after kernel outlining and `gpu-async-region` (which would turn the
    managed allocations into asynchronous ones, which `gpu-to-llvm` cannot
    lower).

    Memref arguments of the module's public functions are used where they
    are: a caller outside the module must pass device-accessible (managed or
    device) memory. A stack buffer (`memref.alloca`) used by device code, and
    a constant that is both returned and used by device code, are errors.

    Example:

    ```mlir
    %b = memref.alloc() : memref<1024xf32>      // written by a kernel
    memref.dealloc %b : memref<1024xf32>
    // becomes
    %b = gpu.alloc host_shared () : memref<1024xf32>
    %t0 = gpu.wait async
    %t1 = gpu.dealloc async [%t0] %b : memref<1024xf32>
    gpu.wait [%t1]
    ```
  }];
  let dependentDialects = [
    "::mlir::gpu::GPUDialect",
    "::mlir::memref::MemRefDialect"
  ];
  let statistics = [
    Statistic<"numManaged", "managed-allocs",
              "Number of allocations moved to managed memory">,
    Statistic<"numConstantCopies", "constant-copies",
              "Number of constants copied to managed memory">
  ];
}

def SpectralPackFatbin : Pass<"spectral-pack-fatbin", "ModuleOp"> {
  let summary = "Pack the cubins of a gpu.binary for several chips into one fat binary";
  let description = [{
    `gpu-module-to-binary` makes one object per NVVM target of a GPU module,
    but the translation to LLVM IR embeds only one object of a `gpu.binary`,
    chosen at compile time, so code compiled for `sm_80` and `sm_90` would run
    on one of them only. This pass packs the cubins of every `gpu.binary`
    with several objects into one CUDA fat binary (the toolkit's
    `fatbinary`), from which the driver loads the cubin of the device's
    architecture. Objects that are not NVVM cubins (`format = bin`) are an
    error, as is a missing `fatbinary`.

    Example:

    ```mlir
    gpu.binary @k [#gpu.object<#nvvm.target<chip = "sm_80">, bin = "...">,
                   #gpu.object<#nvvm.target<chip = "sm_90">, bin = "...">]
    // becomes
    gpu.binary @k [#gpu.object<#nvvm.target<chip = "sm_80">, fatbin = "...">]
    ```
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
  let options = [
    Option<"toolkit", "toolkit", "std::string", "\"\"",
           "CUDA toolkit directory holding bin/fatbinary (default: PATH, "
           "then /usr/local/cuda)">
  ];
  let statistics = [
    Statistic<"numPacked", "packed-binaries", "Number of binaries packed">
  ];
}

#endif // SPECTRAL_GPU_PASSES
