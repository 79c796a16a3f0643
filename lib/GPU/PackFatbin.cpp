//===- PackFatbin.cpp - One fat binary of the cubins of several chips -----===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// gpu-module-to-binary makes one object per target of a GPU module, but the
// translation to LLVM IR (#gpu.select_object) embeds only one of them, chosen
// at compile time. A CUDA fat binary holds a cubin per architecture and the
// driver loads the one matching the device, so packing the cubins with the
// toolkit's `fatbinary` gives one binary that runs on every chip compiled
// for.
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/GPU/CUDAToolkit.h"
#include "SpectralDialect/GPU/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir {
namespace spectral {
#define GEN_PASS_DEF_SPECTRALPACKFATBIN
#include "SpectralDialect/GPU/Passes.h.inc"
} // namespace spectral
} // namespace mlir

using namespace mlir;
using namespace mlir::spectral;

namespace {
/// Temporary files removed when this goes out of scope.
struct TempFiles {
  SmallVector<std::string> paths;
  ~TempFiles() {
    for (const std::string &path : paths)
      llvm::sys::fs::remove(path);
  }
  FailureOr<std::string> create(StringRef prefix, StringRef suffix) {
    SmallString<128> path;
    if (llvm::sys::fs::createTemporaryFile(prefix, suffix, path))
      return failure();
    paths.push_back(path.str().str());
    return paths.back();
  }
};

struct SpectralPackFatbinPass
    : spectral::impl::SpectralPackFatbinBase<SpectralPackFatbinPass> {
  using Base::Base;

  /// Checks that every object of `binary` is an NVVM cubin.
  static LogicalResult checkObjects(gpu::BinaryOp binary) {
    for (Attribute attr : binary.getObjectsAttr().getValue()) {
      auto object = cast<gpu::ObjectAttr>(attr);
      auto target = dyn_cast<NVVM::NVVMTargetAttr>(object.getTarget());
      if (!target || object.getFormat() != gpu::CompilationTarget::Binary)
        return binary.emitError()
               << "spectral-pack-fatbin packs NVVM cubins (format bin) only, "
                  "but an object of @"
               << binary.getSymName() << " has target " << object.getTarget()
               << " and format "
               << gpu::stringifyCompilationTarget(object.getFormat());
      if (!target.getChip().starts_with("sm_"))
        return binary.emitError()
               << "NVVM target chip '" << target.getChip() << "' of @"
               << binary.getSymName() << " is not of the form sm_XY";
    }
    return success();
  }

  LogicalResult pack(gpu::BinaryOp binary, StringRef fatbinary) {
    ArrayRef<Attribute> objects = binary.getObjectsAttr().getValue();
    TempFiles files;
    SmallVector<std::string> args = {fatbinary.str(), "-64"};
    FailureOr<std::string> output = files.create("spectral-pack", "fatbin");
    if (failed(output))
      return binary.emitError() << "cannot create a temporary file";
    args.push_back("--create=" + *output);
    for (Attribute attr : objects) {
      auto object = cast<gpu::ObjectAttr>(attr);
      StringRef chip = cast<NVVM::NVVMTargetAttr>(object.getTarget())
                           .getChip()
                           .drop_front(3);
      FailureOr<std::string> cubin = files.create("spectral-pack", "cubin");
      if (failed(cubin))
        return binary.emitError() << "cannot create a temporary file";
      std::error_code error;
      llvm::raw_fd_ostream out(*cubin, error);
      if (error)
        return binary.emitError()
               << "cannot write " << *cubin << ": " << error.message();
      out << object.getObject().getValue();
      out.close();
      args.push_back(
          ("--image3=kind=elf,sm=" + chip + ",file=" + *cubin).str());
    }

    SmallVector<StringRef> argRefs(args.begin(), args.end());
    std::string message;
    int status = llvm::sys::ExecuteAndWait(fatbinary, argRefs, std::nullopt, {},
                                           0, 0, &message);
    if (status != 0)
      return binary.emitError()
             << "fatbinary failed (exit status " << status << "): "
             << (message.empty() ? std::string("see its output above")
                                 : message);
    auto packed = llvm::MemoryBuffer::getFile(*output);
    if (!packed)
      return binary.emitError() << "cannot read the fat binary " << *output;

    auto first = cast<gpu::ObjectAttr>(objects.front());
    Builder b(binary.getContext());
    auto fat = gpu::ObjectAttr::get(binary.getContext(), first.getTarget(),
                                    gpu::CompilationTarget::Fatbin,
                                    b.getStringAttr((*packed)->getBuffer()),
                                    first.getProperties(), first.getKernels());
    binary.setObjectsAttr(b.getArrayAttr({fat}));
    return success();
  }

  void runOnOperation() override {
    SmallVector<gpu::BinaryOp> binaries;
    getOperation().walk([&](gpu::BinaryOp binary) {
      if (binary.getObjectsAttr().size() > 1)
        binaries.push_back(binary);
    });
    if (binaries.empty())
      return;
    for (gpu::BinaryOp binary : binaries)
      if (failed(checkObjects(binary)))
        return signalPassFailure();
    FailureOr<std::string> fatbinary = findCUDAProgram(toolkit, "fatbinary");
    if (failed(fatbinary)) {
      getOperation().emitError()
          << "spectral-pack-fatbin: the CUDA toolkit's fatbinary was not "
             "found (looked in "
          << (toolkit.empty() ? "PATH and the bin/ of a CUDA toolkit in " +
                                    getCUDAToolkitSearchDescription().str()
                              : toolkit + "/bin")
          << "); set the toolkit option";
      return signalPassFailure();
    }
    for (gpu::BinaryOp binary : binaries) {
      if (failed(pack(binary, *fatbinary)))
        return signalPassFailure();
      ++numPacked;
    }
  }
};
} // namespace
