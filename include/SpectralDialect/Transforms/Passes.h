//===- Passes.h - Spectral Transforms passes --------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes of MLIRSpectralTransforms (Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_TRANSFORMS_PASSES_H
#define SPECTRALDIALECT_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"
#include "llvm/ADT/StringSet.h"

namespace mlir {
namespace spectral {

#define GEN_PASS_DECL
#include "SpectralDialect/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "SpectralDialect/Transforms/Passes.h.inc"

/// Parses `text`, spectral-stream's options in its own syntax, into
/// `options`; `given`, when set, receives the names present in `text`.
LogicalResult parseSpectralStreamOptions(
    StringRef text, SpectralStreamOptions &options,
    function_ref<LogicalResult(const Twine &)> errorHandler,
    llvm::StringSet<> *given = nullptr);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_TRANSFORMS_PASSES_H
