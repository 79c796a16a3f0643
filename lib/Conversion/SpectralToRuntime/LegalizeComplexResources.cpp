//===- LegalizeComplexResources.cpp - Complex resource globals for LLVM ---===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALLEGALIZECOMPLEXRESOURCES
#include "SpectralDialect/Conversion/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;

/// The LLVM array type of `shape` with `element` innermost.
static Type getNestedArrayType(ArrayRef<int64_t> shape, Type element) {
  Type type = element;
  for (int64_t size : llvm::reverse(shape))
    type = LLVM::LLVMArrayType::get(type, size);
  return type;
}

namespace {
struct LegalizeComplexResourcesPass
    : spectral::impl::SpectralLegalizeComplexResourcesBase<
          LegalizeComplexResourcesPass> {
  void runOnOperation() override {
    getOperation().walk([](LLVM::GlobalOp global) {
      auto resource =
          dyn_cast_or_null<DenseResourceElementsAttr>(global.getValueOrNull());
      if (!resource)
        return;
      auto complex = dyn_cast<ComplexType>(resource.getType().getElementType());
      if (!complex)
        return;
      SmallVector<int64_t> shape(resource.getType().getShape());
      shape.push_back(2);
      Type part = complex.getElementType();
      auto type = RankedTensorType::get(shape, part);
      global.setValueAttr(
          DenseResourceElementsAttr::get(type, resource.getRawHandle()));
      global.setGlobalType(getNestedArrayType(shape, part));
    });
  }
};
} // namespace
