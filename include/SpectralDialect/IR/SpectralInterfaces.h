//===- SpectralInterfaces.h - Spectral op interfaces ------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_IR_SPECTRALINTERFACES_H
#define SPECTRALDIALECT_IR_SPECTRALINTERFACES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpDefinition.h"
#include "llvm/ADT/SmallVector.h"

#include "SpectralDialect/IR/SpectralInterfaces.h.inc"

#endif // SPECTRALDIALECT_IR_SPECTRALINTERFACES_H
