//===- CInterface.cpp - C entry points of compiled spectral programs ------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "CInterface.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::sst;

LogicalResult mlir::sst::markExported(ModuleOp module,
                                      ArrayRef<std::string> names) {
  for (const std::string &name : names) {
    auto func = module.lookupSymbol<func::FuncOp>(name);
    if (!func)
      return module.emitError()
             << "cannot export '" << name << "': no function of that name";
    if (func.isExternal() || !func.isPublic())
      return func.emitError()
             << "cannot export '" << name
             << "': only public function definitions can be exported";
    func->setAttr(kCInterfaceAttr, UnitAttr::get(module.getContext()));
  }
  return success();
}

/// The C spelling of a scalar or element type, with the short name used in
/// descriptor type names; empty for types C cannot hold.
static std::pair<std::string, std::string> cElementType(Type type) {
  if (type.isF16())
    return {"uint16_t", "f16"};
  if (type.isBF16())
    return {"uint16_t", "bf16"};
  if (type.isF32())
    return {"float", "f32"};
  if (type.isF64())
    return {"double", "f64"};
  if (type.isIndex())
    return {"int64_t", "index"};
  if (auto integer = dyn_cast<IntegerType>(type)) {
    unsigned width = integer.getWidth();
    if (width == 1)
      return {"bool", "i1"};
    if (width == 8 || width == 16 || width == 32 || width == 64) {
      std::string bits = std::to_string(width);
      return {(integer.isUnsigned() ? "uint" : "int") + bits + "_t",
              (integer.isUnsigned() ? "ui" : "i") + bits};
    }
    return {};
  }
  if (auto complex = dyn_cast<ComplexType>(type)) {
    Type part = complex.getElementType();
    if (part.isF32())
      return {"sst_complex_f32", "c32"};
    if (part.isF64())
      return {"sst_complex_f64", "c64"};
  }
  return {};
}

/// Why `type` cannot cross the C interface, or "" if it can. Complex
/// scalars would be passed as LLVM aggregates, which is not C's ABI for
/// them; as results they are returned through a pointer like any struct.
static std::string whyNotExportable(Type type, bool isResult) {
  Type element = type;
  if (auto shaped = dyn_cast<ShapedType>(type)) {
    if (!isa<TensorType, BaseMemRefType>(type))
      return "of shaped types, only tensors and memrefs are passed to C";
    element = shaped.getElementType();
  } else if (isa<ComplexType>(type) && !isResult) {
    return "complex scalars cannot be passed by value through the C ABI "
           "(pass a tensor of one element)";
  }
  if (cElementType(element).first.empty())
    return "no C type holds its elements";
  return "";
}

/// Checks `types`, the arguments or the results of exported `func`.
static LogicalResult verifyTypesExportable(func::FuncOp func, TypeRange types,
                                           bool areResults) {
  for (auto [index, type] : llvm::enumerate(types))
    if (std::string why = whyNotExportable(type, areResults); !why.empty())
      return func.emitError()
             << "cannot export '" << func.getSymName()
             << "': " << (areResults ? "result " : "argument ") << index
             << " of type " << type << " has no C form: " << why;
  return success();
}

LogicalResult mlir::sst::verifyExportable(ModuleOp module) {
  WalkResult result = module.walk([&](func::FuncOp func) {
    if (!func->hasAttr(kCInterfaceAttr) || func.isExternal())
      return WalkResult::advance();
    FunctionType type = func.getFunctionType();
    if (failed(verifyTypesExportable(func, type.getInputs(), false)) ||
        failed(verifyTypesExportable(func, type.getResults(), true)))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

void ExportRecorder::runBeforePass(Pass *pass, Operation *op) {
  if (hasRecorded || pass->getArgument() != "convert-func-to-llvm")
    return;
  hasRecorded = true;
  op->walk([&](func::FuncOp func) {
    if (func->hasAttr(kCInterfaceAttr) && !func.isExternal() && func.isPublic())
      exported.push_back({func.getSymName().str(), func.getFunctionType()});
  });
}

namespace {
/// Emits the typedefs a header needs, each once and under its own guard so
/// that headers of several compiled programs can be included together.
class HeaderWriter {
public:
  HeaderWriter(llvm::raw_ostream &os) : os(os) {}

  /// The C spelling of a value of `type` (a descriptor for memrefs),
  /// defining its types first; empty if it has none.
  std::string spell(Type type) {
    if (auto unranked = dyn_cast<UnrankedMemRefType>(type)) {
      if (cElementType(unranked.getElementType()).first.empty())
        return "";
      define("sst_unranked_memref",
             "typedef struct {\n  int64_t rank;\n  void *descriptor;\n} "
             "sst_unranked_memref;\n");
      return "sst_unranked_memref";
    }
    if (auto memref = dyn_cast<MemRefType>(type)) {
      std::string element = spell(memref.getElementType());
      if (element.empty())
        return "";
      int64_t rank = memref.getRank();
      std::string name = "sst_memref_" + std::to_string(rank) + "d_" +
                         cElementType(memref.getElementType()).second;
      std::string body;
      llvm::raw_string_ostream text(body);
      text << "typedef struct {\n  " << element << " *allocated;\n  " << element
           << " *aligned;\n  int64_t offset;\n";
      if (rank > 0)
        text << "  int64_t sizes[" << rank << "];\n  int64_t strides[" << rank
             << "];\n";
      text << "} " << name << ";\n";
      define(name, body);
      return name;
    }
    auto [spelling, shortName] = cElementType(type);
    if (auto complex = dyn_cast<ComplexType>(type);
        complex && !spelling.empty()) {
      std::string part = complex.getElementType().isF32() ? "float" : "double";
      define(spelling, "typedef struct {\n  " + part + " re;\n  " + part +
                           " im;\n} " + spelling + ";\n");
    }
    return spelling;
  }

  /// Defines `name` with `body` under a guard, once.
  void define(StringRef name, StringRef body) {
    if (!defined.insert(name).second)
      return;
    std::string guard = StringRef(name).upper() + "_DEFINED";
    os << "#ifndef " << guard << "\n#define " << guard << "\n"
       << body << "#endif\n\n";
  }

private:
  llvm::raw_ostream &os;
  llvm::StringSet<> defined;
};
} // namespace

/// Whether a function of `type` returns its results through a leading
/// pointer: as in upstream's C wrappers, when the lowered result is a
/// struct (a memref descriptor, a complex number, several results).
static bool returnsThroughPointer(FunctionType type) {
  return type.getNumResults() > 1 ||
         (type.getNumResults() == 1 &&
          isa<BaseMemRefType, ComplexType>(type.getResult(0)));
}

LogicalResult mlir::sst::writeCHeader(ArrayRef<ExportedFunction> functions,
                                      StringRef guard, llvm::raw_ostream &os,
                                      std::string &error) {
  os << "/* Generated by sst-compile: the C entry points of a compiled "
        "spectral program.\n"
        " * Memrefs are passed as pointers to descriptors (base pointers, "
        "offset, sizes\n"
        " * and strides in elements). Buffers a function returns were "
        "allocated by the\n"
        " * program's runtime: release their `allocated` pointer with "
        "the runtime's\n"
        " * _mlir_memref_to_llvm_free on the CPU. */\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include <stdbool.h>\n#include <stdint.h>\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";

  // Types first, into their own buffer, so that the declarations below can
  // use them whatever order they were met in.
  std::string declarations;
  llvm::raw_string_ostream decls(declarations);
  HeaderWriter types(os);
  for (const ExportedFunction &function : functions) {
    FunctionType type = function.type;
    auto spellOrFail = [&](Type t, std::string &out) {
      out = types.spell(t);
      if (out.empty()) {
        llvm::raw_string_ostream message(error);
        message << "function '" << function.name << "': type " << t
                << " has no C form";
        return false;
      }
      return true;
    };
    SmallVector<std::string> params;
    std::string returnType = "void";
    if (returnsThroughPointer(type)) {
      std::string resultType;
      if (type.getNumResults() == 1) {
        if (!spellOrFail(type.getResult(0), resultType))
          return failure();
      } else {
        resultType = function.name + "_results";
        std::string body = "typedef struct {\n";
        for (auto [index, result] : llvm::enumerate(type.getResults())) {
          std::string member;
          if (!spellOrFail(result, member))
            return failure();
          body += "  " + member + " result" + std::to_string(index) + ";\n";
        }
        body += "} " + resultType + ";\n";
        types.define(resultType, body);
      }
      params.push_back(resultType + " *result");
    } else if (type.getNumResults() == 1) {
      if (!spellOrFail(type.getResult(0), returnType))
        return failure();
    }
    for (auto [index, input] : llvm::enumerate(type.getInputs())) {
      std::string spelling;
      if (!spellOrFail(input, spelling))
        return failure();
      bool byPointer = isa<BaseMemRefType>(input);
      params.push_back(spelling + (byPointer ? " *" : " ") + "arg" +
                       std::to_string(index));
    }
    std::string signature;
    llvm::raw_string_ostream typeText(signature);
    typeText << type;
    decls << "/* @" << function.name << " : " << signature << " */\n"
          << returnType << " _mlir_ciface_" << function.name << "("
          << (params.empty() ? std::string("void") : llvm::join(params, ", "))
          << ");\n\n";
  }
  os << declarations << "#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard
     << " */\n";
  return success();
}
