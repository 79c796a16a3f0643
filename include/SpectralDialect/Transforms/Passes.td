//===- Passes.td - Spectral dialect passes -----------------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_PASSES
#define SPECTRAL_PASSES

include "mlir/Pass/PassBase.td"

def SpectralCompressConstants : Pass<"spectral-compress-constants", "ModuleOp"> {
  let summary = "Compress constant tensors at compile time";
  let description = [{
    Evaluates compression at compile time, so that the compiled module
    carries only coefficients and positions (as dense resources), never the
    dense constant:

    - `spectral.compress` of an `arith.constant` becomes `spectral.assemble`
      of two constants holding exactly what run-time compression would
      produce: the pass calls the same runtime transforms and selection on
      the same tile-major data. This is always done; it does not change the
      program's result.
    - With `error-budget` > 0, every other float `arith.constant` tensor of
      at least `min-elements` elements is considered for lossy compression,
      except those marked with the unit attribute `spectral.keep_dense`.
      For each candidate layout (rfft over every axis; the whole tensor as
      one tile, or blocks of 8 to 1024 leading rows; `complex<f16>`,
      `complex<bf16>` or `complex<f32>` coefficients; the narrowest
      positions that fit) the pass finds the smallest K whose relative
      Frobenius error, measured by decompressing, is within the budget, and
      keeps the layout with the fewest bytes. If that layout is at least
      `min-ratio` times smaller than the constant, the constant is replaced by
      `spectral.decompress` of the assembled result, which later passes can
      stream (`spectral-stream`). Otherwise, which is the case for noise-like
      data such as trained convolution kernels, the constant stays dense.
    - With `keep-fraction` > 0 as well, K is that fraction of the candidate
      bins of a tile instead of the smallest that meets the budget; the
      budget must still be met.

    Every decision is a remark naming the constant (by its name location, or
    its position), its bytes before and after and the measured error.

    Example (`error-budget=0.02`, a smooth 64x64 field):

    ```mlir
    %w = arith.constant dense<...> : tensor<64x64xf32>
    // becomes
    %c = arith.constant dense_resource<w.coefficients> : tensor<1x40xcomplex<f16>>
    %p = arith.constant dense_resource<w.positions> : tensor<1x40xi16>
    %s = spectral.assemble %c, %p : ... -> !spectral.sst<64x64xf32, keep = 40, ...>
    %w = spectral.decompress %s : !spectral.sst<64x64xf32, keep = 40, ...>
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::spectral::SpectralDialect"
  ];
  let options = [
    Option<"errorBudget", "error-budget", "double", "0.0",
           "Relative Frobenius error allowed when compressing dense "
           "constants; 0 leaves them dense">,
    Option<"keepFraction", "keep-fraction", "double", "0.0",
           "When positive, keep this fraction of each tile's candidate bins "
           "instead of the smallest number that meets error-budget">,
    Option<"minRatio", "min-ratio", "double", "2.0",
           "Leave a dense constant dense unless its compressed storage is at "
           "least this many times smaller (decompressing costs transforms)">,
    Option<"minElements", "min-elements", "int64_t", "4096",
           "Dense constants with fewer elements are left alone">,
    Option<"tileRows", "tile-rows", "int64_t", "0",
           "When positive, only consider tiles of this many leading rows "
           "(for example to make a weight streamable)">
  ];
  let statistics = [
    Statistic<"numCompressed", "compressed-constants",
              "Number of constants compressed">,
    Statistic<"numLeftDense", "dense-constants",
              "Number of constants left dense">
  ];
}

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

def SpectralFFTConvolution : Pass<"spectral-fft-convolution"> {
  let summary = "Turn long linalg convolutions into FFT convolutions where a "
                "cost model predicts a gain";
  let description = [{
    Rewrites `linalg` convolutions into FFT convolutions where the cost model
    predicts the FFT to be faster than the direct loops:

    - without channel mixing, into `spectral.conv` (full linear convolution
      through FFTs of padded length) and the slice of it the convolution
      computes: `linalg.conv_1d`, `linalg.conv_2d`,
      `linalg.depthwise_conv_{1d_nwc_wc, 1d_ncw_cw, 2d_nhwc_hwc,
      2d_nchw_chw, 3d_ndhwc_dhwc, 3d_ncdhw_cdhw}`, and the channel-multiplier
      forms `linalg.depthwise_conv_{1d_nwc_wcm, 2d_nhwc_hwcm,
      3d_ndhwc_dhwcm}` (which `tosa.depthwise_conv2d` becomes under
      `tosa-to-linalg-named`), whose input is broadcast over the multiplier;
    - with channel mixing, into `spectral.rfft` of the zero-padded input and
      kernel, a `linalg.generic` that sums the products over the input
      channels per frequency, `spectral.irfft` and the slice:
      `linalg.conv_1d_{nwc_wcf, ncw_fcw}` and
      `linalg.conv_2d_{nhwc_hwcf, nhwc_fhwc, nchw_fchw}` (`tosa.conv2d`
      becomes `nhwc_fhwc`).

    Strides and dilations must be 1 and the operands of one float type.
    `linalg` convolutions are correlations: the kernel is reversed along the
    convolved axes. A zero `tensor.pad` of the input along the convolved
    axes, as frontends express `same` and causal padding, is folded into the
    window taken from the full convolution (when neither side pads more than
    the kernel length - 1). A non-zero init (a bias) is added to the result.

    The cost model, in nanoseconds, with n and m the input and kernel
    lengths along the convolved axes and L the product of the FFT lengths
    (the next 2^a 3^b 5^c 7^d at or above n + m - 1 per axis):

    - direct: `direct-ns-per-mac` x output elements x kernel window (x input
      channels when they are mixed);
    - FFT: for T = (input signals) + (kernel signals) + (output signals)
      transforms of L points, `fft-ns-per-point-log` x T x L x log2(L) +
      `fft-ns-per-point` x T x L, plus, when channels are mixed, 4 x
      `direct-ns-per-mac` per complex product of the contraction.

    Dynamic non-convolved sizes count as 1 in both, which leaves their ratio
    unchanged up to the kernel's transforms. The defaults were fitted on the
    development machine by `benchmarks/run_conv.sh`
    (docs/benchmarks.md gives the fit and the crossover). Each convolution
    gets a remark with both predictions and the decision; `policy=always`
    or `policy=never` overrides the decision (still with the remark).
    Convolutions that cannot be converted (grouped, quantized, strided,
    dilated, dynamic convolved sizes, ...) are left alone with a remark
    saying why.

    Example (`policy=always`):

    ```mlir
    %y = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : tensor<1xi64>,
           strides = dense<1> : tensor<1xi64>}
           ins(%x, %k : tensor<1x4096x256xf32>, tensor<4096x256xf32>)
           outs(%zero : tensor<1x1x256xf32>) -> tensor<1x1x256xf32>
    // becomes
    %kr = linalg.generic ... // %k reversed along its first axis
    %ke = tensor.expand_shape %kr [[0, 1], [2]] ... : tensor<1x4096x256xf32>
    %full = spectral.conv %x, %ke axes [1] : tensor<1x4096x256xf32>, tensor<1x4096x256xf32>
    %y = tensor.extract_slice %full[0, 4095, 0] [1, 1, 256] [1, 1, 1]
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::spectral::SpectralDialect",
    "::mlir::tensor::TensorDialect"
  ];
  let options = [
    Option<"policy", "policy", "std::string", "\"auto\"",
           "auto (the cost model decides), always or never">,
    Option<"directNsPerMac", "direct-ns-per-mac", "double", "1.17",
           "Predicted nanoseconds per multiply-accumulate of a direct "
           "convolution">,
    Option<"fftNsPerPointLog", "fft-ns-per-point-log", "double", "1.43",
           "Predicted nanoseconds per point and log2(length) of one FFT">,
    Option<"fftNsPerPoint", "fft-ns-per-point", "double", "0.0",
           "Predicted nanoseconds per point of one FFT for the pointwise "
           "work around it (padding, product, slicing)">
  ];
  let statistics = [
    Statistic<"numConverted", "converted-convolutions",
              "Number of convolutions converted to FFT convolutions">,
    Statistic<"numKeptDirect", "direct-convolutions",
              "Number of convolutions left direct">
  ];
}

def SpectralDifferentiate : Pass<"spectral-differentiate", "ModuleOp"> {
  let summary = "Build the reverse-mode gradient (VJP) of marked functions";
  let description = [{
    For every `func.func` with a `spectral.gradient = @name` attribute,
    creates `@name`, its vector-Jacobian product:

    ```
    @f(%a0, ..., %an) -> (r0, ..., rm)
    @name(%a0, ..., %an, %dr0, ..., %drm) -> (r0, ..., rm, da...)
    ```

    `%dri` is the cotangent of result i (the seed, e.g. dL/dr for a loss L),
    and `da...` the cotangents of the arguments that are tensors of floats
    or complex numbers or `!spectral.sst` values, in order (others get
    none). The cotangent of a `!spectral.sst` is a `!spectral.sst` of the
    same type and positions holding the cotangents of its coefficients, so
    it stays as sparse as the value. The results of `@f` are
    returned too, so one call gives a loss and its gradient. `@name` has
    `@f`'s visibility and, if `@f` has it, `llvm.emit_c_interface` (so
    `sst-compile --export=f` exports both). A declaration of `@name` with
    the gradient's type (so that the module can call it before the pass
    runs) is replaced by the definition, keeping its visibility; another
    type is an error that gives the expected one. Cotangents of
    complex values follow PyTorch's convention (dL/dRe + i dL/dIm); see
    `docs/dialect.md`, "Adjoints".

    Differentiated ops: those implementing `AdjointOpInterface`
    (`spectral.fft`, `ifft`, `rfft`, `irfft`, `mix`, `conv`, `mode_mix`,
    `resample`, `decompress`, `assemble`, `coefficients`, `scale`), the
    elementwise `linalg.add`, `linalg.sub` and
    `linalg.mul` on tensors, and `tensor.cast`. Ops none of whose results
    reach a returned value need no adjoint; any other op on the path is an
    error naming it. The function must have one block.

    Example:

    ```mlir
    func.func @layer(%x: tensor<8x32x64xf32>, %w: tensor<32x32x16xcomplex<f32>>)
        -> tensor<8x32x64xf32> attributes {spectral.gradient = @layer_vjp} {
      %y = spectral.mode_mix %x, %w axes [2] channel 1 modes [16] ...
      return %y : tensor<8x32x64xf32>
    }
    // creates
    func.func @layer_vjp(%x: tensor<8x32x64xf32>, %w: tensor<32x32x16xcomplex<f32>>,
                         %dy: tensor<8x32x64xf32>)
        -> (tensor<8x32x64xf32>, tensor<8x32x64xf32>, tensor<32x32x16xcomplex<f32>>)
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::complex::ComplexDialect",
    "::mlir::func::FuncDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::spectral::SpectralDialect",
    "::mlir::tensor::TensorDialect"
  ];
  let statistics = [
    Statistic<"numDifferentiated", "differentiated-functions",
              "Number of functions whose VJP was built">
  ];
}

def SpectralExpandStorage : Pass<"spectral-expand-storage", "ModuleOp"> {
  let summary = "Lower high-level spectral ops to mid-level ops on plain tensors";
  let description = [{
    Rewrites the value-semantic spectral ops into `spectral.dft` (a
    destination-passing transform) plus `linalg`/`tensor` code for
    everything pointwise, so that the result bufferizes with upstream
    one-shot bufferization and each backend only has to map `spectral.dft`.

    - `fft`, `ifft`, `rfft`, `irfft` become one `spectral.dft` each;
    - `mix` becomes `r2c`, a `linalg.generic` complex multiply by the
      (broadcast) filter, and `c2r`;
    - `conv` zero-pads both operands to at least n + m - 1 along each axis,
      multiplies their half spectra and slices the mode's window out of the
      `c2r` result.

    - `!spectral.sst` values become their coefficient and position tensors
      (a 1:N conversion through function signatures, calls, returns and
      `scf` control flow); `compress` becomes a tile-major reshape (or
      transpose), a batched `spectral.dft` and `spectral.topk`;
      `decompress` becomes `spectral.scatter` and the inverse transform;
      `decompress_tiles` first slices the storage of the selected tiles;
      `scale` and `energy` (Parseval) work on the coefficients alone; `add`
      sums the two scattered spectra and selects again; `matmul`
      decompresses the whole weight and multiplies (not streamed).

    Transforms and selections compute in f32 / complex<f32>; element and
    storage types are converted around them. Ops that cannot be lowered
    (dynamic shapes where the lowering needs static ones, rank-8
    `!spectral.sst`) are reported with the reason before anything is
    rewritten.

    Example:

    ```mlir
    %y = spectral.rfft %x axes [1] : tensor<8x100xf32>
    // becomes
    %e = tensor.empty() : tensor<8x51xcomplex<f32>>
    %y = spectral.dft r2c %x into %e axes [1] norm backward
           : tensor<8x100xf32>, tensor<8x51xcomplex<f32>> -> tensor<8x51xcomplex<f32>>
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::complex::ComplexDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect"
  ];
  let options = [
    Option<"fastConvolutionSizes", "fast-conv-sizes", "bool", "true",
           "Round convolution FFT lengths up to the next 2^a 3^b 5^c 7^d size "
           "(faster transforms, same result)">
  ];
  let statistics = [
    Statistic<"numTransforms", "transforms", "Number of spectral.dft created">
  ];
}

def SpectralStream : Pass<"spectral-stream", "ModuleOp"> {
  let summary = "Stream a compressed matmul weight through tile groups";
  let description = [{
    Rewrites `spectral.matmul %x, %w` into an `scf.for` over groups of tile
    rows of `%w`: each step decompresses one group with
    `spectral.decompress_tiles` and accumulates the product of the matching
    columns of `%x` with it, so the whole weight never exists decompressed.
    The result is the same as decompressing first (tiles decompress exactly
    on their own), up to the order of floating-point summation.

    A `linalg.matmul` on tensors whose right operand is a
    `spectral.decompress` of a rank-2 weight (as `spectral-compress-constants`
    produces for a compressed constant weight) is streamed the same way,
    accumulating into the matmul's init; the whole decompression is removed
    when nothing else uses it.

    The group is `group-tiles` tile rows when given; otherwise the largest
    number of tile rows (dividing the tile grid) whose decompression fits
    `memory-budget` bytes (with `double-buffered`, the decompressed rows of
    two groups: the GPU pipeline overlaps one group's GEMM with the next
    group's decompression). Each decision is reported as a remark with the
    group and its peak bytes. A weight that is a single tile row, or whose
    whole decompression fits the budget, is left alone (with a remark). A
    budget below what one tile row needs is an error.

    Example (`group-tiles=2`):

    ```mlir
    %y = spectral.matmul %x, %w : tensor<8x64xf32>, !spectral.sst<64x32xf32, keep = 16, tile = [8, 32]>
    // becomes, for g = 0, 16, 32, 48:
    //   %wg = spectral.decompress_tiles %w[%g, 0] [16, 32]
    //   %xg = tensor.extract_slice %x[0, %g] [8, 16] [1, 1]
    //   %acc = linalg.matmul ins(%xg, %wg) outs(%acc)
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect"
  ];
  let options = [
    Option<"memoryBudget", "memory-budget", "int64_t", "64 << 20",
           "Bytes one decompressed tile group may use (default 64 MiB)">,
    Option<"groupTiles", "group-tiles", "int64_t", "0",
           "Tile rows per group; overrides memory-budget when positive">,
    Option<"doubleBuffered", "double-buffered", "bool", "false",
           "Count the decompressed rows twice in a group's bytes: "
           "spectral-gpu-overlap-groups keeps two groups' rows, one being "
           "multiplied while the next is decompressed (spectral-gpu-pipeline "
           "sets it with overlap-groups)">
  ];
  let statistics = [
    Statistic<"numStreamed", "streamed-matmuls", "Number of matmuls streamed">
  ];
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

#endif // SPECTRAL_PASSES
