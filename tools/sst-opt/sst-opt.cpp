//===- sst-opt.cpp - The spectral dialect optimizer driver ----------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/InitAllSpectral.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

using namespace mlir;

int main(int argc, char **argv) {
  DialectRegistry registry;
  spectral::registerAllSpectralDialects(registry);
  spectral::registerAllSpectralPasses();
  spectral::registerAllSpectralPipelines();
  return asMainReturnCode(MlirOptMain(
      argc, argv, "Spectral dialect optimizer and pass driver\n", registry));
}
