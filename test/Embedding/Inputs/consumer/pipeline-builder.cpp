// A compiler that builds spectral-cpu-pipeline from its typed options in
// C++ (no option text), runs it on the module in argv[1] and prints what it
// built and whether the module lowered.
#include "SpectralDialect/InitAllSpectral.h"
#include "SpectralDialect/Pipelines/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  mlir::DialectRegistry registry;
  mlir::spectral::registerAllSpectralDialects(registry);
  mlir::MLIRContext context(registry);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(argv[1], &context);
  if (!module)
    return 1;

  mlir::spectral::SpectralCPUPipelineOptions options;
  options.convPolicy = mlir::spectral::FFTConvolutionPolicy::Never;
  options.groupTiles = 2;
  options.parallel = false;
  mlir::PassManager pm(&context);
  mlir::spectral::buildSpectralCPUPipeline(pm, options);
  pm.printAsTextualPipeline(llvm::outs());
  llvm::outs() << "\n";
  if (mlir::failed(pm.run(*module)))
    return 1;
  llvm::outs() << "lowered\n";
  return 0;
}
