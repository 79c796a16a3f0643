//===- StreamCompressedWeights.cpp - The spectral-stream pass -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// x . W with W compressed in tiles is a sum over groups of tile rows:
// x[:, rows] . W[rows, :]. Each group decompresses exactly on its own, so a
// loop over groups computes the same product while only one group is ever
// decompressed.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/Transforms/Passes.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALSTREAM
#include "SpectralDialect/Transforms/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// Bytes in flight while decompressing `rows` tile rows of `type`: the tile
/// spectra (complex<f32>), the inverse transform's output and the
/// decompressed rows in the element type (which may be a reordered copy),
/// those twice when `doubleBuffered` (the previous group's rows are still
/// being multiplied).
static int64_t getGroupPeakBytes(SparseSpectralType type, int64_t rows,
                                 bool doubleBuffered = false) {
  int64_t tilesPerRow = type.getTileGrid()[1];
  int64_t elements = rows * type.getTile()[0] * type.getShape()[1];
  int64_t elementBytes = static_cast<int64_t>(
      type.getDenseBytes() / (type.getShape()[0] * type.getShape()[1]));
  int64_t spectra = rows * tilesPerRow * type.getTileSpectrumSize() * 8;
  int64_t rowsBytes = elements * elementBytes * (doubleBuffered ? 2 : 1);
  return spectra + elements * 4 + rowsBytes;
}

namespace {
struct SpectralStreamPass
    : spectral::impl::SpectralStreamBase<SpectralStreamPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<Operation *> matmuls;
    getOperation().walk([&](Operation *op) {
      if (isa<MatmulOp>(op) || getDecompressedWeight(op))
        matmuls.push_back(op);
    });
    for (Operation *op : matmuls) {
      auto matmul = dyn_cast<MatmulOp>(op);
      TypedValue<SparseSpectralType> weight =
          matmul ? matmul.getWeight() : getDecompressedWeight(op).getInput();
      auto input = cast<RankedTensorType>(op->getOperand(0).getType());
      std::optional<int64_t> rows = chooseGroup(op, weight.getType(), input);
      if (!rows)
        return signalPassFailure();
      if (*rows == 0)
        continue;
      if (matmul)
        streamMatmul(matmul, *rows);
      else
        streamDecompressedMatmul(cast<linalg::MatmulOp>(op), *rows);
      ++numStreamed;
    }
  }

  /// The `spectral.decompress` of a rank-2 weight that `op` multiplies by,
  /// when `op` is a plain `linalg.matmul` on tensors x . decompress(w).
  static DecompressOp getDecompressedWeight(Operation *op) {
    auto matmul = dyn_cast<linalg::MatmulOp>(op);
    if (!matmul || !matmul.hasPureTensorSemantics() ||
        matmul.hasUserDefinedMaps() ||
        matmul.getCast() != linalg::TypeFn::cast_signed)
      return nullptr;
    auto decompress = matmul.getInputs()[1].getDefiningOp<DecompressOp>();
    if (!decompress || decompress.getInput().getType().getRank() != 2)
      return nullptr;
    // Without element casts, the product is the one spectral.matmul means.
    Type element = decompress.getType().getElementType();
    for (Value operand : matmul->getOperands())
      if (getElementTypeOrSelf(operand.getType()) != element)
        return nullptr;
    return decompress;
  }

  /// Tile rows per group, 0 to leave `op` alone, or none after an error.
  std::optional<int64_t> chooseGroup(Operation *op, SparseSpectralType type,
                                     RankedTensorType inputType) {
    int64_t gridRows = type.getTileGrid()[0];
    int64_t whole = getGroupPeakBytes(type, gridRows);
    if (!inputType.hasStaticShape()) {
      op->emitRemark() << "not streamed: the input has a dynamic shape";
      return 0;
    }
    if (gridRows == 1) {
      op->emitRemark() << "not streamed: the weight is a single tile row";
      return 0;
    }
    int64_t budget = memoryBudget, rows = groupTiles;
    if (rows > 0) {
      if (gridRows % rows != 0) {
        op->emitError() << "group-tiles = " << rows
                        << " does not divide the weight's " << gridRows
                        << " tile rows";
        return std::nullopt;
      }
    } else {
      if (whole <= budget) {
        op->emitRemark() << "not streamed: decompressing the whole weight "
                            "takes about "
                         << whole << " bytes, within the memory budget of "
                         << budget;
        return 0;
      }
      rows = 0;
      for (int64_t candidate = gridRows; candidate >= 1; --candidate)
        if (gridRows % candidate == 0 &&
            getGroupPeakBytes(type, candidate, doubleBuffered) <= budget) {
          rows = candidate;
          break;
        }
      if (rows == 0) {
        op->emitError() << "memory budget of " << budget
                        << " bytes is below the "
                        << getGroupPeakBytes(type, 1, doubleBuffered)
                        << " bytes that decompressing one tile row takes"
                        << (doubleBuffered ? " (double-buffered)" : "");
        return std::nullopt;
      }
    }
    if (rows == gridRows) {
      op->emitRemark() << "not streamed: the group is the whole weight";
      return 0;
    }
    op->emitRemark() << "streaming the weight in groups of " << rows << " of "
                     << gridRows << " tile rows: about "
                     << getGroupPeakBytes(type, rows, doubleBuffered)
                     << " bytes decompressed at once"
                     << (doubleBuffered ? " (double-buffered)" : "")
                     << " instead of " << whole;
    return rows;
  }

  /// Replaces `op` by the loop over groups of `rows` tile rows.
  void streamMatmul(MatmulOp op, int64_t rows) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    RankedTensorType inputType = op.getInput().getType();
    int64_t inner = op.getWeight().getType().getShape()[0];
    int64_t cols = op.getWeight().getType().getShape()[1];
    int64_t outer = inputType.getNumElements() / inner;

    // The input as an outer x inner matrix.
    Value x = reshapeToMatrix(b, loc, op.getInput());
    Value init = createZeros(b, loc, {outer, cols}, inputType.getElementType());
    Value product = createGroupLoop(b, loc, x, op.getWeight(), init, rows);
    Value result =
        reshapeFromMatrix(b, loc, product, op.getType(), op.getInput());
    op.replaceAllUsesWith(result);
    op.erase();
  }

  /// Replaces `init + x . decompress(w)` by the loop, accumulating into
  /// `init`; the decompression goes when nothing else uses it.
  void streamDecompressedMatmul(linalg::MatmulOp op, int64_t rows) {
    OpBuilder b(op);
    DecompressOp decompress = getDecompressedWeight(op);
    Value product =
        createGroupLoop(b, op.getLoc(), op.getInputs()[0],
                        decompress.getInput(), op.getOutputs()[0], rows);
    op->replaceAllUsesWith(ValueRange{product});
    op.erase();
    if (decompress->use_empty())
      decompress.erase();
  }

  /// init + x . w for the outer x inner matrix `x`, as a loop over groups of
  /// `rows` tile rows of `w`.
  Value createGroupLoop(OpBuilder &b, Location loc, Value x,
                        TypedValue<SparseSpectralType> weight, Value init,
                        int64_t rows) {
    SparseSpectralType type = weight.getType();
    Type element = type.getElementType();
    int64_t outer = cast<RankedTensorType>(x.getType()).getShape()[0];
    int64_t inner = type.getShape()[0], cols = type.getShape()[1];
    int64_t groupRows = rows * type.getTile()[0];
    Value lower = arith::ConstantIndexOp::create(b, loc, 0);
    Value upper = arith::ConstantIndexOp::create(b, loc, inner);
    Value step = arith::ConstantIndexOp::create(b, loc, groupRows);
    auto loop = scf::ForOp::create(
        b, loc, lower, upper, step, ValueRange{init},
        [&](OpBuilder &nb, Location nl, Value row, ValueRange acc) {
          Value weights = DecompressTilesOp::create(
              nb, nl, weight, ValueRange{row},
              nb.getDenseI64ArrayAttr({ShapedType::kDynamic, 0}),
              nb.getDenseI64ArrayAttr({groupRows, cols}));
          SmallVector<OpFoldResult> offsets = {nb.getIndexAttr(0), row};
          SmallVector<OpFoldResult> sizes = {nb.getIndexAttr(outer),
                                             nb.getIndexAttr(groupRows)};
          SmallVector<OpFoldResult> strides(2, nb.getIndexAttr(1));
          Value columns = tensor::ExtractSliceOp::create(
              nb, nl, RankedTensorType::get({outer, groupRows}, element), x,
              offsets, sizes, strides);
          Value sum = linalg::MatmulOp::create(nb, nl, acc[0].getType(),
                                               ValueRange{columns, weights},
                                               ValueRange{acc[0]})
                          .getResult(0);
          scf::YieldOp::create(nb, nl, sum);
        });
    return loop.getResult(0);
  }
};
} // namespace
