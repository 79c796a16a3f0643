//===- CUDAToolkit.cpp - Finding the CUDA toolkit -------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/GPU/CUDAToolkit.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cstdlib>

using namespace mlir;
using namespace mlir::spectral;

/// Empty if `dir` is a toolkit, else what it lacks.
static std::string whyNotACUDAToolkit(StringRef dir) {
  SmallString<128> ptxas(dir), libdevice(dir);
  llvm::sys::path::append(ptxas, "bin", "ptxas");
  llvm::sys::path::append(libdevice, "nvvm", "libdevice", "libdevice.10.bc");
  if (!llvm::sys::fs::can_execute(ptxas))
    return "has no executable bin/ptxas";
  if (!llvm::sys::fs::is_regular_file(libdevice))
    return "has no nvvm/libdevice/libdevice.10.bc";
  return "";
}

StringRef mlir::spectral::getCUDAToolkitSearchDescription() {
  return "$CUDA_HOME, $CUDA_ROOT, $CUDA_PATH, the parent of a PATH "
         "directory, or /usr/local/cuda";
}

FailureOr<std::string> mlir::spectral::findCUDAToolkit(StringRef requested,
                                                       std::string &whyNot) {
  whyNot.clear();
  if (!requested.empty()) {
    whyNot = whyNotACUDAToolkit(requested);
    if (!whyNot.empty())
      return failure();
    return requested.str();
  }
  SmallVector<std::string> candidates;
  for (const char *variable : {"CUDA_HOME", "CUDA_ROOT", "CUDA_PATH"})
    if (const char *dir = std::getenv(variable); dir && *dir)
      candidates.push_back(dir);
  if (const char *path = std::getenv("PATH")) {
    SmallVector<StringRef> pathDirs;
    StringRef(path).split(pathDirs, llvm::sys::EnvPathSeparator,
                          /*MaxSplit=*/-1, /*KeepEmpty=*/false);
    for (StringRef binDir : pathDirs)
      candidates.push_back(llvm::sys::path::parent_path(binDir).str());
  }
  candidates.push_back("/usr/local/cuda");
  for (const std::string &dir : candidates)
    if (!dir.empty() && whyNotACUDAToolkit(dir).empty())
      return dir;
  return failure();
}

FailureOr<std::string> mlir::spectral::findCUDAProgram(StringRef toolkit,
                                                       StringRef name) {
  if (!toolkit.empty()) {
    SmallString<128> bin(toolkit);
    llvm::sys::path::append(bin, "bin");
    if (auto found = llvm::sys::findProgramByName(name, {bin.str()}))
      return *found;
    return failure();
  }
  if (auto found = llvm::sys::findProgramByName(name))
    return *found;
  std::string whyNot;
  FailureOr<std::string> found = findCUDAToolkit("", whyNot);
  if (failed(found))
    return failure();
  return findCUDAProgram(*found, name);
}
