//===- SparseStoragePatterns.cpp - !spectral.sst to storage tensors -------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A 1:N type conversion: every !spectral.sst value becomes its coefficient
// tensor (T x K x coeff) and its position tensor (T x K x index). Ops on it
// become:
//
//   compress    dense -> tile-major (T, tile...) -> dft -> (T, S) -> topk
//   decompress  scatter -> (T, S) -> (T, spectrum...) -> inverse dft
//               -> dense
//   decompress_adjoint  per tile: dft -> (1, S) -> gather -> bin weights
//
// All transforms and selections compute in f32 / complex<f32> (the
// runtime's types); storage and element types are converted around them.
// Tiles are made tile-major by a transpose, or by reshapes alone when the
// tiling keeps the row-major order (e.g. row tiles).
//
//===----------------------------------------------------------------------===//

#include "ExpandStoragePatterns.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::spectral;

namespace {

/// The two storage tensors of a sparse spectral tensor.
struct Storage {
  Value coeffs;
  Value positions;
};

Type getF32(OpBuilder &b) { return b.getF32Type(); }
ComplexType getC32(OpBuilder &b) { return ComplexType::get(b.getF32Type()); }

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

//===----------------------------------------------------------------------===//
// Compression and decompression
//===----------------------------------------------------------------------===//

/// Forward transforms of tile-major f32 / complex<f32> tiles (n, tile...),
/// as n x S complex<f32>.
Value transformTiles(OpBuilder &b, Location loc, Value tiles,
                     SparseSpectralType type) {
  int64_t rank = type.getRank();
  SmallVector<int64_t> spectrumShape = getTileMajorSpectrumShape(type);
  spectrumShape[0] = cast<RankedTensorType>(tiles.getType()).getDimSize(0);
  auto spectrumType = RankedTensorType::get(spectrumShape, getC32(b));
  Value spectrum;
  if (type.isRealTransform()) {
    spectrum = createDFT(b, loc, DFTKind::r2c, tiles, spectrumType,
                         getTileMajorAxes(type), FFTNorm::backward);
  } else {
    if (!isa<ComplexType>(type.getElementType())) {
      tiles = mapElements(
          b, loc, tiles, getC32(b),
          [](OpBuilder &nb, Location nl, Value re) -> Value {
            Value zero =
                arith::ConstantOp::create(nb, nl, nb.getF32FloatAttr(0.0f));
            return complex::CreateOp::create(
                nb, nl, ComplexType::get(nb.getF32Type()), re, zero);
          });
    }
    spectrum = createDFT(b, loc, DFTKind::c2c_forward, tiles, spectrumType,
                         getTileMajorAxes(type), FFTNorm::backward);
  }
  return tensor::CollapseShapeOp::create(b, loc, spectrum,
                                         tileAndSpectrum(rank));
}

/// Per-tile forward transforms of `dense`, as T x S complex<f32>.
Value computeTileSpectra(OpBuilder &b, Location loc, Value dense,
                         SparseSpectralType type) {
  return transformTiles(b, loc,
                        denseToTiles(b, loc, toF32(b, loc, dense), type), type);
}

/// Top-k of T x S spectra into compute storage of `keep` per tile.
Storage selectTopK(OpBuilder &b, Location loc, Value spectra, int64_t keep,
                   SparseSpectralType type) {
  int64_t tiles = type.getNumTiles();
  Value coeffs = tensor::EmptyOp::create(b, loc, {tiles, keep}, getC32(b));
  Value positions =
      tensor::EmptyOp::create(b, loc, {tiles, keep}, b.getI64Type());
  auto topk = TopKOp::create(
      b, loc, TypeRange{coeffs.getType(), positions.getType()}, spectra, coeffs,
      positions, type.getTile(), type.getAxes(), type.getTransform());
  return {topk.getResult(0), topk.getResult(1)};
}

/// Scatter of compute storage into zeroed T x S spectra.
Value scatterToSpectra(OpBuilder &b, Location loc, Storage compute,
                       SparseSpectralType type) {
  Value init = tensor::EmptyOp::create(
      b, loc, {type.getNumTiles(), type.getTileSpectrumSize()}, getC32(b));
  return ScatterOp::create(b, loc, init.getType(), compute.coeffs,
                           compute.positions, init, type.getTile(),
                           type.getAxes(), type.getTransform())
      .getResult();
}

Storage compress(OpBuilder &b, Location loc, Value dense,
                 SparseSpectralType type) {
  Value spectra = computeTileSpectra(b, loc, dense, type);
  return toStorage(b, loc, selectTopK(b, loc, spectra, type.getKeep(), type),
                   type);
}

/// The dense tensor of `type` from T x S spectra.
Value inverseTileSpectra(OpBuilder &b, Location loc, Value spectra,
                         SparseSpectralType type) {
  int64_t rank = type.getRank();
  Value spectrum = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(getTileMajorSpectrumShape(type), getC32(b)),
      spectra, tileAndSpectrum(rank));
  SmallVector<int64_t> tileMajorShape = {type.getNumTiles()};
  llvm::append_range(tileMajorShape, type.getTile());
  Value tiles;
  if (type.isRealTransform()) {
    tiles = createDFT(b, loc, DFTKind::c2r, spectrum,
                      RankedTensorType::get(tileMajorShape, getF32(b)),
                      getTileMajorAxes(type), FFTNorm::backward,
                      /*overwriteInput=*/true);
  } else {
    tiles = createDFT(b, loc, DFTKind::c2c_inverse, spectrum,
                      RankedTensorType::get(tileMajorShape, getC32(b)),
                      getTileMajorAxes(type), FFTNorm::backward);
    if (!isa<ComplexType>(type.getElementType()))
      tiles = mapElements(b, loc, tiles, getF32(b),
                          [](OpBuilder &nb, Location nl, Value v) -> Value {
                            return complex::ReOp::create(nb, nl, v);
                          });
  }
  return fromF32(b, loc, tilesToDense(b, loc, tiles, type),
                 type.getElementType());
}

Value decompress(OpBuilder &b, Location loc, Storage storage,
                 SparseSpectralType type) {
  Value spectra = scatterToSpectra(b, loc, toCompute(b, loc, storage), type);
  return inverseTileSpectra(b, loc, spectra, type);
}

//===----------------------------------------------------------------------===//
// Energy by Parseval
//===----------------------------------------------------------------------===//

/// The number of dense bins the stored bin at `position` stands for: 1 for
/// fft; for rfft 2, except self-conjugate bins of the k = 0 and k = n/2
/// planes, which are 1. The weight of tile_rule::classify
/// (SpectralDialect/IR/TileRule.h) for stored (canonical) bins, as IR.
Value computeBinWeight(OpBuilder &b, Location loc, Value position,
                       SparseSpectralType type) {
  Type f32 = getF32(b);
  auto constant = [&](double v) -> Value {
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(f32, v));
  };
  if (!type.isRealTransform())
    return constant(1.0);
  auto i64 = [&](int64_t v) -> Value {
    return arith::ConstantIntOp::create(b, loc, v, 64);
  };
  // Index along `dim` of the row-major tile spectrum.
  SparseSpectralType::ShapeVector spectrum = type.getTileSpectrumShape();
  auto indexAlong = [&](int64_t dim) -> Value {
    int64_t stride = 1;
    for (int64_t d = dim + 1; d < type.getRank(); ++d)
      stride *= spectrum[d];
    Value q = arith::DivUIOp::create(b, loc, position, i64(stride));
    return arith::RemUIOp::create(b, loc, q, i64(spectrum[dim]));
  };
  auto isZeroOrHalf = [&](Value index, int64_t length) -> Value {
    // 2 * index is 0 or length  <=>  (2 * index) mod length == 0.
    Value twice = arith::MulIOp::create(b, loc, index, i64(2));
    Value rem = arith::RemUIOp::create(b, loc, twice, i64(length));
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rem, i64(0));
  };
  int64_t halved = type.getHalvedAxis();
  Value selfConjugate =
      isZeroOrHalf(indexAlong(halved), type.getTile()[halved]);
  for (int64_t axis : type.getAxes()) {
    if (axis == halved)
      continue;
    selfConjugate = arith::AndIOp::create(
        b, loc, selfConjugate,
        isZeroOrHalf(indexAlong(axis), type.getTile()[axis]));
  }
  return arith::SelectOp::create(b, loc, selfConjugate, constant(1.0),
                                 constant(2.0));
}

/// The cotangent of decompress's coefficients (DecompressAdjointOp): per
/// tile, w(p) / N times the forward transform of the cotangent's tile at
/// each kept position p. The loop transforms one tile per step, so the
/// working spectrum is one tile's, never the whole tensor's.
Storage decompressAdjoint(OpBuilder &b, Location loc, Value cotangent,
                          Storage storage, SparseSpectralType type) {
  Storage compute = toCompute(b, loc, storage);
  Value tiles = denseToTiles(b, loc, toF32(b, loc, cotangent), type);
  auto tilesType = cast<RankedTensorType>(tiles.getType());
  int64_t rank = tilesType.getRank(), keep = type.getKeep();
  int64_t transformed = 1;
  for (int64_t axis : type.getAxes())
    transformed *= type.getTile()[axis];

  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value numTiles = arith::ConstantIndexOp::create(b, loc, type.getNumTiles());
  Value init =
      tensor::EmptyOp::create(b, loc, {type.getNumTiles(), keep}, getC32(b));
  auto loop = scf::ForOp::create(
      b, loc, zero, numTiles, one, ValueRange{init},
      [&](OpBuilder &nb, Location nl, Value t, ValueRange iterArgs) {
        // One tile (1, tile...) and its kept positions (1, K).
        SmallVector<OpFoldResult> offsets(rank, nb.getIndexAttr(0));
        offsets[0] = t;
        SmallVector<OpFoldResult> sizes = {nb.getIndexAttr(1)};
        for (int64_t size : type.getTile())
          sizes.push_back(nb.getIndexAttr(size));
        SmallVector<OpFoldResult> unitStrides(rank, nb.getIndexAttr(1));
        Value tile = tensor::ExtractSliceOp::create(nb, nl, tiles, offsets,
                                                    sizes, unitStrides);
        SmallVector<OpFoldResult> rowOffsets = {t, nb.getIndexAttr(0)};
        SmallVector<OpFoldResult> rowSizes = {nb.getIndexAttr(1),
                                              nb.getIndexAttr(keep)};
        SmallVector<OpFoldResult> rowStrides(2, nb.getIndexAttr(1));
        Value positions = tensor::ExtractSliceOp::create(
            nb, nl, compute.positions, rowOffsets, rowSizes, rowStrides);

        Value spectrum = transformTiles(nb, nl, tile, type);
        Value gatherInit =
            tensor::EmptyOp::create(nb, nl, {1, keep}, getC32(nb));
        Value gathered =
            GatherOp::create(nb, nl, gatherInit.getType(), spectrum, positions,
                             gatherInit, type.getTile(), type.getAxes(),
                             type.getTransform())
                .getResult();
        AffineMap identity = nb.getMultiDimIdentityMap(2);
        SmallVector<utils::IteratorType> parallel(
            2, utils::IteratorType::parallel);
        Value weighted =
            linalg::GenericOp::create(
                nb, nl, gatherInit.getType(), ValueRange{gathered, positions},
                ValueRange{gatherInit},
                ArrayRef<AffineMap>{identity, identity, identity}, parallel,
                [&](OpBuilder &gb, Location gl, ValueRange args) {
                  Value scale = arith::DivFOp::create(
                      gb, gl, computeBinWeight(gb, gl, args[1], type),
                      arith::ConstantOp::create(
                          gb, gl,
                          gb.getF32FloatAttr(static_cast<float>(transformed))));
                  linalg::YieldOp::create(
                      gb, gl, createRealScaling(gb, gl, args[0], scale));
                })
                .getResult(0);
        Value updated = tensor::InsertSliceOp::create(
            nb, nl, weighted, iterArgs[0], rowOffsets, rowSizes, rowStrides);
        scf::YieldOp::create(nb, nl, updated);
      });
  return {fromF32(b, loc, loop.getResult(0), type.getCoeffType()),
          storage.positions};
}

/// sum |x|^2 of the decompressed tensor, from the storage alone.
Value computeEnergy(OpBuilder &b, Location loc, Storage storage,
                    SparseSpectralType type) {
  Type f32 = getF32(b);
  Type resultType = type.getElementType();
  if (auto complex = dyn_cast<ComplexType>(resultType))
    resultType = complex.getElementType();
  Value accumulator = createZeros(b, loc, {}, f32);
  MLIRContext *ctx = b.getContext();
  AffineMap identity = b.getMultiDimIdentityMap(2);
  AffineMap scalar = AffineMap::get(2, 0, {}, ctx);
  SmallVector<utils::IteratorType> iterators(2, utils::IteratorType::reduction);

  Value sum;
  if (!type.isRealTransform() && !isa<ComplexType>(type.getElementType())) {
    // fft of real data decompresses to the real part of the inverse, whose
    // energy is not a sum over the kept bins: measure it densely.
    Value dense = toF32(b, loc, decompress(b, loc, storage, type));
    auto denseType = cast<RankedTensorType>(dense.getType());
    int64_t rank = denseType.getRank();
    SmallVector<utils::IteratorType> all(rank, utils::IteratorType::reduction);
    sum = linalg::GenericOp::create(
              b, loc, accumulator.getType(), ValueRange{dense},
              ValueRange{accumulator},
              ArrayRef<AffineMap>{b.getMultiDimIdentityMap(rank),
                                  AffineMap::get(rank, 0, {}, ctx)},
              all,
              [](OpBuilder &nb, Location nl, ValueRange args) {
                Value sq = arith::MulFOp::create(nb, nl, args[0], args[0]);
                linalg::YieldOp::create(
                    nb, nl,
                    arith::AddFOp::create(nb, nl, sq, args[1]).getResult());
              })
              .getResult(0);
  } else {
    // Parseval per tile: sum |x|^2 = (1/N) sum over the full spectrum of
    // |X|^2, N the transformed size; each stored bin counts for its weight.
    Storage compute = toCompute(b, loc, storage);
    int64_t transformed = 1;
    for (int64_t axis : type.getAxes())
      transformed *= type.getTile()[axis];
    sum =
        linalg::GenericOp::create(
            b, loc, accumulator.getType(),
            ValueRange{compute.coeffs, compute.positions},
            ValueRange{accumulator},
            ArrayRef<AffineMap>{identity, identity, scalar}, iterators,
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              // |c|^2 = re^2 + im^2, without abs's square root.
              Value re = complex::ReOp::create(nb, nl, args[0]);
              Value im = complex::ImOp::create(nb, nl, args[0]);
              Value squared = arith::AddFOp::create(
                  nb, nl, arith::MulFOp::create(nb, nl, re, re),
                  arith::MulFOp::create(nb, nl, im, im));
              Value weighted = arith::MulFOp::create(
                  nb, nl, squared, computeBinWeight(nb, nl, args[1], type));
              linalg::YieldOp::create(
                  nb, nl,
                  arith::AddFOp::create(nb, nl, weighted, args[2]).getResult());
            })
            .getResult(0);
    Value scale = arith::ConstantOp::create(
        b, loc, b.getFloatAttr(f32, 1.0 / static_cast<double>(transformed)));
    Value total = tensor::ExtractOp::create(b, loc, sum, ValueRange{});
    return castFloatScalar(b, loc, arith::MulFOp::create(b, loc, total, scale),
                           cast<FloatType>(resultType));
  }
  Value total = tensor::ExtractOp::create(b, loc, sum, ValueRange{});
  return castFloatScalar(b, loc, total, cast<FloatType>(resultType));
}

//===----------------------------------------------------------------------===//
// Conversion patterns
//===----------------------------------------------------------------------===//

/// The storage an adapted !spectral.sst operand was converted to.
Storage getStorage(ValueRange converted) {
  assert(converted.size() == 2 && "a !spectral.sst converts to two tensors");
  return {converted[0], converted[1]};
}

template <typename OpTy> struct SSTPattern : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OneToNOpAdaptor = typename OpConversionPattern<OpTy>::OneToNOpAdaptor;
};

struct LowerCompress : SSTPattern<CompressOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(CompressOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Storage storage = compress(rewriter, op.getLoc(),
                               adaptor.getInput().front(), op.getType());
    rewriter.replaceOpWithMultiple(
        op, {ValueRange{storage.coeffs, storage.positions}});
    return success();
  }
};

struct LowerDecompress : SSTPattern<DecompressOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(DecompressOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, decompress(rewriter, op.getLoc(),
                                      getStorage(adaptor.getInput()),
                                      op.getInput().getType()));
    return success();
  }
};

struct LowerDecompressAdjoint : SSTPattern<DecompressAdjointOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(DecompressAdjointOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Storage cotangent = decompressAdjoint(
        rewriter, op.getLoc(), adaptor.getCotangent().front(),
        getStorage(adaptor.getInput()), op.getInput().getType());
    rewriter.replaceOpWithMultiple(
        op, {ValueRange{cotangent.coeffs, cotangent.positions}});
    return success();
  }
};

struct LowerDecompressTiles : SSTPattern<DecompressTilesOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(DecompressTilesOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SparseSpectralType type = op.getInput().getType();
    int64_t rank = type.getRank();
    SparseSpectralType::ShapeVector grid = type.getTileGrid();
    ArrayRef<int64_t> tile = type.getTile();
    ArrayRef<int64_t> sizes = op.getStaticSizes();

    // The selected tiles: a box of the tile grid, offsets in tiles.
    SmallVector<OpFoldResult> tileOffsets, tileCounts;
    for (auto [dim, offset] : llvm::enumerate(op.getMixedOffsets())) {
      // A static offset was verified; so is a constant operand here, when
      // it is valid. An invalid constant operand is left to the run-time
      // check, like any dynamic offset: it is not the verifier's to reject.
      int64_t limit = type.getShape()[dim] - sizes[dim];
      std::optional<int64_t> constant = getConstantIntValue(offset);
      if (constant && *constant >= 0 && *constant % tile[dim] == 0 &&
          *constant <= limit) {
        tileOffsets.push_back(rewriter.getIndexAttr(*constant / tile[dim]));
      } else {
        // The verifier cannot see a dynamic offset: check it at run time, so
        // a misaligned or out-of-bounds offset stops with a message instead
        // of reading the wrong tiles.
        Value value = cast<Value>(offset);
        CheckTileOffsetOp::create(rewriter, loc, value, dim, tile[dim], limit);
        Value size = arith::ConstantIndexOp::create(rewriter, loc, tile[dim]);
        tileOffsets.push_back(
            arith::DivUIOp::create(rewriter, loc, value, size).getResult());
      }
      tileCounts.push_back(rewriter.getIndexAttr(sizes[dim] / tile[dim]));
    }
    auto sliceType = SparseSpectralType::get(
        getContext(), sizes, type.getElementType(), type.getKeep(),
        type.getTransform(), type.getAxes(), tile, type.getCoeffType(),
        type.getIndexType());

    auto selectTiles = [&](Value storage) -> Value {
      auto storageType = cast<RankedTensorType>(storage.getType());
      SmallVector<int64_t> gridShape(grid.begin(), grid.end());
      gridShape.push_back(type.getKeep());
      SmallVector<ReassociationIndices> groups = leadingAndRest(rank, 1);
      Value byGrid = tensor::ExpandShapeOp::create(
          rewriter, loc,
          RankedTensorType::get(gridShape, storageType.getElementType()),
          storage, groups);
      SmallVector<OpFoldResult> offsets(tileOffsets), counts(tileCounts),
          strides(rank + 1, rewriter.getIndexAttr(1));
      offsets.push_back(rewriter.getIndexAttr(0));
      counts.push_back(rewriter.getIndexAttr(type.getKeep()));
      Value box = tensor::ExtractSliceOp::create(rewriter, loc, byGrid, offsets,
                                                 counts, strides);
      return tensor::CollapseShapeOp::create(rewriter, loc, box, groups);
    };
    Storage storage = getStorage(adaptor.getInput());
    Storage selected = {selectTiles(storage.coeffs),
                        selectTiles(storage.positions)};
    rewriter.replaceOp(op, decompress(rewriter, loc, selected, sliceType));
    return success();
  }
};

struct LowerAssemble : SSTPattern<AssembleOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(AssembleOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithMultiple(
        op, {ValueRange{adaptor.getCoefficients().front(),
                        adaptor.getPositions().front()}});
    return success();
  }
};

struct LowerCoefficients : SSTPattern<CoefficientsOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(CoefficientsOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, getStorage(adaptor.getInput()).coeffs);
    return success();
  }
};

struct LowerPositions : SSTPattern<PositionsOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(PositionsOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, getStorage(adaptor.getInput()).positions);
    return success();
  }
};

struct LowerScale : SSTPattern<ScaleOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(ScaleOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SparseSpectralType type = op.getType();
    Storage storage = getStorage(adaptor.getInput());
    Value factor = castFloatScalar(rewriter, loc, adaptor.getFactor().front(),
                                   rewriter.getF32Type());
    if (!isa<ComplexType>(factor.getType())) {
      Value zero = arith::ConstantOp::create(rewriter, loc,
                                             rewriter.getF32FloatAttr(0.0f));
      factor = complex::CreateOp::create(rewriter, loc, getC32(rewriter),
                                         factor, zero);
    }
    Value coeffs = toF32(rewriter, loc, storage.coeffs);
    Value scaled = mapElements(
        rewriter, loc, coeffs, getC32(rewriter),
        [&](OpBuilder &nb, Location nl, Value c) {
          return complex::MulOp::create(nb, nl, c, factor).getResult();
        });
    Value stored = fromF32(rewriter, loc, scaled, type.getCoeffType());
    rewriter.replaceOpWithMultiple(op, {ValueRange{stored, storage.positions}});
    return success();
  }
};

struct LowerAdd : SSTPattern<AddOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(AddOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // The union of the kept bins with their sums is the sum of the two
    // scattered spectra; selecting from it truncates by the usual rule.
    Location loc = op.getLoc();
    SparseSpectralType type = op.getType();
    Value lhs = scatterToSpectra(
        rewriter, loc, toCompute(rewriter, loc, getStorage(adaptor.getLhs())),
        op.getLhs().getType());
    Value rhs = scatterToSpectra(
        rewriter, loc, toCompute(rewriter, loc, getStorage(adaptor.getRhs())),
        op.getRhs().getType());
    AffineMap identity = rewriter.getMultiDimIdentityMap(2);
    Value sum =
        linalg::GenericOp::create(
            rewriter, loc, lhs.getType(), ValueRange{rhs}, ValueRange{lhs},
            ArrayRef<AffineMap>{identity, identity},
            SmallVector<utils::IteratorType>(2, utils::IteratorType::parallel),
            [](OpBuilder &nb, Location nl, ValueRange args) {
              linalg::YieldOp::create(
                  nb, nl,
                  complex::AddOp::create(nb, nl, args[1], args[0]).getResult());
            })
            .getResult(0);
    Storage result =
        toStorage(rewriter, loc,
                  selectTopK(rewriter, loc, sum, type.getKeep(), type), type);
    rewriter.replaceOpWithMultiple(
        op, {ValueRange{result.coeffs, result.positions}});
    return success();
  }
};

struct LowerEnergy : SSTPattern<EnergyOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(EnergyOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, computeEnergy(rewriter, op.getLoc(),
                                         getStorage(adaptor.getInput()),
                                         op.getInput().getType()));
    return success();
  }
};

struct LowerMatmul : SSTPattern<MatmulOp> {
  using SSTPattern::SSTPattern;
  LogicalResult
  matchAndRewrite(MatmulOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // Decompress, then one GEMM on the input flattened to M x K; streaming
    // the weight is spectral-stream's job.
    Location loc = op.getLoc();
    SparseSpectralType weightType = op.getWeight().getType();
    Value weight =
        decompress(rewriter, loc, getStorage(adaptor.getWeight()), weightType);
    Value input = adaptor.getInput().front();
    auto inputType = cast<RankedTensorType>(input.getType());
    RankedTensorType resultType = op.getType();
    Type element = inputType.getElementType();

    // A dynamic contracted size must be the weight's rows, which the
    // verifier could not check; past the check the matrix has them
    // statically. Leading sizes may be dynamic: they only count rows.
    int64_t contracted = inputType.getRank() - 1;
    int64_t weightRows = weightType.getShape()[0];
    checkSizeAtRunTime(rewriter, loc, op, input, "input", contracted,
                       rewriter.getIndexAttr(weightRows));
    Value matrix = reshapeToMatrix(rewriter, loc, input);
    auto matrixType = cast<RankedTensorType>(matrix.getType());
    if (matrixType.isDynamicDim(1))
      matrix = tensor::CastOp::create(
          rewriter, loc,
          RankedTensorType::get({matrixType.getDimSize(0), weightRows},
                                element),
          matrix);
    int64_t cols = weightType.getShape()[1];
    Value init =
        createZerosOfSizes(rewriter, loc,
                           {tensor::getMixedSize(rewriter, loc, matrix, 0),
                            rewriter.getIndexAttr(cols)},
                           element);
    Value product =
        linalg::MatmulOp::create(rewriter, loc, init.getType(),
                                 ValueRange{matrix, weight}, ValueRange{init})
            .getResult(0);
    Value result = reshapeFromMatrix(rewriter, loc, product, resultType, input);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::spectral::populateSparseStoragePatterns(
    TypeConverter &converter, RewritePatternSet &patterns) {
  converter.addConversion(
      [](SparseSpectralType type, SmallVectorImpl<Type> &results) {
        results.push_back(type.getCoefficientsType());
        results.push_back(type.getPositionsType());
        return success();
      });
  patterns.add<LowerAdd, LowerAssemble, LowerCoefficients, LowerCompress,
               LowerDecompress, LowerDecompressAdjoint, LowerDecompressTiles,
               LowerEnergy, LowerMatmul, LowerPositions, LowerScale>(
      converter, patterns.getContext());
}
