// An MLIR opt tool of a downstream project: upstream's arith and func
// dialects of its own, plus everything spectral through InitAllSpectral.h.
#include "SpectralDialect/InitAllSpectral.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::arith::ArithDialect, mlir::func::FuncDialect>();
  mlir::spectral::registerAllSpectralDialects(registry);
  mlir::spectral::registerAllSpectralPasses();
  mlir::spectral::registerAllSpectralPipelines();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "consumer-opt\n", registry));
}
