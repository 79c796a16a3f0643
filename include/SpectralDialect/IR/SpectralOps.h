//===- SpectralOps.h - Spectral ops -----------------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_IR_SPECTRALOPS_H
#define SPECTRALDIALECT_IR_SPECTRALOPS_H

#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/IR/SpectralInterfaces.h"
#include "SpectralDialect/IR/SpectralTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

#define GET_OP_CLASSES
#include "SpectralDialect/IR/SpectralOps.h.inc"

#endif // SPECTRALDIALECT_IR_SPECTRALOPS_H
