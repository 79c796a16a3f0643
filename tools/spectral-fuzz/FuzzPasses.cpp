//===- FuzzPasses.cpp - Spectral passes and the CPU pipeline on any IR ----===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Target (b): the first byte picks a pass (with some option settings) or the
// whole CPU pipeline; the rest is MLIR text. On any module that parses and
// verifies, a pass may fail with a diagnostic, but it must not crash, and
// when it succeeds its output must verify (the pass manager's own verifier
// is off, so that a pass producing invalid IR is told apart from a pass
// refusing its input). The CPU pipeline's output must translate to LLVM IR.
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"
#include "FuzzStats.h"
#include "ProgramGenerator.h"

#include "SpectralDialect/InitAllSpectral.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

#include <iterator>

using namespace mlir;
using namespace spectral_fuzz;

/// What the first byte selects. The last entry is the CPU pipeline, whose
/// output is translated to LLVM IR. spectral-pack-fatbin is left out: it
/// runs the CUDA toolkit's programs.
static const char *const kPipelines[] = {
    "spectral-compress-constants",
    "spectral-compress-constants{keep-fraction=0.25 min-elements=1}",
    ("spectral-compress-constants{error-budget=0.1 min-ratio=1.0 "
     "min-elements=1 tile-rows=2}"),
    "spectral-expand-storage",
    "spectral-expand-storage{fast-conv-sizes=false}",
    "spectral-stream",
    "spectral-stream{memory-budget=4096 double-buffered=true}",
    "spectral-stream{group-tiles=1}",
    "spectral-expand-storage,convert-spectral-to-runtime",
    "spectral-expand-storage,convert-spectral-to-runtime{blas-gemm=false}",
    "spectral-expand-storage,convert-spectral-to-runtime{target=cuda}",
    "spectral-legalize-complex-resources",
    "spectral-map-to-gpu",
    "spectral-map-to-gpu{block-size=32}",
    "spectral-gpu-overlap-groups",
    "spectral-gpu-memory",
    "spectral-raise-tosa",
    "spectral-fft-convolution{policy=always}",
    "spectral-fft-convolution{policy=always},spectral-expand-storage",
    "spectral-cpu-pipeline",
};
static constexpr size_t kNumPipelines = std::size(kPipelines);

/// Pipelines added later, picked by the first bytes that kPipelines leaves
/// over (kNumPipelines * (256 / kNumPipelines) and up), so that the inputs
/// recorded in test/Fuzz keep running the pipeline they were recorded with.
static const char *const kLaterPipelines[] = {
    "spectral-differentiate",
    "spectral-differentiate,spectral-expand-storage",
};
static constexpr size_t kFirstLaterChoice =
    kNumPipelines * (256 / kNumPipelines);
static_assert(kFirstLaterChoice < 256, "no first byte is left over");

static const char *getPipeline(uint8_t choice) {
  if (choice < kFirstLaterChoice)
    return kPipelines[choice % kNumPipelines];
  return kLaterPipelines[(choice - kFirstLaterChoice) %
                         std::size(kLaterPipelines)];
}

/// Larger tensors are skipped (see exceedsElementLimit).
static constexpr int64_t kMaxElements = 1 << 16;

/// Inputs are first parsed with the dialects spectral IR is written with
/// only, so that the upstream parsers of the other dialects the passes need
/// are not fuzzed (docs/reliability.md).
static FuzzContext &getGateContext() {
  static FuzzContext context(registerSpectralInputDialects,
                             /*inputsPerContext=*/1000);
  return context;
}

static FuzzContext &getFuzzContext() {
  static FuzzContext context(
      [](DialectRegistry &registry) {
        spectral::registerAllSpectralDialects(registry);
        registerBuiltinDialectTranslation(registry);
        registerLLVMDialectTranslation(registry);
      },
      /*inputsPerContext=*/200);
  return context;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  spectral::registerAllSpectralPasses();
  spectral::registerAllSpectralPipelines();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  const char *pipeline = getPipeline(data[0]);
  bool isCPUPipeline = pipeline == kPipelines[kNumPipelines - 1];
  std::string text = getProgramText(data + 1, size - 1);

  // Symbols named llvm.* are LLVM intrinsics once translated, so a function
  // defined under such a name compiles but cannot translate; that is how
  // LLVM IR is, not a defect of the pipeline.
  if (isCPUPipeline && llvm::StringRef(text).contains("@llvm."))
    return 0;

  FuzzContext &gate = getGateContext();
  gate.beginInput();
  if (!gate.parse(text))
    return 0;
  countStage("parsed and verified");

  FuzzContext &fuzz = getFuzzContext();
  MLIRContext &context = fuzz.beginInput();
  OwningOpRef<ModuleOp> module = fuzz.parse(text);
  if (!module || exceedsElementLimit(*module, kMaxElements))
    return 0;
  countStage(isCPUPipeline ? "CPU pipeline run" : "pass run");

  PassManager pm(&context, ModuleOp::getOperationName());
  pm.enableVerifier(false);
  if (failed(parsePassPipeline(pipeline, pm)))
    fuzz.reportDefect(std::string("the target's pipeline does not parse: ") +
                      pipeline);
  if (failed(pm.run(*module)))
    return 0;
  countStage(isCPUPipeline ? "CPU pipeline succeeded" : "pass succeeded");
  if (failed(verify(*module)))
    fuzz.reportDefect(std::string("'") + pipeline +
                      "' succeeded but its output does not verify");
  if (!isCPUPipeline)
    return 0;
  llvm::LLVMContext llvmContext;
  if (!translateModuleToLLVMIR(*module, llvmContext)) {
    std::string text;
    llvm::raw_string_ostream stream(text);
    module->print(stream);
    fuzz.reportDefect("the CPU pipeline succeeded but its output does not "
                      "translate to LLVM IR:\n" +
                      text);
  }
  countStage("translated to LLVM IR");
  return 0;
}
