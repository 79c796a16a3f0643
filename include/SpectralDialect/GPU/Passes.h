//===- Passes.h - Spectral GPU passes ---------------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes of MLIRSpectralGPU (Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_GPU_PASSES_H
#define SPECTRALDIALECT_GPU_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
namespace spectral {

#define GEN_PASS_DECL
#include "SpectralDialect/GPU/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "SpectralDialect/GPU/Passes.h.inc"

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_GPU_PASSES_H
