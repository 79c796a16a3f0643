//===- Passes.td - Spectral transforms passes --------------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes of MLIRSpectralTransforms: tensor-level rewrites of spectral ops.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_TRANSFORMS_PASSES
#define SPECTRAL_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

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
    Option<"policy", "policy", "::mlir::spectral::FFTConvolutionPolicy",
           "::mlir::spectral::FFTConvolutionPolicy::Auto",
           "Which convolutions are rewritten",
           [{::llvm::cl::values(
             clEnumValN(::mlir::spectral::FFTConvolutionPolicy::Auto, "auto",
                        "where the cost model predicts a gain"),
             clEnumValN(::mlir::spectral::FFTConvolutionPolicy::Always,
                        "always", "every convolution it can rewrite"),
             clEnumValN(::mlir::spectral::FFTConvolutionPolicy::Never,
                        "never", "none; the remarks still predict"))}]>,
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

#endif // SPECTRAL_TRANSFORMS_PASSES
