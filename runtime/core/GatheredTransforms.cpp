//===- GatheredTransforms.cpp - Strided batches through scratch -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/GatheredTransforms.h"
#include "spectral-core/MemRefView.h"
#include "spectral-core/Memory.h"
#include "spectral-core/Parallel.h"
#include "spectral-core/PlanCache.h"

#include <algorithm>
#include <atomic>
#include <complex>
#include <cstring>
#include <mutex>
#include <type_traits>

using namespace mlir::spectral;
using namespace mlir::spectral::core;

namespace {

/// Scratch per thread for one chunk, input and output side together, and
/// the most transforms a chunk holds. Chosen by a sweep of the r2c and c2r
/// of the mix benchmark's [4, T, 256] batches along T (T = 512, 2048, 8192,
/// one thread, a 2-core Xeon VM): budgets from 128 KiB to 2 MiB and widths
/// from 8 to 64 were within 15% of each other wherever a chunk held at
/// least 4 transforms, and 1 MiB with 32 was among the fastest at every T.
/// benchmarks/run_scaling.sh measures the result.
constexpr int64_t kScratchBudgetBytes = 1024 * 1024;
constexpr int64_t kMaxWidth = 32;
/// Below this many transforms per chunk the gather reads too little of each
/// cache line to beat FFTW's strided plan (which is 3-4x slower than a
/// gathered one at T = 8192 above).
constexpr int64_t kMinWidth = 4;

/// The transformed dimensions of a problem on one side: lengths, the user's
/// strides and the contiguous strides of one transform in scratch.
struct SideLayout {
  int64_t lengths[runtime::kMaxDescriptorRank + 1];
  int64_t userStrides[runtime::kMaxDescriptorRank + 1];
  int64_t scratchStrides[runtime::kMaxDescriptorRank + 1];
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

/// The chunks of a gathered problem: the vector dimension cut into chunks
/// of `width` transforms, for every index of the other batch dimensions.
class ChunkGrid {
public:
  ChunkGrid(const FFTProblem &problem, const GatherShape &shape)
      : problem(problem), vectorDim(shape.vectorDim), width(shape.width) {
    const FFTDim &vector = problem.batch[vectorDim];
    chunksPerRow = (vector.length + width - 1) / width;
    for (int32_t b = 0; b < problem.batchRank; ++b)
      if (b != vectorDim)
        outerCount *= problem.batch[b].length;
  }

  int64_t size() const { return outerCount * chunksPerRow; }

  /// Chunk `item`: returns its width and sets the offsets of its first
  /// transform on the input and the output side, and in `extraStrides` (one
  /// per batch dimension of the problem) where given.
  int64_t locate(int64_t item, int64_t &inBase, int64_t &outBase,
                 const int64_t *extraStrides = nullptr,
                 int64_t *extraBase = nullptr) const {
    const FFTDim &vector = problem.batch[vectorDim];
    int64_t outerIndex = item / chunksPerRow;
    int64_t start = (item % chunksPerRow) * width;
    inBase = start * vector.inStride;
    outBase = start * vector.outStride;
    int64_t extra = extraStrides ? start * extraStrides[vectorDim] : 0;
    for (int32_t b = problem.batchRank - 1; b >= 0; --b) {
      if (b == vectorDim)
        continue;
      const FFTDim &dim = problem.batch[b];
      int64_t index = outerIndex % dim.length;
      outerIndex /= dim.length;
      inBase += index * dim.inStride;
      outBase += index * dim.outStride;
      if (extraStrides)
        extra += index * extraStrides[b];
    }
    if (extraBase)
      *extraBase = extra;
    return std::min(width, vector.length - start);
  }

private:
  const FFTProblem &problem;
  int32_t vectorDim;
  int64_t width;
  int64_t chunksPerRow = 1;
  int64_t outerCount = 1;
};

/// Plans of a chunk problem for full chunks and for the narrower last one
/// of a row, made on first use by one thread for its scratch arrays.
class ChunkPlans {
public:
  ChunkPlans(const FFTProblem &problem, const SideLayout &in,
             const SideLayout &out, int64_t width)
      : problem(problem), in(in), out(out), width(width) {}

  const FFTPlan *get(int64_t chunkWidth, void *chunkIn, void *chunkOut,
                     ErrorMessage &error) {
    const FFTPlan *&plan = plans[chunkWidth == width ? 0 : 1];
    if (!plan)
      plan = getHostPlanCache().getPlan(
          getChunkProblem(problem, in, out, chunkWidth), chunkIn, chunkOut,
          error);
    return plan;
  }

private:
  const FFTProblem &problem;
  const SideLayout &in;
  const SideLayout &out;
  int64_t width;
  const FFTPlan *plans[2] = {nullptr, nullptr};
};

/// Appends the vector dimension to a side's transformed dimensions, so
/// that gathers and scatters run along it innermost.
void appendVector(SideLayout &side, int32_t rank, int64_t userStride) {
  side.lengths[rank] = 0;
  side.userStrides[rank] = userStride;
  side.scratchStrides[rank] = side.distance;
}

} // namespace

bool mlir::spectral::core::chooseGatherShape(const FFTProblem &problem,
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
bool mlir::spectral::core::runGathered(const FFTProblem &problem,
                                       const GatherShape &shape, const InT *in,
                                       OutT *out, double scale,
                                       ErrorMessage &error) {
  using Real = decltype(std::real(std::declval<OutT>()));
  constexpr bool inPlaceChunks = std::is_same_v<InT, OutT>;
  const int32_t rank = problem.rank;
  const FFTDim &vector = problem.batch[shape.vectorDim];
  SideLayout inSide = getSideLayout(problem, true);
  SideLayout outSide = getSideLayout(problem, false);
  appendVector(inSide, rank, vector.inStride);
  appendVector(outSide, rank, vector.outStride);
  const ChunkGrid grid(problem, shape);
  const int64_t width = shape.width;
  const Real factor = static_cast<Real>(scale);
  FirstError firstError;

  auto runChunks = [&](int64_t begin, int64_t end) {
    // The vector dimension's length changes per chunk: each thread has its
    // own copy of the layouts.
    SideLayout inLocal = inSide, outLocal = outSide;
    ChunkPlans plans(problem, inSide, outSide, width);
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

    for (int64_t item = begin; item < end; ++item) {
      if (firstError.hasFailed())
        return;
      int64_t inBase, outBase;
      int64_t chunkWidth = grid.locate(item, inBase, outBase);
      const FFTPlan *plan =
          plans.get(chunkWidth, chunkIn, chunkOut, localError);
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
      getHostPlanCache().getBackend().execute(*plan, chunkIn, chunkOut);
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
  parallelForRanges(grid.size(), /*minPerThread=*/1, runChunks);
  return firstError.report(error);
}

template <typename Real>
bool mlir::spectral::core::runGatheredFilter(
    const FFTProblem &forward, const GatherShape &shape,
    const int64_t *filterDimStrides, const int64_t *filterBatchStrides,
    const Real *in, const std::complex<Real> *filter, Real *out, double scale,
    ErrorMessage &error) {
  using Complex = std::complex<Real>;
  const int32_t rank = forward.rank;
  const FFTDim &vector = forward.batch[shape.vectorDim];
  // The real side (input, and output through the same scratch) and the
  // half spectrum between the two transforms.
  SideLayout realSide = getSideLayout(forward, true);
  SideLayout spectrumSide = getSideLayout(forward, false);
  SideLayout outSide = realSide;
  for (int32_t i = 0; i < rank; ++i) {
    outSide.userStrides[i] = forward.dims[i].outStride;
    spectrumSide.userStrides[i] = filterDimStrides[i];
  }
  appendVector(realSide, rank, vector.inStride);
  appendVector(outSide, rank, vector.outStride);
  appendVector(spectrumSide, rank, filterBatchStrides[shape.vectorDim]);
  FFTProblem inverse = forward;
  inverse.kind = TransformKind::C2R;
  inverse.sign = +1;
  const ChunkGrid grid(forward, shape);
  const int64_t width = shape.width;
  const Real factor = static_cast<Real>(scale);
  FirstError firstError;

  auto runChunks = [&](int64_t begin, int64_t end) {
    SideLayout realLocal = realSide, outLocal = outSide,
               spectrumLocal = spectrumSide;
    ChunkPlans forwardPlans(forward, realSide, spectrumSide, width);
    ChunkPlans inversePlans(inverse, spectrumSide, realSide, width);
    ErrorMessage localError;
    TrackedBuffer<Real> scratchReal;
    TrackedBuffer<Complex> scratchSpectrum;
    if (!scratchReal.allocate(static_cast<size_t>(width * realSide.distance),
                              localError) ||
        !scratchSpectrum.allocate(
            static_cast<size_t>(width * spectrumSide.distance), localError)) {
      firstError.set(localError);
      return;
    }
    Real *chunkReal = scratchReal.data();
    Complex *chunkSpectrum = scratchSpectrum.data();

    for (int64_t item = begin; item < end; ++item) {
      if (firstError.hasFailed())
        return;
      int64_t inBase, outBase, filterBase;
      int64_t chunkWidth =
          grid.locate(item, inBase, outBase, filterBatchStrides, &filterBase);
      const FFTPlan *forwardPlan =
          forwardPlans.get(chunkWidth, chunkReal, chunkSpectrum, localError);
      const FFTPlan *inversePlan =
          forwardPlan ? inversePlans.get(chunkWidth, chunkSpectrum, chunkReal,
                                         localError)
                      : nullptr;
      if (!inversePlan) {
        firstError.set(localError);
        return;
      }

      realLocal.lengths[rank] = chunkWidth;
      const Real *source = in + inBase;
      forEachOffsetPair(
          rank + 1, realLocal.lengths, realLocal.userStrides,
          realLocal.scratchStrides,
          [&](int64_t from, int64_t to) { chunkReal[to] = source[from]; });
      getHostPlanCache().getBackend().execute(*forwardPlan, chunkReal,
                                              chunkSpectrum);
      // The filter product in the chunk's layout: the filter is read in
      // place (broadcast dimensions have stride 0), never copied.
      spectrumLocal.lengths[rank] = chunkWidth;
      const Complex *weights = filter + filterBase;
      forEachOffsetPair(rank + 1, spectrumLocal.lengths,
                        spectrumLocal.scratchStrides, spectrumLocal.userStrides,
                        [&](int64_t bin, int64_t weight) {
                          chunkSpectrum[bin] *= weights[weight];
                        });
      getHostPlanCache().getBackend().execute(*inversePlan, chunkSpectrum,
                                              chunkReal);
      outLocal.lengths[rank] = chunkWidth;
      Real *target = out + outBase;
      forEachOffsetPair(rank + 1, outLocal.lengths, outLocal.scratchStrides,
                        outLocal.userStrides, [&](int64_t from, int64_t to) {
                          target[to] = chunkReal[from] * factor;
                        });
    }
  };
  parallelForRanges(grid.size(), /*minPerThread=*/1, runChunks);
  return firstError.report(error);
}

namespace mlir {
namespace spectral {
namespace core {
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
template bool runGatheredFilter(const FFTProblem &, const GatherShape &,
                                const int64_t *, const int64_t *, const float *,
                                const complex32 *, float *, double,
                                ErrorMessage &);
template bool runGatheredFilter(const FFTProblem &, const GatherShape &,
                                const int64_t *, const int64_t *,
                                const double *, const complex64 *, double *,
                                double, ErrorMessage &);
} // namespace core
} // namespace spectral
} // namespace mlir
