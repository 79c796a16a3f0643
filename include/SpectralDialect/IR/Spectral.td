//===- Spectral.td - Spectral dialect umbrella -------------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_TD
#define SPECTRAL_TD

include "SpectralDialect/IR/SpectralDialect.td"
include "SpectralDialect/IR/SpectralAttributes.td"
include "SpectralDialect/IR/SpectralTypes.td"
include "SpectralDialect/IR/SpectralOps.td"
include "SpectralDialect/IR/SpectralMidLevelOps.td"

#endif // SPECTRAL_TD
