//===- CompressConstants.cpp - The spectral-compress-constants pass -------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Compression of constants at compile time: exact evaluation of
// `compress(arith.constant)`, and, under an error budget, lossy compression
// of dense constants that pays off. Whether it pays off is measured, not
// assumed: smooth fields concentrate their energy in few bins, while noise
// and trained kernels spread it over all of them, so the same budget
// compresses the first and leaves the second dense.
//
//===----------------------------------------------------------------------===//

#include "ConstantCompressor.h"
#include "SpectralDialect/Compression/Passes.h"
#include "SpectralDialect/IR/RuntimeEnums.h"
#include "SpectralDialect/IR/SpectralOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/Format.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALCOMPRESSCONSTANTS
#include "SpectralDialect/Compression/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

/// Marks a constant the user wants to keep dense.
static constexpr llvm::StringLiteral kKeepDenseAttrName = "spectral.keep_dense";

/// Whether the runtime can compress a `rank`-D tensor: it transforms the
/// tile-major view, which has one more dimension.
static bool fitsRuntimeRank(int64_t rank) {
  return rank + 1 <= runtime::kMaxDescriptorRank;
}

/// The rfft layout over every axis of `type` with `tile`, `keep` and
/// `coeff` coefficients, with i16 positions when the tile spectrum fits
/// them and i32 otherwise.
static SparseSpectralType getCandidateLayout(RankedTensorType type,
                                             ArrayRef<int64_t> tile,
                                             int64_t keep, FloatType coeff) {
  MLIRContext *ctx = type.getContext();
  auto get = [&](unsigned indexWidth) {
    return SparseSpectralType::get(
        ctx, type.getShape(), type.getElementType(), keep, TransformKind::rfft,
        SparseSpectralType::getDefaultAxes(type.getRank()), tile,
        ComplexType::get(coeff), IntegerType::get(ctx, indexWidth));
  };
  SparseSpectralType wide = get(32);
  return wide.getTileSpectrumSize() <= 32768 ? get(16) : wide;
}

/// How remarks name a constant: its name location, else its position.
static std::string describe(Operation *op) {
  if (auto name = dyn_cast<NameLoc>(op->getLoc()))
    return "'" + name.getName().str() + "'";
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "constant at ";
  if (auto file = dyn_cast<FileLineColLoc>(op->getLoc()))
    os << file.getFilename().getValue() << ":" << file.getLine() << ":"
       << file.getColumn();
  else
    os << op->getLoc();
  return text;
}

/// Key of the dense resources of a constant.
static std::string getResourceName(Operation *op) {
  if (auto name = dyn_cast<NameLoc>(op->getLoc())) {
    std::string key = name.getName().str();
    std::replace_if(
        key.begin(), key.end(),
        [](char c) { return !llvm::isAlnum(c) && c != '_' && c != '.'; }, '_');
    return key;
  }
  return "spectral_constant";
}

static std::string formatError(double error) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.4g", error);
  return text;
}

namespace {

/// One candidate layout with its measured cost.
struct Choice {
  SparseSpectralType layout;
  CompressedValues values;
  double error = 0.0;
};

struct CompressConstantsPass
    : spectral::impl::SpectralCompressConstantsBase<CompressConstantsPass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(checkOptions()))
      return signalPassFailure();
    SmallVector<CompressOp> compressions;
    getOperation().walk([&](CompressOp op) {
      if (matchPattern(op.getInput(), m_Constant()))
        compressions.push_back(op);
    });
    for (CompressOp op : compressions)
      if (failed(evaluateCompress(op)))
        return signalPassFailure();

    if (errorBudget <= 0.0)
      return;
    SmallVector<arith::ConstantOp> constants;
    getOperation().walk([&](arith::ConstantOp op) {
      if (isCandidate(op))
        constants.push_back(op);
    });
    for (arith::ConstantOp op : constants)
      if (failed(compressDense(op)))
        return signalPassFailure();
  }

  LogicalResult checkOptions() {
    auto fail = [&](const Twine &message) {
      return getOperation().emitError()
             << "spectral-compress-constants: " << message;
    };
    if (errorBudget < 0.0 || errorBudget >= 1.0)
      return fail("error-budget must be in [0, 1), got " +
                  formatError(errorBudget));
    if (keepFraction < 0.0 || keepFraction > 1.0)
      return fail("keep-fraction must be in [0, 1], got " +
                  formatError(keepFraction));
    if (keepFraction > 0.0 && errorBudget <= 0.0)
      return fail("keep-fraction needs a positive error-budget: dense "
                  "constants are never compressed without an error bound");
    if (minRatio < 1.0)
      return fail("min-ratio must be at least 1, got " + formatError(minRatio));
    if (tileRows < 0 || minElements < 0)
      return fail("tile-rows and min-elements must not be negative");
    return success();
  }

  /// Replaces `compress(constant)` by the assembled storage it evaluates to.
  LogicalResult evaluateCompress(CompressOp op) {
    SparseSpectralType layout = op.getType();
    if (!fitsRuntimeRank(layout.getRank())) {
      op.emitRemark() << "not evaluated at compile time: the runtime "
                         "transforms tile-major views of at most 8 dims";
      return success();
    }
    Operation *constant = op.getInput().getDefiningOp();
    auto values =
        dyn_cast<ElementsAttr>(cast<arith::ConstantOp>(constant).getValue());
    std::string error;
    FailureOr<ConstantCompressor> compressor =
        values ? ConstantCompressor::create(values, error)
               : FailureOr<ConstantCompressor>(failure());
    if (failed(compressor)) {
      op.emitRemark() << "not evaluated at compile time: " << error;
      return success();
    }
    FailureOr<std::vector<std::complex<float>>> spectra =
        compressor->computeSpectra(layout, error);
    if (failed(spectra))
      return op.emitOpError() << "compile-time compression failed: " << error;
    FailureOr<CompressedValues> kept =
        compressor->selectTopK(*spectra, layout, layout.getKeep(), error);
    if (failed(kept))
      return op.emitOpError() << "compile-time compression failed: " << error;
    FailureOr<double> measured = compressor->measureError(*kept, layout, error);
    if (failed(measured))
      return op.emitOpError() << "compile-time compression failed: " << error;

    OpBuilder b(op);
    Value sst =
        createAssembled(b, op.getLoc(), *compressor, {layout, *kept, *measured},
                        getResourceName(constant));
    op.emitRemark() << "compressed " << describe(constant)
                    << " at compile time: " << layout.getDenseBytes() << " -> "
                    << layout.getStorageBytes() << " bytes, relative error "
                    << formatError(*measured);
    op.replaceAllUsesWith(sst);
    op.erase();
    if (constant->use_empty())
      constant->erase();
    ++numCompressed;
    return success();
  }

  /// Dense float constants big enough to consider.
  bool isCandidate(arith::ConstantOp op) {
    auto type = dyn_cast<RankedTensorType>(op.getType());
    if (!type || !type.hasStaticShape() ||
        !isa<FloatType>(type.getElementType()) ||
        op->hasAttr(kKeepDenseAttrName))
      return false;
    if (type.getRank() < 1 || !fitsRuntimeRank(type.getRank()) ||
        type.getNumElements() < minElements)
      return false;
    auto dense = dyn_cast<DenseElementsAttr>(op.getValue());
    if (dense && dense.isSplat())
      return false;
    return dense || isa<DenseResourceElementsAttr>(op.getValue());
  }

  /// Tile shapes to try: the whole tensor, then blocks of leading rows.
  SmallVector<SmallVector<int64_t>> getTileCandidates(ArrayRef<int64_t> shape) {
    SmallVector<SmallVector<int64_t>> tiles;
    auto addRows = [&](int64_t rows) {
      if (rows < shape[0] && shape[0] % rows == 0) {
        tiles.emplace_back(shape.begin(), shape.end());
        tiles.back()[0] = rows;
      }
    };
    if (tileRows > 0) {
      addRows(tileRows);
      return tiles;
    }
    tiles.emplace_back(shape.begin(), shape.end());
    for (int64_t rows = 8; rows <= 1024; rows *= 2)
      addRows(rows);
    return tiles;
  }

  /// Compresses `op` with the smallest layout within the budget, or leaves
  /// it dense when none is smaller than the constant.
  LogicalResult compressDense(arith::ConstantOp op) {
    auto type = cast<RankedTensorType>(op.getType());
    std::string error;
    FailureOr<ConstantCompressor> compressor =
        ConstantCompressor::create(cast<ElementsAttr>(op.getValue()), error);
    if (failed(compressor)) {
      op.emitRemark() << "left " << describe(op) << " dense: " << error;
      ++numLeftDense;
      return success();
    }
    MLIRContext *ctx = op.getContext();

    int64_t denseBytes = type.getNumElements() *
                         type.getElementType().getIntOrFloatBitWidth() / 8;
    // Layouts must beat this many bytes to be worth decompressing.
    auto worthBytes = static_cast<int64_t>(std::ceil(denseBytes / minRatio));
    std::optional<Choice> best;
    // The lowest error measured, for the remark when nothing qualifies.
    double lowestError = INFINITY;
    // A lower bound of the bytes of any layout within the budget.
    int64_t fewestBytes = std::numeric_limits<int64_t>::max();
    SmallVector<FloatType> coefficientTypes = {
        Float16Type::get(ctx), BFloat16Type::get(ctx), Float32Type::get(ctx)};
    for (ArrayRef<int64_t> tile : getTileCandidates(type.getShape())) {
      SparseSpectralType probe =
          getCandidateLayout(type, tile, 1, Float32Type::get(ctx));
      FailureOr<std::vector<std::complex<float>>> spectra =
          compressor->computeSpectra(probe, error);
      if (failed(spectra))
        return op.emitOpError() << "compile-time compression failed: " << error;
      int64_t candidates = probe.getNumNonRedundantBins();
      int64_t keep;
      if (keepFraction > 0.0) {
        keep = std::clamp<int64_t>(
            static_cast<int64_t>(std::llround(keepFraction * candidates)), 1,
            candidates);
      } else {
        FailureOr<int64_t> smallest =
            compressor->findSmallestKeep(*spectra, probe, errorBudget, error);
        if (failed(smallest))
          return op.emitOpError()
                 << "compile-time compression failed: " << error;
        keep = *smallest;
      }
      for (FloatType coeff : coefficientTypes) {
        fewestBytes = std::min(
            fewestBytes,
            getCandidateLayout(type, tile, keep, coeff).getStorageBytes());
        FailureOr<std::optional<Choice>> choice = measureChoice(
            op, *compressor, *spectra, tile, keep, candidates, coeff,
            best ? best->layout.getStorageBytes() : worthBytes, lowestError);
        if (failed(choice))
          return failure();
        if (*choice)
          best = std::move(**choice);
      }
    }

    if (!best) {
      InFlightDiagnostic remark = op.emitRemark();
      remark << "left " << describe(op) << " dense (" << denseBytes
             << " bytes): no spectral layout within relative error "
             << formatError(errorBudget) << " is " << formatError(minRatio)
             << "x smaller";
      if (keepFraction > 0.0)
        remark << " (keeping " << formatError(keepFraction)
               << " of the bins, the lowest relative error is "
               << formatError(lowestError) << ")";
      else if (fewestBytes < std::numeric_limits<int64_t>::max())
        remark << " (the best needs at least " << fewestBytes << " bytes, "
               << formatError(double(denseBytes) / fewestBytes) << "x)";
      ++numLeftDense;
      return success();
    }

    OpBuilder b(op);
    Value sst = createAssembled(b, op.getLoc(), *compressor, *best,
                                getResourceName(op));
    Value dense = DecompressOp::create(b, op.getLoc(), sst);
    op.emitRemark() << "compressed " << describe(op) << ": " << denseBytes
                    << " -> " << best->layout.getStorageBytes()
                    << " bytes, relative error " << formatError(best->error)
                    << ", as " << best->layout;
    op.replaceAllUsesWith(dense);
    op.erase();
    ++numCompressed;
    return success();
  }

  /// Measures the layout (`tile`, `coeff`) starting from `keep` bins per
  /// tile; without a keep fraction, grows K until the rounded coefficients
  /// meet the budget. Returns it when it beats `bytesToBeat`, and lowers
  /// `lowestError` to the errors it measures.
  FailureOr<std::optional<Choice>>
  measureChoice(arith::ConstantOp op, const ConstantCompressor &compressor,
                const std::vector<std::complex<float>> &spectra,
                ArrayRef<int64_t> tile, int64_t keep, int64_t candidates,
                FloatType coeff, int64_t bytesToBeat, double &lowestError) {
    auto type = cast<RankedTensorType>(op.getType());
    std::string error;
    for (int attempt = 0; attempt < 8; ++attempt) {
      SparseSpectralType layout = getCandidateLayout(type, tile, keep, coeff);
      if (layout.getStorageBytes() >= bytesToBeat)
        return std::optional<Choice>();
      FailureOr<CompressedValues> kept =
          compressor.selectTopK(spectra, layout, keep, error);
      FailureOr<double> measured =
          succeeded(kept) ? compressor.measureError(*kept, layout, error)
                          : FailureOr<double>(failure());
      if (failed(measured))
        return op.emitOpError() << "compile-time compression failed: " << error;
      lowestError = std::min(lowestError, *measured);
      if (*measured <= errorBudget)
        return std::optional<Choice>(
            Choice{layout, std::move(*kept), *measured});
      // Rounding the coefficients added error: keep more of them.
      if (keepFraction > 0.0 || keep == candidates)
        return std::optional<Choice>();
      keep = std::min(candidates, keep + std::max<int64_t>(1, keep / 8));
    }
    return std::optional<Choice>();
  }

  /// The constants of `choice`'s storage and their `spectral.assemble`.
  Value createAssembled(OpBuilder &b, Location loc,
                        const ConstantCompressor &compressor,
                        const Choice &choice, StringRef name) {
    auto [coefficients, positions] =
        compressor.createStorageAttrs(choice.values, choice.layout, name);
    Value c = arith::ConstantOp::create(b, loc, cast<TypedAttr>(coefficients));
    Value p = arith::ConstantOp::create(b, loc, cast<TypedAttr>(positions));
    return AssembleOp::create(b, loc, choice.layout, c, p);
  }
};
} // namespace
