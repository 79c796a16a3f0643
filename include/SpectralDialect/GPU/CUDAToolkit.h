//===- CUDAToolkit.h - Finding the CUDA toolkit -----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Where the GPU pipeline and spectral-pack-fatbin find ptxas, fatbinary and
// libdevice: one rule, so that both use the same toolkit.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_GPU_CUDATOOLKIT_H
#define SPECTRALDIALECT_GPU_CUDATOOLKIT_H

#include "mlir/Support/LLVM.h"

#include <string>

namespace mlir {
namespace spectral {

/// The toolkit directory: `requested` if given, else the first of
/// $CUDA_HOME, $CUDA_ROOT, $CUDA_PATH, the parents of the PATH directories
/// and /usr/local/cuda that is a toolkit (an executable bin/ptxas and
/// nvvm/libdevice/libdevice.10.bc). On failure `whyNot` says why `requested`
/// is not a toolkit, or is empty if none was requested and none was found.
FailureOr<std::string> findCUDAToolkit(StringRef requested,
                                       std::string &whyNot);

/// The toolkit program `name` (e.g. "fatbinary"): under `toolkit`/bin if a
/// toolkit is given; else on PATH or in the toolkit findCUDAToolkit finds.
FailureOr<std::string> findCUDAProgram(StringRef toolkit, StringRef name);

/// Where findCUDAToolkit looks, for diagnostics.
StringRef getCUDAToolkitSearchDescription();

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_GPU_CUDATOOLKIT_H
