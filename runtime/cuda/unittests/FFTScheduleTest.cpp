//===- FFTScheduleTest.cpp - The transform schedule on the host -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Runs everywhere: the schedule that the CUDA transforms hand to cuFFT
// (plans of rank <= 3 in the advanced data layout, batch loops, staging
// copies, successive transforms) is executed by a naive host device that
// implements that layout as cuFFT documents it, and compared with an
// independent DFT. What this cannot test is cuFFT itself and the copy
// kernels, which the device tests (FFTDeviceTest.cpp) check.
//
//===----------------------------------------------------------------------===//

#include "FFTSchedule.h"

#include "TestUtils.h"

#include <cstdlib>

using namespace mlir::spectral::cuda;
using namespace spectral_test;

namespace {

/// cuFFT's advanced layout and the copy kernels, naively, on host memory.
class HostFFTDevice : public FFTDevice {
public:
  ~HostFFTDevice() override { EXPECT_EQ(live, 0); }

  void *allocate(size_t bytes) override {
    ++allocations;
    ++live;
    return std::aligned_alloc(16, (bytes + 15) / 16 * 16);
  }
  void release(void *ptr) override {
    --live;
    std::free(ptr);
  }

  bool copy(const CopyShape &shape, const void *src, void *dst) override {
    ++copies;
    std::vector<int64_t> index(shape.rank, 0);
    int64_t total = 1;
    for (int d = 0; d < shape.rank; ++d)
      total *= shape.sizes[d];
    for (int64_t i = 0; i < total; ++i) {
      int64_t rest = i, from = 0, to = 0;
      for (int d = shape.rank - 1; d >= 0; --d) {
        int64_t x = rest % shape.sizes[d];
        rest /= shape.sizes[d];
        from += x * shape.srcStrides[d];
        to += x * shape.dstStrides[d];
      }
      cf value = read(src, from,
                      shape.kind != CopyKind::Real &&
                          shape.kind != CopyKind::RealToComplex);
      value *= shape.scale;
      bool complexDst =
          shape.kind != CopyKind::Real && shape.kind != CopyKind::ComplexToReal;
      write(dst, to, complexDst, value);
    }
    return true;
  }

  bool execute(const PlanShape &shape, void *in, void *out) override {
    ++executions;
    EXPECT_GE(shape.rank, 1);
    EXPECT_LE(shape.rank, kMaxPlanRank);
    bool complexIn = shape.kind != FFTKind::R2C;
    bool complexOut = shape.kind != FFTKind::C2R;
    int rank = shape.rank;
    int64_t total = 1;
    for (int i = 0; i < rank; ++i)
      total *= shape.n[i];
    auto lengthOf = [&](int i, bool complexSide) {
      bool halved = shape.kind != FFTKind::C2C && i == rank - 1;
      return halved && complexSide ? shape.n[i] / 2 + 1 : shape.n[i];
    };
    // cuFFT: element x of batch b is at b * dist + offset(x) * stride.
    auto offsetOf = [&](const std::vector<int64_t> &x, const int64_t *embed) {
      int64_t offset = 0;
      for (int i = 0; i < rank; ++i)
        offset = offset * (i == 0 ? 1 : embed[i]) + x[i];
      return offset;
    };
    auto indexOf = [&](int64_t linear) {
      std::vector<int64_t> x(rank);
      for (int i = rank - 1; i >= 0; --i) {
        x[i] = linear % shape.n[i];
        linear /= shape.n[i];
      }
      return x;
    };
    const double pi = std::acos(-1.0);
    for (int64_t b = 0; b < shape.batch; ++b) {
      // The batch's whole input, as a full complex array of lengths n.
      std::vector<cd> full(total);
      for (int64_t j = 0; j < total; ++j) {
        std::vector<int64_t> y = indexOf(j);
        bool mirrored = shape.kind == FFTKind::C2R &&
                        y[rank - 1] >= lengthOf(rank - 1, true);
        if (mirrored)
          for (int i = 0; i < rank; ++i)
            y[i] = (shape.n[i] - y[i]) % shape.n[i];
        cd value = read(
            in, b * shape.inDist + offsetOf(y, shape.inEmbed) * shape.inStride,
            complexIn);
        full[j] = mirrored ? std::conj(value) : value;
      }
      for (int64_t j = 0; j < total; ++j) {
        std::vector<int64_t> x = indexOf(j);
        if (x[rank - 1] >= lengthOf(rank - 1, complexOut))
          continue;
        cd sum = 0;
        for (int64_t k = 0; k < total; ++k) {
          std::vector<int64_t> y = indexOf(k);
          double phase = 0;
          for (int i = 0; i < rank; ++i)
            phase += static_cast<double>(x[i] * y[i] % shape.n[i]) /
                     static_cast<double>(shape.n[i]);
          sum += full[k] * std::polar(1.0, shape.sign * 2 * pi * phase);
        }
        write(out,
              b * shape.outDist + offsetOf(x, shape.outEmbed) * shape.outStride,
              complexOut, cf(sum));
      }
    }
    return true;
  }

  int allocations = 0, copies = 0, executions = 0, live = 0;

private:
  static cf read(const void *data, int64_t offset, bool isComplex) {
    if (isComplex)
      return static_cast<const cf *>(data)[offset];
    return cf(static_cast<const float *>(data)[offset], 0.0f);
  }
  static void write(void *data, int64_t offset, bool isComplex, cf value) {
    if (isComplex)
      static_cast<cf *>(data)[offset] = value;
    else
      static_cast<float *>(data)[offset] = value.real();
  }
};

template <typename In, typename Out>
TransformRequest makeRequest(FFTKind kind, int32_t sign, TestArray<In> &in,
                             TestArray<Out> &out, const Shape &realShape,
                             int64_t mask, int64_t halvedAxis, float scale) {
  TransformRequest request;
  request.kind = kind;
  request.sign = sign;
  request.rank = static_cast<int32_t>(realShape.size());
  for (size_t d = 0; d < realShape.size(); ++d) {
    request.sizes[d] = realShape[d];
    request.inStrides[d] = in.strides[d];
    request.outStrides[d] = out.strides[d];
  }
  request.axesMask = mask;
  request.halvedAxis = halvedAxis;
  request.in = in.storage.data() + in.offset;
  request.out = out.storage.data() + out.offset;
  request.scale = scale;
  return request;
}

std::vector<cd> scaled(std::vector<cd> values, double scale) {
  for (cd &value : values)
    value *= scale;
  return values;
}

struct C2CCase {
  Shape shape;
  int64_t mask;
  LayoutSpec inLayout, outLayout;
};

void checkC2C(const C2CCase &c, int sign, HostFFTDevice &device) {
  TestArray<cf> in(c.shape, c.inLayout), out(c.shape, c.outLayout);
  fillRandom(in);
  std::vector<cf> before = in.storage;
  float scale =
      sign > 0 ? 1.0f / static_cast<float>(transformedCount(c.shape, c.mask))
               : 1.0f;
  ASSERT_TRUE(runTransform(device, makeRequest(FFTKind::C2C, sign, in, out,
                                               c.shape, c.mask, -1, scale)));
  std::vector<cd> expected =
      scaled(naiveDFT(toDouble(in.toDense()), c.shape, c.mask, sign), scale);
  EXPECT_LT(relativeError(out.toDense(), expected), 1e-5);
  EXPECT_TRUE(out.paddingIntact());
  EXPECT_EQ(in.storage, before) << "c2c input modified";
}

TEST(CUDARuntimeFFTSchedule, C2CLayouts) {
  std::vector<C2CCase> cases = {
      {{7}, 0b1, LayoutSpec::dense(), LayoutSpec::dense()},
      {{4, 9}, 0b10, LayoutSpec::dense(), LayoutSpec::dense()},
      {{4, 9}, 0b01, LayoutSpec::dense(), LayoutSpec::strided(2)},
      {{5, 6, 7}, 0b111, LayoutSpec::strided(3), LayoutSpec::dense()},
      {{5, 6, 7}, 0b101, LayoutSpec::transposed(3), LayoutSpec::dense()},
      {{3, 1, 5}, 0b111, LayoutSpec::dense(), LayoutSpec::transposed(3)},
      {{2, 3, 4, 5},
       0b1010,
       LayoutSpec{{2, 0, 3, 1}, 1, 2},
       LayoutSpec::strided(2)},
      // More than three axes: successive transforms.
      {{3, 2, 5, 3, 2}, 0b11111, LayoutSpec::dense(), LayoutSpec::dense()},
      {{3, 2, 5, 3, 2},
       0b11011,
       LayoutSpec::strided(2),
       LayoutSpec::transposed(5)},
      {{2, 3, 2, 1, 3, 2, 2, 3},
       0xff,
       LayoutSpec::dense(),
       LayoutSpec::strided(2)},
      // Only axes of length 1: a copy.
      {{4, 1}, 0b10, LayoutSpec::strided(2), LayoutSpec::dense()},
  };
  for (const C2CCase &c : cases) {
    for (int sign : {-1, +1}) {
      SCOPED_TRACE(::testing::Message()
                   << "shape " << ::testing::PrintToString(c.shape) << " mask "
                   << c.mask << " sign " << sign);
      HostFFTDevice device;
      checkC2C(c, sign, device);
    }
  }
}

TEST(CUDARuntimeFFTSchedule, RowMajorRunsInPlaceWithoutCopies) {
  HostFFTDevice device;
  checkC2C({{4, 6, 10}, 0b010, LayoutSpec::dense(), LayoutSpec::dense()}, -1,
           device);
  EXPECT_EQ(device.allocations, 0);
  EXPECT_EQ(device.copies, 0);
  EXPECT_EQ(device.executions, 4) << "one plan per index of dimension 0 "
                                     "(dimension 2 is the plan's batch)";
}

TEST(CUDARuntimeFFTSchedule, ManyLoopsGoThroughOneStagedPlan) {
  HostFFTDevice device;
  // Transformed axis 1 of a permuted 6x5x4x5 array: the batch dimensions
  // do not merge, and looping over all but one would take 20 plans.
  checkC2C({{6, 5, 4, 5},
            0b0010,
            LayoutSpec{{1, 0, 2, 3}, 1, 0},
            LayoutSpec{{3, 2, 0, 1}, 1, 0}},
           -1, device);
  EXPECT_EQ(device.executions, 1);
  EXPECT_EQ(device.allocations, 2);
}

struct RealCase {
  Shape shape; // real side
  int64_t mask;
  int64_t halvedAxis;
  LayoutSpec realLayout, complexLayout;
};

std::vector<RealCase> getRealCases() {
  return {
      {{9}, 0b1, 0, LayoutSpec::dense(), LayoutSpec::dense()},
      {{4, 9}, 0b11, 1, LayoutSpec::dense(), LayoutSpec::dense()},
      {{4, 10}, 0b10, 1, LayoutSpec::strided(2), LayoutSpec::dense()},
      {{6, 5, 4}, 0b111, 0, LayoutSpec::dense(), LayoutSpec::transposed(3)},
      {{6, 5, 4}, 0b101, 2, LayoutSpec::transposed(3), LayoutSpec::strided(3)},
      {{3, 4, 2, 5, 3}, 0b11111, 3, LayoutSpec::dense(), LayoutSpec::dense()},
      {{3, 4, 2, 5, 3},
       0b10111,
       0,
       LayoutSpec::strided(2),
       LayoutSpec::transposed(5)},
      // Halved axes of length 1 (one bin) and 2.
      {{5, 1}, 0b11, 1, LayoutSpec::dense(), LayoutSpec::dense()},
      {{1, 3, 4}, 0b111, 0, LayoutSpec::strided(2), LayoutSpec::dense()},
      {{3, 2}, 0b11, 1, LayoutSpec::dense(), LayoutSpec::strided(2)},
  };
}

Shape getHalfShape(const RealCase &c) {
  Shape half = c.shape;
  half[c.halvedAxis] = c.shape[c.halvedAxis] / 2 + 1;
  return half;
}

TEST(CUDARuntimeFFTSchedule, R2CLayouts) {
  for (const RealCase &c : getRealCases()) {
    SCOPED_TRACE(::testing::Message()
                 << "shape " << ::testing::PrintToString(c.shape) << " mask "
                 << c.mask << " halved " << c.halvedAxis);
    HostFFTDevice device;
    TestArray<float> in(c.shape, c.realLayout);
    TestArray<cf> out(getHalfShape(c), c.complexLayout);
    fillRandom(in);
    double count = transformedCount(c.shape, c.mask);
    float scale = static_cast<float>(1.0 / std::sqrt(count));
    ASSERT_TRUE(
        runTransform(device, makeRequest(FFTKind::R2C, -1, in, out, c.shape,
                                         c.mask, c.halvedAxis, scale)));
    std::vector<cd> expected = scaled(
        halfSpectrum(naiveDFT(toDouble(in.toDense()), c.shape, c.mask, -1),
                     c.shape, c.halvedAxis),
        scale);
    EXPECT_LT(relativeError(out.toDense(), expected), 1e-5);
    EXPECT_TRUE(out.paddingIntact());
  }
}

TEST(CUDARuntimeFFTSchedule, C2RLayouts) {
  for (const RealCase &c : getRealCases()) {
    for (bool overwrite : {false, true}) {
      SCOPED_TRACE(::testing::Message()
                   << "shape " << ::testing::PrintToString(c.shape) << " mask "
                   << c.mask << " halved " << c.halvedAxis << " overwrite "
                   << overwrite);
      HostFFTDevice device;
      // The spectrum of a real signal, which the inverse must give back.
      TestArray<float> signal(c.shape);
      fillRandom(signal);
      TestArray<cf> in(getHalfShape(c), c.complexLayout);
      std::vector<cd> spectrum = halfSpectrum(
          naiveDFT(toDouble(signal.toDense()), c.shape, c.mask, -1), c.shape,
          c.halvedAxis);
      std::vector<cf> spectrumF(spectrum.begin(), spectrum.end());
      in.fromDense(spectrumF);
      std::vector<cf> before = in.storage;
      TestArray<float> out(c.shape, c.realLayout);
      TransformRequest request = makeRequest(
          FFTKind::C2R, +1, in, out, c.shape, c.mask, c.halvedAxis,
          static_cast<float>(1.0 / transformedCount(c.shape, c.mask)));
      request.mayOverwriteInput = overwrite;
      ASSERT_TRUE(runTransform(device, request));
      EXPECT_LT(relativeError(out.toDense(), signal.toDense()), 1e-5);
      EXPECT_TRUE(out.paddingIntact());
      if (!overwrite) {
        EXPECT_EQ(in.storage, before) << "c2r input modified";
      }
    }
  }
}

} // namespace
