//===- AdjointOpInterfaceImpl.h - external models ---------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The adjoints spectral-differentiate builds: the AdjointOpInterface
// external models of the spectral ops.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_TRANSFORMS_ADJOINTOPINTERFACEIMPL_H
#define SPECTRALDIALECT_TRANSFORMS_ADJOINTOPINTERFACEIMPL_H

namespace mlir {
class DialectRegistry;
namespace spectral {

void registerAdjointOpInterfaceModels(DialectRegistry &registry);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_TRANSFORMS_ADJOINTOPINTERFACEIMPL_H
