//===- FuzzContext.h - The MLIR context the IR fuzz targets share -*- C++
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A context is expensive to create, so the targets reuse one; but every
// input interns new types and attributes in it, so it is replaced every few
// hundred inputs to keep memory flat over a long run. Diagnostics are
// swallowed: an input being rejected is the common, uninteresting case.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_FUZZ_FUZZCONTEXT_H
#define SPECTRAL_FUZZ_FUZZCONTEXT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <memory>

namespace spectral_fuzz {

class FuzzContext {
public:
  using RegistryBuilder = std::function<void(mlir::DialectRegistry &)>;

  FuzzContext(RegistryBuilder buildRegistry, unsigned inputsPerContext)
      : buildRegistry(std::move(buildRegistry)),
        inputsPerContext(inputsPerContext) {}

  /// The context for the next input (a fresh one every `inputsPerContext`
  /// inputs). Everything built from the previous context must be gone.
  mlir::MLIRContext &beginInput();

  /// Parses and verifies `text` as a module in the current input's context;
  /// null if it is not valid IR. The text is copied first: MLIR's lexer
  /// expects the NUL after the buffer that files have and fuzzer inputs do
  /// not.
  mlir::OwningOpRef<mlir::ModuleOp> parse(llvm::StringRef text);

  /// Stops the process with `message` and the diagnostics of the current
  /// input: the fuzzer records the input.
  [[noreturn]] void reportDefect(llvm::StringRef message) const;

private:
  /// The current input's diagnostics (the first few kilobytes).
  std::string diagnostics;
  RegistryBuilder buildRegistry;
  unsigned inputsPerContext;
  unsigned used = 0;
  std::unique_ptr<mlir::MLIRContext> context;
};

/// The dialects spectral IR is written with (spectral, func, arith,
/// complex, tensor): the targets parse their inputs with these only, which
/// keeps the parsers of other upstream dialects out of their way (see
/// docs/reliability.md for the upstream crashes that led to this).
void registerSpectralInputDialects(mlir::DialectRegistry &registry);

/// True if some value, attribute or block argument of `module` has a static
/// shape of more than `maxElements` elements. The targets skip such inputs:
/// compiling them (compressing a constant, materialising a splat) is
/// legitimately large work, not a defect.
bool exceedsElementLimit(mlir::ModuleOp module, int64_t maxElements);

} // namespace spectral_fuzz

#endif // SPECTRAL_FUZZ_FUZZCONTEXT_H
