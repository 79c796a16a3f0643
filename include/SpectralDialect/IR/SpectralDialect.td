//===- SpectralDialect.td - Spectral dialect definition ----*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_DIALECT
#define SPECTRAL_DIALECT

include "mlir/IR/OpBase.td"

def Spectral_Dialect : Dialect {
  let name = "spectral";
  let cppNamespace = "::mlir::spectral";
  let summary = "Sparse spectral tensors and the FFT-based ops around them";
  let description = [{
    The `spectral` dialect gives compilers a first-class representation of
    *sparse spectral tensors* (SST): a tensor stored as the K highest-energy
    Fourier coefficients of each of its tiles, together with their positions.
    Around that type it provides compression and decompression, dense FFTs
    (`fft`, `ifft`, `rfft`, `irfft`), an FNet-style spectral mixing layer
    (`mix`), FFT convolution (`conv`), linear algebra directly on the
    coefficients (`scale`, `add`, `energy`) and a matrix product against a
    compressed weight (`matmul`) that lowerings can stream tile by tile.

    All ops have value semantics on tensors. See `docs/dialect.md` for the
    model, the storage layout and the reasons behind it.
  }];

  let useDefaultTypePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerTypes();
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::complex::ComplexDialect",
    "::mlir::tensor::TensorDialect"
  ];
}

class Spectral_Op<string mnemonic, list<Trait> traits = []>
    : Op<Spectral_Dialect, mnemonic, traits>;

#endif // SPECTRAL_DIALECT
