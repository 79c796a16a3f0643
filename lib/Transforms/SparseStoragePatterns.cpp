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
#include "SparseStorageBuilders.h"
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
using namespace mlir::spectral::storage;

namespace mlir {
namespace spectral {
namespace storage {

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

} // namespace storage
} // namespace spectral
} // namespace mlir

namespace {

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
