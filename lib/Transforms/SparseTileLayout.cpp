//===- SparseTileLayout.cpp - Tiles and storage types of !spectral.sst ----===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The element and storage type conversions around the f32 compute types,
// and the tile-major layout: tiles are made tile-major by a transpose, or
// by reshapes alone when the tiling keeps the row-major order.
//
//===----------------------------------------------------------------------===//

#include "SparseStorageBuilders.h"
#include "Utils/IRBuildingHelpers.h"

#include "SpectralDialect/IR/SpectralOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::spectral;

namespace mlir {
namespace spectral {
namespace storage {

//===----------------------------------------------------------------------===//
// Element and storage type conversions
//===----------------------------------------------------------------------===//

/// Converts a float or complex tensor to f32 / complex<f32> elements.
Value toF32(OpBuilder &b, Location loc, Value tensor) {
  Type element = cast<RankedTensorType>(tensor.getType()).getElementType();
  Type target = isa<ComplexType>(element) ? Type(getC32(b)) : getF32(b);
  if (element == target)
    return tensor;
  return mapElements(b, loc, tensor, target,
                     [&](OpBuilder &nb, Location nl, Value v) {
                       return castFloatScalar(nb, nl, v, nb.getF32Type());
                     });
}

/// Converts an f32 / complex<f32> tensor to elements of type `element`.
Value fromF32(OpBuilder &b, Location loc, Value tensor, Type element) {
  if (cast<RankedTensorType>(tensor.getType()).getElementType() == element)
    return tensor;
  FloatType scalar =
      isa<ComplexType>(element)
          ? cast<FloatType>(cast<ComplexType>(element).getElementType())
          : cast<FloatType>(element);
  return mapElements(b, loc, tensor, element,
                     [&](OpBuilder &nb, Location nl, Value v) {
                       return castFloatScalar(nb, nl, v, scalar);
                     });
}

/// Converts integer positions between widths (they are non-negative).
Value castPositions(OpBuilder &b, Location loc, Value positions,
                    IntegerType to) {
  auto from = cast<IntegerType>(
      cast<RankedTensorType>(positions.getType()).getElementType());
  if (from == to)
    return positions;
  return mapElements(b, loc, positions, to,
                     [&](OpBuilder &nb, Location nl, Value v) -> Value {
                       if (from.getWidth() < to.getWidth())
                         return arith::ExtSIOp::create(nb, nl, to, v);
                       return arith::TruncIOp::create(nb, nl, to, v);
                     });
}

/// Storage in the compute types: complex<f32> coefficients, i64 positions.
Storage toCompute(OpBuilder &b, Location loc, Storage storage) {
  return {toF32(b, loc, storage.coeffs),
          castPositions(b, loc, storage.positions, b.getI64Type())};
}

/// Storage in the types of `type`.
Storage toStorage(OpBuilder &b, Location loc, Storage compute,
                  SparseSpectralType type) {
  return {fromF32(b, loc, compute.coeffs, type.getCoeffType()),
          castPositions(b, loc, compute.positions, type.getIndexType())};
}

//===----------------------------------------------------------------------===//
// Tile layout
//===----------------------------------------------------------------------===//

/// True when moving every grid index in front of every tile index keeps the
/// row-major order of the elements, so tile-major is a reshape.
bool isTileMajorByReshape(SparseSpectralType type) {
  ArrayRef<int64_t> tile = type.getTile();
  SparseSpectralType::ShapeVector grid = type.getTileGrid();
  for (int64_t d = 0; d < type.getRank(); ++d)
    for (int64_t e = 0; e < d; ++e)
      if (tile[e] != 1 && grid[d] != 1)
        return false;
  return true;
}

/// Reassociation between (T, spectrum...) of rank `rank` + 1 and (T, S).
SmallVector<ReassociationIndices> tileAndSpectrum(int64_t rank) {
  ReassociationIndices spectrum = allDims(rank + 1);
  spectrum.erase(spectrum.begin());
  return {{0}, spectrum};
}

/// The dense tensor as tile-major (T, tile...), elements unchanged.
Value denseToTiles(OpBuilder &b, Location loc, Value dense,
                   SparseSpectralType type) {
  int64_t rank = type.getRank();
  Type element = cast<RankedTensorType>(dense.getType()).getElementType();
  SmallVector<int64_t> tileMajorShape = {type.getNumTiles()};
  llvm::append_range(tileMajorShape, type.getTile());
  auto tileMajorType = RankedTensorType::get(tileMajorShape, element);
  if (isTileMajorByReshape(type)) {
    Value flat = tensor::CollapseShapeOp::create(
        b, loc, dense, SmallVector<ReassociationIndices>{allDims(rank)});
    return tensor::ExpandShapeOp::create(
        b, loc, tileMajorType, flat,
        SmallVector<ReassociationIndices>{allDims(rank + 1)});
  }
  // (g0, t0, g1, t1, ...) -> (g0, g1, ..., t0, t1, ...) -> (T, t0, t1, ...).
  SparseSpectralType::ShapeVector grid = type.getTileGrid();
  SmallVector<int64_t> interleaved, gridFirst, permutation;
  SmallVector<ReassociationIndices> pairs;
  for (int64_t d = 0; d < rank; ++d) {
    interleaved.append({grid[d], type.getTile()[d]});
    pairs.push_back({2 * d, 2 * d + 1});
  }
  for (int64_t d = 0; d < rank; ++d)
    permutation.push_back(2 * d);
  for (int64_t d = 0; d < rank; ++d)
    permutation.push_back(2 * d + 1);
  for (int64_t p : permutation)
    gridFirst.push_back(interleaved[p]);
  Value expanded = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(interleaved, element), dense, pairs);
  Value init = tensor::EmptyOp::create(b, loc, gridFirst, element);
  Value transposed =
      linalg::TransposeOp::create(b, loc, expanded, init, permutation)
          .getResult()[0];
  return tensor::CollapseShapeOp::create(b, loc, tileMajorType, transposed,
                                         leadingAndRest(rank, rank));
}

/// The inverse of denseToTiles.
Value tilesToDense(OpBuilder &b, Location loc, Value tiles,
                   SparseSpectralType type) {
  int64_t rank = type.getRank();
  Type element = cast<RankedTensorType>(tiles.getType()).getElementType();
  auto denseType = RankedTensorType::get(type.getShape(), element);
  if (isTileMajorByReshape(type)) {
    Value flat = tensor::CollapseShapeOp::create(
        b, loc, tiles, SmallVector<ReassociationIndices>{allDims(rank + 1)});
    return tensor::ExpandShapeOp::create(
        b, loc, denseType, flat,
        SmallVector<ReassociationIndices>{allDims(rank)});
  }
  SparseSpectralType::ShapeVector grid = type.getTileGrid();
  SmallVector<int64_t> gridFirst(grid.begin(), grid.end()), interleaved,
      permutation;
  llvm::append_range(gridFirst, type.getTile());
  SmallVector<ReassociationIndices> pairs;
  for (int64_t d = 0; d < rank; ++d) {
    interleaved.append({grid[d], type.getTile()[d]});
    permutation.append({d, rank + d});
    pairs.push_back({2 * d, 2 * d + 1});
  }
  Value expanded = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(gridFirst, element), tiles,
      leadingAndRest(rank, rank));
  Value init = tensor::EmptyOp::create(b, loc, interleaved, element);
  Value transposed =
      linalg::TransposeOp::create(b, loc, expanded, init, permutation)
          .getResult()[0];
  return tensor::CollapseShapeOp::create(b, loc, denseType, transposed, pairs);
}

/// The transformed axes of the tile-major (T, tile...) layout.
SmallVector<int64_t> getTileMajorAxes(SparseSpectralType type) {
  SmallVector<int64_t> axes;
  for (int64_t axis : type.getAxes())
    axes.push_back(axis + 1);
  return axes;
}

/// Spectrum shape (T, spectrum...) of the tile-major layout.
SmallVector<int64_t> getTileMajorSpectrumShape(SparseSpectralType type) {
  SmallVector<int64_t> shape = {type.getNumTiles()};
  llvm::append_range(shape, type.getTileSpectrumShape());
  return shape;
}

} // namespace storage
} // namespace spectral
} // namespace mlir
