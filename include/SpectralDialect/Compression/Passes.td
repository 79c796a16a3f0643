//===- Passes.td - Spectral compression passes -------------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes of MLIRSpectralCompression: compile-time compression of constants.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_COMPRESSION_PASSES
#define SPECTRAL_COMPRESSION_PASSES

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

#endif // SPECTRAL_COMPRESSION_PASSES
