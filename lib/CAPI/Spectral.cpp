//===- Spectral.cpp - C API of the spectral dialect -----------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-c/Spectral.h"

#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/IR/SpectralTypes.h"
#include "SpectralDialect/InitAllSpectral.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Registration.h"
#include "mlir/CAPI/Support.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::spectral;

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Spectral, spectral, SpectralDialect)

void mlirSpectralRegisterAllDialects(MlirDialectRegistry registry) {
  registerAllSpectralDialects(*unwrap(registry));
}

void mlirSpectralRegisterPasses(void) { registerAllSpectralPasses(); }

void mlirSpectralRegisterPipelines(void) { registerAllSpectralPipelines(); }

static SparseSpectralType sst(MlirType type) {
  return cast<SparseSpectralType>(unwrap(type));
}

bool mlirTypeIsASpectralSST(MlirType type) {
  return isa<SparseSpectralType>(unwrap(type));
}

MlirTypeID mlirSpectralSSTTypeGetTypeID(void) {
  return wrap(SparseSpectralType::getTypeID());
}

MlirType mlirSpectralSSTTypeGet(MlirContext context, intptr_t rank,
                                const int64_t *shape, MlirType elementType,
                                int64_t keep) {
  MLIRContext *ctx = unwrap(context);
  ArrayRef<int64_t> dims(shape, rank);
  SmallVector<int64_t> axes = SparseSpectralType::getDefaultAxes(rank);
  return wrap(SparseSpectralType::getChecked(
      [&] { return emitError(UnknownLoc::get(ctx)); }, ctx, dims,
      unwrap(elementType), keep, TransformKind::rfft, ArrayRef<int64_t>(axes),
      dims, SparseSpectralType::getDefaultCoeffType(ctx),
      SparseSpectralType::getDefaultIndexType(ctx)));
}

MlirType mlirSpectralSSTTypeGetChecked(MlirLocation loc, intptr_t rank,
                                       const int64_t *shape,
                                       MlirType elementType, int64_t keep,
                                       MlirSpectralTransform transform,
                                       intptr_t numAxes, const int64_t *axes,
                                       const int64_t *tile, MlirType coeffType,
                                       MlirType indexType) {
  Location location = unwrap(loc);
  auto coeff = dyn_cast<ComplexType>(unwrap(coeffType));
  auto index = dyn_cast<IntegerType>(unwrap(indexType));
  if (!coeff || !index) {
    emitError(location) << "!spectral.sst: the coefficient type must be "
                           "complex and the position type an integer";
    return MlirType{nullptr};
  }
  if (transform != MlirSpectralTransformRFFT &&
      transform != MlirSpectralTransformFFT) {
    emitError(location) << "!spectral.sst: unknown transform "
                        << static_cast<int>(transform);
    return MlirType{nullptr};
  }
  return wrap(SparseSpectralType::getChecked(
      [&] { return emitError(location); }, location.getContext(),
      ArrayRef<int64_t>(shape, rank), unwrap(elementType), keep,
      static_cast<TransformKind>(transform), ArrayRef<int64_t>(axes, numAxes),
      ArrayRef<int64_t>(tile, rank), coeff, index));
}

intptr_t mlirSpectralSSTTypeGetRank(MlirType type) {
  return sst(type).getRank();
}
int64_t mlirSpectralSSTTypeGetDimSize(MlirType type, intptr_t dim) {
  return sst(type).getShape()[dim];
}
MlirType mlirSpectralSSTTypeGetElementType(MlirType type) {
  return wrap(sst(type).getElementType());
}
int64_t mlirSpectralSSTTypeGetKeep(MlirType type) {
  return sst(type).getKeep();
}
MlirSpectralTransform mlirSpectralSSTTypeGetTransform(MlirType type) {
  return static_cast<MlirSpectralTransform>(sst(type).getTransform());
}
intptr_t mlirSpectralSSTTypeGetNumAxes(MlirType type) {
  return sst(type).getAxes().size();
}
int64_t mlirSpectralSSTTypeGetAxis(MlirType type, intptr_t pos) {
  return sst(type).getAxes()[pos];
}
int64_t mlirSpectralSSTTypeGetTileSize(MlirType type, intptr_t dim) {
  return sst(type).getTile()[dim];
}
MlirType mlirSpectralSSTTypeGetCoeffType(MlirType type) {
  return wrap(sst(type).getCoeffType());
}
MlirType mlirSpectralSSTTypeGetIndexType(MlirType type) {
  return wrap(sst(type).getIndexType());
}
int64_t mlirSpectralSSTTypeGetNumTiles(MlirType type) {
  return sst(type).getNumTiles();
}
int64_t mlirSpectralSSTTypeGetStorageBytes(MlirType type) {
  return sst(type).getStorageBytes();
}
MlirType mlirSpectralSSTTypeGetDenseType(MlirType type) {
  return wrap(sst(type).getDenseType());
}
