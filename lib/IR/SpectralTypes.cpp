//===- SpectralTypes.cpp - The !spectral.sst type -------------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralTypes.h"
#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/IR/SpectralUtils.h"
#include "SpectralDialect/IR/TileRule.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::spectral;

#include "SpectralDialect/IR/SpectralEnums.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "SpectralDialect/IR/SpectralTypes.cpp.inc"

void SpectralDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "SpectralDialect/IR/SpectralTypes.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Defaults and builders
//===----------------------------------------------------------------------===//

SparseSpectralType::ShapeVector
SparseSpectralType::getDefaultAxes(int64_t rank) {
  auto all = llvm::seq<int64_t>(0, rank);
  return ShapeVector(all.begin(), all.end());
}

ComplexType SparseSpectralType::getDefaultCoeffType(MLIRContext *ctx) {
  return ComplexType::get(Float32Type::get(ctx));
}

IntegerType SparseSpectralType::getDefaultIndexType(MLIRContext *ctx) {
  return IntegerType::get(ctx, 32);
}

SparseSpectralType SparseSpectralType::get(ArrayRef<int64_t> shape,
                                           Type elementType, int64_t keep) {
  MLIRContext *ctx = elementType.getContext();
  return get(ctx, shape, elementType, keep, TransformKind::rfft,
             getDefaultAxes(shape.size()), shape, getDefaultCoeffType(ctx),
             getDefaultIndexType(ctx));
}

//===----------------------------------------------------------------------===//
// Verification
//===----------------------------------------------------------------------===//

/// Bits of the real scalar type of `type` (a float or a complex of floats).
static int64_t getScalarBitWidth(Type type) {
  if (auto complex = dyn_cast<ComplexType>(type))
    return complex.getElementType().getIntOrFloatBitWidth();
  return type.getIntOrFloatBitWidth();
}

/// Number of bins of a tile spectrum that are candidates for selection (the
/// shared rule of SpectralDialect/IR/TileRule.h). The layout must
/// already be verified.
static int64_t countNonRedundantBins(TransformKind transform,
                                     ArrayRef<int64_t> axes,
                                     ArrayRef<int64_t> tile) {
  uint64_t axesMask = 0;
  for (int64_t axis : axes)
    axesMask |= uint64_t(1) << axis;
  int64_t halvedAxis = transform == TransformKind::fft ? -1 : axes.back();
  return tile_rule::countCandidates(tile.size(), tile.data(), axesMask,
                                    halvedAxis);
}

LogicalResult
SparseSpectralType::verify(function_ref<InFlightDiagnostic()> emitError,
                           ArrayRef<int64_t> shape, Type elementType,
                           int64_t keep, TransformKind transform,
                           ArrayRef<int64_t> axes, ArrayRef<int64_t> tile,
                           ComplexType coeffType, IntegerType indexType) {
  int64_t rank = shape.size();
  if (failed(verifyRank(emitError, "sst", rank)))
    return failure();
  int64_t numElements = 1;
  for (auto [dim, size] : llvm::enumerate(shape)) {
    if (size <= 0)
      return emitError() << "sst dimension " << dim
                         << " must be a positive static size, got " << size;
    if (llvm::MulOverflow(numElements, size, numElements))
      return emitError() << "sst shape has more elements than fit in int64";
  }

  Type scalar = elementType;
  if (auto complex = dyn_cast<ComplexType>(elementType))
    scalar = complex.getElementType();
  if (!isSupportedFloat(scalar))
    return emitError() << "sst element type must be f16, bf16, f32 or f64, or "
                          "a complex of one of them, got "
                       << elementType;
  if (transform == TransformKind::rfft && isa<ComplexType>(elementType))
    return emitError() << "transform = rfft needs a real element type, got "
                       << elementType << "; use transform = fft";

  if (failed(verifyAxes(emitError, axes, rank)))
    return failure();

  if (static_cast<int64_t>(tile.size()) != rank)
    return emitError() << "tile has " << tile.size()
                       << " dimensions but the shape has " << rank;
  for (auto [dim, size] : llvm::enumerate(tile)) {
    if (size <= 0)
      return emitError() << "tile dimension " << dim
                         << " must be positive, got " << size;
    if (shape[dim] % size != 0)
      return emitError() << "tile size " << size
                         << " does not divide dimension " << dim << " of size "
                         << shape[dim];
  }

  if (!isSupportedFloat(coeffType.getElementType()))
    return emitError() << "coeff must be complex<f16>, complex<bf16>, "
                          "complex<f32> or complex<f64>, got "
                       << coeffType;
  unsigned indexWidth = indexType.getWidth();
  if (!indexType.isSignless() ||
      (indexWidth != 16 && indexWidth != 32 && indexWidth != 64))
    return emitError() << "index must be i16, i32 or i64, got " << indexType;

  // The tile spectrum: the tile with the halved axis cut to n/2+1.
  int64_t spectrumSize = 1;
  for (auto [dim, size] : llvm::enumerate(tile)) {
    bool halved = transform == TransformKind::rfft &&
                  static_cast<int64_t>(dim) == axes.back();
    spectrumSize *= halved ? size / 2 + 1 : size;
  }
  // Positions are signed and range over [0, spectrumSize - 1].
  if (indexWidth < 64 &&
      spectrumSize - 1 > (int64_t(1) << (indexWidth - 1)) - 1)
    return emitError() << "index type " << indexType
                       << " cannot hold the positions of a tile spectrum of "
                       << spectrumSize << " bins (at most "
                       << (int64_t(1) << (indexWidth - 1)) << ")";

  int64_t maxKeep = countNonRedundantBins(transform, axes, tile);
  if (keep < 1)
    return emitError() << "keep must be at least 1, got " << keep;
  if (keep > maxKeep)
    return emitError() << "keep = " << keep << " exceeds the " << maxKeep
                       << " non-redundant bins of a tile";
  return success();
}

//===----------------------------------------------------------------------===//
// Parsing and printing
//===----------------------------------------------------------------------===//

static ParseResult parseIntList(AsmParser &parser,
                                SmallVectorImpl<int64_t> &values) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                        [&]() -> ParseResult {
                                          int64_t value;
                                          if (parser.parseInteger(value))
                                            return failure();
                                          values.push_back(value);
                                          return success();
                                        });
}

Type SparseSpectralType::parse(AsmParser &parser) {
  MLIRContext *ctx = parser.getContext();
  SMLoc typeLoc = parser.getCurrentLocation();
  SmallVector<int64_t> shape;
  Type elementType;
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/false) ||
      parser.parseType(elementType))
    return {};

  std::optional<int64_t> keep;
  TransformKind transform = TransformKind::rfft;
  SmallVector<int64_t> axes = getDefaultAxes(shape.size());
  SmallVector<int64_t> tile(shape);
  ComplexType coeffType = getDefaultCoeffType(ctx);
  IntegerType indexType = getDefaultIndexType(ctx);

  llvm::StringSet<> seen;
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc keyLoc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return {};
    if (!seen.insert(key).second) {
      parser.emitError(keyLoc)
          << "sst parameter '" << key << "' is given more than once";
      return {};
    }
    ParseResult result = success();
    if (key == "keep") {
      int64_t value;
      result = parser.parseInteger(value);
      keep = value;
    } else if (key == "transform") {
      StringRef name;
      result = parser.parseKeyword(&name);
      if (succeeded(result)) {
        std::optional<TransformKind> kind = symbolizeTransformKind(name);
        if (!kind) {
          parser.emitError(keyLoc)
              << "unknown transform '" << name << "'; expected rfft or fft";
          return {};
        }
        transform = *kind;
      }
    } else if (key == "axes") {
      axes.clear();
      result = parseIntList(parser, axes);
    } else if (key == "tile") {
      tile.clear();
      result = parseIntList(parser, tile);
    } else if (key == "coeff") {
      SMLoc loc = parser.getCurrentLocation();
      Type type;
      result = parser.parseType(type);
      if (succeeded(result)) {
        coeffType = dyn_cast<ComplexType>(type);
        if (!coeffType) {
          parser.emitError(loc) << "coeff must be a complex type, got " << type;
          return {};
        }
      }
    } else if (key == "index") {
      SMLoc loc = parser.getCurrentLocation();
      Type type;
      result = parser.parseType(type);
      if (succeeded(result)) {
        indexType = dyn_cast<IntegerType>(type);
        if (!indexType) {
          parser.emitError(loc)
              << "index must be an integer type, got " << type;
          return {};
        }
      }
    } else {
      parser.emitError(keyLoc)
          << "unknown sst parameter '" << key
          << "'; expected keep, transform, axes, tile, coeff or index";
      return {};
    }
    if (failed(result))
      return {};
  }
  if (parser.parseGreater())
    return {};
  if (!keep) {
    parser.emitError(typeLoc) << "sst type requires 'keep = K'";
    return {};
  }
  return parser.getChecked<SparseSpectralType>(typeLoc, ctx, shape, elementType,
                                               *keep, transform, axes, tile,
                                               coeffType, indexType);
}

void SparseSpectralType::print(AsmPrinter &printer) const {
  MLIRContext *ctx = getContext();
  printer << "<";
  printer.printDimensionList(getShape());
  printer << "x" << getElementType() << ", keep = " << getKeep();
  if (getTransform() != TransformKind::rfft)
    printer << ", transform = " << stringifyTransformKind(getTransform());
  if (getAxes() != ArrayRef<int64_t>(getDefaultAxes(getRank())))
    printer << ", axes = [" << getAxes() << "]";
  if (getTile() != getShape())
    printer << ", tile = [" << getTile() << "]";
  if (getCoeffType() != getDefaultCoeffType(ctx))
    printer << ", coeff = " << getCoeffType();
  if (getIndexType() != getDefaultIndexType(ctx))
    printer << ", index = " << getIndexType();
  printer << ">";
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

RankedTensorType SparseSpectralType::getDenseType() const {
  return RankedTensorType::get(getShape(), getElementType());
}

Type SparseSpectralType::getRealElementType() const {
  if (auto complex = dyn_cast<ComplexType>(getElementType()))
    return complex.getElementType();
  return getElementType();
}

bool SparseSpectralType::isTransformedAxis(int64_t dim) const {
  return llvm::is_contained(getAxes(), dim);
}

SparseSpectralType::ShapeVector SparseSpectralType::getTileGrid() const {
  ShapeVector grid;
  for (auto [size, tileSize] : llvm::zip_equal(getShape(), getTile()))
    grid.push_back(size / tileSize);
  return grid;
}

int64_t SparseSpectralType::getNumTiles() const {
  return llvm::product_of(getTileGrid());
}

SparseSpectralType::ShapeVector
SparseSpectralType::getTileSpectrumShape() const {
  ShapeVector spectrum(getTile());
  if (isRealTransform())
    spectrum[getHalvedAxis()] = spectrum[getHalvedAxis()] / 2 + 1;
  return spectrum;
}

int64_t SparseSpectralType::getTileSpectrumSize() const {
  return llvm::product_of(getTileSpectrumShape());
}

int64_t SparseSpectralType::getNumNonRedundantBins() const {
  return countNonRedundantBins(getTransform(), getAxes(), getTile());
}

RankedTensorType SparseSpectralType::getCoefficientsType() const {
  return RankedTensorType::get({getNumTiles(), getKeep()}, getCoeffType());
}

RankedTensorType SparseSpectralType::getPositionsType() const {
  return RankedTensorType::get({getNumTiles(), getKeep()}, getIndexType());
}

int64_t SparseSpectralType::getBytesPerCoefficient() const {
  return getScalarBitWidth(getCoeffType()) * 2 / 8 +
         getIndexType().getWidth() / 8;
}

int64_t SparseSpectralType::getStorageBytes() const {
  return getNumTiles() * getKeep() * getBytesPerCoefficient();
}

int64_t SparseSpectralType::getDenseBytes() const {
  int64_t bitsPerElement = getScalarBitWidth(getElementType()) *
                           (isa<ComplexType>(getElementType()) ? 2 : 1);
  return llvm::product_of(getShape()) * bitsPerElement / 8;
}

double SparseSpectralType::getCompressionRatio() const {
  return static_cast<double>(getDenseBytes()) /
         static_cast<double>(getStorageBytes());
}

bool SparseSpectralType::hasSameLayoutAs(SparseSpectralType other) const {
  return getShape() == other.getShape() &&
         getElementType() == other.getElementType() &&
         getTransform() == other.getTransform() &&
         getAxes() == other.getAxes() && getTile() == other.getTile();
}
