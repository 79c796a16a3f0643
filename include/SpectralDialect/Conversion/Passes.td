//===- Passes.td - Spectral conversion passes --------------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes of MLIRSpectralConversion: conversions into and out of the spectral dialect.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CONVERSION_PASSES
#define SPECTRAL_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def SpectralRaiseTosa : Pass<"spectral-raise-tosa"> {
  let summary = "Raise TOSA's FFT ops to spectral transforms";
  let description = [{
    Rewrites `tosa.rfft2d` and `tosa.fft2d`, which upstream's
    `tosa-to-linalg` lowers to a direct O(N^2) DFT per output element, into
    `spectral.rfft`, `spectral.fft` and `spectral.ifft` over axes [1, 2] of
    the `[N, H, W]` operands, which lower to FFT plans:

    - `tosa.rfft2d %x` is `spectral.rfft %x axes [1, 2]` (TOSA's forward
      transform is unscaled, like the default `norm backward`), whose
      `[N, H, W/2+1]` complex result is split into the real and imaginary
      results by one `linalg.generic` of `complex.re` and `complex.im`.
    - `tosa.fft2d %re, %im` joins its operands with `complex.create`, then
      transforms with `spectral.fft axes [1, 2]`, or with `inverse = true`
      `spectral.ifft axes [1, 2] norm forward`: TOSA's inverse uses the
      positive exponent and, unlike `numpy.fft.ifft2`, does not divide by
      H * W.

    Any batch, height and width are raised, static or dynamic, and any float
    element type the dialect has (f16, bf16, f32, f64). TOSA's own verifier
    requires static heights and widths to be powers of two; the raised
    transforms compute the same DFT for any length. `local_bound` asks for a
    tighter error bound, which FFT plans meet (their error grows as
    O(log N), a direct sum's as O(N)); it is dropped.

    An op that is not raised (an unranked operand, an element type the
    dialect does not have) stays TOSA for `tosa-to-linalg`, with a remark
    saying why. Every raised op is also a remark, so that a user can see
    that the raising applied.

    Example:

    ```mlir
    %re, %im = tosa.rfft2d %x : (tensor<4x64x64xf32>)
                 -> (tensor<4x64x33xf32>, tensor<4x64x33xf32>)
    // becomes
    %y = spectral.rfft %x axes [1, 2] : tensor<4x64x64xf32>
    %re, %im = linalg.generic ... ins(%y) outs(...) {complex.re, complex.im}
    ```
  }];
  let dependentDialects = [
    "::mlir::complex::ComplexDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::spectral::SpectralDialect",
    "::mlir::tensor::TensorDialect"
  ];
  let statistics = [
    Statistic<"numRaised", "raised-ffts", "Number of TOSA FFT ops raised">,
    Statistic<"numKept", "kept-ffts", "Number of TOSA FFT ops left as TOSA">
  ];
}

def SpectralLowerTosa : Pass<"spectral-lower-tosa", "ModuleOp"> {
  let summary = "The pipelines' TOSA front door: raise TOSA's FFTs, lower the rest";
  let description = [{
    Lets the spectral pipelines take programs that TOSA frontends produce
    (TFLite, torch-mlir, ONNX-MLIR). On a module that contains TOSA ops it
    runs `spectral-raise-tosa`, then TOSA's standard lowering of everything
    else: `tosa-to-scf`, `tosa-to-linalg-pipeline`, `tosa-to-tensor`,
    `tosa-to-arith` and a canonicalization that removes the shape constants
    they leave. A TOSA op that is still there afterwards is an error naming
    it. A module without TOSA ops is left untouched (its constants keep their
    locations, which `spectral-compress-constants` reports by name).

    `spectral-cpu-pipeline` and `spectral-gpu-pipeline` run it first.
  }];
}

def ConvertSpectralToRuntime : Pass<"convert-spectral-to-runtime", "ModuleOp"> {
  let summary = "Turn bufferized spectral ops into calls to the CPU or CUDA runtime";
  let description = [{
    Replaces the bufferized mid-level ops with calls to the runtime library
    (`libspectral_runtime.so`, on FFTW):

    - `spectral.dft`: the buffers are cast to unranked memrefs and passed
      with the transformed axes as a bit mask, the halved axis and the
      normalisation (`spectral_fft_c2c`, `_r2c`, `_c2r`, or
      `_c2r_overwrite_input` when the op may overwrite its input);
    - `spectral.topk`, `spectral.scatter`: 2-D strided memrefs plus the tile
      spectrum shape, the axes mask, the halved axis and its length;
    - `spectral.check_tile_offset`: `spectral_check_tile_offset`;
    - `spectral.check_size`: `spectral_check_size`, with the op and the
      operand as indices of the runtime's tables (`RuntimeEnums.h`);
    - with `blas-gemm` (the default), every f32 or f64 `linalg.matmul` on
      memrefs without user-defined indexing maps or casts:
      `spectral_gemm_f32` / `_f64`, an optimised GEMM (OpenBLAS) that
      accumulates into the output like the op and takes any strided view.
      This covers the products `spectral-expand-storage` and
      `spectral-stream` create, and also the module's own matmuls.

    On the CPU (with `fuse-filters`, the default) a forward real transform
    into a temporary spectrum, its in-place product with a filter (a
    `linalg.generic` multiplying by an operand of the spectrum's shape, or
    broadcast along dimensions of size 1) and the inverse transform of the
    product, which is what `spectral.mix` and FFT convolution bufferize to,
    become one call of `spectral_fft_filter` (`_f64`): the runtime applies
    the product to each cache-sized chunk between its two transforms, so
    the spectrum is never stored whole. The ops must follow each other in
    one block with nothing between them that writes memory, the spectrum
    must have no other use, and the output must be an allocation of its
    own; otherwise the three are lowered one by one.

    With `target=cuda` the callees are the CUDA runtime's
    (`libspectral_cuda_runtime.so`): the same functions and arguments under
    the prefix `spectral_cuda_`, on cuFFT and cuBLAS, taking device (or
    managed) buffers; `spectral-gpu-pipeline` uses it.

    Memref callees are declared as private functions with
    `llvm.emit_c_interface`. Must run after bufferization: an op still on
    tensors is an error. The CPU runtime computes in f32; other element
    types are reported.

    Example:

    ```mlir
    spectral.dft r2c %a into %b axes [1] norm backward
      : memref<8x100xf32>, memref<8x51xcomplex<f32>>
    // becomes
    %0 = memref.cast %a : memref<8x100xf32> to memref<*xf32>
    %1 = memref.cast %b : memref<8x51xcomplex<f32>> to memref<*xcomplex<f32>>
    call @spectral_fft_r2c(%0, %1, %c2_i64, %c1_i64, %c0_i32)
      : (memref<*xf32>, memref<*xcomplex<f32>>, i64, i64, i32) -> ()
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::memref::MemRefDialect"
  ];
  let options = [
    Option<"blasGemm", "blas-gemm", "bool", "true",
           "Lower f32/f64 linalg.matmul on memrefs to the runtime's GEMM">,
    Option<"fuseFilters", "fuse-filters", "bool", "true",
           "On the CPU, lower a real transform, a filter product and the "
           "inverse transform to one spectral_fft_filter call">,
    Option<"target", "target", "::mlir::spectral::RuntimeTarget",
           "::mlir::spectral::RuntimeTarget::CPU",
           "Runtime library called",
           [{::llvm::cl::values(
             clEnumValN(::mlir::spectral::RuntimeTarget::CPU, "cpu",
                        "libspectral_runtime: spectral_* entry points"),
             clEnumValN(::mlir::spectral::RuntimeTarget::CUDA, "cuda",
                        "libspectral_cuda_runtime: spectral_cuda_* entry "
                        "points taking device buffers"))}]>
  ];
  let statistics = [
    Statistic<"numCalls", "runtime-calls", "Number of runtime calls created">,
    Statistic<"numFused", "fused-filters",
              "Number of filtered round trips fused into one call">
  ];
}

def SpectralParallelLoops : Pass<"spectral-parallel-loops", "ModuleOp"> {
  let summary = "Lower linalg ops on buffers to OpenMP-parallel loops run on "
                "the CPU runtime's threads";
  let description = [{
    The CPU pipeline's loop lowering when it runs in parallel (its option
    `parallel`, on by default). Every linalg op on buffers becomes a nest of
    `scf.for` loops, as `convert-linalg-to-loops` makes it. Where the op's
    loops run at least twice `iterations-per-thread` iterations in all (or a
    size is known only at run time), the shortest run of its outermost
    parallel loops with 256 iterations or more becomes one `scf.parallel`:
    enough chunks for the threads of a large machine, while the inner loops
    stay plain loops that LLVM vectorises (the innermost loop is kept out of
    the run once there are 32 chunks). Smaller ops stay sequential, where
    waking threads would cost more than the loop. The
    `scf.parallel` loops, these and any the module already had, then become
    OpenMP work-sharing loops (upstream's `convert-scf-to-openmp`), and
    each `omp.parallel` without a thread count asks the runtime for it
    (`spectral_runtime_get_num_threads`), capped where the loops' trip counts
    are static at one thread per `iterations-per-thread` iterations (a loop
    of 40,000 points is not worth 16 threads), so that the loops follow the same
    count as the runtime's transforms (`SPECTRAL_NUM_THREADS`,
    `spectral_runtime_set_num_threads`) from whatever thread they are
    called. The program then needs LLVM's OpenMP runtime (`libomp`), which
    `libspectral_runtime.so` links.

    Example:

    ```mlir
    linalg.generic {...} ins(%f : memref<1x1025x256xcomplex<f32>>)
                         outs(%s : memref<4x1025x256xcomplex<f32>>) {...}
    // becomes
    %n = call @spectral_runtime_get_num_threads() : () -> i32
    %cap = arith.constant 64 : i32   // 4 x 1025 x 256 / 16384
    %team = arith.minsi %n, %cap : i32
    omp.parallel num_threads(%team : i32) {
      omp.wsloop {
        omp.loop_nest (%i, %j) : index = (%c0, %c0) to (%c4, %c1025)
            step (%c1, %c1) collapse(2) {
          scf.for %k = %c0 to %c256 step %c1 {
            ...
          }
          omp.yield
        }
      }
      omp.terminator
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::omp::OpenMPDialect",
    "::mlir::scf::SCFDialect"
  ];
  let options = [
    Option<"iterationsPerThread", "iterations-per-thread", "int64_t", "16384",
           "Fewest loop iterations worth a thread: ops with fewer than twice "
           "this run sequentially, and a team has at most one thread per "
           "this many iterations where they are known statically">
  ];
  let statistics = [
    Statistic<"numParallel", "parallel-loops",
              "Number of linalg ops lowered to parallel loops">
  ];
}

def SpectralLegalizeComplexResources
    : Pass<"spectral-legalize-complex-resources", "ModuleOp"> {
  let summary = "Make complex dense-resource globals translatable to LLVM IR";
  let description = [{
    MLIR's translation to LLVM IR cannot export an `llvm.mlir.global`
    initialised by a `dense_resource` of complex elements, which is what
    compile-time compressed coefficients become after `memref` lowering.
    With opaque pointers a global's users see only its address, so this
    pass retypes such a global as an array of its real and imaginary parts
    (`!llvm.array<N x struct<(f16, f16)>>` becomes
    `!llvm.array<N x array<2 x f16>>`) initialised by the same resource
    blob, which has the same bytes and layout.

    Example:

    ```mlir
    llvm.mlir.global private constant @c(dense_resource<w> : tensor<4xcomplex<f32>>)
      : !llvm.array<4 x struct<(f32, f32)>>
    // becomes
    llvm.mlir.global private constant @c(dense_resource<w> : tensor<4x2xf32>)
      : !llvm.array<4 x array<2 x f32>>
    ```
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def SpectralCheckLowered : Pass<"spectral-check-lowered", "ModuleOp"> {
  let summary = "Report any operation a pipeline left above the LLVM dialect";
  let description = [{
    The last pass of the spectral pipelines. A conversion that applies
    partially leaves the operations no pattern lowers in place, and the
    translation to LLVM IR fails on them later with a message about a
    dialect it does not know. This pass names each such operation at its
    location instead. What the translation to LLVM IR takes is allowed: the
    `llvm`, `builtin`, `omp` (the runtime's threads) and `gpu` (kernel
    binaries and their launches) dialects.

    Example: a `math.erf` that no pass of the pipeline lowers stops it with
    `'math.erf' op was not lowered to the LLVM dialect ...`.
  }];
}

#endif // SPECTRAL_CONVERSION_PASSES
