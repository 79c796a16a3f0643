//===- NativeCode.cpp - LLVM IR to objects, libraries and programs --------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "NativeCode.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"

using namespace llvm;

static Error failure(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

Expected<std::unique_ptr<TargetMachine>>
mlir::sst::createTargetMachine(StringRef cpu, StringRef features,
                               unsigned optLevel) {
  InitializeNativeTarget();
  InitializeNativeTargetAsmPrinter();
  Triple triple(sys::getProcessTriple());
  std::string error;
  const Target *target = TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return failure("no code generator for " + triple.str() + ": " + error);

  std::string cpuName = cpu.str();
  std::string featureList = features.str();
  if (cpu == "host") {
    cpuName = sys::getHostCPUName().str();
    SmallVector<std::string> hostFeatures;
    for (const auto &feature : sys::getHostCPUFeatures())
      hostFeatures.push_back((feature.second ? "+" : "-") +
                             feature.first().str());
    if (!features.empty())
      hostFeatures.push_back(features.str());
    featureList = join(hostFeatures, ",");
  }
  CodeGenOptLevel level = optLevel == 0   ? CodeGenOptLevel::None
                          : optLevel == 1 ? CodeGenOptLevel::Less
                          : optLevel == 2 ? CodeGenOptLevel::Default
                                          : CodeGenOptLevel::Aggressive;
  std::unique_ptr<TargetMachine> machine(
      target->createTargetMachine(triple, cpuName, featureList, TargetOptions(),
                                  Reloc::PIC_, std::nullopt, level));
  if (!machine)
    return failure("cannot create a target machine for " + triple.str() +
                   " and CPU '" + cpuName + "'");
  return machine;
}

Error mlir::sst::optimize(Module &module, TargetMachine &machine,
                          unsigned optLevel) {
  module.setTargetTriple(machine.getTargetTriple());
  module.setDataLayout(machine.createDataLayout());
  return mlir::makeOptimizingTransformer(optLevel, /*sizeLevel=*/0,
                                         &machine)(&module);
}

Error mlir::sst::addProgramEntry(Module &module, StringRef entry) {
  Function *function = module.getFunction(entry);
  if (!function || function->isDeclaration())
    return failure("no function '" + entry +
                   "' to run: an executable needs an entry function (give "
                   "another with --entry, or emit a shared library)");
  FunctionType *type = function->getFunctionType();
  Type *result = type->getReturnType();
  if (type->getNumParams() != 0 ||
      !(result->isVoidTy() ||
        (result->isIntegerTy() && result->getIntegerBitWidth() <= 64)))
    return failure("entry function '" + entry +
                   "' must take no arguments and return nothing or an "
                   "integer (the exit status)");

  // The C entry point may only be called `main` when it has C's signature.
  function->setName("_sst_entry_" + entry);
  LLVMContext &context = module.getContext();
  Type *i32 = Type::getInt32Ty(context);
  FunctionType *mainType = FunctionType::get(
      i32, {i32, PointerType::getUnqual(context)}, /*isVarArg=*/false);
  if (module.getFunction("main"))
    return failure("the program defines 'main' besides its entry '" + entry +
                   "': rename it, or make it the entry");
  Function *main =
      Function::Create(mainType, GlobalValue::ExternalLinkage, "main", module);
  IRBuilder<> builder(BasicBlock::Create(context, "entry", main));
  CallInst *call = builder.CreateCall(function);
  builder.CreateRet(result->isVoidTy()
                        ? static_cast<Value *>(builder.getInt32(0))
                        : builder.CreateSExtOrTrunc(call, i32));
  return Error::success();
}

Error mlir::sst::emitObject(Module &module, TargetMachine &machine,
                            raw_pwrite_stream &os) {
  legacy::PassManager passes;
  if (machine.addPassesToEmitFile(passes, os, nullptr,
                                  CodeGenFileType::ObjectFile))
    return failure("the target cannot emit object files");
  passes.run(module);
  return Error::success();
}

Error mlir::sst::link(StringRef object, StringRef output,
                      const LinkOptions &options) {
  ErrorOr<std::string> linker = sys::findProgramByName(options.linker);
  if (!linker)
    return failure("cannot find the linker driver '" + options.linker +
                   "' (set $CC or give --linker)");
  std::vector<std::string> args = {*linker};
  if (options.shared)
    // Undefined symbols are errors now rather than when the library loads.
    args.insert(args.end(), {"-shared", "-Wl,-z,defs"});
  args.insert(args.end(), {"-o", output.str(), object.str()});
  for (const std::string &dir : options.libraryDirs)
    args.push_back("-L" + dir);
  for (const std::string &library : options.libraries)
    args.push_back("-l" + library);
  if (!options.optionalLibraries.empty()) {
    args.push_back("-Wl,--push-state,--as-needed");
    for (const std::string &library : options.optionalLibraries)
      args.push_back("-l" + library);
    args.push_back("-Wl,--pop-state");
  }
  for (const std::string &rpath : options.rpaths)
    args.push_back("-Wl,-rpath," + rpath);
  args.insert(args.end(), options.extraArgs.begin(), options.extraArgs.end());

  SmallVector<StringRef> argRefs(args.begin(), args.end());
  std::string message;
  int status =
      sys::ExecuteAndWait(*linker, argRefs, std::nullopt, {}, 0, 0, &message);
  if (status != 0)
    return failure(
        "linking failed (" +
        (message.empty() ? "exit status " + Twine(status) : Twine(message)) +
        "): " + join(args, " "));
  return Error::success();
}
