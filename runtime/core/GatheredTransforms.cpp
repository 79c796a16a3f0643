//===- GatheredTransforms.cpp - Strided batches through scratch -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "GatheredTransforms.h"
#include "MemRefView.h"
#include "Memory.h"
#include "Parallel.h"
#include "PlanCache.h"

#include <algorithm>
#include <atomic>
#include <complex>
#include <cstring>
#include <mutex>
#include <type_traits>

using namespace mlir::spectral::runtime;

namespace {

/// Scratch per thread for one chunk, input and output side together, and
/// the most transforms a chunk holds. Measured on the mix benchmark's
/// [4, T, 256] batches (T = 512, 2048, 8192; docs/benchmarks.md): budgets
/// from 128 KiB to 2 MiB and widths from 8 to 64 are within 15% of each
/// other wherever a chunk holds at least 4 transforms, and 1 MiB with 32 was
/// among the fastest at every T.
constexpr int64_t kScratchBudgetBytes = 1024 * 1024;
constexpr int64_t kMaxWidth = 32;
/// Below this many transforms per chunk the gather reads too little of each
/// cache line to beat FFTW's strided plan (which is 3-4x slower than a
/// gathered one at T = 8192 above).
constexpr int64_t kMinWidth = 4;

/// The transformed dimensions of a problem on one side: lengths, the user's
/// strides and the contiguous strides of one transform in scratch.
struct SideLayout {
  int64_t lengths[kMaxDescriptorRank + 1];
  int64_t userStrides[kMaxDescriptorRank + 1];
  int64_t scratchStrides[kMaxDescriptorRank + 1];
  /// Elements from one transform to the next in scratch.
  int64_t distance = 1;
};

SideLayout getSideLayout(const FFTProblem &problem, bool input) {
  SideLayout side;
  int64_t count = 1;
  for (int32_t i = problem.rank - 1; i >= 0; --i) {
    side.lengths[i] = getSideLength(problem, i, input);
    side.userStrides[i] =
        input ? problem.dims[i].inStride : problem.dims[i].outStride;
    side.scratchStrides[i] = count;
    count *= side.lengths[i];
  }
  // The gather writes (and the scatter reads) one element of every
  // transform of a chunk in turn. Transforms a power-of-two number of bytes
  // apart would all map to the same few cache sets and evict each other:
  // pad the distance to an odd number of cache lines.
  size_t inSize, outSize;
  getElementSizes(problem, inSize, outSize);
  int64_t lineElements = 64 / static_cast<int64_t>(input ? inSize : outSize);
  int64_t lines = (count + lineElements - 1) / lineElements;
  side.distance = (lines | 1) * lineElements;
  return side;
}

/// The batched contiguous problem of `width` transforms in scratch.
FFTProblem getChunkProblem(const FFTProblem &problem, const SideLayout &in,
                           const SideLayout &out, int64_t width) {
  FFTProblem chunk;
  chunk.kind = problem.kind;
  chunk.precision = problem.precision;
  chunk.sign = problem.sign;
  chunk.rank = problem.rank;
  for (int32_t i = 0; i < problem.rank; ++i)
    chunk.dims[i] = {problem.dims[i].length, in.scratchStrides[i],
                     out.scratchStrides[i]};
  chunk.batchRank = 1;
  chunk.batch[0] = {width, in.distance, out.distance};
  return chunk;
}

/// Remembers the first error of several threads.
class FirstError {
public:
  void set(const ErrorMessage &message) {
    std::lock_guard<std::mutex> lock(mutex);
    if (!failed.load())
      first = message;
    failed.store(true);
  }
  bool hasFailed() const { return failed.load(std::memory_order_relaxed); }
  /// After the threads have joined: false, with the error, if one failed.
  bool report(ErrorMessage &error) const {
    if (failed.load())
      error = first;
    return !failed.load();
  }

private:
  std::mutex mutex;
  std::atomic<bool> failed{false};
  ErrorMessage first;
};

} // namespace

bool mlir::spectral::runtime::chooseGatherShape(const FFTProblem &problem,
                                                const void *in, const void *out,
                                                GatherShape &shape) {
  // An in-place transform may interleave input and output elements of
  // different chunks.
  if (problem.rank == 0 || problem.batchRank == 0 || in == out)
    return false;
  const FFTDim &inner = problem.dims[problem.rank - 1];
  if (inner.inStride == 1 && inner.outStride == 1)
    return false;
  // The vector dimension: unit stride on the input side (the gather reads
  // whole cache lines), else on the output side (the scatter writes them).
  int32_t vectorDim = -1;
  for (bool inputSide : {true, false}) {
    for (int32_t b = 0; b < problem.batchRank && vectorDim < 0; ++b) {
      const FFTDim &dim = problem.batch[b];
      if (dim.length > 1 && (inputSide ? dim.inStride : dim.outStride) == 1)
        vectorDim = b;
    }
  }
  if (vectorDim < 0)
    return false;

  size_t inSize, outSize;
  getElementSizes(problem, inSize, outSize);
  SideLayout inSide = getSideLayout(problem, true);
  SideLayout outSide = getSideLayout(problem, false);
  // A complex-to-complex chunk is transformed in place in its scratch.
  int64_t bytesPerTransform =
      inSide.distance * static_cast<int64_t>(inSize) +
      (problem.kind == TransformKind::C2C
           ? 0
           : outSide.distance * static_cast<int64_t>(outSize));
  int64_t vectorLength = problem.batch[vectorDim].length;
  int64_t width = std::min(
      {kMaxWidth, vectorLength, kScratchBudgetBytes / bytesPerTransform});
  if (width < std::min(kMinWidth, vectorLength))
    return false;
  shape.vectorDim = vectorDim;
  shape.width = width;
  return true;
}

template <typename InT, typename OutT>
bool mlir::spectral::runtime::runGathered(const FFTProblem &problem,
                                          const GatherShape &shape,
                                          const InT *in, OutT *out,
                                          double scale, ErrorMessage &error) {
  using Real = decltype(std::real(std::declval<OutT>()));
  constexpr bool inPlaceChunks = std::is_same_v<InT, OutT>;
  const int32_t rank = problem.rank;
  SideLayout inSide = getSideLayout(problem, true);
  SideLayout outSide = getSideLayout(problem, false);
  const FFTDim &vector = problem.batch[shape.vectorDim];
  // The vector dimension runs innermost in the gather and the scatter.
  inSide.lengths[rank] = 0;
  inSide.userStrides[rank] = vector.inStride;
  inSide.scratchStrides[rank] = inSide.distance;
  outSide.lengths[rank] = 0;
  outSide.userStrides[rank] = vector.outStride;
  outSide.scratchStrides[rank] = outSide.distance;

  // The other batch dimensions, walked as one outer index.
  FFTDim outer[kMaxDescriptorRank];
  int32_t outerRank = 0;
  int64_t outerCount = 1;
  for (int32_t b = 0; b < problem.batchRank; ++b) {
    if (b == shape.vectorDim)
      continue;
    outer[outerRank++] = problem.batch[b];
    outerCount *= problem.batch[b].length;
  }
  const int64_t width = shape.width;
  const int64_t chunksPerRow = (vector.length + width - 1) / width;
  const Real factor = static_cast<Real>(scale);
  PlanCache &cache = getHostPlanCache();
  FirstError firstError;

  auto runChunks = [&](int64_t begin, int64_t end) {
    // The vector dimension's length changes per chunk: each thread has its
    // own copy of the layouts.
    SideLayout inLocal = inSide, outLocal = outSide;
    ErrorMessage localError;
    TrackedBuffer<InT> scratchIn;
    TrackedBuffer<OutT> scratchOut;
    if (!scratchIn.allocate(static_cast<size_t>(width * inSide.distance),
                            localError) ||
        (!inPlaceChunks &&
         !scratchOut.allocate(static_cast<size_t>(width * outSide.distance),
                              localError))) {
      firstError.set(localError);
      return;
    }
    InT *chunkIn = scratchIn.data();
    OutT *chunkOut;
    if constexpr (inPlaceChunks)
      chunkOut = chunkIn;
    else
      chunkOut = scratchOut.data();
    // Plans for full chunks and for the last, narrower one of a row.
    const FFTPlan *plans[2] = {nullptr, nullptr};
    auto getPlan = [&](int64_t chunkWidth) -> const FFTPlan * {
      const FFTPlan *&plan = plans[chunkWidth == width ? 0 : 1];
      if (!plan)
        plan = cache.getPlan(
            getChunkProblem(problem, inLocal, outLocal, chunkWidth), chunkIn,
            chunkOut, localError);
      return plan;
    };

    for (int64_t item = begin; item < end; ++item) {
      if (firstError.hasFailed())
        return;
      int64_t outerIndex = item / chunksPerRow;
      int64_t start = (item % chunksPerRow) * width;
      int64_t chunkWidth = std::min(width, vector.length - start);
      int64_t inBase = start * vector.inStride;
      int64_t outBase = start * vector.outStride;
      for (int32_t d = outerRank - 1; d >= 0; --d) {
        int64_t index = outerIndex % outer[d].length;
        outerIndex /= outer[d].length;
        inBase += index * outer[d].inStride;
        outBase += index * outer[d].outStride;
      }
      const FFTPlan *plan = getPlan(chunkWidth);
      if (!plan) {
        firstError.set(localError);
        return;
      }

      inLocal.lengths[rank] = chunkWidth;
      const InT *source = in + inBase;
      forEachOffsetPair(rank + 1, inLocal.lengths, inLocal.userStrides,
                        inLocal.scratchStrides, [&](int64_t from, int64_t to) {
                          chunkIn[to] = source[from];
                        });
      cache.getBackend().execute(*plan, chunkIn, chunkOut);
      outLocal.lengths[rank] = chunkWidth;
      OutT *target = out + outBase;
      if (scale == 1.0)
        forEachOffsetPair(rank + 1, outLocal.lengths, outLocal.scratchStrides,
                          outLocal.userStrides, [&](int64_t from, int64_t to) {
                            target[to] = chunkOut[from];
                          });
      else
        forEachOffsetPair(rank + 1, outLocal.lengths, outLocal.scratchStrides,
                          outLocal.userStrides, [&](int64_t from, int64_t to) {
                            target[to] = chunkOut[from] * factor;
                          });
    }
  };
  parallelForRanges(outerCount * chunksPerRow, /*minPerThread=*/1, runChunks);
  return firstError.report(error);
}

namespace mlir {
namespace spectral {
namespace runtime {
template bool runGathered(const FFTProblem &, const GatherShape &,
                          const complex32 *, complex32 *, double,
                          ErrorMessage &);
template bool runGathered(const FFTProblem &, const GatherShape &,
                          const float *, complex32 *, double, ErrorMessage &);
template bool runGathered(const FFTProblem &, const GatherShape &,
                          const complex32 *, float *, double, ErrorMessage &);
template bool runGathered(const FFTProblem &, const GatherShape &,
                          const complex64 *, complex64 *, double,
                          ErrorMessage &);
template bool runGathered(const FFTProblem &, const GatherShape &,
                          const double *, complex64 *, double, ErrorMessage &);
template bool runGathered(const FFTProblem &, const GatherShape &,
                          const complex64 *, double *, double, ErrorMessage &);
} // namespace runtime
} // namespace spectral
} // namespace mlir
