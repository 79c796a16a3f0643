//===- NativeCode.h - LLVM IR to objects, libraries and programs -*- C++
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The back half of sst-compile: LLVM's own optimiser and code generator in
// process (no llc), then the system C compiler as the linker only.
//
//===----------------------------------------------------------------------===//

#ifndef SST_COMPILE_NATIVECODE_H
#define SST_COMPILE_NATIVECODE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
class raw_pwrite_stream;
} // namespace llvm

namespace mlir {
namespace sst {

/// A target machine for the host's triple, `cpu` ("host": this machine's)
/// and extra `features`, with position-independent code (objects go into
/// shared libraries and PIE executables alike).
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(llvm::StringRef cpu, llvm::StringRef features,
                    unsigned optLevel);

/// Gives `module` the target's triple and data layout, then runs LLVM's
/// optimisation pipeline at `optLevel`.
llvm::Error optimize(llvm::Module &module, llvm::TargetMachine &machine,
                     unsigned optLevel);

/// Makes `entry` (no arguments; returns nothing or an integer) the
/// program's entry: it is renamed and called from a C `main` that returns
/// its result, or 0.
llvm::Error addProgramEntry(llvm::Module &module, llvm::StringRef entry);

/// Writes `module` as an object file.
llvm::Error emitObject(llvm::Module &module, llvm::TargetMachine &machine,
                       llvm::raw_pwrite_stream &os);

/// What a link needs besides the object.
struct LinkOptions {
  bool shared = false;
  std::string linker;
  std::vector<std::string> libraryDirs;
  std::vector<std::string> libraries;
  /// Libraries linked only if the program uses them (--as-needed).
  std::vector<std::string> optionalLibraries;
  std::vector<std::string> rpaths;
  std::vector<std::string> extraArgs;
};

/// Links `object` into `output` with the system C compiler.
llvm::Error link(llvm::StringRef object, llvm::StringRef output,
                 const LinkOptions &options);

} // namespace sst
} // namespace mlir

#endif // SST_COMPILE_NATIVECODE_H
