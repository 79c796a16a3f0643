//===- CInterface.h - C entry points of compiled spectral programs -*- C++
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Functions that sst-compile exports get upstream's C interface
// (`llvm.emit_c_interface`: `_mlir_ciface_NAME`, memrefs passed as pointers
// to descriptors, struct results through a leading pointer). Their
// signatures are recorded on memrefs, just before the function types are
// lowered to LLVM's, and written out as a C header.
//
//===----------------------------------------------------------------------===//

#ifndef SST_COMPILE_CINTERFACE_H
#define SST_COMPILE_CINTERFACE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Pass/PassInstrumentation.h"

#include <string>
#include <vector>

namespace mlir {
namespace sst {

/// The name of the attribute that asks for a C entry point.
constexpr const char kCInterfaceAttr[] = "llvm.emit_c_interface";

/// Marks `names` (public function definitions of `module`) for export.
/// Reports an unknown name or a declaration at the module's location.
LogicalResult markExported(ModuleOp module, ArrayRef<std::string> names);

/// Checks that every exported function can be called from C: arguments of
/// memref (after bufferization) or tensor, integer, index and float types;
/// results of those types or complex. Reports the others at the function.
LogicalResult verifyExportable(ModuleOp module);

/// One exported function's signature, on memrefs.
struct ExportedFunction {
  std::string name;
  FunctionType type;
};

/// Records the exported functions' signatures right before
/// `convert-func-to-llvm` rewrites them.
class ExportRecorder : public PassInstrumentation {
public:
  void runBeforePass(Pass *pass, Operation *op) override;

  /// Whether the pass that lowers function types ran.
  bool recorded() const { return hasRecorded; }
  ArrayRef<ExportedFunction> functions() const { return exported; }

private:
  bool hasRecorded = false;
  std::vector<ExportedFunction> exported;
};

/// Writes the C header declaring `functions` with the descriptor structs
/// they take; `guard` names the include guard. Fails with a message for a
/// type that has no C spelling.
LogicalResult writeCHeader(ArrayRef<ExportedFunction> functions,
                           StringRef guard, llvm::raw_ostream &os,
                           std::string &error);

} // namespace sst
} // namespace mlir

#endif // SST_COMPILE_CINTERFACE_H
