//===- TestUtils.h - Helpers of the runtime unit tests ----------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Strided test arrays that hand out memref descriptors, an independent naive
// DFT in double precision to compare against, and a fixture that captures
// runtime errors instead of aborting.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_UNITTESTS_TESTUTILS_H
#define SPECTRAL_RUNTIME_UNITTESTS_TESTUTILS_H

#include "spectral-runtime/SpectralRuntime.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace spectral_test {

using cf = std::complex<float>;
using cd = std::complex<double>;
using Shape = std::vector<int64_t>;

inline int64_t product(const Shape &shape) {
  return std::accumulate(shape.begin(), shape.end(), int64_t{1},
                         std::multiplies<int64_t>());
}

/// Row-major strides of a dense array of `shape`.
inline Shape denseStrides(const Shape &shape) {
  Shape strides(shape.size());
  int64_t stride = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    strides[d] = stride;
    stride *= shape[d];
  }
  return strides;
}

/// How a test array is laid out in its buffer.
struct LayoutSpec {
  /// Dimensions from outermost to innermost in memory; empty = row-major.
  std::vector<int> order;
  /// Distance between consecutive elements of the innermost dimension.
  int64_t step = 1;
  /// Elements before element [0, ..., 0].
  int64_t offset = 0;

  static LayoutSpec dense() { return {}; }
  static LayoutSpec strided(int64_t step, int64_t offset = 3) {
    return {{}, step, offset};
  }
  /// Column-major: the first dimension is innermost.
  static LayoutSpec transposed(size_t rank, int64_t offset = 1) {
    LayoutSpec spec;
    for (size_t d = rank; d-- > 0;)
      spec.order.push_back(static_cast<int>(d));
    spec.offset = offset;
    return spec;
  }
};

/// Descriptor storage of any rank: StridedMemRefType<T, rank> is laid out as
/// base, data, offset, sizes[rank], strides[rank].
template <typename T> struct RawDescriptor {
  T *basePtr;
  T *data;
  int64_t offset;
  int64_t sizesAndStrides[16];
};

/// A strided array that owns its buffer; padding between elements holds a
/// sentinel so that writes outside the view are detected.
template <typename T> class TestArray {
public:
  TestArray(Shape shape, LayoutSpec spec = LayoutSpec::dense())
      : shape(std::move(shape)), strides(this->shape.size()),
        offset(spec.offset) {
    std::vector<int> order = spec.order;
    if (order.empty())
      for (size_t d = 0; d < this->shape.size(); ++d)
        order.push_back(static_cast<int>(d));
    int64_t stride = spec.step;
    for (size_t i = order.size(); i-- > 0;) {
      strides[order[i]] = stride;
      stride *= std::max<int64_t>(this->shape[order[i]], 1);
    }
    storage.assign(static_cast<size_t>(offset + stride + 2), sentinel());
  }

  static T sentinel() { return T(-12345); }

  int64_t rank() const { return static_cast<int64_t>(shape.size()); }
  int64_t size() const { return product(shape); }

  /// Element of linear row-major index `linear`.
  T &at(int64_t linear) {
    int64_t pos = offset;
    for (size_t d = shape.size(); d-- > 0;) {
      pos += (linear % shape[d]) * strides[d];
      linear /= shape[d];
    }
    return storage[static_cast<size_t>(pos)];
  }

  std::vector<T> toDense() {
    std::vector<T> result(static_cast<size_t>(size()));
    for (int64_t i = 0; i < size(); ++i)
      result[i] = at(i);
    return result;
  }
  void fromDense(const std::vector<T> &values) {
    for (int64_t i = 0; i < size(); ++i)
      at(i) = values[i];
  }
  void fill(T value) {
    for (int64_t i = 0; i < size(); ++i)
      at(i) = value;
  }

  /// True if every buffer element outside the view still holds the sentinel.
  bool paddingIntact() {
    std::vector<bool> inView(storage.size());
    for (int64_t i = 0; i < size(); ++i)
      inView[&at(i) - storage.data()] = true;
    for (size_t i = 0; i < storage.size(); ++i)
      if (!inView[i] && !(storage[i] == sentinel()))
        return false;
    return true;
  }

  UnrankedMemRefType<T> *unranked() {
    raw.basePtr = storage.data();
    raw.data = storage.data();
    raw.offset = offset;
    for (size_t d = 0; d < shape.size(); ++d) {
      raw.sizesAndStrides[d] = shape[d];
      raw.sizesAndStrides[shape.size() + d] = strides[d];
    }
    unrankedDesc.rank = rank();
    unrankedDesc.descriptor = &raw;
    return &unrankedDesc;
  }

  template <int N> StridedMemRefType<T, N> *ranked() {
    static_assert(sizeof(StridedMemRefType<T, N>) <= sizeof(RawDescriptor<T>),
                  "descriptor too large");
    EXPECT_EQ(rank(), N);
    unranked();
    return reinterpret_cast<StridedMemRefType<T, N> *>(&raw);
  }

  Shape shape;
  Shape strides;
  int64_t offset;
  std::vector<T> storage;
  /// What unranked() and ranked() hand out; tests corrupt it after the call.
  RawDescriptor<T> raw{};
  UnrankedMemRefType<T> unrankedDesc{};
};

inline std::mt19937 &rng() {
  static std::mt19937 engine(20240601);
  return engine;
}

inline float randomFloat() {
  return std::uniform_real_distribution<float>(-1.0f, 1.0f)(rng());
}

inline void fillRandom(TestArray<cf> &array) {
  for (int64_t i = 0; i < array.size(); ++i)
    array.at(i) = cf(randomFloat(), randomFloat());
}
inline void fillRandom(TestArray<float> &array) {
  for (int64_t i = 0; i < array.size(); ++i)
    array.at(i) = randomFloat();
}

/// Naive DFT in double precision over the axes of `mask` of a dense
/// row-major array: O(n) work per output element and axis, exact twiddles.
inline std::vector<cd> naiveDFT(std::vector<cd> data, const Shape &shape,
                                int64_t mask, int sign) {
  const double pi = std::acos(-1.0);
  Shape strides = denseStrides(shape);
  int64_t total = product(shape);
  for (size_t axis = 0; axis < shape.size(); ++axis) {
    if (!((mask >> axis) & 1))
      continue;
    int64_t n = shape[axis], stride = strides[axis];
    std::vector<cd> twiddle(n);
    for (int64_t m = 0; m < n; ++m)
      twiddle[m] = std::polar(1.0, sign * 2.0 * pi * m / n);
    std::vector<cd> result(data.size());
    for (int64_t i = 0; i < total; ++i) {
      int64_t k = i / stride % n;
      int64_t lineStart = i - k * stride;
      cd sum = 0;
      for (int64_t j = 0; j < n; ++j)
        sum += data[lineStart + j * stride] * twiddle[(j * k) % n];
      result[i] = sum;
    }
    data = std::move(result);
  }
  return data;
}

/// Keeps indices 0 .. n/2 of `axis` of a dense array (numpy's rfftn half).
inline std::vector<cd> halfSpectrum(const std::vector<cd> &full,
                                    const Shape &shape, size_t axis) {
  Shape halfShape = shape;
  halfShape[axis] = shape[axis] / 2 + 1;
  Shape fullStrides = denseStrides(shape);
  std::vector<cd> half(static_cast<size_t>(product(halfShape)));
  for (int64_t i = 0; i < product(halfShape); ++i) {
    int64_t rest = i, source = 0;
    for (size_t d = halfShape.size(); d-- > 0;) {
      source += (rest % halfShape[d]) * fullStrides[d];
      rest /= halfShape[d];
    }
    half[i] = full[source];
  }
  return half;
}

template <typename T> std::vector<cd> toDouble(const std::vector<T> &values) {
  return std::vector<cd>(values.begin(), values.end());
}

/// max |actual - expected| / max |expected|.
template <typename T, typename U>
double relativeError(const std::vector<T> &actual,
                     const std::vector<U> &expected) {
  EXPECT_EQ(actual.size(), expected.size());
  double maxError = 0, maxValue = 0;
  for (size_t i = 0; i < actual.size() && i < expected.size(); ++i) {
    maxError = std::max(maxError, std::abs(cd(actual[i]) - cd(expected[i])));
    maxValue = std::max(maxValue, std::abs(cd(expected[i])));
  }
  return maxValue == 0 ? maxError : maxError / maxValue;
}

/// Scale numpy applies for `norm` to a transform over `count` points.
inline double normScale(int32_t norm, bool inverse, double count) {
  switch (norm) {
  case SPECTRAL_FFT_NORM_BACKWARD:
    return inverse ? 1.0 / count : 1.0;
  case SPECTRAL_FFT_NORM_FORWARD:
    return inverse ? 1.0 : 1.0 / count;
  default:
    return 1.0 / std::sqrt(count);
  }
}

inline double transformedCount(const Shape &shape, int64_t mask) {
  double count = 1;
  for (size_t d = 0; d < shape.size(); ++d)
    if ((mask >> d) & 1)
      count *= static_cast<double>(shape[d]);
  return count;
}

/// Errors reported by the runtime while a RuntimeTest runs.
struct CapturedErrors {
  int count = 0;
  std::string function;
  std::string message;
};

inline CapturedErrors &capturedErrors() {
  static CapturedErrors errors;
  return errors;
}

inline void captureError(const char *function, const char *message) {
  CapturedErrors &errors = capturedErrors();
  ++errors.count;
  errors.function = function;
  errors.message = message;
}

/// The error assertions of a fixture whose runtime reports into `store`
/// (the CPU and the CUDA runtime each have their own handler and store).
class ErrorChecks : public ::testing::Test {
protected:
  explicit ErrorChecks(CapturedErrors &store) : store(store) {}

  void resetErrors() { store = CapturedErrors(); }

  /// Checks that no error beyond the expected ones was reported.
  void checkOnlyExpectedErrors() {
    EXPECT_EQ(store.count, expectedErrors)
        << "last error: " << store.function << ": " << store.message;
  }

  /// Asserts that exactly one more error was reported, by `function`, and
  /// that its message contains every string of `parts`.
  void expectError(const char *function,
                   const std::vector<const char *> &parts) {
    ++expectedErrors;
    ASSERT_EQ(store.count, expectedErrors)
        << "expected an error containing '" << *parts.begin() << "'";
    EXPECT_EQ(store.function, function);
    for (const char *part : parts)
      EXPECT_NE(store.message.find(part), std::string::npos)
          << "message '" << store.message << "' lacks '" << part << "'";
  }

  void expectNoError() {
    ASSERT_EQ(store.count, expectedErrors)
        << store.function << ": " << store.message;
  }

  int expectedErrors = 0;

private:
  CapturedErrors &store;
};

/// Installs a capturing error handler, and checks after each test that no
/// unexpected error was reported and that no runtime memory is left live.
class RuntimeTest : public ErrorChecks {
protected:
  RuntimeTest() : ErrorChecks(capturedErrors()) {}
  void SetUp() override {
    resetErrors();
    spectral_runtime_set_error_handler(captureError);
  }
  void TearDown() override {
    spectral_runtime_set_error_handler(nullptr);
    spectral_runtime_set_memory_limit(0);
    checkOnlyExpectedErrors();
    EXPECT_EQ(spectral_runtime_live_bytes(), 0);
  }
};

} // namespace spectral_test

#endif // SPECTRAL_RUNTIME_UNITTESTS_TESTUTILS_H
