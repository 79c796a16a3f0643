//===- CheckLowered.cpp - Nothing above the LLVM dialect remains ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Conversion/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringSet.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALCHECKLOWERED
#include "SpectralDialect/Conversion/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;

namespace {
struct SpectralCheckLoweredPass
    : spectral::impl::SpectralCheckLoweredBase<SpectralCheckLoweredPass> {
  void runOnOperation() override {
    // The dialects the translation to LLVM IR takes.
    static const llvm::StringSet<> kTranslated = {"builtin", "llvm", "omp",
                                                  "gpu"};
    bool failed = false;
    getOperation()->walk([&](Operation *op) {
      if (kTranslated.contains(op->getName().getDialectNamespace()))
        return;
      op->emitOpError() << "was not lowered to the LLVM dialect: no pass of "
                           "the pipeline lowers it (please report it, with "
                           "the input)";
      failed = true;
    });
    if (failed)
      signalPassFailure();
  }
};
} // namespace
