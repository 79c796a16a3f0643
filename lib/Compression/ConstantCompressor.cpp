//===- ConstantCompressor.cpp - Compression of constants at compile time --===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ConstantCompressor.h"
#include "SpectralDialect/Runtime/TileRule.h"
#include "SpectralDialect/Utils/RuntimeLayout.h"

#include "spectral-runtime/SpectralRuntime.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/APFloat.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <numeric>

using namespace mlir;
using namespace mlir::spectral;

namespace {

/// Collects the first error the runtime reports while installed, instead of
/// the default handler's abort: a compiler must not stop on bad input.
class RuntimeErrorScope {
public:
  RuntimeErrorScope() {
    message().clear();
    spectral_runtime_set_error_handler(&record);
  }
  ~RuntimeErrorScope() { spectral_runtime_set_error_handler(nullptr); }
  /// True (with `error` set) when the runtime reported an error.
  bool failed(std::string &error) const {
    if (message().empty())
      return false;
    error = "runtime: " + message();
    return true;
  }

private:
  static std::string &message() {
    static thread_local std::string text;
    return text;
  }
  static void record(const char *function, const char *text) {
    if (message().empty())
      message() = std::string(function) + ": " + text;
  }
};

/// A row-major memref descriptor of any rank over `data`, in the layout of
/// StridedMemRefType, wrapped as an unranked memref.
class UnrankedDescriptor {
public:
  UnrankedDescriptor(void *data, ArrayRef<int64_t> shape) {
    int64_t rank = shape.size();
    words.resize(3 + 2 * rank);
    std::memcpy(&words[0], &data, sizeof(void *));
    std::memcpy(&words[1], &data, sizeof(void *));
    words[2] = 0;
    int64_t stride = 1;
    for (int64_t dim = rank - 1; dim >= 0; --dim) {
      words[3 + dim] = shape[dim];
      words[3 + rank + dim] = stride;
      stride *= shape[dim];
    }
    unranked = {rank, words.data()};
  }
  template <typename T>::UnrankedMemRefType<T> *get() {
    return reinterpret_cast<::UnrankedMemRefType<T> *>(&unranked);
  }

private:
  std::vector<int64_t> words;
  struct {
    int64_t rank;
    void *descriptor;
  } unranked;
};

template <typename T>
StridedMemRefType<T, 2> matrixOf(T *data, int64_t rows, int64_t cols) {
  return {data, data, 0, {rows, cols}, {cols, 1}};
}

StridedMemRefType<int64_t, 1> vectorOf(SmallVectorImpl<int64_t> &data) {
  int64_t size = data.size();
  return {data.data(), data.data(), 0, {size}, {1}};
}

/// Rounds `value` to the floating-point semantics of `type`, as arith.truncf
/// does (round to nearest, ties to even), returning the rounded bits.
APInt roundTo(float value, FloatType type) {
  APFloat rounded(value);
  bool lostInfo = false;
  rounded.convert(type.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &lostInfo);
  return rounded.bitcastToAPInt();
}

float roundTrip(float value, FloatType type) {
  if (type.isF32())
    return value;
  APFloat rounded(type.getFloatSemantics(), roundTo(value, type));
  bool lostInfo = false;
  rounded.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven,
                  &lostInfo);
  return rounded.convertToFloat();
}

/// Decodes one element of `type` (f16, bf16, f32 or f64) at `bytes`.
float decodeFloat(const char *bytes, FloatType type) {
  unsigned width = type.getWidth();
  uint64_t bits = 0;
  std::memcpy(&bits, bytes, width / 8);
  APFloat value(type.getFloatSemantics(), APInt(width, bits));
  bool lostInfo = false;
  value.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven, &lostInfo);
  return value.convertToFloat();
}

/// Weights of stored candidate bins in Parseval's sum: the number of dense
/// bins each stands for (SpectralDialect/Runtime/TileRule.h).
class BinWeights {
public:
  explicit BinWeights(SparseSpectralType layout)
      : tile(layout), strides(tile.spectrumShape.size()) {
    for (int64_t d = strides.size() - 1, stride = 1; d >= 0; --d) {
      strides[d] = stride;
      stride *= tile.spectrumShape[d];
    }
  }

  double operator()(int64_t position) const {
    return tile_rule::classify(position, strides.size(),
                               tile.spectrumShape.data(), strides.data(),
                               tile.axesMask, tile.halvedAxis,
                               tile.halvedLength)
        .weight;
  }

private:
  RuntimeTileLayout tile;
  SmallVector<int64_t> strides;
};

} // namespace

FailureOr<ConstantCompressor> ConstantCompressor::create(ElementsAttr values,
                                                         std::string &error) {
  auto type = dyn_cast<RankedTensorType>(values.getType());
  if (!type || !type.hasStaticShape()) {
    error = "the constant has no static shape";
    return failure();
  }
  Type element = type.getElementType();
  ConstantCompressor compressor;
  compressor.shape.assign(type.getShape().begin(), type.getShape().end());
  auto complexType = dyn_cast<ComplexType>(element);
  compressor.complex = complexType != nullptr;
  auto real =
      dyn_cast<FloatType>(complexType ? complexType.getElementType() : element);
  if (!real || real.getWidth() > 64 || real.getWidth() % 8 != 0) {
    error = "the constant's element type is not a float or complex type";
    return failure();
  }
  int64_t count = type.getNumElements() * (compressor.complex ? 2 : 1);
  compressor.values.resize(count);

  if (auto dense = dyn_cast<DenseElementsAttr>(values)) {
    int64_t i = 0;
    if (compressor.complex) {
      for (std::complex<APFloat> value :
           dense.getValues<std::complex<APFloat>>()) {
        compressor.values[i++] =
            static_cast<float>(value.real().convertToDouble());
        compressor.values[i++] =
            static_cast<float>(value.imag().convertToDouble());
      }
    } else {
      for (APFloat value : dense.getValues<APFloat>())
        compressor.values[i++] = static_cast<float>(value.convertToDouble());
    }
    return compressor;
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(values)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob) {
      error = "the dense resource holds no data";
      return failure();
    }
    ArrayRef<char> bytes = blob->getData();
    int64_t width = real.getWidth() / 8;
    if (static_cast<int64_t>(bytes.size()) != count * width) {
      error = "the dense resource holds " + std::to_string(bytes.size()) +
              " bytes instead of " + std::to_string(count * width);
      return failure();
    }
    for (int64_t i = 0; i < count; ++i)
      compressor.values[i] = decodeFloat(bytes.data() + i * width, real);
    return compressor;
  }
  error = "the constant is neither dense elements nor a dense resource";
  return failure();
}

/// Calls `visit(tileMajorIndex, rowMajorIndex)` for every element, where the
/// tile-major order is (tile index over the grid, index within the tile).
static void forEachTileMajor(ArrayRef<int64_t> shape, ArrayRef<int64_t> tile,
                             function_ref<void(int64_t, int64_t)> visit) {
  int64_t rank = shape.size();
  int64_t total = std::accumulate(shape.begin(), shape.end(), int64_t(1),
                                  std::multiplies<int64_t>());
  int64_t tileSize = std::accumulate(tile.begin(), tile.end(), int64_t(1),
                                     std::multiplies<int64_t>());
  SmallVector<int64_t> index(rank, 0);
  for (int64_t linear = 0; linear < total; ++linear) {
    int64_t tileIndex = 0, within = 0;
    for (int64_t dim = 0; dim < rank; ++dim) {
      tileIndex = tileIndex * (shape[dim] / tile[dim]) + index[dim] / tile[dim];
      within = within * tile[dim] + index[dim] % tile[dim];
    }
    visit(tileIndex * tileSize + within, linear);
    for (int64_t dim = rank - 1; dim >= 0; --dim) {
      if (++index[dim] < shape[dim])
        break;
      index[dim] = 0;
    }
  }
}

std::vector<float>
ConstantCompressor::getRealTiles(SparseSpectralType layout) const {
  std::vector<float> tiles(values.size());
  forEachTileMajor(shape, layout.getTile(),
                   [&](int64_t to, int64_t from) { tiles[to] = values[from]; });
  return tiles;
}

std::vector<std::complex<float>>
ConstantCompressor::getComplexTiles(SparseSpectralType layout) const {
  std::vector<std::complex<float>> tiles(values.size() / (complex ? 2 : 1));
  forEachTileMajor(shape, layout.getTile(), [&](int64_t to, int64_t from) {
    tiles[to] =
        complex ? std::complex<float>(values[2 * from], values[2 * from + 1])
                : std::complex<float>(values[from], 0.0f);
  });
  return tiles;
}

/// Shape (T, dims...) of the tile-major view and the mask of its
/// transformed axes (the layout's axes, shifted past T).
static SmallVector<int64_t> getTileMajorShape(SparseSpectralType layout,
                                              ArrayRef<int64_t> tileDims) {
  SmallVector<int64_t> shape = {layout.getNumTiles()};
  shape.append(tileDims.begin(), tileDims.end());
  return shape;
}

/// The mask of the layout's axes in the tile-major view (past T).
static int64_t getShiftedAxesMask(SparseSpectralType layout) {
  return getRuntimeAxesMask(layout.getAxes(), /*shift=*/1);
}

FailureOr<std::vector<std::complex<float>>>
ConstantCompressor::computeSpectra(SparseSpectralType layout,
                                   std::string &error) const {
  RuntimeErrorScope scope;
  SparseSpectralType::ShapeVector spectrumShape = layout.getTileSpectrumShape();
  std::vector<std::complex<float>> spectra(layout.getNumTiles() *
                                           layout.getTileSpectrumSize());
  UnrankedDescriptor out(spectra.data(),
                         getTileMajorShape(layout, spectrumShape));
  if (layout.isRealTransform()) {
    std::vector<float> tiles = getRealTiles(layout);
    UnrankedDescriptor in(tiles.data(),
                          getTileMajorShape(layout, layout.getTile()));
    _mlir_ciface_spectral_fft_r2c(
        in.get<float>(), out.get<std::complex<float>>(),
        getShiftedAxesMask(layout), layout.getHalvedAxis() + 1,
        SPECTRAL_FFT_NORM_BACKWARD);
  } else {
    std::vector<std::complex<float>> tiles = getComplexTiles(layout);
    UnrankedDescriptor in(tiles.data(),
                          getTileMajorShape(layout, layout.getTile()));
    _mlir_ciface_spectral_fft_c2c(
        in.get<std::complex<float>>(), out.get<std::complex<float>>(),
        getShiftedAxesMask(layout), /*inverse=*/0, SPECTRAL_FFT_NORM_BACKWARD);
  }
  if (scope.failed(error))
    return failure();
  return spectra;
}

FailureOr<CompressedValues>
ConstantCompressor::selectTopK(const std::vector<std::complex<float>> &spectra,
                               SparseSpectralType layout, int64_t keep,
                               std::string &error) const {
  RuntimeErrorScope scope;
  int64_t tiles = layout.getNumTiles(), size = layout.getTileSpectrumSize();
  CompressedValues result;
  result.coefficients.resize(tiles * keep);
  result.positions.resize(tiles * keep);
  RuntimeTileLayout args(layout);
  auto spectrum =
      matrixOf(const_cast<std::complex<float> *>(spectra.data()), tiles, size);
  auto shape = vectorOf(args.spectrumShape);
  auto coefficients = matrixOf(result.coefficients.data(), tiles, keep);
  auto positions = matrixOf(result.positions.data(), tiles, keep);
  _mlir_ciface_spectral_topk(&spectrum, &shape, args.axesMask, args.halvedAxis,
                             args.halvedLength, &coefficients, &positions);
  if (scope.failed(error))
    return failure();
  return result;
}

FailureOr<int64_t> ConstantCompressor::findSmallestKeep(
    const std::vector<std::complex<float>> &spectra, SparseSpectralType layout,
    double relativeError, std::string &error) const {
  // Every candidate bin of every tile, by the runtime's own selection.
  int64_t candidates = layout.getNumNonRedundantBins();
  FailureOr<CompressedValues> all =
      selectTopK(spectra, layout, candidates, error);
  if (failed(all))
    return failure();
  int64_t tiles = layout.getNumTiles();
  // sorted[t][k]: the k-th highest weighted energy of tile t.
  std::vector<std::vector<double>> prefix(tiles);
  BinWeights weightOf(layout);
  double total = 0.0;
  for (int64_t t = 0; t < tiles; ++t) {
    std::vector<double> energy(candidates);
    for (int64_t k = 0; k < candidates; ++k) {
      int64_t slot = t * candidates + k;
      energy[k] = weightOf(all->positions[slot]) *
                  std::norm(std::complex<double>(all->coefficients[slot]));
    }
    std::sort(energy.begin(), energy.end(), std::greater<double>());
    prefix[t].resize(candidates + 1, 0.0);
    for (int64_t k = 0; k < candidates; ++k)
      prefix[t][k + 1] = prefix[t][k] + energy[k];
    total += prefix[t][candidates];
  }
  double allowed = relativeError * relativeError * total;
  auto dropped = [&](int64_t keep) {
    double sum = 0.0;
    for (int64_t t = 0; t < tiles; ++t)
      sum += prefix[t][candidates] - prefix[t][keep];
    return sum;
  };
  int64_t low = 1, high = candidates;
  while (low < high) {
    int64_t mid = low + (high - low) / 2;
    if (dropped(mid) <= allowed)
      high = mid;
    else
      low = mid + 1;
  }
  return low;
}

FailureOr<double>
ConstantCompressor::measureError(const CompressedValues &compressed,
                                 SparseSpectralType layout,
                                 std::string &error) const {
  RuntimeErrorScope scope;
  int64_t tiles = layout.getNumTiles(), size = layout.getTileSpectrumSize();
  int64_t keep = compressed.coefficients.size() / tiles;
  auto storage = cast<FloatType>(layout.getCoeffType().getElementType());
  CompressedValues rounded = compressed;
  for (std::complex<float> &value : rounded.coefficients)
    value = {roundTrip(value.real(), storage),
             roundTrip(value.imag(), storage)};

  std::vector<std::complex<float>> spectra(tiles * size);
  RuntimeTileLayout args(layout);
  auto coefficients = matrixOf(rounded.coefficients.data(), tiles, keep);
  auto positions = matrixOf(rounded.positions.data(), tiles, keep);
  auto shape = vectorOf(args.spectrumShape);
  auto spectrum = matrixOf(spectra.data(), tiles, size);
  _mlir_ciface_spectral_scatter(&coefficients, &positions, &shape,
                                args.axesMask, args.halvedAxis,
                                args.halvedLength, &spectrum);
  if (scope.failed(error))
    return failure();

  // The Frobenius norm does not depend on the order of the elements, so
  // the tile-major arrangement is compared as it is.
  UnrankedDescriptor in(
      spectra.data(), getTileMajorShape(layout, layout.getTileSpectrumShape()));
  double diff = 0.0, norm = 0.0;
  if (layout.isRealTransform()) {
    std::vector<float> original = getRealTiles(layout);
    std::vector<float> restored(original.size());
    UnrankedDescriptor out(restored.data(),
                           getTileMajorShape(layout, layout.getTile()));
    _mlir_ciface_spectral_fft_c2r(in.get<std::complex<float>>(),
                                  out.get<float>(), getShiftedAxesMask(layout),
                                  layout.getHalvedAxis() + 1,
                                  SPECTRAL_FFT_NORM_BACKWARD);
    for (size_t i = 0; i < original.size(); ++i) {
      diff += std::pow(double(original[i]) - double(restored[i]), 2);
      norm += std::pow(double(original[i]), 2);
    }
  } else {
    std::vector<std::complex<float>> original = getComplexTiles(layout);
    std::vector<std::complex<float>> restored(original.size());
    UnrankedDescriptor out(restored.data(),
                           getTileMajorShape(layout, layout.getTile()));
    _mlir_ciface_spectral_fft_c2c(
        in.get<std::complex<float>>(), out.get<std::complex<float>>(),
        getShiftedAxesMask(layout), /*inverse=*/1, SPECTRAL_FFT_NORM_BACKWARD);
    for (size_t i = 0; i < original.size(); ++i) {
      // Real data keeps the real part of the inverse (spectral.decompress).
      std::complex<double> a = original[i], b = restored[i];
      if (!complex)
        b = b.real();
      diff += std::norm(a - b);
      norm += std::norm(a);
    }
  }
  if (scope.failed(error))
    return failure();
  if (norm == 0.0)
    return diff == 0.0 ? 0.0 : INFINITY;
  return std::sqrt(diff / norm);
}

std::pair<ElementsAttr, ElementsAttr>
ConstantCompressor::createStorageAttrs(const CompressedValues &compressed,
                                       SparseSpectralType layout,
                                       StringRef name) const {
  RankedTensorType coefficientsType = layout.getCoefficientsType();
  RankedTensorType positionsType = layout.getPositionsType();
  auto storage = cast<FloatType>(layout.getCoeffType().getElementType());

  AsmResourceBlob coefficientsBlob;
  if (storage.isF32()) {
    coefficientsBlob = HeapAsmResourceBlob::allocateAndCopyInferAlign(
        ArrayRef<std::complex<float>>(compressed.coefficients));
  } else if (storage.isF64()) {
    std::vector<std::complex<double>> wide(compressed.coefficients.begin(),
                                           compressed.coefficients.end());
    coefficientsBlob = HeapAsmResourceBlob::allocateAndCopyInferAlign(
        ArrayRef<std::complex<double>>(wide));
  } else {
    // f16 / bf16: two 16-bit halves per coefficient.
    std::vector<uint16_t> bits;
    bits.reserve(2 * compressed.coefficients.size());
    for (std::complex<float> value : compressed.coefficients) {
      bits.push_back(roundTo(value.real(), storage).getZExtValue());
      bits.push_back(roundTo(value.imag(), storage).getZExtValue());
    }
    coefficientsBlob = HeapAsmResourceBlob::allocateAndCopyInferAlign(
        ArrayRef<uint16_t>(bits));
  }

  AsmResourceBlob positionsBlob;
  auto copyPositions = [&](auto zero) {
    using T = decltype(zero);
    std::vector<T> narrow(compressed.positions.begin(),
                          compressed.positions.end());
    return HeapAsmResourceBlob::allocateAndCopyInferAlign(ArrayRef<T>(narrow));
  };
  switch (layout.getIndexType().getWidth()) {
  case 16:
    positionsBlob = copyPositions(int16_t());
    break;
  case 32:
    positionsBlob = copyPositions(int32_t());
    break;
  default:
    positionsBlob = copyPositions(int64_t());
    break;
  }
  return {DenseResourceElementsAttr::get(coefficientsType,
                                         (name + ".coefficients").str(),
                                         std::move(coefficientsBlob)),
          DenseResourceElementsAttr::get(positionsType,
                                         (name + ".positions").str(),
                                         std::move(positionsBlob))};
}
