//===- ConstantCompressor.cpp - Compression of constants at compile time --===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ConstantCompressor.h"
#include "SpectralDialect/IR/TileRule.h"
#include "SpectralDialect/RuntimeABI/RuntimeLayout.h"

#include "spectral-core/HostTransforms.h"
#include "spectral-core/TileSelection.h"

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

/// Compression stores unnormalised forward spectra ("backward" norm).
constexpr int32_t kBackwardNorm =
    static_cast<int32_t>(runtime::FFTNorm::Backward);

/// A dense row-major view of `shape` over `data`, as the runtime's core
/// works on.
template <typename T>
core::MemRefView<T> viewOf(T *data, ArrayRef<int64_t> shape) {
  assert(static_cast<int64_t>(shape.size()) <= runtime::kMaxDescriptorRank &&
         "spectral-compress-constants skips layouts of a higher rank");
  core::MemRefView<T> view;
  view.data = data;
  view.rank = shape.size();
  for (int64_t d = view.rank - 1, stride = 1; d >= 0; --d) {
    view.sizes[d] = shape[d];
    view.strides[d] = stride;
    stride *= shape[d];
  }
  return view;
}

/// Turns a core failure into the compressor's error.
LogicalResult check(bool succeeded, const core::ErrorMessage &message,
                    std::string &error) {
  if (succeeded)
    return success();
  error = std::string("runtime core: ") + message.str();
  return failure();
}

/// The core's tile rule for `layout`. The type verifier has accepted the
/// layout, so the core's own checks only fail on an internal error.
LogicalResult getTileSpectrum(const RuntimeTileLayout &args,
                              core::TileSpectrum &tile, std::string &error) {
  SmallVector<int64_t> shape = args.spectrumShape;
  core::ErrorMessage message;
  return check(tile.init(viewOf(shape.data(), {int64_t(shape.size())}),
                         {args.axesMask, args.halvedAxis, args.halvedLength},
                         message),
               message, error);
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
/// bins each stands for (SpectralDialect/IR/TileRule.h).
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
  SparseSpectralType::ShapeVector spectrumShape = layout.getTileSpectrumShape();
  std::vector<std::complex<float>> spectra(layout.getNumTiles() *
                                           layout.getTileSpectrumSize());
  auto out = viewOf(spectra.data(), getTileMajorShape(layout, spectrumShape));
  SmallVector<int64_t> tileShape = getTileMajorShape(layout, layout.getTile());
  core::ErrorMessage message;
  bool succeeded;
  if (layout.isRealTransform()) {
    std::vector<float> tiles = getRealTiles(layout);
    succeeded = core::transformR2C(
        viewOf(tiles.data(), tileShape), out, getShiftedAxesMask(layout),
        layout.getHalvedAxis() + 1, kBackwardNorm, message);
  } else {
    std::vector<std::complex<float>> tiles = getComplexTiles(layout);
    succeeded = core::transformC2C(viewOf(tiles.data(), tileShape), out,
                                   getShiftedAxesMask(layout),
                                   /*inverse=*/false, kBackwardNorm, message);
  }
  if (failed(check(succeeded, message, error)))
    return failure();
  return spectra;
}

FailureOr<CompressedValues>
ConstantCompressor::selectTopK(const std::vector<std::complex<float>> &spectra,
                               SparseSpectralType layout, int64_t keep,
                               std::string &error) const {
  int64_t tiles = layout.getNumTiles(), size = layout.getTileSpectrumSize();
  CompressedValues result;
  result.coefficients.resize(tiles * keep);
  result.positions.resize(tiles * keep);
  core::TileSpectrum tile;
  if (failed(getTileSpectrum(RuntimeTileLayout(layout), tile, error)))
    return failure();
  core::ErrorMessage message;
  bool succeeded = core::selectTopK(
      tile,
      viewOf(const_cast<std::complex<float> *>(spectra.data()), {tiles, size}),
      viewOf(result.coefficients.data(), {tiles, keep}),
      viewOf(result.positions.data(), {tiles, keep}), message);
  if (failed(check(succeeded, message, error)))
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
  int64_t tiles = layout.getNumTiles(), size = layout.getTileSpectrumSize();
  int64_t keep = compressed.coefficients.size() / tiles;
  auto storage = cast<FloatType>(layout.getCoeffType().getElementType());
  CompressedValues rounded = compressed;
  for (std::complex<float> &value : rounded.coefficients)
    value = {roundTrip(value.real(), storage),
             roundTrip(value.imag(), storage)};

  std::vector<std::complex<float>> spectra(tiles * size);
  core::TileSpectrum tile;
  if (failed(getTileSpectrum(RuntimeTileLayout(layout), tile, error)))
    return failure();
  core::ErrorMessage message;
  if (failed(check(core::scatterTiles(
                       tile, viewOf(rounded.coefficients.data(), {tiles, keep}),
                       viewOf(rounded.positions.data(), {tiles, keep}),
                       viewOf(spectra.data(), {tiles, size}), message),
                   message, error)))
    return failure();

  // The Frobenius norm does not depend on the order of the elements, so
  // the tile-major arrangement is compared as it is. The inverse may
  // overwrite `spectra`, which is not read again.
  auto in = viewOf(spectra.data(),
                   getTileMajorShape(layout, layout.getTileSpectrumShape()));
  SmallVector<int64_t> tileShape = getTileMajorShape(layout, layout.getTile());
  double diff = 0.0, norm = 0.0;
  if (layout.isRealTransform()) {
    std::vector<float> original = getRealTiles(layout);
    std::vector<float> restored(original.size());
    if (failed(
            check(core::transformC2R(in, viewOf(restored.data(), tileShape),
                                     getShiftedAxesMask(layout),
                                     layout.getHalvedAxis() + 1, kBackwardNorm,
                                     /*mayOverwriteInput=*/true, message),
                  message, error)))
      return failure();
    for (size_t i = 0; i < original.size(); ++i) {
      diff += std::pow(double(original[i]) - double(restored[i]), 2);
      norm += std::pow(double(original[i]), 2);
    }
  } else {
    std::vector<std::complex<float>> original = getComplexTiles(layout);
    std::vector<std::complex<float>> restored(original.size());
    if (failed(
            check(core::transformC2C(in, viewOf(restored.data(), tileShape),
                                     getShiftedAxesMask(layout),
                                     /*inverse=*/true, kBackwardNorm, message),
                  message, error)))
      return failure();
    for (size_t i = 0; i < original.size(); ++i) {
      // Real data keeps the real part of the inverse (spectral.decompress).
      std::complex<double> a = original[i], b = restored[i];
      if (!complex)
        b = b.real();
      diff += std::norm(a - b);
      norm += std::norm(a);
    }
  }
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
