//===- sst-compile.cpp - Ahead-of-time compiler for spectral IR -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Compiles a module through spectral-cpu-pipeline or spectral-gpu-pipeline
// to an object file, a shared library or an executable, in process: MLIR to
// LLVM IR, LLVM's optimiser and code generator for the host (or a given
// CPU), and the system C compiler only as the linker, against the spectral
// runtime. Exported functions get C entry points and a generated C header.
//
//===----------------------------------------------------------------------===//

#include "CInterface.h"
#include "NativeCode.h"

#include "SpectralDialect/InitAllSpectral.h"
#include "SpectralDialect/Pipelines/Pipelines.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

#include <cstdlib>

using namespace mlir;
namespace cl = llvm::cl;

namespace {
enum class EmitKind { Object, Shared, Executable, LLVMIR, MLIR };
enum class Target { CPU, GPU };
} // namespace

static cl::OptionCategory category("sst-compile options");

static cl::opt<std::string> inputFilename(cl::Positional,
                                          cl::desc("<input .mlir file>"),
                                          cl::init("-"), cl::cat(category));
static cl::opt<std::string>
    outputFilename("o",
                   cl::desc("Output file (default: a.out, a.o, a.so, "
                            "a.ll or a.mlir after --emit)"),
                   cl::value_desc("file"), cl::cat(category));
static cl::opt<EmitKind> emitKind(
    "emit",
    cl::desc("What to write (default: from the output's extension, .o, .so, "
             ".ll or .mlir; else an executable)"),
    cl::values(clEnumValN(EmitKind::Object, "obj", "an object file"),
               clEnumValN(EmitKind::Shared, "shared", "a shared library"),
               clEnumValN(EmitKind::Executable, "exe", "an executable"),
               clEnumValN(EmitKind::LLVMIR, "llvm", "optimised LLVM IR"),
               clEnumValN(EmitKind::MLIR, "mlir",
                          "the module in the LLVM dialect, as the pipeline "
                          "left it")),
    cl::cat(category));
static cl::opt<Target>
    target("target", cl::desc("Which spectral pipeline compiles the module"),
           cl::values(clEnumValN(Target::CPU, "cpu",
                                 "spectral-cpu-pipeline, libspectral_runtime"),
                      clEnumValN(Target::GPU, "gpu",
                                 "spectral-gpu-pipeline, "
                                 "libspectral_cuda_runtime")),
           cl::init(Target::CPU), cl::cat(category));
static cl::opt<std::string> pipelineOptions(
    "pipeline-options",
    cl::desc("The pipeline's options as sst-opt takes them, e.g. "
             "'group-tiles=4 conv-policy=never' (see sst-opt --help)"),
    cl::init(""), cl::cat(category));
static cl::opt<char> optLevel("O",
                              cl::desc("Optimisation level of the host code "
                                       "(-O0 to -O3, default -O2)"),
                              cl::Prefix, cl::init('2'), cl::cat(category));
static cl::opt<std::string>
    targetCPU("mcpu",
              cl::desc("CPU the host code is compiled for: 'host' (this "
                       "machine's, the default) or an LLVM CPU name such as "
                       "x86-64-v3"),
              cl::init("host"), cl::cat(category));
static cl::opt<std::string>
    targetFeatures("mattr", cl::desc("Extra CPU features, e.g. +avx2"),
                   cl::init(""), cl::cat(category));
static cl::list<std::string>
    gpuChips("gpu-chips",
             cl::desc("GPU architectures the kernels are compiled for (the "
                      "GPU pipeline's chip option; default sm_80,sm_90)"),
             cl::CommaSeparated, cl::cat(category));
static cl::list<std::string> exports(
    "export",
    cl::desc("Functions given a C entry point _mlir_ciface_NAME, besides "
             "those marked llvm.emit_c_interface"),
    cl::CommaSeparated, cl::cat(category));
static cl::opt<std::string>
    headerFilename("header",
                   cl::desc("Write a C header declaring the exported "
                            "functions and their descriptor structs"),
                   cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string>
    entryName("entry",
              cl::desc("The function an executable runs (default: main)"),
              cl::init("main"), cl::cat(category));
static cl::list<std::string> libraryDirs("L",
                                         cl::desc("Library search directory"),
                                         cl::Prefix, cl::cat(category));
static cl::list<std::string> libraries("l", cl::desc("Link a library"),
                                       cl::Prefix, cl::cat(category));
static cl::list<std::string>
    rpaths("rpath",
           cl::desc("Run-time library search paths (default: the runtime "
                    "directory); e.g. '$ORIGIN/../lib' for relocatable "
                    "output"),
           cl::cat(category));
static cl::opt<std::string> runtimeDir(
    "runtime-dir",
    cl::desc("Directory of the spectral runtime libraries (default: the "
             "lib/ beside this tool's bin/, in a build or an install)"),
    cl::init(""), cl::cat(category));
static cl::opt<std::string>
    linkerDriver("linker",
                 cl::desc("C compiler used as the linker (default: $CC, "
                          "else cc)"),
                 cl::init(""), cl::cat(category));

static int fail(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "sst-compile") << message << "\n";
  return EXIT_FAILURE;
}

static EmitKind chooseEmitKind() {
  if (emitKind.getNumOccurrences())
    return emitKind;
  StringRef extension = llvm::sys::path::extension(outputFilename);
  if (extension == ".o")
    return EmitKind::Object;
  if (extension == ".so")
    return EmitKind::Shared;
  if (extension == ".ll")
    return EmitKind::LLVMIR;
  if (extension == ".mlir")
    return EmitKind::MLIR;
  return EmitKind::Executable;
}

static StringRef defaultOutput(EmitKind kind) {
  switch (kind) {
  case EmitKind::Object:
    return "a.o";
  case EmitKind::Shared:
    return "a.so";
  case EmitKind::Executable:
    return "a.out";
  case EmitKind::LLVMIR:
    return "a.ll";
  case EmitKind::MLIR:
    return "a.mlir";
  }
  llvm_unreachable("unknown output kind");
}

/// Reports `message` as sst-compile's error.
static LogicalResult failWith(const llvm::Twine &message) {
  fail(message);
  return failure();
}

/// The pipeline's options parsed from `text`, or null with `message` set.
template <typename Options>
static std::unique_ptr<Options> parseOptions(StringRef text,
                                             std::string &message) {
  auto options = std::make_unique<Options>();
  llvm::raw_string_ostream stream(message);
  if (failed(options->parseFromString(text, stream)))
    return nullptr;
  return options;
}

/// Builds the chosen pipeline into `pm`, with --gpu-chips set as the GPU
/// pipeline's chips.
static LogicalResult buildPipeline(PassManager &pm) {
  std::string message;
  auto invalidOptions = [&]() {
    return failWith("invalid --pipeline-options: " + StringRef(message).trim());
  };
  if (target == Target::CPU) {
    if (!gpuChips.empty())
      return failWith("--gpu-chips is an option of --target=gpu");
    auto options = parseOptions<spectral::SpectralCPUPipelineOptions>(
        pipelineOptions, message);
    if (!options)
      return invalidOptions();
    spectral::buildSpectralCPUPipeline(pm, *options);
    return success();
  }
  auto options = parseOptions<spectral::SpectralGPUPipelineOptions>(
      pipelineOptions, message);
  if (!options)
    return invalidOptions();
  if (!gpuChips.empty()) {
    if (!options->chips.empty())
      return failWith("give the GPU chips once: --gpu-chips or chip= in "
                      "--pipeline-options");
    options->chips = SmallVector<std::string>(gpuChips.begin(), gpuChips.end());
  }
  if (failed(options->verify([&](const llvm::Twine &error) {
        message = error.str();
        return failure();
      })))
    return invalidOptions();
  spectral::buildSpectralGPUPipeline(pm, *options);
  return success();
}

/// An include guard made of the header's file name.
static std::string includeGuard(StringRef path) {
  std::string guard = "SST_";
  for (char c : llvm::sys::path::filename(path))
    guard += llvm::isAlnum(c) ? llvm::toUpper(c) : '_';
  return guard;
}

static int writeHeader(ArrayRef<sst::ExportedFunction> functions) {
  std::string error;
  auto file = openOutputFile(headerFilename, &error);
  if (!file)
    return fail(error);
  if (failed(sst::writeCHeader(functions, includeGuard(headerFilename),
                               file->os(), error)))
    return fail(error);
  file->keep();
  return EXIT_SUCCESS;
}

static sst::LinkOptions linkOptions(bool shared) {
  sst::LinkOptions options;
  options.shared = shared;
  const char *cc = std::getenv("CC");
  options.linker = !linkerDriver.empty() ? linkerDriver.getValue()
                   : cc && *cc           ? std::string(cc)
                                         : std::string("cc");
  options.libraryDirs.assign(libraryDirs.begin(), libraryDirs.end());
  options.libraryDirs.push_back(runtimeDir);
  options.libraries.assign(libraries.begin(), libraries.end());
  options.libraries.push_back(target == Target::CPU ? "spectral_runtime"
                                                    : "spectral_cuda_runtime");
  // The printing and timing functions of MLIR's runner utilities, as
  // mlir-runner programs call them; static, so that programs carry them.
  options.optionalLibraries = {"spectral_runner_utils", "stdc++", "m"};
  if (target == Target::CPU) {
    // The CPU pipeline's parallel loops call LLVM's OpenMP runtime, the one
    // libspectral_runtime.so runs its threads on.
    options.libraryDirs.push_back(SPECTRAL_OPENMP_LIBRARY_DIR);
    options.optionalLibraries.push_back("omp");
  }
  if (rpaths.empty()) {
    options.rpaths.push_back(runtimeDir);
    if (target == Target::CPU)
      options.rpaths.push_back(SPECTRAL_OPENMP_LIBRARY_DIR);
  } else {
    options.rpaths.assign(rpaths.begin(), rpaths.end());
  }
  return options;
}

/// The lib/ directory beside the tool's bin/ if it holds the CPU runtime
/// (a build tree or an install prefix), else the build's.
static std::string defaultRuntimeDir(const char *argv0) {
  std::string tool =
      llvm::sys::fs::getMainExecutable(argv0, (void *)&defaultRuntimeDir);
  llvm::SmallString<256> dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(tool)));
  llvm::sys::path::append(dir, "lib");
  llvm::SmallString<256> runtime(dir);
  llvm::sys::path::append(runtime, "libspectral_runtime.so");
  if (!tool.empty() && llvm::sys::fs::exists(runtime))
    return std::string(dir);
  return SPECTRAL_RUNTIME_LIBRARY_DIR;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  cl::HideUnrelatedOptions({&category, &cl::getGeneralCategory()});
  cl::ParseCommandLineOptions(
      argc, argv,
      "sst-compile: compiles spectral IR ahead of time to an object file, a "
      "shared library or an executable\n");

  if (runtimeDir.empty())
    runtimeDir = defaultRuntimeDir(argv[0]);
  // A list such as --export= or --export=f,,g has an empty entry, which no
  // function can be named.
  if (exports.getNumOccurrences() &&
      (exports.empty() || llvm::is_contained(exports, std::string())))
    return fail("--export takes function names separated by commas, with "
                "none empty");
  if (optLevel < '0' || optLevel > '3')
    return fail("-O" + llvm::Twine(optLevel.getValue()) +
                " is not an optimisation level (-O0 to -O3)");
  unsigned level = optLevel - '0';
  EmitKind kind = chooseEmitKind();
  if (outputFilename.empty())
    outputFilename = defaultOutput(kind).str();
  bool linking = kind == EmitKind::Shared || kind == EmitKind::Executable;
  std::string runtimeLibrary =
      runtimeDir + "/lib" +
      (target == Target::CPU ? "spectral_runtime" : "spectral_cuda_runtime") +
      ".so";
  if (linking && !llvm::sys::fs::exists(runtimeLibrary))
    return fail(runtimeLibrary + " does not exist" +
                (target == Target::GPU
                     ? " (the CUDA runtime is built where the CUDA toolkit "
                       "is found)"
                     : "") +
                "; give the runtime's directory with --runtime-dir");

  DialectRegistry registry;
  spectral::registerAllSpectralDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();

  std::string error;
  auto input = openInputFile(inputFilename, &error);
  if (!input)
    return fail(error);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return EXIT_FAILURE;
  if (failed(sst::markExported(*module, exports)) ||
      failed(sst::verifyExportable(*module)))
    return EXIT_FAILURE;

  PassManager pm(&context);
  if (failed(applyPassManagerCLOptions(pm)) || failed(buildPipeline(pm)))
    return EXIT_FAILURE;
  auto recorder = std::make_unique<sst::ExportRecorder>();
  sst::ExportRecorder &exported = *recorder;
  pm.addInstrumentation(std::move(recorder));
  if (failed(pm.run(*module)))
    return EXIT_FAILURE;
  if (!exported.recorded())
    return fail("internal error: the pipeline lowered function types "
                "without convert-func-to-llvm, so the exported signatures "
                "are unknown");
  if (!headerFilename.empty()) {
    if (exported.functions().empty())
      llvm::WithColor::warning(llvm::errs(), "sst-compile")
          << "no function is exported: the header declares nothing (mark "
             "functions with --export or llvm.emit_c_interface)\n";
    if (int status = writeHeader(exported.functions()))
      return status;
  }

  if (kind == EmitKind::MLIR) {
    auto output = openOutputFile(outputFilename, &error);
    if (!output)
      return fail(error);
    module->print(output->os());
    output->keep();
    return EXIT_SUCCESS;
  }

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(*module, llvmContext, inputFilename);
  if (!llvmModule)
    return fail("cannot translate the lowered module to LLVM IR");
  auto machine = sst::createTargetMachine(targetCPU, targetFeatures, level);
  if (!machine)
    return fail(llvm::toString(machine.takeError()));
  if (kind == EmitKind::Executable)
    if (llvm::Error entryError = sst::addProgramEntry(*llvmModule, entryName))
      return fail(llvm::toString(std::move(entryError)));
  if (llvm::Error optError = sst::optimize(*llvmModule, **machine, level))
    return fail("LLVM optimisation failed: " +
                llvm::toString(std::move(optError)));

  if (kind == EmitKind::LLVMIR || kind == EmitKind::Object) {
    auto output = openOutputFile(outputFilename, &error);
    if (!output)
      return fail(error);
    if (kind == EmitKind::LLVMIR)
      llvmModule->print(output->os(), nullptr);
    else if (llvm::Error emitError =
                 sst::emitObject(*llvmModule, **machine, output->os()))
      return fail(llvm::toString(std::move(emitError)));
    output->keep();
    return EXIT_SUCCESS;
  }

  // A temporary object, linked and removed.
  llvm::SmallString<128> objectPath;
  int fd;
  if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
          "sst-compile", "o", fd, objectPath))
    return fail("cannot create a temporary object file: " + ec.message());
  llvm::FileRemover removeObject(objectPath);
  {
    llvm::raw_fd_ostream object(fd, /*shouldClose=*/true);
    if (llvm::Error emitError = sst::emitObject(*llvmModule, **machine, object))
      return fail(llvm::toString(std::move(emitError)));
  }
  if (llvm::Error linkError = sst::link(objectPath, outputFilename,
                                        linkOptions(kind == EmitKind::Shared)))
    return fail(llvm::toString(std::move(linkError)));
  return EXIT_SUCCESS;
}
