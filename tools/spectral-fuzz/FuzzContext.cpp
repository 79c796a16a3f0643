//===- FuzzContext.cpp - The MLIR context the IR fuzz targets share -------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "SpectralDialect/IR/SpectralDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Parser/Parser.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace mlir;
using namespace spectral_fuzz;

MLIRContext &FuzzContext::beginInput() {
  diagnostics.clear();
  if (!context || used++ == inputsPerContext) {
    used = 0;
    DialectRegistry registry;
    buildRegistry(registry);
    context = std::make_unique<MLIRContext>(registry,
                                            MLIRContext::Threading::DISABLED);
    // Keep diagnostics for a defect report instead of printing them: most
    // inputs are rejected, which is the uninteresting case.
    context->getDiagEngine().registerHandler([this](Diagnostic &diag) {
      if (diagnostics.size() < 4096)
        diagnostics += diag.str() + "\n";
      return success();
    });
  }
  return *context;
}

/// Deeper nesting of brackets than any real program has. MLIR's parser is
/// recursive descent without a depth limit, so tens of thousands of nested
/// brackets overflow the stack in upstream code (docs/reliability.md); the
/// targets do not parse such inputs.
static constexpr int kMaxNesting = 256;

static bool nestsTooDeeply(llvm::StringRef text) {
  int depth = 0;
  for (char c : text) {
    if (c == '(' || c == '[' || c == '{' || c == '<')
      ++depth;
    else if (c == ')' || c == ']' || c == '}' || c == '>')
      depth = depth > 0 ? depth - 1 : 0;
    if (depth > kMaxNesting)
      return true;
  }
  return false;
}

/// True if `text` has a dense array of `index` elements, which LLVM 22's
/// attribute parser crashes on (llvm/llvm-project#179045, fixed after 22.1;
/// docs/reliability.md).
static bool hasIndexDenseArray(llvm::StringRef text) {
  for (size_t at = text.find("array"); at != llvm::StringRef::npos;
       at = text.find("array", at + 1)) {
    llvm::StringRef rest = text.drop_front(at + 5).ltrim();
    if (rest.consume_front("<") && rest.ltrim().starts_with("index"))
      return true;
  }
  return false;
}

OwningOpRef<ModuleOp> FuzzContext::parse(llvm::StringRef text) {
  if (nestsTooDeeply(text) || hasIndexDenseArray(text))
    return nullptr;
  ParserConfig config(context.get(), /*verifyAfterParse=*/true);
  std::string terminated = text.str();
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(terminated, config);
  return module;
}

void spectral_fuzz::registerSpectralInputDialects(DialectRegistry &registry) {
  registry.insert<spectral::SpectralDialect, arith::ArithDialect,
                  complex::ComplexDialect, func::FuncDialect,
                  tensor::TensorDialect>();
}

static bool tooLarge(Type type, int64_t maxElements) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.hasRank())
    return false;
  int64_t count = 1;
  for (int64_t size : shaped.getShape()) {
    if (ShapedType::isDynamic(size))
      continue;
    if (size > maxElements || __builtin_mul_overflow(count, size, &count) ||
        count > maxElements)
      return true;
  }
  return false;
}

bool spectral_fuzz::exceedsElementLimit(ModuleOp module, int64_t maxElements) {
  bool exceeds = false;
  module->walk([&](Operation *op) {
    for (Type type : op->getResultTypes())
      exceeds |= tooLarge(type, maxElements);
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (BlockArgument arg : block.getArguments())
          exceeds |= tooLarge(arg.getType(), maxElements);
    op->getAttrDictionary().walk(
        [&](Attribute attr) {
          if (auto typed = dyn_cast<TypedAttr>(attr))
            exceeds |= tooLarge(typed.getType(), maxElements);
        },
        [&](Type type) { exceeds |= tooLarge(type, maxElements); });
    return exceeds ? WalkResult::interrupt() : WalkResult::advance();
  });
  return exceeds;
}

void FuzzContext::reportDefect(llvm::StringRef message) const {
  llvm::errs() << "spectral fuzz target: defect: " << message << "\n";
  if (!diagnostics.empty())
    llvm::errs() << "diagnostics of this input:\n" << diagnostics;
  llvm::errs().flush();
  std::abort();
}

// The project is instrumented but LLVM and MLIR are not. LLVM's
// BumpPtrAllocator poisons the unused part of its slabs in instrumented
// code (our inline copies of it) and never unpoisons it in libMLIR.so, so a
// slab that our code started and MLIR then fills reads as poisoned. Manual
// poisoning is therefore turned off; ASan still checks every heap access.
extern "C" const char *__asan_default_options() {
  return "allow_user_poisoning=0";
}
