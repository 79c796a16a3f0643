//===- TileSelection.h - Top-k selection and scatter of tiles ---*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The two halves of sparse spectral storage on the host: selecting the K
// candidate bins of highest energy in every tile, and scattering kept
// coefficients back into tile spectra (and gathering them, its transpose).
// spectral_topk/spectral_scatter/spectral_gather call them once their
// descriptors are checked, and compile-time compression calls them
// directly, so that both store exactly the same coefficients.
//
// Views are [tiles, bins] and [tiles, K] with any non-negative strides.
// Failures are returned in `error`, never reported.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_CORE_TILESELECTION_H
#define SPECTRAL_RUNTIME_CORE_TILESELECTION_H

#include "spectral-core/ErrorMessage.h"
#include "spectral-core/MemRefView.h"
#include "spectral-core/TileSpectrum.h"

namespace mlir {
namespace spectral {
namespace core {

/// Checks that K does not exceed the number of candidates of a tile.
bool validateNumKept(int64_t k, int64_t numCandidates, ErrorMessage &error);

/// What an entry point does at the positions, which the messages say.
enum class PositionUse { Write, Read };

/// Checks every position before anything is written: in range, and no bin
/// named twice by one tile (directly or as a conjugate partner). Scatter
/// needs this because the later write would silently win; gather, its
/// transpose, reads the same layout and accepts exactly the same positions.
/// `writer` is work space of S entries.
bool validatePositions(const TileSpectrum &tile,
                       const MemRefView<int64_t> &positions, int64_t *writer,
                       PositionUse use, ErrorMessage &error);

/// Writes the K (coeffs.sizes[1]) candidate bins of highest energy of every
/// tile of `spectrum`, in ascending position, to `coeffs` and `positions`.
bool selectTopK(const TileSpectrum &tile, const MemRefView<complex32> &spectrum,
                const MemRefView<complex32> &coeffs,
                const MemRefView<int64_t> &positions, ErrorMessage &error);

/// Rebuilds every tile spectrum from its kept coefficients: zero elsewhere,
/// and, on a Hermitian plane, the conjugate partner of each kept bin.
bool scatterTiles(const TileSpectrum &tile, const MemRefView<complex32> &coeffs,
                  const MemRefView<int64_t> &positions,
                  const MemRefView<complex32> &spectrum, ErrorMessage &error);

/// The transpose of scatterTiles' copy, after validatePositions:
/// coeffs[t][k] = spectrum[t][positions[t][k]]. Nothing is conjugated or
/// weighed.
bool gatherTiles(const TileSpectrum &tile,
                 const MemRefView<complex32> &spectrum,
                 const MemRefView<int64_t> &positions,
                 const MemRefView<complex32> &coeffs, ErrorMessage &error);

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_TILESELECTION_H
