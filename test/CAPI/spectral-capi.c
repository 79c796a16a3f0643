/*===- spectral-capi.c - Test of the spectral dialect's C API ------------===*/
/* Builds IR through the C API (a function that compresses a tensor into an
 * !spectral.sst made by mlirSpectralSSTTypeGetChecked and takes its energy),
 * reads the type back through its accessors, and lowers the module with
 * spectral-cpu-pipeline through mlirPassManager. */
// RUN: spectral-capi-test 2>&1 | FileCheck %s
// CHECK lines are not reflowed:
// clang-format off

#include "spectral-c/Spectral.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

#include <stdio.h>
#include <stdlib.h>

static void printToStdout(MlirStringRef text, void *userData) {
  (void)userData;
  fwrite(text.data, 1, text.length, stdout);
}

static void printType(const char *label, MlirType type) {
  printf("%s: ", label);
  mlirTypePrint(type, printToStdout, NULL);
  printf("\n");
}

static MlirContext createContext(void) {
  MlirContext context = mlirContextCreate();
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirSpectralRegisterAllDialects(registry);
  mlirContextAppendDialectRegistry(context, registry);
  mlirDialectRegistryDestroy(registry);
  mlirContextLoadAllAvailableDialects(context);
  return context;
}

static MlirNamedAttribute namedAttribute(MlirContext context, const char *name,
                                         MlirAttribute value) {
  return mlirNamedAttributeGet(
      mlirIdentifierGet(context, mlirStringRefCreateFromCString(name)), value);
}

/* Appends `name`(operand) -> resultType to `block`; returns its result. */
static MlirValue appendUnaryOp(MlirBlock block, const char *name,
                               MlirValue operand, MlirType resultType,
                               MlirLocation loc) {
  MlirOperationState state =
      mlirOperationStateGet(mlirStringRefCreateFromCString(name), loc);
  mlirOperationStateAddOperands(&state, 1, &operand);
  mlirOperationStateAddResults(&state, 1, &resultType);
  MlirOperation op = mlirOperationCreate(&state);
  mlirBlockAppendOwnedOperation(block, op);
  return mlirOperationGetResult(op, 0);
}

/* func.func @energy(%x: tensor<64x48xf32>) -> f32 {
 *   %s = spectral.compress %x : tensor<64x48xf32> -> SST
 *   %e = spectral.energy %s : SST
 *   return %e : f32
 * } */
static MlirModule buildModule(MlirContext context, MlirType sst) {
  MlirLocation loc = mlirLocationUnknownGet(context);
  MlirModule module = mlirModuleCreateEmpty(loc);
  MlirType dense = mlirSpectralSSTTypeGetDenseType(sst);
  MlirType f32 = mlirF32TypeGet(context);

  MlirRegion body = mlirRegionCreate();
  MlirBlock block = mlirBlockCreate(1, &dense, &loc);
  mlirRegionAppendOwnedBlock(body, block);
  MlirValue input = mlirBlockGetArgument(block, 0);

  MlirValue compressed =
      appendUnaryOp(block, "spectral.compress", input, sst, loc);
  MlirValue result =
      appendUnaryOp(block, "spectral.energy", compressed, f32, loc);

  MlirOperationState ret =
      mlirOperationStateGet(mlirStringRefCreateFromCString("func.return"), loc);
  mlirOperationStateAddOperands(&ret, 1, &result);
  mlirBlockAppendOwnedOperation(block, mlirOperationCreate(&ret));

  MlirType functionType = mlirFunctionTypeGet(context, 1, &dense, 1, &f32);
  MlirNamedAttribute attributes[] = {
      namedAttribute(
          context, "sym_name",
          mlirStringAttrGet(context, mlirStringRefCreateFromCString("energy"))),
      namedAttribute(context, "function_type", mlirTypeAttrGet(functionType))};
  MlirOperationState func =
      mlirOperationStateGet(mlirStringRefCreateFromCString("func.func"), loc);
  mlirOperationStateAddAttributes(&func, 2, attributes);
  mlirOperationStateAddOwnedRegions(&func, 1, &body);
  mlirBlockAppendOwnedOperation(mlirModuleGetBody(module),
                                mlirOperationCreate(&func));
  return module;
}

static void reportPipelineError(MlirStringRef message, void *userData) {
  (void)userData;
  fprintf(stdout, "pipeline error: %.*s\n", (int)message.length, message.data);
}

int main(void) {
  /* Diagnostics go to stderr: keep the two streams in order. */
  setvbuf(stdout, NULL, _IONBF, 0);
  MlirContext context = createContext();
  MlirType f32 = mlirF32TypeGet(context);
  int64_t shape[] = {64, 48};

  // CHECK: defaults: !spectral.sst<64x48xf32, keep = 16>
  MlirType defaults = mlirSpectralSSTTypeGet(context, 2, shape, f32, 16);
  printType("defaults", defaults);

  int64_t axes[] = {1};
  int64_t tile[] = {16, 48};
  MlirType sst = mlirSpectralSSTTypeGetChecked(
      mlirLocationUnknownGet(context), 2, shape, f32, 8,
      MlirSpectralTransformRFFT, 1, axes, tile,
      mlirComplexTypeGet(mlirF16TypeGet(context)),
      mlirIntegerTypeGet(context, 16));
  // CHECK: sst: !spectral.sst<64x48xf32, keep = 8, axes = [1], tile = [16, 48], coeff = complex<f16>, index = i16>
  printType("sst", sst);
  // CHECK: isa 1 1 0, rank 2, dims 64 48, keep 8, transform 0, axes 1: 1, tile 16 48, tiles 4, bytes 192
  printf("isa %d %d %d, rank %ld, dims %lld %lld, keep %lld, transform %d, "
         "axes %ld: %lld, tile %lld %lld, tiles %lld, bytes %lld\n",
         mlirTypeIsASpectralSST(sst), mlirTypeIsASpectralSST(defaults),
         mlirTypeIsASpectralSST(f32), (long)mlirSpectralSSTTypeGetRank(sst),
         (long long)mlirSpectralSSTTypeGetDimSize(sst, 0),
         (long long)mlirSpectralSSTTypeGetDimSize(sst, 1),
         (long long)mlirSpectralSSTTypeGetKeep(sst),
         (int)mlirSpectralSSTTypeGetTransform(sst),
         (long)mlirSpectralSSTTypeGetNumAxes(sst),
         (long long)mlirSpectralSSTTypeGetAxis(sst, 0),
         (long long)mlirSpectralSSTTypeGetTileSize(sst, 0),
         (long long)mlirSpectralSSTTypeGetTileSize(sst, 1),
         (long long)mlirSpectralSSTTypeGetNumTiles(sst),
         (long long)mlirSpectralSSTTypeGetStorageBytes(sst));
  // CHECK: storage: complex<f16> i16, dense tensor<64x48xf32>, element f32
  printf("storage: ");
  mlirTypePrint(mlirSpectralSSTTypeGetCoeffType(sst), printToStdout, NULL);
  printf(" ");
  mlirTypePrint(mlirSpectralSSTTypeGetIndexType(sst), printToStdout, NULL);
  printf(", dense ");
  mlirTypePrint(mlirSpectralSSTTypeGetDenseType(sst), printToStdout, NULL);
  printf(", element ");
  mlirTypePrint(mlirSpectralSSTTypeGetElementType(sst), printToStdout, NULL);
  printf("\n");

  // An inconsistent type is a diagnostic and a null type, not a crash.
  // CHECK: error: {{.*}}keep
  // CHECK: too large: null 1
  MlirType tooLarge = mlirSpectralSSTTypeGet(context, 2, shape, f32, 100000);
  printf("too large: null %d\n", mlirTypeIsNull(tooLarge));

  MlirModule module = buildModule(context, sst);
  MlirOperation moduleOp = mlirModuleGetOperation(module);
  // CHECK: built, verifies: 1
  // CHECK: func.func @energy(%arg0: tensor<64x48xf32>) -> f32
  // CHECK: spectral.compress %arg0 : tensor<64x48xf32> -> !spectral.sst<64x48xf32, keep = 8, axes = [1], tile = [16, 48], coeff = complex<f16>, index = i16>
  // CHECK: spectral.energy
  printf("built, verifies: %d\n", mlirOperationVerify(moduleOp));
  mlirOperationPrint(moduleOp, printToStdout, NULL);
  printf("\n");

  mlirSpectralRegisterPasses();
  mlirSpectralRegisterPipelines();
  MlirPassManager pm = mlirPassManagerCreate(context);
  MlirLogicalResult parsed = mlirParsePassPipeline(
      mlirPassManagerGetAsOpPassManager(pm),
      mlirStringRefCreateFromCString("builtin.module(spectral-cpu-pipeline)"),
      reportPipelineError, NULL);
  // CHECK: pipeline parsed: 1, ran: 1
  // CHECK-NOT: {{spectral\.(compress|energy)}}
  // CHECK: llvm.func @energy(
  // CHECK: llvm.call @spectral_fft_r2c(
  // CHECK-NOT: {{spectral\.(compress|energy)}}
  int ran = mlirLogicalResultIsSuccess(parsed) &&
            mlirLogicalResultIsSuccess(mlirPassManagerRunOnOp(pm, moduleOp));
  printf("pipeline parsed: %d, ran: %d\n", mlirLogicalResultIsSuccess(parsed),
         ran);
  mlirOperationPrint(moduleOp, printToStdout, NULL);
  printf("\n");

  // CHECK: pipeline error: {{.*}}no-such-option
  MlirPassManager bad = mlirPassManagerCreate(context);
  mlirParsePassPipeline(
      mlirPassManagerGetAsOpPassManager(bad),
      mlirStringRefCreateFromCString(
          "builtin.module(spectral-cpu-pipeline{no-such-option=1})"),
      reportPipelineError, NULL);

  mlirPassManagerDestroy(bad);
  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
  mlirContextDestroy(context);
  return ran ? 0 : 1;
}
