//===- SpectralMidLevelOps.td - Ops on plain tensors/buffers -*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Mid-level ops: what `spectral-expand-storage` lowers the high-level ops to.
// They work on plain tensors in destination-passing style, bufferize through
// BufferizableOpInterface, and then work on memrefs, where a backend maps them
// to its runtime (`convert-spectral-to-runtime` on the CPU).
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_MIDLEVEL_OPS
#define SPECTRAL_MIDLEVEL_OPS

include "SpectralDialect/IR/SpectralDialect.td"
include "SpectralDialect/IR/SpectralAttributes.td"
include "SpectralDialect/IR/SpectralTypes.td"
include "mlir/Interfaces/DestinationStyleOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/CommonTypeConstraints.td"

def Spectral_DFTOp : Spectral_Op<"dft", [
    DestinationStyleOpInterface,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "a batched strided DFT into a destination (mid-level)";
  let description = [{
    Transforms `input` over `axes` into `init`, in destination-passing style.
    On tensors the op returns the transformed tensor; on memrefs it writes
    `init` and returns nothing. `kind` selects the transform:

    - `c2c_forward`, `c2c_inverse`: complex to complex, same shape;
    - `r2c`: real input; the last listed axis of length n becomes n/2+1;
    - `c2r`: the inverse of `r2c`; the last listed axis has n/2+1 bins on the
      input and n, the length of `init`, on the output. The input is only
      read.

    `norm` scales like numpy. `init` is only written, never read.

    `overwrite_input` (c2r only) allows the transform to clobber `input`,
    which saves a copy on the CPU (FFTW's c2r destroys its input). On
    tensors, bufferization then treats `input` as written, so it copies it
    first if its value is still used afterwards; the lowering sets it on
    spectra it created itself.

    Example:

    ```mlir
    %e = tensor.empty() : tensor<8x51xcomplex<f32>>
    %y = spectral.dft r2c %x into %e axes [1] norm backward
           : tensor<8x100xf32>, tensor<8x51xcomplex<f32>> -> tensor<8x51xcomplex<f32>>
    spectral.dft c2r %b into %m axes [1] norm backward
      : memref<8x51xcomplex<f32>>, memref<8x100xf32>
    ```
  }];
  let arguments = (ins AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$input,
                       AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$init,
                       Spectral_DFTKind:$kind, DenseI64ArrayAttr:$axes,
                       Spectral_FFTNorm:$norm, UnitAttr:$overwrite_input);
  let results = (outs Optional<AnyRankedTensor>:$result);
  let assemblyFormat = [{
    $kind $input `into` $init `axes` $axes `norm` $norm
    (`overwrite_input` $overwrite_input^)? attr-dict `:`
    type($input) `,` type($init) (`->` type($result)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return getInitMutable();
    }
  }];
}

// The per-tile layout attributes shared by top-k, scatter and gather: the dense tile
// shape, the transformed axes (the last one halved for rfft) and the
// transform. They fix the tile spectrum and the Hermitian selection rule.
class Spectral_TileSpectrumOp<string mnemonic> : Spectral_Op<mnemonic, [
    DestinationStyleOpInterface,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  code tileSpectrumDeclarations = [{
    /// The `!spectral.sst` type whose tile layout this op uses, with
    /// `keep` = 1 (only the layout matters).
    SparseSpectralType getLayoutType();
  }];
}

def Spectral_TopKOp : Spectral_TileSpectrumOp<"topk"> {
  let summary = "keeps the K highest-energy bins of every tile spectrum";
  let description = [{
    `spectrum` holds T tile spectra of S bins each (row-major over the tile
    spectrum of the layout given by `tile`, `axes` and `transform`). For
    every tile, writes the K bins of highest energy (weighted as in
    `!spectral.sst`; for `rfft` only canonical bins are candidates), ties to
    the lower position, ordered by position, into `coeffs` and `positions`
    (T x K). Mid-level op of `spectral.compress`.

    Example:

    ```mlir
    %c, %p = spectral.topk %spectrum into %c0, %p0 tile [8, 8] axes [0, 1] transform rfft
      : tensor<4x40xcomplex<f32>>, tensor<4x6xcomplex<f32>>, tensor<4x6xi64>
      -> tensor<4x6xcomplex<f32>>, tensor<4x6xi64>
    ```
  }];
  let arguments = (ins AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$spectrum,
                       AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$coeffs,
                       AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$positions,
                       DenseI64ArrayAttr:$tile, DenseI64ArrayAttr:$axes,
                       Spectral_TransformKind:$transform);
  let results = (outs Variadic<AnyRankedTensor>:$results);
  let assemblyFormat = [{
    $spectrum `into` $coeffs `,` $positions `tile` $tile `axes` $axes
    `transform` $transform attr-dict `:` type($spectrum) `,` type($coeffs)
    `,` type($positions) (`->` type($results)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = tileSpectrumDeclarations # [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return ::mlir::MutableOperandRange(getOperation(), 1, 2);
    }
  }];
}

def Spectral_ScatterOp : Spectral_TileSpectrumOp<"scatter"> {
  let summary = "writes kept coefficients into zeroed tile spectra";
  let description = [{
    Zeroes `spectrum` (T x S) and writes every kept coefficient at its
    position; for `rfft` layouts also writes the conjugate at the partner
    position of bins on the k = 0 and k = n/2 planes, so each tile spectrum
    is exactly Hermitian there. Mid-level op of `spectral.decompress`.

    Example:

    ```mlir
    %s = spectral.scatter %c, %p into %e tile [8, 8] axes [0, 1] transform rfft
      : tensor<4x6xcomplex<f32>>, tensor<4x6xi64>, tensor<4x40xcomplex<f32>>
      -> tensor<4x40xcomplex<f32>>
    ```
  }];
  let arguments = (ins AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$coeffs,
                       AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$positions,
                       AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$spectrum,
                       DenseI64ArrayAttr:$tile, DenseI64ArrayAttr:$axes,
                       Spectral_TransformKind:$transform);
  let results = (outs Optional<AnyRankedTensor>:$result);
  let assemblyFormat = [{
    $coeffs `,` $positions `into` $spectrum `tile` $tile `axes` $axes
    `transform` $transform attr-dict `:` type($coeffs) `,` type($positions)
    `,` type($spectrum) (`->` type($result)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = tileSpectrumDeclarations # [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return getSpectrumMutable();
    }
  }];
}

def Spectral_GatherOp : Spectral_TileSpectrumOp<"gather"> {
  let summary = "reads tile spectra at kept positions";
  let description = [{
    Writes `spectrum[t, positions[t, k]]` to `coeffs[t, k]` (T x K) for
    every tile t and slot k: the read of the layout that `spectral.scatter`
    writes, with the positions checked by the same rules. Mid-level op of
    `spectral.decompress_adjoint`, which applies the bin weights itself.

    Example:

    ```mlir
    %c = spectral.gather %spectrum[%p] into %c0 tile [8, 8] axes [0, 1] transform rfft
      : tensor<4x40xcomplex<f32>>, tensor<4x6xi64>, tensor<4x6xcomplex<f32>>
      -> tensor<4x6xcomplex<f32>>
    ```
  }];
  let arguments = (ins AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$spectrum,
                       AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$positions,
                       AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$coeffs,
                       DenseI64ArrayAttr:$tile, DenseI64ArrayAttr:$axes,
                       Spectral_TransformKind:$transform);
  let results = (outs Optional<AnyRankedTensor>:$result);
  let assemblyFormat = [{
    $spectrum `[` $positions `]` `into` $coeffs `tile` $tile `axes` $axes
    `transform` $transform attr-dict `:` type($spectrum) `,`
    type($positions) `,` type($coeffs) (`->` type($result)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = tileSpectrumDeclarations # [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return getCoeffsMutable();
    }
  }];
}

def Spectral_CheckTileOffsetOp : Spectral_Op<"check_tile_offset",
    [MemoryEffects<[MemWrite]>]> {
  let summary = "stops the program when a dynamic tile offset is invalid";
  let description = [{
    A run-time check that the verifier of `spectral.decompress_tiles` cannot
    make for a dynamic offset: `offset` must be a multiple of `tile` and at
    most `limit` (the dimension size minus the slice size). Otherwise the
    program stops with a message naming the dimension and the values. It
    has a write effect so that it is never removed as dead.

    Example:

    ```mlir
    spectral.check_tile_offset %row dim 0 tile 64 limit 3968
    ```
  }];
  let arguments = (ins Index:$offset, I64Attr:$dim, I64Attr:$tile,
                       I64Attr:$limit);
  let assemblyFormat = [{
    $offset `dim` $dim `tile` $tile `limit` $limit attr-dict
  }];
  let hasVerifier = 1;
}

def Spectral_CheckSizeOp : Spectral_Op<"check_size",
    [MemoryEffects<[MemWrite]>]> {
  let summary = "stops the program when a dynamic size is not the expected one";
  let description = [{
    A run-time check of a size that an op's semantics constrain but that the
    verifier cannot see because it is dynamic: `found`, the size of
    dimension `dim` of operand `operand` of op `op`, must equal `expected`.
    Otherwise the program stops with a message naming the op, the operand,
    the dimension and both sizes. The lowerings emit it only where a side
    is dynamic; static shapes carry no check. It has a write effect so that
    it is never removed as dead.

    Example:

    ```mlir
    spectral.check_size %bins, %expected for "spectral.mix" operand "filter" dim 0
    ```
  }];
  let arguments = (ins Index:$found, Index:$expected, StrAttr:$checked_op,
                       StrAttr:$operand, I64Attr:$dim);
  let assemblyFormat = [{
    $found `,` $expected `for` $checked_op `operand` $operand `dim` $dim
    attr-dict
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Indices of the op and the operand in the runtime's tables
    /// (SpectralDialect/IR/RuntimeEnums.h); -1 if absent.
    int32_t getCheckedOpIndex();
    int32_t getOperandIndex();
  }];
}

#endif // SPECTRAL_MIDLEVEL_OPS
