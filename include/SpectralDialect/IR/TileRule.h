//===- TileRule.h - Tile spectrum rule of compiler and runtimes -*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The one definition of the rule that decides, for the spectrum of one tile,
// which bins are candidates for selection and what each stands for
// (docs/dialect.md, section 3), and of the maximum rank. The type verifier
// counts candidates with it, compile-time compression weighs stored bins
// with it, and the CPU and CUDA runtimes (host and device code) select and
// decompress with it, so no two of them can disagree. Like RuntimeEnums.h it
// depends on nothing but <stdint.h>; compiled by nvcc its functions are also
// device functions. (spectral-expand-storage emits the weight rule as IR
// for energies computed at run time, computeBinWeight in
// SparseStoragePatterns.cpp; the executed energy tests check it against
// numpy.)
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_IR_TILERULE_H
#define SPECTRALDIALECT_IR_TILERULE_H

#include <stdint.h>

#if defined(__CUDACC__)
#define SPECTRAL_HOST_DEVICE __host__ __device__
#else
#define SPECTRAL_HOST_DEVICE
#endif

namespace mlir {
namespace spectral {
namespace tile_rule {

/// Ranks of tensors, tiles and memref descriptors the dialect and its
/// runtimes accept (one bit per dimension in an axes mask).
constexpr int64_t kMinRank = 1;
constexpr int64_t kMaxRank = 8;

/// What the rule says of one bin of a tile spectrum.
struct Bin {
  /// Number of dense bins it stands for (1 or 2), or 0 if it is the
  /// non-canonical member of a conjugate pair (not a candidate).
  int32_t weight;
  /// Position of its conjugate partner if it lies on a Hermitian plane
  /// (itself if self-conjugate), else -1.
  int64_t partner;
};

/// The rule for the bin at row-major `position` of a tile spectrum of `rank`
/// dimensions `shape` (with row-major `strides`), transformed over the axes
/// of `axesMask`. `halvedAxis` < 0 is the full complex (fft) layout, where
/// every bin stands for itself; otherwise the rfft half spectrum along
/// `halvedAxis`, of tile length `halvedLength`.
SPECTRAL_HOST_DEVICE inline Bin classify(int64_t position, int64_t rank,
                                         const int64_t *shape,
                                         const int64_t *strides,
                                         uint64_t axesMask, int64_t halvedAxis,
                                         int64_t halvedLength) {
  if (halvedAxis < 0)
    return {1, -1};
  int64_t k = position / strides[halvedAxis] % shape[halvedAxis];
  // Inside the half (0 < k < n/2) a bin also stands for its mirror bin,
  // which is not stored.
  if (k != 0 && 2 * k != halvedLength)
    return {2, -1};
  // On the k = 0 and k = n/2 planes, X[j] = conj(X[-j]) over the other
  // transformed axes; batch axes and k stay as they are.
  int64_t partner = 0;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t index = position / strides[d] % shape[d];
    if (d != halvedAxis && ((axesMask >> d) & 1))
      index = (shape[d] - index) % shape[d];
    partner += index * strides[d];
  }
  // Positions are row-major and the two members differ only in the other
  // transformed axes, so the lexicographically smaller index vector is the
  // smaller position.
  if (position == partner)
    return {1, partner};
  return {position < partner ? 2 : 0, partner};
}

/// Number of candidate bins of a tile of `rank` sizes `tile`, transformed
/// over `axesMask`; `halvedAxis` as for classify(). Along the halved axis of
/// length n the half spectrum has n/2+1 bins; those inside the half are all
/// candidates. The k = 0 plane and, for even n, the k = n/2 plane are
/// Hermitian over the other transformed axes: of their N bins, S are
/// self-conjugate and the other N - S come in pairs, so (N + S) / 2 are
/// candidates. Untransformed dimensions multiply every count.
inline int64_t countCandidates(int64_t rank, const int64_t *tile,
                               uint64_t axesMask, int64_t halvedAxis) {
  int64_t all = 1;
  for (int64_t d = 0; d < rank; ++d)
    all *= tile[d];
  if (halvedAxis < 0)
    return all;
  int64_t n = tile[halvedAxis];
  int64_t batch = 1, planeBins = 1, selfConjugate = 1;
  for (int64_t d = 0; d < rank; ++d) {
    if (d == halvedAxis)
      continue;
    if (!((axesMask >> d) & 1)) {
      batch *= tile[d];
      continue;
    }
    planeBins *= tile[d];
    selfConjugate *= (tile[d] % 2 == 0) ? 2 : 1;
  }
  int64_t planes = (n % 2 == 0) ? 2 : 1;
  int64_t interior = n / 2 + 1 - planes;
  return batch *
         (planeBins * interior + planes * (planeBins + selfConjugate) / 2);
}

} // namespace tile_rule
} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_IR_TILERULE_H
