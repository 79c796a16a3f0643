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

#include "SpectralDialect/RuntimeABI/RuntimeSymbols.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
namespace spectral {

#define GEN_PASS_DECL
#include "SpectralDialect/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "SpectralDialect/Conversion/Passes.h.inc"

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_CONVERSION_PASSES_H
