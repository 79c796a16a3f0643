//===- SpectralTypes.td - Spectral type definitions --------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_TYPES
#define SPECTRAL_TYPES

include "SpectralDialect/IR/SpectralDialect.td"
include "SpectralDialect/IR/SpectralAttributes.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

def Spectral_SparseSpectralType : TypeDef<Spectral_Dialect, "SparseSpectral"> {
  let mnemonic = "sst";
  let summary = "a tensor stored as the top-K Fourier coefficients of each tile";
  let description = [{
    A sparse spectral tensor of logical shape `SHAPE` and element type `ELT`,
    stored per tile as the `keep` highest-energy coefficients of the tile's
    Fourier transform over `axes`, together with their positions.

    ```
    !spectral.sst<SHAPE x ELT, keep = K
                  [, transform = rfft | fft]      // default rfft
                  [, axes = [a, b, ...]]          // default: every dimension
                  [, tile = [t0, t1, ...]]        // default: the whole shape
                  [, coeff = complex<f32>]        // default complex<f32>
                  [, index = i32]>                // default i32
    ```

    Parameters after `keep` may be given in any order; the printer writes them
    in the order above and elides those equal to their defaults, so equal
    layouts are always the same type.

    Semantics:
    - The tensor is cut into tiles of shape `tile` (each dimension of `tile`
      divides the matching dimension of the shape), in row-major tile order.
      Each tile is transformed on its own, so any tile decompresses exactly
      without the others.
    - The transform runs over `axes` (unique, in range); the other
      dimensions are batched. With `rfft` the element type must be real and
      the last listed axis is halved to n/2+1 bins, like `numpy.fft.rfftn`.
    - The *tile spectrum* is the tile's shape with the halved axis replaced
      by n/2+1. A position is a row-major linear index into it.
    - `keep` coefficients are stored per tile, chosen by energy (|X|^2 times
      the number of dense bins a stored bin stands for); ties go to the lower
      position. With `rfft`, only the canonical member of each conjugate pair
      in the k = 0 and k = n/2 planes is a candidate, so `keep` is at most the
      number of *non-redundant* bins of a tile.
    - Storage: `coeffs : tensor<T x K x coeff>` and
      `positions : tensor<T x K x index>`, T the number of tiles. `index` must
      be wide enough for every position of the tile spectrum.

    Example:

    ```mlir
    // A 4096x4096 weight in 8x4096 row tiles, 2-D real transform per tile
    // (a 8x2049 tile spectrum, so i16 positions suffice), 512 coefficients
    // kept per tile, 6 bytes per kept coefficient.
    !spectral.sst<4096x4096xf32, keep = 512, tile = [8, 4096],
                  coeff = complex<f16>, index = i16>
    ```
  }];

  let parameters = (ins
    ArrayRefParameter<"int64_t", "logical dense shape">:$shape,
    "::mlir::Type":$elementType,
    "int64_t":$keep,
    "::mlir::spectral::TransformKind":$transform,
    ArrayRefParameter<"int64_t", "transformed dimensions">:$axes,
    ArrayRefParameter<"int64_t", "tile shape">:$tile,
    "::mlir::ComplexType":$coeffType,
    "::mlir::IntegerType":$indexType
  );

  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let skipDefaultBuilders = 1;

  let builders = [
    // Every parameter given explicitly.
    TypeBuilder<(ins "::llvm::ArrayRef<int64_t>":$shape,
                     "::mlir::Type":$elementType, "int64_t":$keep,
                     "::mlir::spectral::TransformKind":$transform,
                     "::llvm::ArrayRef<int64_t>":$axes,
                     "::llvm::ArrayRef<int64_t>":$tile,
                     "::mlir::ComplexType":$coeffType,
                     "::mlir::IntegerType":$indexType), [{
      return $_get($_ctxt, shape, elementType, keep, transform, axes, tile,
                   coeffType, indexType);
    }]>,
    // The default layout: rfft over every axis, one tile, complex<f32>/i32.
    TypeBuilderWithInferredContext<(ins "::llvm::ArrayRef<int64_t>":$shape,
                                        "::mlir::Type":$elementType,
                                        "int64_t":$keep)>
  ];

  let extraClassDeclaration = [{
    using ShapeVector = ::llvm::SmallVector<int64_t, 8>;

    /// Default values of the optional parameters.
    static ShapeVector getDefaultAxes(int64_t rank);
    static ::mlir::ComplexType getDefaultCoeffType(::mlir::MLIRContext *ctx);
    static ::mlir::IntegerType getDefaultIndexType(::mlir::MLIRContext *ctx);

    int64_t getRank() const { return getShape().size(); }
    /// The dense tensor this type stands for.
    ::mlir::RankedTensorType getDenseType() const;
    /// The real scalar type of its elements (f32 for f32 and complex<f32>),
    /// the type of its energy.
    ::mlir::Type getRealElementType() const;
    bool isRealTransform() const {
      return getTransform() == ::mlir::spectral::TransformKind::rfft;
    }
    bool isTransformedAxis(int64_t dim) const;
    /// The axis whose spectrum is halved by rfft (the last listed axis).
    int64_t getHalvedAxis() const { return getAxes().back(); }

    /// Number of tiles along each dimension, and in all.
    ShapeVector getTileGrid() const;
    int64_t getNumTiles() const;
    /// Shape and size of the spectrum of one tile (rfft halves one axis).
    ShapeVector getTileSpectrumShape() const;
    int64_t getTileSpectrumSize() const;
    /// Bins of a tile spectrum that are candidates for selection: all of
    /// them for fft; for rfft, the spectrum minus the redundant member of
    /// each conjugate pair in the k = 0 and k = n/2 planes. Upper bound of
    /// `keep`.
    int64_t getNumNonRedundantBins() const;

    /// Storage: coefficients tensor<T x K x coeff>, positions
    /// tensor<T x K x index>.
    ::mlir::RankedTensorType getCoefficientsType() const;
    ::mlir::RankedTensorType getPositionsType() const;
    /// Bytes to store one kept coefficient with its position.
    int64_t getBytesPerCoefficient() const;
    /// Bytes of the whole storage and of the dense tensor.
    int64_t getStorageBytes() const;
    int64_t getDenseBytes() const;
    /// Dense bytes over storage bytes.
    double getCompressionRatio() const;

    /// True when `other` has the same shape, element type, transform, axes
    /// and tile, so coefficients of both live in the same spectra.
    bool hasSameLayoutAs(SparseSpectralType other) const;
  }];
}

#endif // SPECTRAL_TYPES
