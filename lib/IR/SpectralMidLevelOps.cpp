//===- SpectralMidLevelOps.cpp - Verification of the mid-level ops --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/IR/SpectralUtils.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using namespace mlir::spectral;

/// The element type a DFT of `kind` expects on its input (`isInput`) or
/// output, given the real scalar type.
static Type getExpectedElementType(DFTKind kind, bool isInput, Type real) {
  bool complexSide = kind == DFTKind::c2c_forward ||
                     kind == DFTKind::c2c_inverse ||
                     (kind == DFTKind::r2c && !isInput) ||
                     (kind == DFTKind::c2r && isInput);
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
    return emitOpError() << stringifyDFTKind(kind) << " maps "
                         << inputElement << " to " << initElement << ", got "
                         << input.getElementType() << " and "
                         << init.getElementType();

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
  // Only the buffer form touches memory; the input is read, init written.
  if (isa<MemRefType>(getInput().getType()))
    effects.emplace_back(MemoryEffects::Read::get(), &getInputMutable(),
                         SideEffects::DefaultResource::get());
  if (isa<MemRefType>(getInit().getType()))
    effects.emplace_back(MemoryEffects::Write::get(), &getInitMutable(),
                         SideEffects::DefaultResource::get());
}
