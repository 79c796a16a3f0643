//===- Version.cpp - Version of the runtime library -----------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-runtime/SpectralRuntime.h"

extern "C" const char *spectral_runtime_version(void) {
  return SPECTRAL_RUNTIME_VERSION;
}
