//===- SparseParsevalEnergy.cpp - Energy and adjoint of !spectral.sst -----===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What the kept coefficients weigh: the number of dense bins each stored
// bin stands for (the tile rule, as IR), the energy of the decompressed
// tensor from the storage alone (Parseval), and the cotangent of
// decompress's coefficients.
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

} // namespace storage
} // namespace spectral
} // namespace mlir
