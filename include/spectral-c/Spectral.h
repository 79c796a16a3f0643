/*===- spectral-c/Spectral.h - C API of the spectral dialect ------*- C -*-===*\
|*                                                                            *|
|* Part of the spectral-dialect project, under the Apache License v2.0 with   *|
|* LLVM Exceptions. See LICENSE for license information.                      *|
|* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception                    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/
/*
 * The spectral dialect for C and other languages' bindings, in the style of
 * upstream's mlir-c: a dialect handle, the !spectral.sst type (construction,
 * isa, accessors) and the registration of the passes and pipelines.
 * Link MLIRSpectralCAPI (and MLIR's C API for the core functions).
 */

#ifndef SPECTRAL_C_SPECTRAL_H
#define SPECTRAL_C_SPECTRAL_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Spectral, spectral);

/* Inserts every dialect, interface and translation a spectral pipeline
 * needs into `registry` (InitAllSpectral.h's registerAllSpectralDialects). */
MLIR_CAPI_EXPORTED void
mlirSpectralRegisterAllDialects(MlirDialectRegistry registry);

/* Registers the spectral passes (and the upstream passes the pipelines
 * run), so that they can be named in mlirParsePassPipeline. */
MLIR_CAPI_EXPORTED void mlirSpectralRegisterPasses(void);

/* Registers spectral-cpu-pipeline and spectral-gpu-pipeline. */
MLIR_CAPI_EXPORTED void mlirSpectralRegisterPipelines(void);

/*===----------------------------------------------------------------------===*
 * !spectral.sst
 *===----------------------------------------------------------------------===*/

/* The layout of a sparse spectral tensor's kept coefficients. */
typedef enum MlirSpectralTransform {
  MlirSpectralTransformRFFT = 0, /* real input, non-redundant half spectrum */
  MlirSpectralTransformFFT = 1   /* full complex spectrum */
} MlirSpectralTransform;

MLIR_CAPI_EXPORTED bool mlirTypeIsASpectralSST(MlirType type);

MLIR_CAPI_EXPORTED MlirTypeID mlirSpectralSSTTypeGetTypeID(void);

/* `shape` x `elementType`, `keep` coefficients per tile, every other
 * parameter at its default (rfft over all axes, one tile, complex<f32>
 * coefficients, i32 positions). Returns a null type, after emitting a
 * diagnostic at an unknown location, if the parameters are inconsistent. */
MLIR_CAPI_EXPORTED MlirType mlirSpectralSSTTypeGet(MlirContext context,
                                                  intptr_t rank,
                                                  const int64_t *shape,
                                                  MlirType elementType,
                                                  int64_t keep);

/* Every parameter given: `numAxes` transformed axes, a tile of `rank`
 * sizes, the coefficient (complex) and position (integer) storage types.
 * Returns a null type, after a diagnostic at `loc`, if they are
 * inconsistent. */
MLIR_CAPI_EXPORTED MlirType mlirSpectralSSTTypeGetChecked(
    MlirLocation loc, intptr_t rank, const int64_t *shape,
    MlirType elementType, int64_t keep, MlirSpectralTransform transform,
    intptr_t numAxes, const int64_t *axes, const int64_t *tile,
    MlirType coeffType, MlirType indexType);

MLIR_CAPI_EXPORTED intptr_t mlirSpectralSSTTypeGetRank(MlirType type);
MLIR_CAPI_EXPORTED int64_t mlirSpectralSSTTypeGetDimSize(MlirType type,
                                                        intptr_t dim);
MLIR_CAPI_EXPORTED MlirType mlirSpectralSSTTypeGetElementType(MlirType type);
MLIR_CAPI_EXPORTED int64_t mlirSpectralSSTTypeGetKeep(MlirType type);
MLIR_CAPI_EXPORTED MlirSpectralTransform
mlirSpectralSSTTypeGetTransform(MlirType type);
MLIR_CAPI_EXPORTED intptr_t mlirSpectralSSTTypeGetNumAxes(MlirType type);
MLIR_CAPI_EXPORTED int64_t mlirSpectralSSTTypeGetAxis(MlirType type,
                                                     intptr_t pos);
MLIR_CAPI_EXPORTED int64_t mlirSpectralSSTTypeGetTileSize(MlirType type,
                                                         intptr_t dim);
MLIR_CAPI_EXPORTED MlirType mlirSpectralSSTTypeGetCoeffType(MlirType type);
MLIR_CAPI_EXPORTED MlirType mlirSpectralSSTTypeGetIndexType(MlirType type);
/* Number of tiles, and bytes of stored coefficients and positions. */
MLIR_CAPI_EXPORTED int64_t mlirSpectralSSTTypeGetNumTiles(MlirType type);
MLIR_CAPI_EXPORTED int64_t mlirSpectralSSTTypeGetStorageBytes(MlirType type);
/* The dense tensor type it stands for. */
MLIR_CAPI_EXPORTED MlirType mlirSpectralSSTTypeGetDenseType(MlirType type);

#ifdef __cplusplus
}
#endif

#endif /* SPECTRAL_C_SPECTRAL_H */
