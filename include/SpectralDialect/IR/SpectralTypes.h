//===- SpectralTypes.h - Spectral types and enums ---------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_IR_SPECTRALTYPES_H
#define SPECTRALDIALECT_IR_SPECTRALTYPES_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#include "SpectralDialect/IR/SpectralEnums.h.inc"

#define GET_TYPEDEF_CLASSES
#include "SpectralDialect/IR/SpectralTypes.h.inc"

#endif // SPECTRALDIALECT_IR_SPECTRALTYPES_H
