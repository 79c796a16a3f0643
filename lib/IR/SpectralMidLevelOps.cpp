//===- SpectralMidLevelOps.cpp - Verification of the mid-level ops --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/RuntimeEnums.h"
#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/IR/SpectralUtils.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::spectral;

/// The element type a DFT of `kind` expects on its input (`isInput`) or
/// output, given the real scalar type.
static Type getExpectedElementType(DFTKind kind, bool isInput, Type real) {
  bool complexSide =
      kind == DFTKind::c2c_forward || kind == DFTKind::c2c_inverse ||
      (kind == DFTKind::r2c && !isInput) || (kind == DFTKind::c2r && isInput);
  return complexSide ? Type(ComplexType::get(real)) : real;
}

LogicalResult DFTOp::verify() {
  auto input = cast<ShapedType>(getInput().getType());
  auto init = cast<ShapedType>(getInit().getType());
  bool tensors = isa<RankedTensorType>(input);
  if (tensors != isa<RankedTensorType>(init))
    return emitOpError() << "input and init must both be tensors or both be "
                            "memrefs, got "
                         << input << " and " << init;
  if (tensors && (!getResult() || getResult().getType() != init))
    return emitOpError() << "on tensors the result must have the init type "
                         << init;
  if (!tensors && getResult())
    return emitOpError() << "on memrefs the op has no result";

  auto emitError = [&] { return emitOpError(); };
  if (failed(verifyRank(emitError, "input", input.getRank())))
    return failure();
  if (init.getRank() != input.getRank())
    return emitOpError() << "init rank " << init.getRank()
                         << " differs from input rank " << input.getRank();
  if (failed(verifyAxes(emitError, getAxes(), input.getRank())))
    return failure();

  Type real = input.getElementType();
  if (auto complex = dyn_cast<ComplexType>(real))
    real = complex.getElementType();
  if (!isSupportedFloat(real))
    return emitOpError() << "element type " << input.getElementType()
                         << " is not f16, bf16, f32 or f64 (or complex)";
  DFTKind kind = getKind();
  Type inputElement = getExpectedElementType(kind, /*isInput=*/true, real);
  Type initElement = getExpectedElementType(kind, /*isInput=*/false, real);
  if (input.getElementType() != inputElement ||
      init.getElementType() != initElement)
    return emitOpError() << stringifyDFTKind(kind) << " maps " << inputElement
                         << " to " << initElement << ", got "
                         << input.getElementType() << " and "
                         << init.getElementType();

  if (getOverwriteInput() && kind != DFTKind::c2r)
    return emitOpError() << "overwrite_input only applies to c2r transforms";

  int64_t halved = getAxes().back();
  for (int64_t dim = 0; dim < input.getRank(); ++dim) {
    int64_t in = input.getDimSize(dim), out = init.getDimSize(dim);
    if (ShapedType::isDynamic(in) || ShapedType::isDynamic(out))
      continue;
    int64_t expected = out;
    if (dim == halved && kind == DFTKind::r2c)
      expected = in / 2 + 1;
    else if (dim == halved && kind == DFTKind::c2r)
      expected = in == out / 2 + 1 ? out : -1;
    else
      expected = in;
    if (out != expected)
      return emitOpError() << "init dimension " << dim << " has size " << out
                           << ", which does not match input size " << in
                           << " for a " << stringifyDFTKind(kind)
                           << " transform";
  }
  return success();
}

void DFTOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  // Only the buffer form touches memory; the input is read (and written
  // with overwrite_input), init written.
  if (isa<MemRefType>(getInput().getType())) {
    effects.emplace_back(MemoryEffects::Read::get(), &getInputMutable(),
                         SideEffects::DefaultResource::get());
    if (getOverwriteInput())
      effects.emplace_back(MemoryEffects::Write::get(), &getInputMutable(),
                           SideEffects::DefaultResource::get());
  }
  if (isa<MemRefType>(getInit().getType()))
    effects.emplace_back(MemoryEffects::Write::get(), &getInitMutable(),
                         SideEffects::DefaultResource::get());
}

//===----------------------------------------------------------------------===//
// TopKOp, ScatterOp and GatherOp
//===----------------------------------------------------------------------===//

/// The layout of one tile as an `!spectral.sst` type, or a diagnostic.
static SparseSpectralType getTileLayout(Operation *op, ArrayRef<int64_t> tile,
                                        ArrayRef<int64_t> axes,
                                        TransformKind transform) {
  MLIRContext *ctx = op->getContext();
  return SparseSpectralType::getChecked(
      [op] { return op->emitOpError() << "has an invalid tile layout: "; }, ctx,
      tile, Type(Float32Type::get(ctx)), /*keep=*/int64_t{1}, transform, axes,
      tile, SparseSpectralType::getDefaultCoeffType(ctx),
      IntegerType::get(ctx, 64));
}

/// Checks the storage operands of top-k, scatter and gather against their
/// layout: spectrum T x S complex<f32>, coeffs T x K complex<f32>, positions T
/// x K i64, all tensors or all memrefs.
static LogicalResult verifyTileStorage(Operation *op, SparseSpectralType layout,
                                       Value spectrum, Value coeffs,
                                       Value positions) {
  auto spectrumType = cast<ShapedType>(spectrum.getType());
  auto coeffsType = cast<ShapedType>(coeffs.getType());
  auto positionsType = cast<ShapedType>(positions.getType());
  bool tensors = isa<RankedTensorType>(spectrumType);
  if (tensors != isa<RankedTensorType>(coeffsType) ||
      tensors != isa<RankedTensorType>(positionsType))
    return op->emitOpError()
           << "spectrum, coeffs and positions must all be tensors or all be "
              "memrefs";
  Type complex = ComplexType::get(Float32Type::get(op->getContext()));
  if (spectrumType.getRank() != 2 || spectrumType.getElementType() != complex)
    return op->emitOpError()
           << "spectrum must be T x S complex<f32>, got " << spectrumType;
  if (coeffsType.getRank() != 2 || coeffsType.getElementType() != complex)
    return op->emitOpError()
           << "coeffs must be T x K complex<f32>, got " << coeffsType;
  if (positionsType.getRank() != 2 ||
      !positionsType.getElementType().isSignlessInteger(64))
    return op->emitOpError()
           << "positions must be T x K i64, got " << positionsType;
  if (coeffsType.getShape() != positionsType.getShape())
    return op->emitOpError() << "coeffs " << coeffsType << " and positions "
                             << positionsType << " must have the same shape";
  int64_t tiles = spectrumType.getDimSize(0), bins = spectrumType.getDimSize(1);
  if (!ShapedType::isDynamic(tiles) && !coeffsType.isDynamicDim(0) &&
      tiles != coeffsType.getDimSize(0))
    return op->emitOpError()
           << "spectrum has " << tiles << " tiles but the storage has "
           << coeffsType.getDimSize(0);
  if (!ShapedType::isDynamic(bins) && bins != layout.getTileSpectrumSize())
    return op->emitOpError() << "spectrum has " << bins
                             << " bins per tile but the tile spectrum has "
                             << layout.getTileSpectrumSize();
  int64_t keep = coeffsType.getDimSize(1);
  if (!ShapedType::isDynamic(keep) && keep > layout.getNumNonRedundantBins())
    return op->emitOpError()
           << "keeps " << keep << " bins per tile but a tile has "
           << layout.getNumNonRedundantBins() << " non-redundant bins";
  return success();
}

SparseSpectralType TopKOp::getLayoutType() {
  return getTileLayout(getOperation(), getTile(), getAxes(), getTransform());
}

SparseSpectralType ScatterOp::getLayoutType() {
  return getTileLayout(getOperation(), getTile(), getAxes(), getTransform());
}

SparseSpectralType GatherOp::getLayoutType() {
  return getTileLayout(getOperation(), getTile(), getAxes(), getTransform());
}

/// The common checks of top-k, scatter and gather: the layout, the storage
/// operands, and the results, which are the inits' types on tensors
/// (`inits` names them in the message) and nothing on memrefs.
static LogicalResult verifyTileSpectrumOp(Operation *op,
                                          SparseSpectralType layout,
                                          Value spectrum, Value coeffs,
                                          Value positions, StringRef inits) {
  if (!layout ||
      failed(verifyTileStorage(op, layout, spectrum, coeffs, positions)))
    return failure();
  SmallVector<Type> expected;
  if (isa<RankedTensorType>(spectrum.getType()))
    for (Value init : cast<DestinationStyleOpInterface>(op).getDpsInits())
      expected.push_back(init.getType());
  if (TypeRange(op->getResultTypes()) != TypeRange(expected))
    return op->emitOpError()
           << "must return " << inits << " on tensors and nothing on memrefs";
  return success();
}

LogicalResult TopKOp::verify() {
  return verifyTileSpectrumOp(*this, getLayoutType(), getSpectrum(),
                              getCoeffs(), getPositions(),
                              "the coeffs and positions types");
}

LogicalResult ScatterOp::verify() {
  return verifyTileSpectrumOp(*this, getLayoutType(), getSpectrum(),
                              getCoeffs(), getPositions(), "the spectrum type");
}

LogicalResult GatherOp::verify() {
  return verifyTileSpectrumOp(*this, getLayoutType(), getSpectrum(),
                              getCoeffs(), getPositions(), "the coeffs type");
}

/// On buffers, a tile spectrum op reads its other operands and writes its
/// inits.
static void getTileSpectrumEffects(
    DestinationStyleOpInterface op,
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  if (!op.hasPureBufferSemantics())
    return;
  for (OpOperand &operand : op->getOpOperands())
    effects.emplace_back(
        op.isDpsInit(&operand)
            ? static_cast<MemoryEffects::Effect *>(MemoryEffects::Write::get())
            : MemoryEffects::Read::get(),
        &operand, SideEffects::DefaultResource::get());
}

void TopKOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  getTileSpectrumEffects(*this, effects);
}

void ScatterOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  getTileSpectrumEffects(*this, effects);
}

void GatherOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  getTileSpectrumEffects(*this, effects);
}

//===----------------------------------------------------------------------===//
// CheckTileOffsetOp
//===----------------------------------------------------------------------===//

LogicalResult CheckTileOffsetOp::verify() {
  // The attributes are signless; read them as signed values.
  int64_t dim = getDimAttr().getInt(), tile = getTileAttr().getInt(),
          limit = getLimitAttr().getInt();
  if (dim < 0 || dim >= kMaxRank)
    return emitOpError() << "dim " << dim << " is not a dimension (0 to "
                         << kMaxRank - 1 << ")";
  if (tile <= 0)
    return emitOpError() << "tile size must be positive, got " << tile;
  if (limit < 0)
    return emitOpError() << "limit must be non-negative, got " << limit;
  return success();
}

/// Index of `name` in `table`, or -1.
template <size_t N>
static int32_t indexIn(const char *const (&table)[N], StringRef name) {
  for (size_t i = 0; i < N; ++i)
    if (name == table[i])
      return static_cast<int32_t>(i);
  return -1;
}

int32_t CheckSizeOp::getCheckedOpIndex() {
  return indexIn(runtime::kCheckedOps, getCheckedOp());
}

int32_t CheckSizeOp::getOperandIndex() {
  return indexIn(runtime::kCheckedOperands, getOperand());
}

LogicalResult CheckSizeOp::verify() {
  if (getCheckedOpIndex() < 0)
    return emitOpError() << "'" << getCheckedOp()
                         << "' is not an op whose sizes are checked (one of "
                         << llvm::join(
                                ArrayRef<const char *>(runtime::kCheckedOps),
                                ", ")
                         << ")";
  if (getOperandIndex() < 0)
    return emitOpError() << "'" << getOperand()
                         << "' is not an operand name of the checks (one of "
                         << llvm::join(ArrayRef<const char *>(
                                           runtime::kCheckedOperands),
                                       ", ")
                         << ")";
  int64_t dim = getDimAttr().getInt();
  if (dim < 0 || dim >= kMaxRank)
    return emitOpError() << "dim " << dim << " is not a dimension (0 to "
                         << kMaxRank - 1 << ")";
  return success();
}
