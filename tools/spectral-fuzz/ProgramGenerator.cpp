//===- ProgramGenerator.cpp - Spectral programs from fuzzer bytes ---------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Mutating MLIR text byte by byte mostly produces parse errors: in a long
// run well under 1% of the mutated inputs verify. The generator instead
// spends the bytes on decisions that matter to the dialect: the parameters
// of a !spectral.sst type (shape, keep, transform, axes, tile, storage
// types), which ops use it, their attributes, and whether a dense operand
// is dynamic. The sizes are mostly consistent and sometimes not, so that
// both the verifiers and the lowerings of valid programs are reached.
//
//===----------------------------------------------------------------------===//

#include "ProgramGenerator.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace spectral_fuzz;

namespace {

using Shape = std::vector<int64_t>;
constexpr int64_t kDynamic = -1;

std::string join(const Shape &values, const char *separator) {
  std::string text;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i)
      text += separator;
    text += values[i] == kDynamic ? "?" : std::to_string(values[i]);
  }
  return text;
}

std::string tensorType(const Shape &shape, const std::string &element) {
  std::string dims = join(shape, "x");
  return "tensor<" + dims + (shape.empty() ? "" : "x") + element + ">";
}

/// Builds one function: arguments, a body, and every value it makes
/// returned (so that no op is dead).
class FunctionBuilder {
public:
  std::string addArgument(const std::string &type) {
    std::string name = "%a" + std::to_string(arguments.size());
    arguments.push_back(name + ": " + type);
    return name;
  }

  /// Emits `%vN = <text>` and returns %vN; `type` is returned at the end.
  std::string emit(const std::string &text, const std::string &type) {
    std::string name = "%v" + std::to_string(results.size() + helpers);
    body += "  " + name + " = " + text + "\n";
    results.push_back({name, type});
    return name;
  }

  /// Emits a value that is not returned (an index constant).
  std::string emitHelper(const std::string &text) {
    std::string name = "%h" + std::to_string(helpers++);
    body += "  " + name + " = " + text + "\n";
    return name;
  }

  std::string str() const {
    std::string text = "func.func @main(";
    for (size_t i = 0; i < arguments.size(); ++i)
      text += (i ? ", " : "") + arguments[i];
    text += ") -> (";
    for (size_t i = 0; i < results.size(); ++i)
      text += (i ? ", " : "") + results[i].second;
    text += ")";
    if (gradient)
      text += " attributes {spectral.gradient = @main_vjp}";
    text += " {\n" + body + "  return";
    for (size_t i = 0; i < results.size(); ++i)
      text += (i ? ", " : " ") + results[i].first;
    if (!results.empty())
      text += " :";
    for (size_t i = 0; i < results.size(); ++i)
      text += (i ? ", " : " ") + results[i].second;
    return text + "\n}\n";
  }

  /// Marks the function for spectral-differentiate.
  void markForGradient() { gradient = true; }

private:
  bool gradient = false;
  std::vector<std::string> arguments;
  std::vector<std::pair<std::string, std::string>> results;
  std::string body;
  int helpers = 0;
};

/// A size near `size`: mostly itself, sometimes off by one or zero.
int64_t nearby(FuzzInput &input, int64_t size) {
  switch (input.inRange(0, 15)) {
  case 0:
    return size + 1;
  case 1:
    return std::max<int64_t>(size - 1, 0);
  case 2:
    return input.inRange(0, 20);
  default:
    return size;
  }
}

/// A divisor of `size` (sometimes a non-divisor).
int64_t tileOf(FuzzInput &input, int64_t size) {
  std::vector<int64_t> divisors;
  for (int64_t d = 1; d <= size; ++d)
    if (size % d == 0)
      divisors.push_back(d);
  if (divisors.empty() || input.chance(5))
    return input.inRange(1, 8);
  return divisors[input.next<uint8_t>() % divisors.size()];
}

/// A non-empty list of distinct axes below `rank`, in random order.
Shape axesOf(FuzzInput &input, int64_t rank) {
  Shape axes;
  for (int64_t d = 0; d < rank; ++d)
    if (input.chance(60))
      axes.push_back(d);
  if (axes.empty())
    axes.push_back(input.inRange(0, rank - 1));
  for (size_t i = axes.size(); i > 1; --i)
    std::swap(axes[i - 1], axes[input.next<uint8_t>() % i]);
  if (input.chance(3))
    axes.push_back(input.inRange(0, rank)); // a duplicate or out of range
  return axes;
}

const char *pick(FuzzInput &input, std::initializer_list<const char *> list) {
  return list.begin()[input.next<uint8_t>() % list.size()];
}

/// The parameters of a !spectral.sst type and the dense type it compresses.
struct SSTParams {
  Shape shape, tile, axes;
  std::string element = "f32";
  int64_t keep = 1;
  bool fft = false;
  std::string coeff, index;

  std::string denseType() const { return tensorType(shape, element); }

  std::string str() const {
    std::string text = "!spectral.sst<" + join(shape, "x") + "x" + element +
                       ", keep = " + std::to_string(keep);
    if (fft)
      text += ", transform = fft";
    if (!axes.empty())
      text += ", axes = [" + join(axes, ", ") + "]";
    if (!tile.empty())
      text += ", tile = [" + join(tile, ", ") + "]";
    if (!coeff.empty())
      text += ", coeff = " + coeff;
    if (!index.empty())
      text += ", index = " + index;
    return text + ">";
  }
};

SSTParams sstParams(FuzzInput &input, Shape shape) {
  SSTParams params;
  params.shape = shape;
  int64_t rank = static_cast<int64_t>(shape.size());
  params.fft = input.chance(25);
  if (params.fft && input.chance(50))
    params.element = "complex<f32>";
  else if (input.chance(10))
    params.element = pick(input, {"f64", "f16", "bf16"});
  if (input.chance(50))
    params.axes = axesOf(input, rank);
  Shape tileShape = shape;
  if (input.chance(60)) {
    params.tile.clear();
    for (int64_t size : shape)
      params.tile.push_back(tileOf(input, size));
    tileShape = params.tile;
  }
  // Roughly the number of bins of a tile, to keep K mostly in range.
  int64_t bins = 1;
  for (int64_t size : tileShape)
    bins *= size;
  params.keep = input.chance(90)
                    ? input.inRange(1, std::max<int64_t>(1, bins / 2 + 1))
                    : input.inRange(0, 2 * bins + 2);
  if (input.chance(20))
    params.coeff =
        pick(input, {"complex<f16>", "complex<f64>", "complex<bf16>", "f32"});
  if (input.chance(20))
    params.index = pick(input, {"i8", "i16", "i64", "index"});
  return params;
}

Shape shapeOf(FuzzInput &input, int64_t minRank, int64_t maxRank) {
  Shape shape;
  int64_t rank = input.inRange(minRank, maxRank);
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(input.inRange(1, 12));
  return shape;
}

/// `shape` with some dimensions made dynamic.
Shape someDynamic(FuzzInput &input, Shape shape) {
  for (int64_t &size : shape)
    if (input.chance(25))
      size = kDynamic;
  return shape;
}

/// Passes `value` of static `shape` through a tensor.cast to a type with
/// some dynamic dimensions (or not); returns the value and its shape.
std::pair<std::string, Shape>
maybeDynamic(FunctionBuilder &fn, FuzzInput &input, const std::string &value,
             const Shape &shape, const std::string &element) {
  if (!input.chance(30))
    return {value, shape};
  Shape dynamic = someDynamic(input, shape);
  std::string cast =
      fn.emit("tensor.cast " + value + " : " + tensorType(shape, element) +
                  " to " + tensorType(dynamic, element),
              tensorType(dynamic, element));
  return {cast, dynamic};
}

/// The real scalar type of the elements (f32 for complex<f32>).
std::string realElement(const SSTParams &params) {
  const std::string &element = params.element;
  if (element.rfind("complex<", 0) == 0)
    return element.substr(8, element.size() - 9);
  return element;
}

void sstOps(FunctionBuilder &fn, FuzzInput &input, bool extended) {
  Shape shape = shapeOf(input, 1, 3);
  SSTParams params = sstParams(input, shape);
  std::string x = fn.addArgument(params.denseType());
  std::string sst = params.str();
  std::string s = fn.emit("spectral.compress " + x + " : " +
                              params.denseType() + " -> " + sst,
                          sst);
  for (int64_t ops = input.inRange(1, 4); ops > 0; --ops) {
    switch (input.inRange(0, 6)) {
    case 0:
      fn.emit("spectral.decompress " + s + " : " + sst, params.denseType());
      if (extended && input.chance(50)) {
        // Its adjoint, with a cotangent mostly of the dense type.
        Shape cotangentShape = shape;
        for (int64_t &size : cotangentShape)
          size = nearby(input, size);
        std::string cotangentType = tensorType(cotangentShape, params.element);
        std::string g = fn.addArgument(cotangentType);
        s = fn.emit("spectral.decompress_adjoint " + g + ", " + s + " : " +
                        cotangentType + ", " + sst,
                    sst);
      }
      break;
    case 1: {
      // Whole tiles, at static or dynamic offsets.
      Shape tile = params.tile.empty() ? shape : params.tile;
      Shape offsets, sizes;
      std::vector<std::string> offsetText;
      for (size_t d = 0; d < shape.size(); ++d) {
        int64_t grid =
            std::max<int64_t>(shape[d] / std::max<int64_t>(tile[d], 1), 1);
        int64_t count = input.inRange(1, grid);
        int64_t first = input.inRange(0, grid - count);
        sizes.push_back(nearby(input, count * tile[d]));
        int64_t offset = nearby(input, first * tile[d]);
        if (input.chance(30))
          offsetText.push_back(fn.emitHelper(
              "arith.constant " + std::to_string(offset) + " : index"));
        else
          offsetText.push_back(std::to_string(offset));
      }
      std::string offsetList;
      for (size_t d = 0; d < offsetText.size(); ++d)
        offsetList += (d ? ", " : "") + offsetText[d];
      fn.emit("spectral.decompress_tiles " + s + "[" + offsetList + "] [" +
                  join(sizes, ", ") + "] : " + sst,
              tensorType(sizes, params.element));
      break;
    }
    case 2:
      // The storage types follow from the layout (the type computes them),
      // so these values are not returned.
      fn.emitHelper("spectral.coefficients " + s + " : " + sst);
      fn.emitHelper("spectral.positions " + s + " : " + sst);
      break;
    case 3:
      fn.emit("spectral.energy " + s + " : " + sst, realElement(params));
      break;
    case 4: {
      // A real factor, or a complex one for complex elements.
      std::string type = realElement(params);
      if (params.element == "complex<f32>" && input.chance(50))
        type = params.element;
      std::string f = fn.addArgument(type);
      s = fn.emit("spectral.scale " + s + ", " + f + " : " + sst + ", " + type,
                  sst);
      break;
    }
    case 5: {
      SSTParams other = params;
      other.keep = nearby(input, params.keep);
      other.index = input.chance(30) ? "i16" : params.index;
      SSTParams sum = params;
      sum.keep = nearby(input, params.keep + other.keep);
      std::string b = fn.emit("spectral.compress " + x + " : " +
                                  params.denseType() + " -> " + other.str(),
                              other.str());
      s = fn.emit("spectral.add " + s + ", " + b + " : " + sst + ", " +
                      other.str() + " -> " + sum.str(),
                  sum.str());
      sst = sum.str();
      params = sum;
      break;
    }
    default: {
      // A rank-2 compressed weight times a dense input.
      if (shape.size() != 2)
        break;
      Shape inShape = {input.inRange(1, 6), nearby(input, shape[0])};
      std::string in = fn.addArgument(tensorType(inShape, params.element));
      auto [value, valueShape] =
          maybeDynamic(fn, input, in, inShape, params.element);
      Shape outShape = {valueShape[0], shape[1]};
      fn.emit("spectral.matmul " + value + ", " + s + " : " +
                  tensorType(valueShape, params.element) + ", " + sst,
              tensorType(outShape, params.element));
    }
    }
  }
}

void denseOps(FunctionBuilder &fn, FuzzInput &input) {
  Shape shape = shapeOf(input, 1, 3);
  int64_t rank = static_cast<int64_t>(shape.size());
  std::string element = input.chance(85) ? "f32" : "f64";
  std::string complexElement = "complex<" + element + ">";
  std::string x = fn.addArgument(tensorType(shape, element));
  auto [value, valueShape] = maybeDynamic(fn, input, x, shape, element);
  std::string valueType = tensorType(valueShape, element);
  const char *norm = pick(input, {"backward", "forward", "ortho"});

  switch (input.inRange(0, 3)) {
  case 0: {
    // rfft, then fft or irfft of the half spectrum.
    Shape axes = axesOf(input, rank);
    Shape spectrum = valueShape;
    int64_t halved = axes.back();
    if (halved >= 0 && halved < rank && spectrum[halved] != kDynamic)
      spectrum[halved] = spectrum[halved] / 2 + 1;
    std::string spectrumType = tensorType(spectrum, complexElement);
    std::string h =
        fn.emit("spectral.rfft " + value + " axes [" + join(axes, ", ") +
                    "] norm " + norm + " : " + valueType,
                spectrumType);
    if (input.chance(50)) {
      fn.emit(
          std::string(input.chance(50) ? "spectral.fft " : "spectral.ifft ") +
              h + " axes [" + join(axes, ", ") + "] : " + spectrumType,
          spectrumType);
      break;
    }
    int64_t n = halved >= 0 && halved < rank && valueShape[halved] != kDynamic
                    ? nearby(input, valueShape[halved])
                    : input.inRange(1, 12);
    Shape real = spectrum;
    if (halved >= 0 && halved < rank)
      real[halved] = n;
    fn.emit("spectral.irfft " + h + " axes [" + join(axes, ", ") + "] n " +
                std::to_string(n) + " : " + spectrumType,
            tensorType(real, element));
    break;
  }
  case 1: {
    // mix with a 1-D or a full-rank filter.
    int64_t axis = input.inRange(0, rank - 1);
    int64_t bins = shape[axis] / 2 + 1;
    Shape filter;
    if (input.chance(50)) {
      filter = {nearby(input, bins)};
    } else {
      for (int64_t d = 0; d < rank; ++d)
        filter.push_back(d == axis          ? nearby(input, bins)
                         : input.chance(40) ? 1
                                            : shape[d]);
    }
    filter = input.chance(25) ? someDynamic(input, filter) : filter;
    std::string f = fn.addArgument(tensorType(filter, complexElement));
    fn.emit("spectral.mix " + value + ", " + f + " axis " +
                std::to_string(axis) + " : " + valueType + ", " +
                tensorType(filter, complexElement),
            valueType);
    break;
  }
  default: {
    // conv over some axes, in some mode.
    Shape axes = axesOf(input, rank);
    std::sort(axes.begin(), axes.end());
    axes.erase(std::unique(axes.begin(), axes.end()), axes.end());
    Shape kernel;
    for (int64_t d = 0; d < rank; ++d) {
      bool convolved = std::find(axes.begin(), axes.end(), d) != axes.end();
      kernel.push_back(convolved          ? input.inRange(1, 6)
                       : input.chance(50) ? 1
                                          : shape[d]);
    }
    kernel = input.chance(20) ? someDynamic(input, kernel) : kernel;
    const char *mode = pick(input, {"full", "same", "causal"});
    Shape result = valueShape;
    if (std::string(mode) == "full")
      for (int64_t axis : axes)
        if (axis < rank)
          result[axis] = result[axis] == kDynamic || kernel[axis] == kDynamic
                             ? kDynamic
                             : result[axis] + kernel[axis] - 1;
    std::string k = fn.addArgument(tensorType(kernel, element));
    fn.emit("spectral.conv " + value + ", " + k + " axes [" + join(axes, ", ") +
                "] mode " + mode + " : " + valueType + ", " +
                tensorType(kernel, element),
            tensorType(result, element));
  }
  }
}

/// spectral.resample along some axes, or spectral.mode_mix over 1 or 2
/// spatial axes with the channels first or last.
void neuralOperatorOps(FunctionBuilder &fn, FuzzInput &input) {
  std::string element = input.chance(80) ? "f32" : "f64";
  std::string complexElement = "complex<" + element + ">";
  if (input.chance(40)) {
    Shape shape = shapeOf(input, 1, 3);
    if (input.chance(20))
      element = complexElement;
    Shape axes = axesOf(input, static_cast<int64_t>(shape.size()));
    std::sort(axes.begin(), axes.end());
    Shape result = shape;
    for (int64_t axis : axes)
      if (axis < static_cast<int64_t>(result.size()))
        result[axis] = input.inRange(0, 14);
    std::string x = fn.addArgument(tensorType(shape, element));
    fn.emit("spectral.resample " + x + " axes [" + join(axes, ", ") +
                "] : " + tensorType(shape, element) + " -> " +
                tensorType(result, element),
            tensorType(result, element));
    return;
  }
  int64_t spatial = input.inRange(1, 2);
  bool channelsLast = input.chance(30);
  int64_t batch = input.inRange(1, 3);
  int64_t in = input.inRange(1, 4), out = input.inRange(1, 4);
  Shape sizes, outSizes, modes;
  for (int64_t d = 0; d < spatial; ++d) {
    int64_t n = input.inRange(1, 12);
    sizes.push_back(n);
    outSizes.push_back(input.chance(70) ? n : input.inRange(1, 14));
    // Kept bins: up to n/2+1 on the halved (last) axis, up to n on others.
    int64_t limit = d + 1 == spatial ? n / 2 + 1 : n;
    modes.push_back(nearby(input, input.inRange(1, limit)));
  }
  Shape axes, xShape = {batch}, yShape = {batch};
  if (!channelsLast) {
    xShape.push_back(in);
    yShape.push_back(out);
  }
  for (int64_t d = 0; d < spatial; ++d) {
    axes.push_back(static_cast<int64_t>(xShape.size()));
    xShape.push_back(sizes[d]);
    yShape.push_back(outSizes[d]);
  }
  int64_t channel = channelsLast ? static_cast<int64_t>(xShape.size()) : 1;
  if (channelsLast) {
    xShape.push_back(in);
    yShape.push_back(out);
  }
  Shape wShape = {nearby(input, in), out};
  wShape.insert(wShape.end(), modes.begin(), modes.end());
  std::string xType = tensorType(xShape, element);
  std::string wType = tensorType(wShape, complexElement);
  std::string x = fn.addArgument(xType);
  std::string w = fn.addArgument(wType);
  const char *norm = pick(input, {"backward", "forward", "ortho"});
  fn.emit("spectral.mode_mix " + x + ", " + w + " axes [" + join(axes, ", ") +
              "] channel " + std::to_string(channel) + " modes [" +
              join(modes, ", ") + "] norm " + norm + " : " + xType + ", " +
              wType + " -> " + tensorType(yShape, element),
          tensorType(yShape, element));
}

} // namespace

std::string spectral_fuzz::generateProgram(FuzzInput &input, bool extended) {
  FunctionBuilder fn;
  for (int64_t parts = input.inRange(1, 2); parts > 0; --parts) {
    if (extended && input.chance(30))
      neuralOperatorOps(fn, input);
    else if (input.chance(60))
      sstOps(fn, input, extended);
    else
      denseOps(fn, input);
  }
  if (extended && input.chance(50))
    fn.markForGradient();
  return fn.str();
}

std::string spectral_fuzz::getProgramText(const uint8_t *data, size_t size) {
  if (size == 0 ||
      (data[0] != kGeneratedProgramMarker && data[0] != kExtendedProgramMarker))
    return std::string(reinterpret_cast<const char *>(data), size);
  FuzzInput input(data + 1, size - 1);
  std::string text = generateProgram(input, data[0] == kExtendedProgramMarker);
  // To turn a generated input into a readable .mlir reproducer.
  static const bool print = std::getenv("SPECTRAL_FUZZ_PRINT") != nullptr;
  if (print)
    std::fprintf(stderr, "// generated program:\n%s", text.c_str());
  return text;
}
