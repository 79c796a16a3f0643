//===- FFTSchedule.cpp - Transforms as cuFFT plans and copies -------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FFTSchedule.h"

#include <algorithm>
#include <cstdint>

using namespace mlir::spectral::cuda;

namespace {

/// More host-side loops over batch dimensions than this, and the stage goes
/// through contiguous copies instead, where all batches fit one plan.
constexpr int64_t kMaxLoopedBatches = 16;

/// A dimension of a stage: its (real-side) length and its strides on the
/// input and output side, in elements of each side's type.
struct Dim {
  int64_t length;
  int64_t inStride;
  int64_t outStride;
};

/// A list of at most kMaxRank dimensions.
struct Dims {
  int count = 0;
  Dim dims[kMaxRank];

  void push(Dim dim) { dims[count++] = dim; }
  void append(const Dims &other) {
    for (int i = 0; i < other.count; ++i)
      push(other.dims[i]);
  }
  /// dims[from, to)
  Dims slice(int from, int to) const {
    Dims result;
    for (int i = from; i < to; ++i)
      result.push(dims[i]);
    return result;
  }
  /// Sorted by decreasing input stride (outermost first), stable.
  Dims sortedOutermostFirst() const {
    Dims result = *this;
    std::stable_sort(
        result.dims, result.dims + result.count,
        [](const Dim &a, const Dim &b) { return a.inStride > b.inStride; });
    return result;
  }
  /// The same dimensions as an array transformed in place: the output
  /// strides on both sides.
  Dims inPlace() const {
    Dims result = *this;
    for (int i = 0; i < count; ++i)
      result.dims[i].inStride = result.dims[i].outStride;
    return result;
  }
};

bool isComplexInput(FFTKind kind) { return kind != FFTKind::R2C; }
bool isComplexOutput(FFTKind kind) { return kind != FFTKind::C2R; }
size_t getElementSize(bool isComplex) { return isComplex ? 8 : 4; }

/// One batched transform of at most three axes.
struct Stage {
  FFTKind kind = FFTKind::C2C;
  int32_t sign = -1;
  /// Transformed dimensions, cuFFT's order; for R2C/C2R the halved last.
  Dims axes;
  Dims batch;
  void *in = nullptr;
  void *out = nullptr;

  /// Length of transformed dimension `i` on one side.
  int64_t getLength(int i, bool outSide) const {
    int64_t n = axes.dims[i].length;
    bool halved = i == axes.count - 1 && kind != FFTKind::C2C;
    bool complexSide = outSide ? isComplexOutput(kind) : isComplexInput(kind);
    return halved && complexSide ? n / 2 + 1 : n;
  }
  bool isInPlace() const { return in == out; }
};

/// Fills the advanced layout of one side of `stage` if its transformed
/// dimensions nest (each stride a multiple of the next, by at least that
/// dimension's length) and the array is aligned for cuFFT.
bool describeSide(const Stage &stage, bool outSide, int64_t *embed,
                  int64_t &stride) {
  const Dims &axes = stage.axes;
  auto getStride = [&](int i) {
    return outSide ? axes.dims[i].outStride : axes.dims[i].inStride;
  };
  for (int i = 0; i < axes.count; ++i)
    if (getStride(i) < 1)
      return false;
  embed[0] = stage.getLength(0, outSide);
  for (int i = 0; i + 1 < axes.count; ++i) {
    int64_t outer = getStride(i), inner = getStride(i + 1);
    if (outer % inner != 0 || outer / inner < stage.getLength(i + 1, outSide))
      return false;
    embed[i + 1] = outer / inner;
  }
  stride = getStride(axes.count - 1);
  bool complexSide =
      outSide ? isComplexOutput(stage.kind) : isComplexInput(stage.kind);
  const void *data = outSide ? stage.out : stage.in;
  return !complexSide ||
         reinterpret_cast<uintptr_t>(data) % kComplexAlignment == 0;
}

/// Merges batch dimensions that step through memory as one on both sides
/// (outer stride = inner stride * inner length), outermost first.
Dims mergeBatch(const Dims &batch) {
  Dims sorted = batch.sortedOutermostFirst(), merged;
  for (int i = 0; i < sorted.count; ++i) {
    const Dim &inner = sorted.dims[i];
    if (merged.count > 0) {
      Dim &outer = merged.dims[merged.count - 1];
      if (outer.inStride == inner.inStride * inner.length &&
          outer.outStride == inner.outStride * inner.length) {
        outer = {outer.length * inner.length, inner.inStride, inner.outStride};
        continue;
      }
    }
    merged.push(inner);
  }
  return merged;
}

/// Runs `shape` once per index of `loops`, offsetting both arrays.
bool executeLooped(FFTDevice &device, const PlanShape &shape,
                   const Stage &stage, const Dims &loops) {
  size_t inSize = getElementSize(isComplexInput(stage.kind));
  size_t outSize = getElementSize(isComplexOutput(stage.kind));
  int64_t index[kMaxRank] = {};
  while (true) {
    int64_t inOffset = 0, outOffset = 0;
    for (int d = 0; d < loops.count; ++d) {
      inOffset += index[d] * loops.dims[d].inStride;
      outOffset += index[d] * loops.dims[d].outStride;
    }
    char *in = static_cast<char *>(stage.in) + inOffset * inSize;
    char *out = static_cast<char *>(stage.out) + outOffset * outSize;
    if (!device.execute(shape, in, out))
      return false;
    int d = loops.count - 1;
    for (; d >= 0; --d) {
      if (++index[d] < loops.dims[d].length)
        break;
      index[d] = 0;
    }
    if (d < 0)
      return true;
  }
}

/// Runs `stage` on its arrays as they are laid out; false without doing
/// anything (and without an error) if the layout does not fit.
bool tryDirect(FFTDevice &device, const Stage &stage, bool &ran) {
  ran = false;
  PlanShape shape;
  shape.kind = stage.kind;
  shape.sign = stage.sign;
  shape.rank = stage.axes.count;
  for (int i = 0; i < stage.axes.count; ++i)
    shape.n[i] = stage.axes.dims[i].length;
  if (!describeSide(stage, false, shape.inEmbed, shape.inStride) ||
      !describeSide(stage, true, shape.outEmbed, shape.outStride))
    return true;

  // The longest batch dimension goes into the plan, the others are looped.
  Dims merged = mergeBatch(stage.batch), loops;
  int chosen = -1;
  for (int i = 0; i < merged.count; ++i) {
    const Dim &dim = merged.dims[i];
    if (dim.inStride >= 1 && dim.outStride >= 1 &&
        (chosen < 0 || dim.length > merged.dims[chosen].length))
      chosen = i;
  }
  int64_t numLoops = 1;
  for (int i = 0; i < merged.count; ++i) {
    if (i == chosen)
      continue;
    loops.push(merged.dims[i]);
    numLoops *= merged.dims[i].length;
  }
  if (numLoops > kMaxLoopedBatches)
    return true;
  if (chosen >= 0) {
    shape.batch = merged.dims[chosen].length;
    shape.inDist = merged.dims[chosen].inStride;
    shape.outDist = merged.dims[chosen].outStride;
  }
  ran = true;
  return executeLooped(device, shape, stage, loops);
}

/// Row-major strides of `sizes`.
void getDenseStrides(int rank, const int64_t *sizes, int64_t *strides) {
  int64_t stride = 1;
  for (int d = rank - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= sizes[d];
  }
}

/// Frees scratch when a stage ends, however it ends.
class Scratch {
public:
  explicit Scratch(FFTDevice &device) : device(device) {}
  ~Scratch() {
    for (int i = 0; i < count; ++i)
      device.release(buffers[i]);
  }
  void *allocate(size_t bytes) {
    void *ptr = device.allocate(bytes);
    if (ptr)
      buffers[count++] = ptr;
    return ptr;
  }

private:
  FFTDevice &device;
  void *buffers[2] = {};
  int count = 0;
};

/// Runs `stage` through contiguous copies of both sides: batch dimensions
/// outermost, transformed ones innermost, so that one plan covers it all.
bool runStaged(FFTDevice &device, const Stage &stage) {
  int rank = stage.batch.count + stage.axes.count;
  int64_t inSizes[kMaxRank], outSizes[kMaxRank];
  int64_t inStrides[kMaxRank], outStrides[kMaxRank];
  int64_t numBatches = 1;
  for (int i = 0; i < stage.batch.count; ++i) {
    const Dim &dim = stage.batch.dims[i];
    inSizes[i] = outSizes[i] = dim.length;
    inStrides[i] = dim.inStride;
    outStrides[i] = dim.outStride;
    numBatches *= dim.length;
  }
  PlanShape shape;
  shape.kind = stage.kind;
  shape.sign = stage.sign;
  shape.rank = stage.axes.count;
  shape.batch = numBatches;
  shape.inDist = shape.outDist = 1;
  for (int i = 0; i < stage.axes.count; ++i) {
    int d = stage.batch.count + i;
    inSizes[d] = shape.inEmbed[i] = stage.getLength(i, false);
    outSizes[d] = shape.outEmbed[i] = stage.getLength(i, true);
    inStrides[d] = stage.axes.dims[i].inStride;
    outStrides[d] = stage.axes.dims[i].outStride;
    shape.n[i] = stage.axes.dims[i].length;
    shape.inDist *= inSizes[d];
    shape.outDist *= outSizes[d];
  }

  bool complexIn = isComplexInput(stage.kind);
  bool complexOut = isComplexOutput(stage.kind);
  CopyShape gather, scatter;
  gather.kind = complexIn ? CopyKind::Complex : CopyKind::Real;
  scatter.kind = complexOut ? CopyKind::Complex : CopyKind::Real;
  gather.rank = scatter.rank = rank;
  for (int d = 0; d < rank; ++d) {
    gather.sizes[d] = inSizes[d];
    gather.srcStrides[d] = inStrides[d];
    scatter.sizes[d] = outSizes[d];
    scatter.dstStrides[d] = outStrides[d];
  }
  getDenseStrides(rank, inSizes, gather.dstStrides);
  getDenseStrides(rank, outSizes, scatter.srcStrides);

  Scratch scratch(device);
  size_t inBytes = static_cast<size_t>(numBatches * shape.inDist) *
                   getElementSize(complexIn);
  size_t outBytes = static_cast<size_t>(numBatches * shape.outDist) *
                    getElementSize(complexOut);
  void *denseIn = scratch.allocate(inBytes);
  if (!denseIn)
    return false;
  void *denseOut = denseIn;
  if (!stage.isInPlace() && !(denseOut = scratch.allocate(outBytes)))
    return false;
  return device.copy(gather, stage.in, denseIn) &&
         device.execute(shape, denseIn, denseOut) &&
         device.copy(scatter, denseOut, stage.out);
}

bool runStage(FFTDevice &device, const Stage &stage) {
  bool ran;
  if (!tryDirect(device, stage, ran))
    return false;
  return ran || runStaged(device, stage);
}

/// C2C over `axes` of `data` in place (strides: `outStride` of each Dim),
/// in stages of at most three axes, each with the others as batches.
bool runInPlaceC2C(FFTDevice &device, int32_t sign, const Dims &axes,
                   const Dims &batch, void *data) {
  for (int end = axes.count; end > 0; end -= kMaxPlanRank) {
    int begin = std::max(0, end - kMaxPlanRank);
    Stage stage;
    stage.kind = FFTKind::C2C;
    stage.sign = sign;
    stage.axes = axes.slice(begin, end).inPlace();
    stage.batch = batch.inPlace();
    stage.batch.append(axes.slice(0, begin).inPlace());
    stage.batch.append(axes.slice(end, axes.count).inPlace());
    stage.in = stage.out = data;
    if (!runStage(device, stage))
      return false;
  }
  return true;
}

/// Copies (with conversion and scale) between two layouts of `sizes`.
bool copyAll(FFTDevice &device, CopyKind kind, int rank, const int64_t *sizes,
             const int64_t *srcStrides, const void *src,
             const int64_t *dstStrides, void *dst, float scale) {
  CopyShape shape;
  shape.kind = kind;
  shape.rank = rank;
  shape.scale = scale;
  for (int d = 0; d < rank; ++d) {
    shape.sizes[d] = sizes[d];
    shape.srcStrides[d] = srcStrides[d];
    shape.dstStrides[d] = dstStrides[d];
  }
  return device.copy(shape, src, dst);
}

/// The dimensions of a request, split into transformed and batch ones.
/// Dimensions of length 1 are dropped (a DFT of length 1 is the
/// identity), except the halved axis, which is returned apart.
struct SplitDims {
  Dims transformed; ///< without the halved axis, outermost first
  Dims batch;
  Dim halved = {0, 0, 0};
};

SplitDims splitDims(const TransformRequest &request) {
  SplitDims split;
  for (int d = 0; d < request.rank; ++d) {
    Dim dim = {request.sizes[d], request.inStrides[d], request.outStrides[d]};
    if (d == request.halvedAxis)
      split.halved = dim;
    else if (dim.length == 1)
      continue;
    else if ((static_cast<uint64_t>(request.axesMask) >> d) & 1)
      split.transformed.push(dim);
    else
      split.batch.push(dim);
  }
  split.transformed = split.transformed.sortedOutermostFirst();
  return split;
}

/// The output shape (complex-side lengths for R2C) and strides.
void getOutputShape(const TransformRequest &request, int64_t *sizes) {
  for (int d = 0; d < request.rank; ++d)
    sizes[d] = request.sizes[d];
  if (request.kind == FFTKind::R2C)
    sizes[request.halvedAxis] = request.sizes[request.halvedAxis] / 2 + 1;
}

bool runC2C(FFTDevice &device, const TransformRequest &request,
            const SplitDims &split) {
  const Dims &axes = split.transformed;
  if (axes.count == 0)
    return true; // only the copy at the end
  // The innermost axes transform from the input into the output, the
  // others in place on the output.
  int begin = std::max(0, axes.count - kMaxPlanRank);
  Stage first;
  first.kind = FFTKind::C2C;
  first.sign = request.sign;
  first.axes = axes.slice(begin, axes.count);
  first.batch = split.batch;
  first.batch.append(axes.slice(0, begin));
  first.in = request.in;
  first.out = request.out;
  if (!runStage(device, first))
    return false;
  Dims batch = split.batch;
  batch.append(axes.slice(begin, axes.count));
  return runInPlaceC2C(device, request.sign, axes.slice(0, begin), batch,
                       request.out);
}

/// The halved group: the halved axis and up to two innermost others.
int getHalvedGroupBegin(const Dims &others) {
  return std::max(0, others.count - (kMaxPlanRank - 1));
}

bool runR2C(FFTDevice &device, const TransformRequest &request,
            const SplitDims &split) {
  const Dims &others = split.transformed;
  Dim halved = split.halved;
  if (halved.length == 1) {
    // One bin: the real input as complex, then C2C over the other axes.
    int64_t sizes[kMaxRank];
    getOutputShape(request, sizes);
    if (!copyAll(device, CopyKind::RealToComplex, request.rank, sizes,
                 request.inStrides, request.in, request.outStrides, request.out,
                 1.0f))
      return false;
    return runInPlaceC2C(device, -1, others, split.batch, request.out);
  }
  int begin = getHalvedGroupBegin(others);
  Stage first;
  first.kind = FFTKind::R2C;
  first.sign = -1;
  first.axes = others.slice(begin, others.count);
  first.axes.push(halved);
  first.batch = split.batch;
  first.batch.append(others.slice(0, begin));
  first.in = request.in;
  first.out = request.out;
  if (!runStage(device, first))
    return false;
  // The rest in place on the output, where the halved axis has n/2+1 bins.
  Dims batch = split.batch;
  batch.append(others.slice(begin, others.count));
  batch.push({halved.length / 2 + 1, halved.outStride, halved.outStride});
  return runInPlaceC2C(device, -1, others.slice(0, begin), batch, request.out);
}

bool runC2R(FFTDevice &device, const TransformRequest &request,
            SplitDims split) {
  // cuFFT's C2R overwrites its input: unless allowed, work on a dense copy.
  Scratch scratch(device);
  void *spectrum = request.in;
  int64_t spectrumStrides[kMaxRank];
  for (int d = 0; d < request.rank; ++d)
    spectrumStrides[d] = request.inStrides[d];
  if (!request.mayOverwriteInput) {
    int64_t sizes[kMaxRank];
    int64_t count = 1;
    for (int d = 0; d < request.rank; ++d) {
      sizes[d] =
          d == request.halvedAxis ? request.sizes[d] / 2 + 1 : request.sizes[d];
      count *= sizes[d];
    }
    getDenseStrides(request.rank, sizes, spectrumStrides);
    if (!(spectrum = scratch.allocate(static_cast<size_t>(count) * 8)) ||
        !copyAll(device, CopyKind::Complex, request.rank, sizes,
                 request.inStrides, request.in, spectrumStrides, spectrum,
                 1.0f))
      return false;
    // Re-split with the copy's strides on the input side.
    TransformRequest copy = request;
    for (int d = 0; d < request.rank; ++d)
      copy.inStrides[d] = spectrumStrides[d];
    split = splitDims(copy);
  }

  // C2C over the axes outside the halved group, in place on the spectrum
  // (whose strides are the `inStride`s here).
  const Dims &others = split.transformed;
  Dim halved = split.halved;
  int begin = halved.length == 1 ? others.count : getHalvedGroupBegin(others);
  auto onSpectrum = [](Dims dims) {
    for (int i = 0; i < dims.count; ++i)
      dims.dims[i].outStride = dims.dims[i].inStride;
    return dims;
  };
  Dims batch = onSpectrum(split.batch);
  batch.append(onSpectrum(others.slice(begin, others.count)));
  batch.push({halved.length / 2 + 1, halved.inStride, halved.inStride});
  if (!runInPlaceC2C(device, +1, onSpectrum(others.slice(0, begin)), batch,
                     spectrum))
    return false;

  if (halved.length == 1) {
    // One bin: the real part is the signal.
    return copyAll(device, CopyKind::ComplexToReal, request.rank, request.sizes,
                   spectrumStrides, spectrum, request.outStrides, request.out,
                   1.0f);
  }
  Stage last;
  last.kind = FFTKind::C2R;
  last.sign = +1;
  last.axes = others.slice(begin, others.count);
  last.axes.push(halved);
  last.batch = split.batch;
  last.batch.append(others.slice(0, begin));
  last.in = spectrum;
  last.out = request.out;
  return runStage(device, last);
}

} // namespace

bool mlir::spectral::cuda::runTransform(FFTDevice &device,
                                        const TransformRequest &request) {
  SplitDims split = splitDims(request);
  bool ok = false;
  switch (request.kind) {
  case FFTKind::C2C:
    ok = runC2C(device, request, split);
    break;
  case FFTKind::R2C:
    ok = runR2C(device, request, split);
    break;
  case FFTKind::C2R:
    ok = runC2R(device, request, split);
    break;
  }
  if (!ok)
    return false;

  // Normalisation, and for a C2C without an axis longer than 1 the copy.
  bool identity = request.kind == FFTKind::C2C && split.transformed.count == 0;
  if (request.scale == 1.0f && !identity)
    return true;
  int64_t sizes[kMaxRank];
  getOutputShape(request, sizes);
  CopyKind kind =
      isComplexOutput(request.kind) ? CopyKind::Complex : CopyKind::Real;
  if (identity)
    return copyAll(device, kind, request.rank, sizes, request.inStrides,
                   request.in, request.outStrides, request.out, request.scale);
  return copyAll(device, kind, request.rank, sizes, request.outStrides,
                 request.out, request.outStrides, request.out, request.scale);
}
