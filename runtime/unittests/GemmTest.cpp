//===- GemmTest.cpp - Tests of the GEMM entry points ----------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every product is compared with a naive triple loop in extended precision,
// within the rounding bound of a K-term dot product. The runtime's peak bytes
// tell whether an operand was handed to BLAS in place or copied.
//
//===----------------------------------------------------------------------===//

#include "TestUtils.h"

#include <cfloat>
#include <climits>
#include <thread>

using namespace spectral_test;

namespace {

constexpr const char *kGemmF32 = "spectral_gemm_f32";
constexpr const char *kGemmF64 = "spectral_gemm_f64";

/// A strided rows x cols view of its own buffer: element [i][j] lies at
/// offset + i * rowStride + j * colStride. Buffer elements outside the view
/// hold a sentinel, so that stray writes are detected.
template <typename T> class Matrix {
public:
  Matrix(int64_t rows, int64_t cols, int64_t rowStride, int64_t colStride,
         int64_t offset = 0)
      : rows(rows), cols(cols), rowStride(rowStride), colStride(colStride),
        offset(offset) {
    int64_t extent = 0;
    if (rows > 0 && cols > 0)
      extent = (rows - 1) * rowStride + (cols - 1) * colStride + 1;
    storage.assign(static_cast<size_t>(offset + extent + 2), sentinel());
  }

  static Matrix dense(int64_t rows, int64_t cols) {
    return Matrix(rows, cols, cols, 1);
  }
  /// Rows `ld` apart, e.g. a slice of a wider matrix.
  static Matrix rowMajor(int64_t rows, int64_t cols, int64_t ld,
                         int64_t offset = 5) {
    return Matrix(rows, cols, ld, 1, offset);
  }
  /// Columns `ld` apart: the transpose of a row-major matrix.
  static Matrix columnMajor(int64_t rows, int64_t cols, int64_t ld,
                            int64_t offset = 3) {
    return Matrix(rows, cols, 1, ld, offset);
  }

  static T sentinel() { return T(-12345); }

  T &at(int64_t i, int64_t j) {
    return storage[static_cast<size_t>(offset + i * rowStride + j * colStride)];
  }

  void fillRandom() {
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < cols; ++j)
        at(i, j) = static_cast<T>(randomFloat());
  }

  bool paddingIntact() {
    std::vector<bool> inView(storage.size());
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < cols; ++j)
        inView[&at(i, j) - storage.data()] = true;
    for (size_t i = 0; i < storage.size(); ++i)
      if (!inView[i] && storage[i] != sentinel())
        return false;
    return true;
  }

  /// A fresh descriptor of the view; tests corrupt it after the call.
  StridedMemRefType<T, 2> *get() {
    desc.basePtr = storage.data();
    desc.data = storage.data();
    desc.offset = offset;
    desc.sizes[0] = rows;
    desc.sizes[1] = cols;
    desc.strides[0] = rowStride;
    desc.strides[1] = colStride;
    return &desc;
  }

  /// Makes the descriptor point `elements` elements into `other`'s buffer.
  StridedMemRefType<T, 2> *pointInto(Matrix &other, int64_t elements) {
    get();
    desc.basePtr = other.storage.data() + elements;
    desc.data = desc.basePtr;
    desc.offset = 0;
    return &desc;
  }

  int64_t rows, cols, rowStride, colStride, offset;
  std::vector<T> storage;
  StridedMemRefType<T, 2> desc{};
};

void callGemm(StridedMemRefType<float, 2> *a, StridedMemRefType<float, 2> *b,
              StridedMemRefType<float, 2> *c) {
  _mlir_ciface_spectral_gemm_f32(a, b, c);
}
void callGemm(StridedMemRefType<double, 2> *a, StridedMemRefType<double, 2> *b,
              StridedMemRefType<double, 2> *c) {
  _mlir_ciface_spectral_gemm_f64(a, b, c);
}

template <typename T> constexpr double kEpsilon = 0;
template <> constexpr double kEpsilon<float> = FLT_EPSILON;
template <> constexpr double kEpsilon<double> = DBL_EPSILON;

/// What C += A * B must produce, and the magnitude |C| + sum |A| |B| that
/// bounds its rounding error, element by element (row-major).
struct Expected {
  std::vector<long double> values, magnitudes;
};

template <typename T>
Expected naiveGemm(Matrix<T> &a, Matrix<T> &b, Matrix<T> &c) {
  Expected expected;
  for (int64_t i = 0; i < c.rows; ++i) {
    for (int64_t j = 0; j < c.cols; ++j) {
      long double sum = c.at(i, j), magnitude = std::fabs(c.at(i, j));
      for (int64_t k = 0; k < a.cols; ++k) {
        long double product = static_cast<long double>(a.at(i, k)) * b.at(k, j);
        sum += product;
        magnitude += std::fabs(product);
      }
      expected.values.push_back(sum);
      expected.magnitudes.push_back(magnitude);
    }
  }
  return expected;
}

class RuntimeGemm : public RuntimeTest {
protected:
  /// Fills A, B and C with random values, runs C += A * B and compares it
  /// with the naive product. `copies` says whether the runtime had to copy
  /// an operand (it then allocates runtime memory).
  template <typename T>
  void check(Matrix<T> &a, Matrix<T> &b, Matrix<T> &c, bool copies = false) {
    SCOPED_TRACE(::testing::Message()
                 << "M " << c.rows << " N " << c.cols << " K " << a.cols
                 << ", strides A " << a.rowStride << "," << a.colStride << " B "
                 << b.rowStride << "," << b.colStride << " C " << c.rowStride
                 << "," << c.colStride);
    a.fillRandom();
    b.fillRandom();
    c.fillRandom();
    std::vector<T> aBefore = a.storage, bBefore = b.storage;
    Expected expected = naiveGemm(a, b, c);
    spectral_runtime_reset_peak();
    callGemm(a.get(), b.get(), c.get());
    expectNoError();
    EXPECT_EQ(spectral_runtime_peak_bytes() > 0, copies)
        << (copies ? "expected a copy" : "expected no copy");

    // A K-term dot product plus C is within (K + 1) u of the magnitude;
    // (K + 2) eps leaves a factor of two.
    double tolerance = (a.cols + 2) * kEpsilon<T>;
    for (int64_t i = 0; i < c.rows; ++i) {
      for (int64_t j = 0; j < c.cols; ++j) {
        size_t index = static_cast<size_t>(i * c.cols + j);
        long double error = std::fabs(c.at(i, j) - expected.values[index]);
        ASSERT_LE(error, tolerance * expected.magnitudes[index])
            << "C[" << i << "][" << j << "] is " << c.at(i, j) << ", expected "
            << static_cast<double>(expected.values[index]);
      }
    }
    EXPECT_TRUE(c.paddingIntact()) << "C written outside the view";
    EXPECT_EQ(a.storage, aBefore) << "A written";
    EXPECT_EQ(b.storage, bBefore) << "B written";
  }

  template <typename T> void checkDense(int64_t m, int64_t n, int64_t k) {
    Matrix<T> a = Matrix<T>::dense(m, k), b = Matrix<T>::dense(k, n),
              c = Matrix<T>::dense(m, n);
    check(a, b, c);
  }

  /// Every combination of row-major and column-major A, B and C, with
  /// leading dimensions longer than a row or column.
  template <typename T> void checkAllOrders(int64_t m, int64_t n, int64_t k) {
    for (int layouts = 0; layouts < 8; ++layouts) {
      auto make = [&](int bit, int64_t rows, int64_t cols) {
        return (layouts >> bit) & 1
                   ? Matrix<T>::columnMajor(rows, cols, rows + 2)
                   : Matrix<T>::rowMajor(rows, cols, cols + 3);
      };
      Matrix<T> a = make(0, m, k), b = make(1, k, n), c = make(2, m, n);
      check(a, b, c);
    }
  }
};

//===----------------------------------------------------------------------===//
// Results
//===----------------------------------------------------------------------===//

TEST_F(RuntimeGemm, Contiguous) {
  checkDense<float>(7, 9, 5);
  checkDense<float>(64, 48, 33);
  // Large enough for OpenBLAS to use its threads.
  checkDense<float>(150, 130, 170);
}

TEST_F(RuntimeGemm, SubviewsWithOffsetAndRowStride) {
  // Slices of wider matrices at an offset: lda > K, ldb > N, ldc > N.
  Matrix<float> a = Matrix<float>::rowMajor(6, 10, 17, 9),
                b = Matrix<float>::rowMajor(10, 7, 12, 4),
                c = Matrix<float>::rowMajor(6, 7, 30, 11);
  check(a, b, c);
}

TEST_F(RuntimeGemm, TransposedOperandsAreReadInPlace) {
  checkAllOrders<float>(11, 7, 13);
  checkAllOrders<float>(40, 3, 29);
}

TEST_F(RuntimeGemm, LayoutsBLASCannotReadAreCopied) {
  // No unit stride in A.
  {
    Matrix<float> a(5, 6, 14, 2, 1), b = Matrix<float>::dense(6, 4),
                                     c = Matrix<float>::dense(5, 4);
    check(a, b, c, /*copies=*/true);
  }
  // No unit stride in B, C transposed.
  {
    Matrix<float> a = Matrix<float>::dense(5, 6), b(6, 4, 3, 20, 2),
                  c = Matrix<float>::columnMajor(5, 4, 5);
    check(a, b, c, /*copies=*/true);
  }
  // No unit stride in C: copied in (it accumulates) and back.
  {
    Matrix<float> a = Matrix<float>::dense(5, 6),
                  b = Matrix<float>::columnMajor(6, 4, 6), c(5, 4, 9, 2, 3);
    check(a, b, c, /*copies=*/true);
  }
  // Everything strided.
  {
    Matrix<float> a(9, 8, 19, 2, 1), b(8, 7, 3, 25, 2), c(9, 7, 2, 19, 3);
    check(a, b, c, /*copies=*/true);
  }
  // Rows that overlap (a broadcast input): no leading dimension describes
  // them.
  {
    Matrix<float> a(5, 6, 0, 1), b(6, 4, 2, 1), c = Matrix<float>::dense(5, 4);
    check(a, b, c, /*copies=*/true);
  }
}

TEST_F(RuntimeGemm, AccumulatesIntoC) {
  Matrix<float> a = Matrix<float>::dense(2, 3), b = Matrix<float>::dense(3, 2),
                c = Matrix<float>::dense(2, 2);
  float values[] = {1, 2, 3, 4, 5, 6};
  for (int64_t i = 0; i < 6; ++i) {
    a.at(i / 3, i % 3) = values[i];
    b.at(i / 2, i % 2) = values[i];
  }
  c.at(0, 0) = 100;
  c.at(0, 1) = -100;
  c.at(1, 0) = 0.5f;
  c.at(1, 1) = 1;
  _mlir_ciface_spectral_gemm_f32(a.get(), b.get(), c.get());
  expectNoError();
  // [1 2 3; 4 5 6] * [1 2; 3 4; 5 6] = [22 28; 49 64].
  EXPECT_EQ(c.at(0, 0), 122.0f);
  EXPECT_EQ(c.at(0, 1), -72.0f);
  EXPECT_EQ(c.at(1, 0), 49.5f);
  EXPECT_EQ(c.at(1, 1), 65.0f);
  // Twice accumulates twice.
  _mlir_ciface_spectral_gemm_f32(a.get(), b.get(), c.get());
  EXPECT_EQ(c.at(1, 1), 129.0f);
  expectNoError();
}

TEST_F(RuntimeGemm, Float64) {
  checkDense<double>(7, 9, 5);
  checkDense<double>(37, 41, 43);
  checkAllOrders<double>(13, 5, 11);
  Matrix<double> a(5, 6, 14, 2, 1), b = Matrix<double>::columnMajor(6, 4, 8),
                                    c(5, 4, 2, 11, 3);
  check(a, b, c, /*copies=*/true);
}

TEST_F(RuntimeGemm, OddSizes) {
  const int64_t sizes[][3] = {{1, 1, 1},    {1, 9, 7},  {9, 1, 7},
                              {9, 7, 1},    {1, 1, 13}, {13, 17, 1},
                              {17, 13, 31}, {31, 1, 29}};
  for (const auto &[m, n, k] : sizes) {
    checkDense<float>(m, n, k);
    checkAllOrders<float>(m, n, k);
    checkDense<double>(m, n, k);
  }
}

TEST_F(RuntimeGemm, StridesOfSizeOneDimensionsDoNotMatter) {
  // MLIR may give a dimension of size 1 any stride; none of these is copied.
  // A row vector whose row stride is 0, and B with a huge one.
  {
    Matrix<float> a(1, 7, 0, 1), b = Matrix<float>::dense(7, 5),
                                 c(1, 5, int64_t{1} << 40, 1);
    check(a, b, c);
  }
  // Column vectors whose column stride is odd or beyond BLAS's int.
  {
    Matrix<float> a(6, 1, 1, 12345), b(1, 4, 99, 1), c(6, 4, 1, 6, 2);
    check(a, b, c);
  }
  {
    Matrix<float> a = Matrix<float>::dense(6, 5), b(5, 1, 3, int64_t{1} << 33),
                  c(6, 1, 2, 0);
    check(a, b, c);
  }
  // 1x1 everything, all strides odd.
  {
    Matrix<double> a(1, 1, 7, 3), b(1, 1, 0, 0), c(1, 1, 5, 9);
    check(a, b, c);
  }
}

TEST_F(RuntimeGemm, ZeroSizedDimensionsAreNoOps) {
  const int64_t sizes[][3] = {{0, 4, 3}, {4, 0, 3}, {4, 3, 0}, {0, 0, 0}};
  for (const auto &[m, n, k] : sizes) {
    Matrix<float> a = Matrix<float>::dense(m, k),
                  b = Matrix<float>::dense(k, n),
                  c = Matrix<float>::dense(m, n);
    check(a, b, c);
    // K = 0: C is left exactly as it was, even with empty operands that
    // have no data at all.
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j)
        c.at(i, j) = 7.0f;
    StridedMemRefType<float, 2> *aDesc = a.get(), *bDesc = b.get();
    if (k == 0) {
      aDesc->basePtr = aDesc->data = nullptr;
      bDesc->basePtr = bDesc->data = nullptr;
    }
    _mlir_ciface_spectral_gemm_f32(aDesc, bDesc, c.get());
    expectNoError();
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j)
        ASSERT_EQ(c.at(i, j), 7.0f);
  }
}

TEST_F(RuntimeGemm, ConcurrentCallsAgree) {
  // Entry points run concurrently; OpenBLAS must cope with several callers.
  constexpr int kThreads = 4;
  std::vector<Matrix<float>> as, bs, cs;
  std::vector<Expected> expected;
  for (int t = 0; t < kThreads; ++t) {
    as.push_back(Matrix<float>::dense(96, 80));
    bs.push_back(Matrix<float>::columnMajor(80, 112, 80));
    cs.push_back(Matrix<float>::dense(96, 112));
    as[t].fillRandom();
    bs[t].fillRandom();
    cs[t].fillRandom();
    expected.push_back(naiveGemm(as[t], bs[t], cs[t]));
  }
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      _mlir_ciface_spectral_gemm_f32(as[t].get(), bs[t].get(), cs[t].get());
    });
  for (std::thread &thread : threads)
    thread.join();
  expectNoError();
  double tolerance = (80 + 2) * kEpsilon<float>;
  for (int t = 0; t < kThreads; ++t)
    for (int64_t i = 0; i < 96; ++i)
      for (int64_t j = 0; j < 112; ++j) {
        size_t index = static_cast<size_t>(i * 112 + j);
        ASSERT_LE(std::fabs(cs[t].at(i, j) - expected[t].values[index]),
                  tolerance * expected[t].magnitudes[index])
            << "thread " << t << " C[" << i << "][" << j << "]";
      }
}

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

/// Valid arguments: A 4x3, B 3x5, C 4x5.
class RuntimeGemmErrors : public RuntimeTest {
protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    a.fillRandom();
    b.fillRandom();
    c.fillRandom();
    cBefore = c.storage;
  }

  void gemm(StridedMemRefType<float, 2> *aDesc,
            StridedMemRefType<float, 2> *bDesc,
            StridedMemRefType<float, 2> *cDesc) {
    _mlir_ciface_spectral_gemm_f32(aDesc, bDesc, cDesc);
  }

  /// Checks the error and that C was not written.
  void expectFailure(const char *function,
                     std::initializer_list<const char *> parts) {
    expectError(function, parts);
    EXPECT_EQ(c.storage, cBefore) << "C written";
  }

  Matrix<float> a = Matrix<float>::dense(4, 3), b = Matrix<float>::dense(3, 5),
                c = Matrix<float>::dense(4, 5);
  std::vector<float> cBefore;
};

TEST_F(RuntimeGemmErrors, ValidArgumentsPass) {
  gemm(a.get(), b.get(), c.get());
  expectNoError();
}

TEST_F(RuntimeGemmErrors, NullArguments) {
  gemm(nullptr, b.get(), c.get());
  expectFailure(kGemmF32, {"A is a null pointer"});
  gemm(a.get(), nullptr, c.get());
  expectFailure(kGemmF32, {"B is a null pointer"});
  _mlir_ciface_spectral_gemm_f64(nullptr, nullptr, nullptr);
  expectError(kGemmF64, {"A is a null pointer"});
  StridedMemRefType<float, 2> *cDesc = c.get();
  cDesc->data = nullptr;
  gemm(a.get(), b.get(), cDesc);
  expectFailure(kGemmF32, {"C has a null data pointer but 20 elements"});
}

TEST_F(RuntimeGemmErrors, MismatchedShapes) {
  Matrix<float> tallB = Matrix<float>::dense(4, 5);
  tallB.fillRandom();
  gemm(a.get(), tallB.get(), c.get());
  expectFailure(kGemmF32, {"B has shape 4x5, expected 3 rows",
                           "columns of A, which has shape 4x3"});
  Matrix<float> wideC = Matrix<float>::dense(4, 6);
  wideC.fillRandom();
  std::vector<float> wideBefore = wideC.storage;
  gemm(a.get(), b.get(), wideC.get());
  expectError(kGemmF32, {"C has shape 4x6, expected 4x5"});
  EXPECT_EQ(wideC.storage, wideBefore);
  Matrix<float> shortC = Matrix<float>::dense(3, 5);
  gemm(a.get(), b.get(), shortC.get());
  expectError(kGemmF32, {"C has shape 3x5, expected 4x5", "rows of A"});
  // An empty product is checked all the same.
  Matrix<float> emptyA = Matrix<float>::dense(0, 3);
  gemm(emptyA.get(), b.get(), c.get());
  expectFailure(kGemmF32, {"C has shape 4x5, expected 0x5"});
}

TEST_F(RuntimeGemmErrors, NegativeSizesAndStrides) {
  StridedMemRefType<float, 2> *aDesc = a.get();
  aDesc->strides[1] = -1;
  gemm(aDesc, b.get(), c.get());
  expectFailure(kGemmF32,
                {"A dimension 1 has negative stride -1", "not supported"});
  StridedMemRefType<float, 2> *bDesc = b.get();
  bDesc->strides[0] = -5;
  gemm(a.get(), bDesc, c.get());
  expectFailure(kGemmF32, {"B dimension 0 has negative stride -5"});
  StridedMemRefType<float, 2> *cDesc = c.get();
  cDesc->strides[0] = -5;
  gemm(a.get(), b.get(), cDesc);
  expectFailure(kGemmF32, {"C dimension 0 has negative stride -5"});
  cDesc = c.get();
  cDesc->sizes[1] = -5;
  gemm(a.get(), b.get(), cDesc);
  expectFailure(kGemmF32, {"C dimension 1 has negative size -5"});
}

TEST_F(RuntimeGemmErrors, COverlapsAOrB) {
  // C on A's buffer, then in its middle.
  Matrix<float> big = Matrix<float>::dense(8, 5);
  big.fillRandom();
  std::vector<float> bigBefore = big.storage;
  Matrix<float> aInBig(4, 3, 5, 1), cInBig = Matrix<float>::dense(4, 5);
  gemm(aInBig.pointInto(big, 0), b.get(), cInBig.pointInto(big, 0));
  expectError(kGemmF32, {"C and A overlap in memory"});
  gemm(aInBig.pointInto(big, 0), b.get(), cInBig.pointInto(big, 14));
  expectError(kGemmF32, {"C and A overlap"});
  EXPECT_EQ(big.storage, bigBefore);
  Matrix<float> bInBig(3, 5, 5, 1);
  gemm(a.get(), bInBig.pointInto(big, 15), cInBig.pointInto(big, 0));
  expectError(kGemmF32, {"C and B overlap"});
  EXPECT_EQ(big.storage, bigBefore);
  // Disjoint parts of one buffer are fine.
  gemm(aInBig.pointInto(big, 0), b.get(), cInBig.pointInto(big, 20));
  expectNoError();
  // A and B may overlap each other (inputs only).
  Matrix<float> square = Matrix<float>::dense(3, 3),
                out = Matrix<float>::dense(3, 3);
  square.fillRandom();
  gemm(square.get(), square.get(), out.get());
  expectNoError();
}

TEST_F(RuntimeGemmErrors, COverlapsItself) {
  StridedMemRefType<float, 2> *cDesc = c.get();
  cDesc->strides[0] = 0; // every row on the same memory
  gemm(a.get(), b.get(), cDesc);
  expectFailure(kGemmF32,
                {"C has overlapping elements", "dimension 0", "stride 0"});
  cDesc = c.get();
  cDesc->strides[0] = 4; // rows of 5 every 4 elements
  gemm(a.get(), b.get(), cDesc);
  expectFailure(kGemmF32, {"C has overlapping elements", "stride 4"});
}

TEST_F(RuntimeGemmErrors, DimensionBeyondBLASLimit) {
  // K = 2^31 with broadcast inputs (stride 0), so that nothing is allocated.
  Matrix<float> one = Matrix<float>::dense(1, 1), row(1, 1, 0, 0),
                column(1, 1, 0, 0);
  one.fillRandom();
  std::vector<float> before = one.storage;
  StridedMemRefType<float, 2> *aDesc = row.get(), *bDesc = column.get();
  aDesc->sizes[1] = int64_t{INT_MAX} + 1;
  bDesc->sizes[0] = int64_t{INT_MAX} + 1;
  gemm(aDesc, bDesc, one.get());
  expectError(kGemmF32,
              {"K = 2147483648", "exceeds BLAS's 32-bit limit of 2147483647"});
  EXPECT_EQ(one.storage, before);
}

TEST_F(RuntimeGemmErrors, MemoryLimitRefusesTheCopy) {
  Matrix<float> strided(4, 3, 7, 2, 1);
  strided.fillRandom();
  spectral_runtime_set_memory_limit(1);
  gemm(strided.get(), b.get(), c.get());
  expectFailure(kGemmF32, {"cannot allocate 64 bytes of runtime memory",
                           "memory limit is 1 bytes"});
  // C needs the copy: refused before C is written.
  Matrix<float> stridedC(4, 5, 11, 2, 0);
  stridedC.fillRandom();
  std::vector<float> stridedBefore = stridedC.storage;
  gemm(a.get(), b.get(), stridedC.get());
  expectError(kGemmF32, {"cannot allocate"});
  EXPECT_EQ(stridedC.storage, stridedBefore);
  spectral_runtime_set_memory_limit(0);
  gemm(strided.get(), b.get(), c.get());
  expectNoError();
}

} // namespace
