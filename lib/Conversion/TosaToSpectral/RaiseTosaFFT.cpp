//===- RaiseTosaFFT.cpp - tosa.rfft2d / tosa.fft2d to spectral transforms -===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// TOSA keeps complex values as separate real and imaginary tensors; the
// spectral transforms take and produce complex tensors. The raising joins the
// pair with complex.create before a transform and splits the result with
// complex.re / complex.im after it, each in one linalg.generic, which later
// fuses with the transform's own pointwise work or costs one pass over the
// spectrum.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Conversion/Passes.h"
#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/IR/SpectralUtils.h"
#include "Utils/IRBuildingHelpers.h"

#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALRAISETOSA
#include "SpectralDialect/Conversion/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

namespace {

/// The FFT axes of TOSA's [N, H, W] operands.
constexpr int64_t kTosaFFTAxes[] = {1, 2};

/// Why `op` cannot be raised, or an empty string. Its operands must be
/// ranked (the spectral transforms take ranked tensors) and of a float type
/// the dialect transforms; its results may be anything the operands' shape
/// casts to, which the TOSA verifier has checked.
std::string whyNotRaisable(Operation *op) {
  for (Value operand : op->getOperands()) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type)
      return "its operands are unranked tensors";
    if (!isSupportedFloat(type.getElementType())) {
      std::string message;
      llvm::raw_string_ostream os(message);
      os << "its element type " << type.getElementType()
         << " is not a float type the spectral transforms take (f16, bf16, "
            "f32, f64)";
      return message;
    }
  }
  return "";
}

SmallVector<AffineMap> identityMaps(OpBuilder &b, int64_t rank,
                                    unsigned count) {
  return SmallVector<AffineMap>(count, b.getMultiDimIdentityMap(rank));
}

/// `value` as `type`, through tensor.cast when the static shapes differ.
Value castTo(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

/// The complex tensor re + i * im. The operands may differ in which sizes
/// are static: both are cast to the shape that is static where either is.
Value joinComplex(OpBuilder &b, Location loc, Value re, Value im) {
  auto reType = cast<RankedTensorType>(re.getType());
  auto imType = cast<RankedTensorType>(im.getType());
  SmallVector<int64_t> shape(reType.getShape());
  for (auto [size, other] : llvm::zip(shape, imType.getShape()))
    if (ShapedType::isDynamic(size))
      size = other;
  auto joinedType = RankedTensorType::get(shape, reType.getElementType());
  re = castTo(b, loc, re, joinedType);
  im = castTo(b, loc, im, joinedType);

  auto complexType = ComplexType::get(reType.getElementType());
  Value init = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, re), complexType);
  int64_t rank = joinedType.getRank();
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{re, im}, ValueRange{init},
      identityMaps(b, rank, 3), getParallelIterators(rank),
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value z = complex::CreateOp::create(nested, nestedLoc, complexType,
                                            args[0], args[1]);
        linalg::YieldOp::create(nested, nestedLoc, z);
      });
  return generic.getResult(0);
}

/// The real and imaginary parts of complex tensor `z`, cast to `reType` and
/// `imType`, computed in one pass.
std::pair<Value, Value> splitComplex(OpBuilder &b, Location loc, Value z,
                                     Type reType, Type imType) {
  auto type = cast<RankedTensorType>(z.getType());
  Type element = cast<ComplexType>(type.getElementType()).getElementType();
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, z);
  Value reInit = tensor::EmptyOp::create(b, loc, sizes, element);
  Value imInit = tensor::EmptyOp::create(b, loc, sizes, element);
  int64_t rank = type.getRank();
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{reInit.getType(), imInit.getType()}, ValueRange{z},
      ValueRange{reInit, imInit}, identityMaps(b, rank, 3),
      getParallelIterators(rank),
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value re = complex::ReOp::create(nested, nestedLoc, args[0]);
        Value im = complex::ImOp::create(nested, nestedLoc, args[0]);
        linalg::YieldOp::create(nested, nestedLoc, ValueRange{re, im});
      });
  return {castTo(b, loc, generic.getResult(0), reType),
          castTo(b, loc, generic.getResult(1), imType)};
}

/// Whether TOSA's result types are compatible with the transform's `shape`:
/// the verifier of a TOSA op from another producer may have let through a
/// result that no cast reaches.
bool resultsCastable(Operation *op, Type spectrumElementType,
                     RankedTensorType spectrum) {
  auto real = RankedTensorType::get(spectrum.getShape(), spectrumElementType);
  return llvm::all_of(op->getResultTypes(), [&](Type type) {
    return tensor::CastOp::areCastCompatible(real, type);
  });
}

struct SpectralRaiseTosaPass
    : spectral::impl::SpectralRaiseTosaBase<SpectralRaiseTosaPass> {
  void runOnOperation() override {
    SmallVector<Operation *> candidates;
    getOperation()->walk([&](Operation *op) {
      if (isa<tosa::RFFT2dOp, tosa::FFT2dOp>(op))
        candidates.push_back(op);
    });
    for (Operation *op : candidates) {
      if (succeeded(raise(op))) {
        ++numRaised;
        continue;
      }
      ++numKept;
    }
  }

  /// Raises `op`, or leaves it and reports why with a remark.
  LogicalResult raise(Operation *op) {
    std::string reason = whyNotRaisable(op);
    if (!reason.empty()) {
      op->emitRemark() << "not raised to spectral transforms: " << reason;
      return failure();
    }
    OpBuilder b(op);
    Location loc = op->getLoc();
    DenseI64ArrayAttr axes = b.getDenseI64ArrayAttr(kTosaFFTAxes);

    Value spectrum;
    StringRef what;
    if (auto rfft = dyn_cast<tosa::RFFT2dOp>(op)) {
      // rfft2d: unscaled forward transform, the last axis halved.
      spectrum = RFFTOp::create(b, loc, rfft.getInputReal(), axes);
      what = "spectral.rfft";
    } else {
      auto fft = cast<tosa::FFT2dOp>(op);
      Value z = joinComplex(b, loc, fft.getInputReal(), fft.getInputImag());
      if (fft.getInverse()) {
        // exp(+i...) without TOSA dividing by H * W: numpy's norm="forward".
        spectrum = IFFTOp::create(b, loc, z, axes, FFTNorm::forward);
        what = "spectral.ifft norm forward";
      } else {
        spectrum = FFTOp::create(b, loc, z, axes);
        what = "spectral.fft";
      }
    }

    auto spectrumType = cast<RankedTensorType>(spectrum.getType());
    Type element =
        cast<ComplexType>(spectrumType.getElementType()).getElementType();
    if (!resultsCastable(op, element, spectrumType)) {
      // Nothing used yet: the transform and joins built above are dead.
      eraseUnused(spectrum);
      op->emitRemark() << "not raised to spectral transforms: its result "
                          "types do not match the transform's "
                       << spectrumType;
      return failure();
    }
    auto [re, im] = splitComplex(b, loc, spectrum, op->getResult(0).getType(),
                                 op->getResult(1).getType());
    op->emitRemark() << "raised to " << what << " over axes [1, 2]";
    op->replaceAllUsesWith(ValueRange{re, im});
    op->erase();
    return success();
  }

  /// Erases `value`'s defining op and, recursively, the ops that fed only it.
  static void eraseUnused(Value value) {
    SmallVector<Operation *> worklist{value.getDefiningOp()};
    while (!worklist.empty()) {
      Operation *op = worklist.pop_back_val();
      if (!op || !op->use_empty())
        continue;
      SmallVector<Value> operands(op->getOperands());
      op->erase();
      for (Value operand : operands)
        worklist.push_back(operand.getDefiningOp());
    }
  }
};

} // namespace
