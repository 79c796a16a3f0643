//===- Passes.h - Spectral dialect passes -----------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_TRANSFORMS_PASSES_H
#define SPECTRALDIALECT_TRANSFORMS_PASSES_H

#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/Utils/RuntimeSymbols.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/StringSet.h"

namespace mlir {
class DialectRegistry;
namespace spectral {

#define GEN_PASS_DECL
#include "SpectralDialect/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "SpectralDialect/Transforms/Passes.h.inc"

/// Attaches BufferizableOpInterface to the mid-level spectral ops.
void registerBufferizableOpInterfaceExternalModels(DialectRegistry &registry);

/// Attaches AdjointOpInterface (the VJPs) to the spectral ops that have one.
void registerAdjointOpInterfaceModels(DialectRegistry &registry);

/// Parse `text`, in the syntax of the pass's options ("name=value ..."), into
/// the pass's generated options struct, as a pipeline that forwards options
/// to the pass does. `given` (if not null) receives the names of the options
/// that the text set.
LogicalResult parseConvertSpectralToRuntimeOptions(
    StringRef text, ConvertSpectralToRuntimeOptions &options,
    function_ref<LogicalResult(const Twine &)> errorHandler,
    llvm::StringSet<> *given = nullptr);
LogicalResult parseSpectralStreamOptions(
    StringRef text, SpectralStreamOptions &options,
    function_ref<LogicalResult(const Twine &)> errorHandler,
    llvm::StringSet<> *given = nullptr);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_TRANSFORMS_PASSES_H
