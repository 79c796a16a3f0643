//===- ConstantCompressor.h - Compression of constants at compile time ----===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Compresses the values of a constant tensor at compile time by calling the
// same runtime entry points (transforms, top-k, scatter) that the lowered
// `spectral.compress` and `spectral.decompress` call, on the same tile-major
// buffers, so the result equals run-time compression.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_TRANSFORMS_CONSTANTCOMPRESSOR_H
#define SPECTRALDIALECT_TRANSFORMS_CONSTANTCOMPRESSOR_H

#include "SpectralDialect/IR/SpectralTypes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Support/LLVM.h"

#include <complex>
#include <string>
#include <vector>

namespace mlir {
namespace spectral {

/// Storage of a compressed tensor in the compute types: T x K coefficients
/// and positions, row-major.
struct CompressedValues {
  std::vector<std::complex<float>> coefficients;
  std::vector<int64_t> positions;
};

/// The values of one constant, in the precision the lowering computes in
/// (f32, or complex<f32> for complex tensors), arranged tile by tile for a
/// given tiling.
class ConstantCompressor {
public:
  /// Reads `values` (a float or complex tensor attribute with a static
  /// shape, dense or a dense resource). Fails with `error` set when the
  /// attribute holds no readable data.
  static FailureOr<ConstantCompressor> create(ElementsAttr values,
                                              std::string &error);

  /// The per-tile forward spectra of the constant under `layout` (T x S,
  /// the tile spectrum flattened), as `spectral.compress` computes them.
  FailureOr<std::vector<std::complex<float>>>
  computeSpectra(SparseSpectralType layout, std::string &error) const;

  /// The `keep` bins per tile that `spectral.compress` keeps from `spectra`.
  FailureOr<CompressedValues>
  selectTopK(const std::vector<std::complex<float>> &spectra,
             SparseSpectralType layout, int64_t keep, std::string &error) const;

  /// The smallest keep per tile whose dropped energy, by Parseval, is at
  /// most `relativeError`^2 of the total (coefficients kept exactly).
  FailureOr<int64_t>
  findSmallestKeep(const std::vector<std::complex<float>> &spectra,
                   SparseSpectralType layout, double relativeError,
                   std::string &error) const;

  /// Relative Frobenius error of decompressing `compressed` (with the
  /// coefficients rounded to the storage type of `layout`) against the
  /// constant.
  FailureOr<double> measureError(const CompressedValues &compressed,
                                 SparseSpectralType layout,
                                 std::string &error) const;

  /// The storage of `compressed` as the two constant attributes of
  /// `layout`'s storage types, as dense resources named after `name`.
  std::pair<ElementsAttr, ElementsAttr>
  createStorageAttrs(const CompressedValues &compressed,
                     SparseSpectralType layout, StringRef name) const;

  bool isComplex() const { return complex; }
  ArrayRef<int64_t> getShape() const { return shape; }

private:
  ConstantCompressor() = default;

  /// The constant as T x tile... in tile-major order, in complex<f32> (for
  /// fft) or f32 (for rfft).
  std::vector<float> getRealTiles(SparseSpectralType layout) const;
  std::vector<std::complex<float>>
  getComplexTiles(SparseSpectralType layout) const;

  SmallVector<int64_t> shape;
  bool complex = false;
  /// Row-major values; interleaved (re, im) pairs when `complex`.
  std::vector<float> values;
};

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_TRANSFORMS_CONSTANTCOMPRESSOR_H
