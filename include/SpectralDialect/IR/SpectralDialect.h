//===- SpectralDialect.h - Spectral dialect ---------------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_IR_SPECTRALDIALECT_H
#define SPECTRALDIALECT_IR_SPECTRALDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dialect.h"

#include "SpectralDialect/IR/SpectralDialect.h.inc"

#endif // SPECTRALDIALECT_IR_SPECTRALDIALECT_H
