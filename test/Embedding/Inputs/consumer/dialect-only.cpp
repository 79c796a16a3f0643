// Parses, verifies and prints spectral IR with only the dialect library.
#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/IR/SpectralTypes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    llvm::errs() << "usage: dialect-only FILE\n";
    return 2;
  }
  mlir::MLIRContext context;
  context.loadDialect<mlir::spectral::SpectralDialect, mlir::func::FuncDialect,
                      mlir::tensor::TensorDialect>();
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(argv[1], &context);
  if (!module)
    return 1;
  module->walk([](mlir::func::FuncOp func) {
    for (mlir::Type type : func.getArgumentTypes())
      if (auto sst = llvm::dyn_cast<mlir::spectral::SparseSpectralType>(type))
        llvm::outs() << func.getSymName() << ": keep " << sst.getKeep()
                     << " per tile\n";
  });
  module->print(llvm::outs());
  return 0;
}
