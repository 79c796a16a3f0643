//===- FuzzIRRoundTrip.cpp - Parse, verify, print and reparse -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Target (a): the input is MLIR text. Whatever parses and verifies must
// print in the custom and the generic form, both prints must reparse and
// verify, and printing the reparsed custom form must give the same text (a
// fixed point). Only the dialects spectral IR is written with are loaded,
// which keeps the target on the spectral parsers, printers and verifiers.
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"
#include "FuzzStats.h"
#include "ProgramGenerator.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectRegistry.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace spectral_fuzz;

static FuzzContext &getFuzzContext() {
  static FuzzContext context(registerSpectralInputDialects,
                             /*inputsPerContext=*/1000);
  return context;
}

static std::string print(ModuleOp module, bool generic) {
  std::string text;
  llvm::raw_string_ostream stream(text);
  OpPrintingFlags flags;
  if (generic)
    flags.printGenericOpForm();
  module->print(stream, flags);
  return text;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzContext &fuzz = getFuzzContext();
  fuzz.beginInput();
  std::string text = getProgramText(data, size);
  OwningOpRef<ModuleOp> module = fuzz.parse(text);
  if (!module)
    return 0;
  countStage("parsed and verified");

  std::string custom = print(*module, /*generic=*/false);
  std::string generic = print(*module, /*generic=*/true);
  OwningOpRef<ModuleOp> fromCustom = fuzz.parse(custom);
  if (!fromCustom)
    fuzz.reportDefect("the custom form does not reparse:\n" + custom);
  OwningOpRef<ModuleOp> fromGeneric = fuzz.parse(generic);
  if (!fromGeneric)
    fuzz.reportDefect("the generic form does not reparse:\n" + generic);
  std::string again = print(*fromCustom, /*generic=*/false);
  if (again != custom)
    fuzz.reportDefect("printing is not a fixed point:\n" + custom + "\nthen\n" +
                      again);
  countStage("round trip checked");
  return 0;
}
