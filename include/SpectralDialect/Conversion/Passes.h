//===- Passes.h - Spectral Conversion passes --------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes of MLIRSpectralTosaToSpectral and MLIRSpectralToRuntime
// (Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_CONVERSION_PASSES_H
#define SPECTRALDIALECT_CONVERSION_PASSES_H

#include "SpectralDialect/Utils/RuntimeSymbols.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/StringSet.h"

namespace mlir {
namespace spectral {

#define GEN_PASS_DECL
#include "SpectralDialect/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "SpectralDialect/Conversion/Passes.h.inc"

/// Parses `text`, convert-spectral-to-runtime's options in its own syntax,
/// into `options`; `given`, when set, receives the names present in `text`.
LogicalResult parseConvertSpectralToRuntimeOptions(
    StringRef text, ConvertSpectralToRuntimeOptions &options,
    function_ref<LogicalResult(const Twine &)> errorHandler,
    llvm::StringSet<> *given = nullptr);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_CONVERSION_PASSES_H
