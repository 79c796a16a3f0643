//===- FFTWWisdom.h - FFTW plans kept across processes ----------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Measured plans are fast but slow to make (hundreds of milliseconds for
// one large batch). FFTW's wisdom records what was measured; the runtime
// keeps it in a file per precision so that each shape is measured once per
// machine, not once per process:
//
//   SPECTRAL_FFTW_WISDOM=off      no file
//   SPECTRAL_FFTW_WISDOM=<dir>    <dir>/fftw-wisdom-f32 and -f64
//   unset                         $XDG_CACHE_HOME/spectral-dialect, else
//                                 $HOME/.cache/spectral-dialect
//
// The file is read before the first plan of its precision and written after
// every plan that added wisdom: the current file is merged in first and the
// result renamed over it, so processes sharing the file never see a torn
// one and keep each other's plans.
//
// Not thread-safe: called under the plan cache's lock, like the planner.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_CORE_FFTWWISDOM_H
#define SPECTRAL_RUNTIME_CORE_FFTWWISDOM_H

#include "spectral-core/FFTBackend.h"

namespace mlir {
namespace spectral {
namespace core {

/// Reads the wisdom file of `precision` into FFTW, once per process.
void loadWisdom(Precision precision);

/// Merges FFTW's wisdom of `precision` into its file.
void saveWisdom(Precision precision);

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_FFTWWISDOM_H
