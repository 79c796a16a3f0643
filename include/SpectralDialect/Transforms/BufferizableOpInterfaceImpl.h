//===- BufferizableOpInterfaceImpl.h - external models ----------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// One-shot bufferization of the spectral ops: the BufferizableOpInterface
// external models.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_TRANSFORMS_BUFFERIZABLEOPINTERFACEIMPL_H
#define SPECTRALDIALECT_TRANSFORMS_BUFFERIZABLEOPINTERFACEIMPL_H

namespace mlir {
class DialectRegistry;
namespace spectral {

void registerBufferizableOpInterfaceExternalModels(DialectRegistry &registry);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_TRANSFORMS_BUFFERIZABLEOPINTERFACEIMPL_H
