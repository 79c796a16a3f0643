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

namespace mlir {
class DialectRegistry;
namespace spectral {

#define GEN_PASS_DECL
#include "SpectralDialect/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "SpectralDialect/Transforms/Passes.h.inc"

/// Attaches BufferizableOpInterface to the mid-level spectral ops.
void registerBufferizableOpInterfaceExternalModels(DialectRegistry &registry);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_TRANSFORMS_PASSES_H
