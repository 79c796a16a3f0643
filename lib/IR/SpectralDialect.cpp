//===- SpectralDialect.cpp - Spectral dialect registration ----------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/IR/SpectralTypes.h"

using namespace mlir;
using namespace mlir::spectral;

#include "SpectralDialect/IR/SpectralDialect.cpp.inc"
#include "SpectralDialect/IR/SpectralInterfaces.cpp.inc"

void SpectralDialect::initialize() {
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "SpectralDialect/IR/SpectralOps.cpp.inc"
      >();
}
