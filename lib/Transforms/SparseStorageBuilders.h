//===- SparseStorageBuilders.h - !spectral.sst lowering builders -*- C++
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The IR builders that lower !spectral.sst operations to their storage
// tensors (SparseStoragePatterns.cpp): type conversions around the f32
// compute types, the tile-major layout (SparseTileLayout.cpp), per-tile
// compression and decompression, and the energy by Parseval and the
// decompression adjoint with their bin weights (SparseParsevalEnergy.cpp).
// Private to MLIRSpectralTransforms.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_LIB_TRANSFORMS_SPARSESTORAGEBUILDERS_H
#define SPECTRALDIALECT_LIB_TRANSFORMS_SPARSESTORAGEBUILDERS_H

#include "SpectralDialect/IR/SpectralTypes.h"

#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace mlir {
namespace spectral {
namespace storage {

/// The two storage tensors of a sparse spectral tensor.
struct Storage {
  Value coeffs;
  Value positions;
};

inline Type getF32(OpBuilder &b) { return b.getF32Type(); }
inline ComplexType getC32(OpBuilder &b) {
  return ComplexType::get(b.getF32Type());
}

//===----------------------------------------------------------------------===//
// Element and storage type conversions
//===----------------------------------------------------------------------===//

/// Converts a float or complex tensor to f32 / complex<f32> elements.
Value toF32(OpBuilder &b, Location loc, Value tensor);

/// Converts an f32 / complex<f32> tensor to elements of type `element`.
Value fromF32(OpBuilder &b, Location loc, Value tensor, Type element);

/// Converts integer positions between widths (they are non-negative).
Value castPositions(OpBuilder &b, Location loc, Value positions,
                    IntegerType to);

/// Storage in the compute types: complex<f32> coefficients, i64 positions.
Storage toCompute(OpBuilder &b, Location loc, Storage storage);

/// Storage in the types of `type`.
Storage toStorage(OpBuilder &b, Location loc, Storage compute,
                  SparseSpectralType type);

//===----------------------------------------------------------------------===//
// Tile layout
//===----------------------------------------------------------------------===//

/// True when moving every grid index in front of every tile index keeps the
/// row-major order of the elements, so tile-major is a reshape.
bool isTileMajorByReshape(SparseSpectralType type);

/// Reassociation between (T, spectrum...) of rank `rank` + 1 and (T, S).
SmallVector<ReassociationIndices> tileAndSpectrum(int64_t rank);

/// The dense tensor as tile-major (T, tile...), elements unchanged.
Value denseToTiles(OpBuilder &b, Location loc, Value dense,
                   SparseSpectralType type);

/// The inverse of denseToTiles.
Value tilesToDense(OpBuilder &b, Location loc, Value tiles,
                   SparseSpectralType type);

/// The transformed axes of the tile-major (T, tile...) layout.
SmallVector<int64_t> getTileMajorAxes(SparseSpectralType type);

/// Spectrum shape (T, spectrum...) of the tile-major layout.
SmallVector<int64_t> getTileMajorSpectrumShape(SparseSpectralType type);

//===----------------------------------------------------------------------===//
// Compression and decompression
//===----------------------------------------------------------------------===//

/// Forward transforms of tile-major f32 / complex<f32> tiles (n, tile...),
/// as n x S complex<f32>.
Value transformTiles(OpBuilder &b, Location loc, Value tiles,
                     SparseSpectralType type);

/// Per-tile forward transforms of `dense`, as T x S complex<f32>.
Value computeTileSpectra(OpBuilder &b, Location loc, Value dense,
                         SparseSpectralType type);

/// Top-k of T x S spectra into compute storage of `keep` per tile.
Storage selectTopK(OpBuilder &b, Location loc, Value spectra, int64_t keep,
                   SparseSpectralType type);

/// Scatter of compute storage into zeroed T x S spectra.
Value scatterToSpectra(OpBuilder &b, Location loc, Storage compute,
                       SparseSpectralType type);

/// Compression of `dense` into the storage of `type`: per-tile transforms,
/// then the top `keep` bins of each tile.
Storage compress(OpBuilder &b, Location loc, Value dense,
                 SparseSpectralType type);

/// The dense tensor of `type` from T x S spectra.
Value inverseTileSpectra(OpBuilder &b, Location loc, Value spectra,
                         SparseSpectralType type);

/// The dense tensor of `type` from its storage: scatter, then per-tile
/// inverse transforms.
Value decompress(OpBuilder &b, Location loc, Storage storage,
                 SparseSpectralType type);

//===----------------------------------------------------------------------===//
// Energy by Parseval and the decompression adjoint
//===----------------------------------------------------------------------===//

/// The number of dense bins the stored bin at `position` stands for: 1 for
/// fft; for rfft 2, except self-conjugate bins of the k = 0 and k = n/2
/// planes, which are 1. The weight of tile_rule::classify
/// (SpectralDialect/IR/TileRule.h) for stored (canonical) bins, as IR.
Value computeBinWeight(OpBuilder &b, Location loc, Value position,
                       SparseSpectralType type);

/// The cotangent of decompress's coefficients (DecompressAdjointOp): per
/// tile, w(p) / N times the forward transform of the cotangent's tile at
/// each kept position p. The loop transforms one tile per step, so the
/// working spectrum is one tile's, never the whole tensor's.
Storage decompressAdjoint(OpBuilder &b, Location loc, Value cotangent,
                          Storage storage, SparseSpectralType type);

/// sum |x|^2 of the decompressed tensor, from the storage alone.
Value computeEnergy(OpBuilder &b, Location loc, Storage storage,
                    SparseSpectralType type);

} // namespace storage
} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_LIB_TRANSFORMS_SPARSESTORAGEBUILDERS_H
