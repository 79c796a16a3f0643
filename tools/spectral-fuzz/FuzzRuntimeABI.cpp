//===- FuzzRuntimeABI.cpp - The CPU runtime's C ABI on any descriptor -----===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Target (c): the bytes pick an entry point of libspectral_runtime.so (the
// f32 and f64 transforms, top-k, scatter, gather, GEMMs, checks) and every
// argument: ranks, sizes, strides, offsets, axes masks, norms, top-k widths,
// positions and data. Shapes start consistent (what lowered code
// passes) and are then perturbed, so that both the transforms and the
// argument checks are reached.
//
// The contract under test: an invalid call is reported through the error
// handler and writes nothing; a valid one stays inside the memory its
// descriptors describe. Each buffer is allocated to cover exactly the
// elements its descriptor reaches, so AddressSanitizer catches any access
// outside them. A descriptor whose extent is representable but too large to
// allocate here is not called; one whose extent overflows (or has a negative
// size) describes no real buffer and must be rejected, so it is called with
// a one-element buffer.
//
//===----------------------------------------------------------------------===//

#include "FuzzInput.h"
#include "FuzzStats.h"

#include "spectral-runtime/SpectralRuntime.h"

#include <algorithm>
#include <complex>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace spectral_fuzz;

namespace {

using cf = std::complex<float>;
using cd = std::complex<double>;

/// Elements a buffer may have; larger valid descriptors are not called.
constexpr int64_t kMaxBufferElements = 1 << 14;
/// Element offsets a called descriptor may reach, below or above its buffer.
constexpr int64_t kMaxOffset = int64_t{1} << 24;
constexpr int kMaxRank = 8;

/// A descriptor of any rank with its own buffer, laid out as MLIR's
/// StridedMemRefType<T, rank>: base, data, offset, sizes[rank],
/// strides[rank].
template <typename T> class FuzzMemRef {
public:
  FuzzMemRef(std::vector<int64_t> sizes, std::vector<int64_t> strides,
             int64_t offset)
      : rank(static_cast<int64_t>(sizes.size())) {
    words.assign(3 + 2 * std::max<int64_t>(rank, 1), 0);
    for (int64_t d = 0; d < rank; ++d) {
      words[3 + d] = sizes[d];
      words[3 + rank + d] = strides[d];
    }
    words[2] = offset;
    allocate(sizes, strides, offset);
  }

  /// False if the descriptor is valid but too large to back here.
  bool usable() const { return isUsable; }

  template <int N> StridedMemRefType<T, N> *ranked() {
    return reinterpret_cast<StridedMemRefType<T, N> *>(words.data());
  }
  UnrankedMemRefType<T> unranked() { return {rank, words.data()}; }

  /// Fills every element from the input (zeros once it runs out).
  void fill(FuzzInput &input) {
    for (T &value : storage)
      value = nextValue(input);
  }

private:
  static T nextValue(FuzzInput &input) {
    if constexpr (std::is_same_v<T, cf> || std::is_same_v<T, cd>) {
      using Real = typename T::value_type;
      return T(input.next<Real>(), input.next<Real>());
    } else if constexpr (std::is_same_v<T, int64_t>) {
      return input.chance(70) ? input.inRange(-2, 40) : input.next<int64_t>();
    } else {
      return input.next<T>();
    }
  }

  void allocate(const std::vector<int64_t> &sizes,
                const std::vector<int64_t> &strides, int64_t offset) {
    // The lowest and highest element index the descriptor reaches.
    __int128 low = offset, high = offset;
    bool empty = false, invalid = false;
    for (int64_t d = 0; d < rank; ++d) {
      if (sizes[d] < 0)
        invalid = true;
      if (sizes[d] == 0)
        empty = true;
      // |step| <= 2^127; clamped to 2^100 (far beyond any buffer here) so
      // that the sum over 8 dimensions cannot overflow.
      __int128 step = (static_cast<__int128>(sizes[d]) - 1) * strides[d];
      const __int128 limit = static_cast<__int128>(1) << 100;
      step = step > limit ? limit : step < -limit ? -limit : step;
      (step < 0 ? low : high) += step;
    }
    __int128 count = 1;
    for (int64_t d = 0; d < rank && !invalid; ++d) {
      count *= sizes[d];
      if (count > INT64_MAX)
        invalid = true; // more elements than int64_t counts
    }
    if (empty && !invalid) {
      // No element is reached, whatever the strides.
      low = high = offset;
    }
    // Offsets far from the buffer would make the harness's own aligned
    // pointer wrap around; such views of huge buffers are not called.
    bool huge = high - low >= kMaxBufferElements || low < -kMaxOffset ||
                high > kMaxOffset;
    isUsable = invalid || !huge;
    size_t elements = invalid || huge ? 1 : static_cast<size_t>(high - low) + 1;
    storage.assign(elements, T());
    // Element `low` is the first of the buffer.
    T *base = storage.data();
    T *aligned = invalid || huge ? base : base - static_cast<ptrdiff_t>(low);
    std::memcpy(&words[0], &base, sizeof(void *));
    std::memcpy(&words[1], &aligned, sizeof(void *));
  }

  int64_t rank;
  std::vector<int64_t> words;
  std::vector<T> storage;
  bool isUsable = true;
};

/// Row-major strides of `sizes`.
std::vector<int64_t> denseStrides(const std::vector<int64_t> &sizes) {
  std::vector<int64_t> strides(sizes.size());
  int64_t stride = 1;
  for (size_t d = sizes.size(); d-- > 0;) {
    strides[d] = stride;
    // Saturates: huge sizes make descriptors this harness does not call.
    if (__builtin_mul_overflow(stride, std::max<int64_t>(sizes[d], 1), &stride))
      stride = INT64_MAX;
  }
  return strides;
}

/// A size: mostly small, sometimes zero, negative or huge.
int64_t fuzzSize(FuzzInput &input) {
  switch (input.inRange(0, 15)) {
  case 0:
    return 0;
  case 1:
    return -input.inRange(1, 3);
  case 2:
    return input.next<int64_t>();
  case 3:
    return int64_t{1} << input.inRange(31, 62);
  default:
    return input.inRange(1, 9);
  }
}

struct Layout {
  std::vector<int64_t> sizes, strides;
  int64_t offset = 0;
};

/// A dense layout of `sizes`, perturbed now and then: a size, a stride, the
/// offset, or (for unranked memrefs, whose rank is data) the rank.
Layout perturb(FuzzInput &input, std::vector<int64_t> sizes,
               bool rankMayChange = false) {
  Layout layout{sizes, denseStrides(sizes), input.inRange(0, 3)};
  if (layout.sizes.empty() || !input.chance(25))
    return layout;
  size_t d = input.inRange(0, static_cast<int64_t>(layout.sizes.size()) - 1);
  switch (input.inRange(0, rankMayChange ? 5 : 4)) {
  case 0:
    layout.sizes[d] = fuzzSize(input);
    break;
  case 1:
    layout.strides[d] = input.inRange(-3, 3);
    break;
  case 2:
    layout.strides[d] = input.next<int64_t>();
    break;
  case 3:
    // A strided view (saturating, like denseStrides).
    if (__builtin_mul_overflow(layout.strides[d], input.inRange(2, 3),
                               &layout.strides[d]))
      layout.strides[d] = INT64_MAX;
    break;
  case 4:
    layout.offset = input.next<int64_t>();
    break;
  default:
    if (input.chance(50) && layout.sizes.size() > 1) {
      layout.sizes.pop_back();
      layout.strides.pop_back();
    } else {
      layout.sizes.push_back(input.inRange(1, 3));
      layout.strides.push_back(1);
    }
  }
  return layout;
}

template <typename T> std::unique_ptr<FuzzMemRef<T>> make(const Layout &l) {
  return std::make_unique<FuzzMemRef<T>>(l.sizes, l.strides, l.offset);
}

/// A mask of transformed axes: usually a non-empty subset of the rank's.
int64_t fuzzAxesMask(FuzzInput &input, int64_t rank) {
  if (input.chance(10))
    return input.next<int64_t>();
  int64_t all = rank >= 63 ? -1 : (int64_t{1} << rank) - 1;
  int64_t mask = input.next<uint8_t>() & all;
  return mask ? mask : all;
}

/// The highest set bit of `mask` below `rank`, or -1.
int64_t lastAxis(int64_t mask, int64_t rank) {
  for (int64_t d = std::min<int64_t>(rank, 63); d-- > 0;)
    if (mask & (int64_t{1} << d))
      return d;
  return -1;
}

int32_t fuzzNorm(FuzzInput &input) {
  return input.chance(90) ? input.inRange(0, 2) : input.next<int32_t>();
}

std::vector<int64_t> fuzzShape(FuzzInput &input) {
  int64_t rank = input.chance(95) ? input.inRange(1, kMaxRank)
                                  : input.inRange(0, kMaxRank + 2);
  std::vector<int64_t> shape;
  int64_t elements = 1;
  for (int64_t d = 0; d < rank; ++d) {
    // Keep consistent shapes small enough to run quickly.
    int64_t size = input.inRange(1, elements > 256 ? 2 : 9);
    shape.push_back(size);
    elements *= size;
  }
  return shape;
}

bool allUsable(std::initializer_list<bool> flags) {
  return std::all_of(flags.begin(), flags.end(), [](bool f) { return f; });
}

/// For Real = float or double: the spectral_fft_* or spectral_fft_*_f64
/// entry points.
template <typename Real> void fuzzComplexTransform(FuzzInput &input) {
  using Complex = std::complex<Real>;
  std::vector<int64_t> shape = fuzzShape(input);
  auto in = make<Complex>(perturb(input, shape, true));
  auto out = make<Complex>(perturb(input, shape, true));
  int64_t mask = fuzzAxesMask(input, static_cast<int64_t>(shape.size()));
  int32_t inverse =
      input.chance(95) ? input.inRange(0, 1) : input.next<int32_t>();
  int32_t norm = fuzzNorm(input);
  if (!allUsable({in->usable(), out->usable()}))
    return;
  in->fill(input);
  auto inDesc = in->unranked(), outDesc = out->unranked();
  if constexpr (std::is_same_v<Real, float>)
    _mlir_ciface_spectral_fft_c2c(&inDesc, &outDesc, mask, inverse, norm);
  else
    _mlir_ciface_spectral_fft_c2c_f64(&inDesc, &outDesc, mask, inverse, norm);
}

template <typename Real> void fuzzRealTransform(FuzzInput &input, int kind) {
  using Complex = std::complex<Real>;
  std::vector<int64_t> real = fuzzShape(input);
  int64_t rank = static_cast<int64_t>(real.size());
  int64_t mask = fuzzAxesMask(input, rank);
  int64_t halved = lastAxis(mask, rank);
  if (input.chance(10))
    halved = input.inRange(-2, kMaxRank + 1);
  std::vector<int64_t> spectrum = real;
  if (halved >= 0 && halved < rank)
    spectrum[halved] = real[halved] / 2 + 1;
  int32_t norm = fuzzNorm(input);
  constexpr bool isFloat = std::is_same_v<Real, float>;
  if (kind == 0) {
    auto in = make<Real>(perturb(input, real, true));
    auto out = make<Complex>(perturb(input, spectrum, true));
    if (!allUsable({in->usable(), out->usable()}))
      return;
    in->fill(input);
    auto inDesc = in->unranked();
    auto outDesc = out->unranked();
    if constexpr (isFloat)
      _mlir_ciface_spectral_fft_r2c(&inDesc, &outDesc, mask, halved, norm);
    else
      _mlir_ciface_spectral_fft_r2c_f64(&inDesc, &outDesc, mask, halved, norm);
    return;
  }
  auto in = make<Complex>(perturb(input, spectrum, true));
  auto out = make<Real>(perturb(input, real, true));
  if (!allUsable({in->usable(), out->usable()}))
    return;
  in->fill(input);
  auto inDesc = in->unranked();
  auto outDesc = out->unranked();
  if constexpr (isFloat) {
    if (kind == 1)
      _mlir_ciface_spectral_fft_c2r(&inDesc, &outDesc, mask, halved, norm);
    else
      _mlir_ciface_spectral_fft_c2r_overwrite_input(&inDesc, &outDesc, mask,
                                                    halved, norm);
  } else {
    if (kind == 1)
      _mlir_ciface_spectral_fft_c2r_f64(&inDesc, &outDesc, mask, halved, norm);
    else
      _mlir_ciface_spectral_fft_c2r_overwrite_input_f64(&inDesc, &outDesc, mask,
                                                        halved, norm);
  }
}

/// The arguments spectral_topk, spectral_scatter and spectral_gather share.
struct TileLayout {
  std::vector<int64_t> tileShape; // the tile spectrum's
  int64_t mask = 0, halvedAxis = -1, halvedLength = 0, tiles = 1, bins = 1,
          keep = 1;
};

TileLayout fuzzTileLayout(FuzzInput &input) {
  TileLayout layout;
  std::vector<int64_t> tile = fuzzShape(input);
  int64_t rank = static_cast<int64_t>(tile.size());
  layout.mask = fuzzAxesMask(input, rank);
  layout.tileShape = tile;
  if (input.chance(50)) {
    layout.halvedAxis = lastAxis(layout.mask, rank);
    if (layout.halvedAxis >= 0) {
      layout.halvedLength = tile[layout.halvedAxis];
      layout.tileShape[layout.halvedAxis] = layout.halvedLength / 2 + 1;
    }
  }
  if (input.chance(10)) {
    layout.halvedAxis = input.inRange(-2, kMaxRank + 1);
    layout.halvedLength = fuzzSize(input);
  }
  layout.tiles = input.inRange(0, 3);
  layout.bins = 1;
  for (int64_t size : layout.tileShape)
    layout.bins *= size;
  layout.keep = input.chance(90)
                    ? input.inRange(1, std::max<int64_t>(layout.bins, 1))
                    : fuzzSize(input);
  return layout;
}

std::unique_ptr<FuzzMemRef<int64_t>> makeShapeMemRef(FuzzInput &input,
                                                     const TileLayout &tiles) {
  int64_t count = static_cast<int64_t>(tiles.tileShape.size());
  auto shape = make<int64_t>(perturb(input, {count}));
  if (!shape->usable())
    return shape;
  // The shape's entries, unless the perturbation changed its size.
  auto *desc = shape->ranked<1>();
  if (desc->sizes[0] == count && desc->strides[0] == 1)
    for (int64_t d = 0; d < count; ++d)
      desc->data[desc->offset + d] =
          input.chance(95) ? tiles.tileShape[d] : fuzzSize(input);
  return shape;
}

void fuzzTopK(FuzzInput &input) {
  TileLayout tiles = fuzzTileLayout(input);
  auto shape = makeShapeMemRef(input, tiles);
  auto spectrum = make<cf>(perturb(input, {tiles.tiles, tiles.bins}));
  auto coeffs = make<cf>(perturb(input, {tiles.tiles, tiles.keep}));
  auto positions = make<int64_t>(perturb(input, {tiles.tiles, tiles.keep}));
  if (!allUsable({shape->usable(), spectrum->usable(), coeffs->usable(),
                  positions->usable()}))
    return;
  spectrum->fill(input);
  _mlir_ciface_spectral_topk(spectrum->ranked<2>(), shape->ranked<1>(),
                             tiles.mask, tiles.halvedAxis, tiles.halvedLength,
                             coeffs->ranked<2>(), positions->ranked<2>());
}

void fuzzScatter(FuzzInput &input) {
  TileLayout tiles = fuzzTileLayout(input);
  auto shape = makeShapeMemRef(input, tiles);
  auto coeffs = make<cf>(perturb(input, {tiles.tiles, tiles.keep}));
  auto positions = make<int64_t>(perturb(input, {tiles.tiles, tiles.keep}));
  auto spectrum = make<cf>(perturb(input, {tiles.tiles, tiles.bins}));
  if (!allUsable({shape->usable(), spectrum->usable(), coeffs->usable(),
                  positions->usable()}))
    return;
  coeffs->fill(input);
  positions->fill(input);
  _mlir_ciface_spectral_scatter(
      coeffs->ranked<2>(), positions->ranked<2>(), shape->ranked<1>(),
      tiles.mask, tiles.halvedAxis, tiles.halvedLength, spectrum->ranked<2>());
}

void fuzzGather(FuzzInput &input) {
  TileLayout tiles = fuzzTileLayout(input);
  auto shape = makeShapeMemRef(input, tiles);
  auto spectrum = make<cf>(perturb(input, {tiles.tiles, tiles.bins}));
  auto positions = make<int64_t>(perturb(input, {tiles.tiles, tiles.keep}));
  auto coeffs = make<cf>(perturb(input, {tiles.tiles, tiles.keep}));
  if (!allUsable({shape->usable(), spectrum->usable(), coeffs->usable(),
                  positions->usable()}))
    return;
  spectrum->fill(input);
  positions->fill(input);
  _mlir_ciface_spectral_gather(spectrum->ranked<2>(), positions->ranked<2>(),
                               shape->ranked<1>(), tiles.mask, tiles.halvedAxis,
                               tiles.halvedLength, coeffs->ranked<2>());
}

template <typename T> void fuzzGemm(FuzzInput &input) {
  int64_t m = input.inRange(0, 9), k = input.inRange(0, 9),
          n = input.inRange(0, 9);
  auto a = make<T>(perturb(input, {m, k}));
  auto b = make<T>(perturb(input, {k, n}));
  auto c = make<T>(perturb(input, {m, n}));
  if (!allUsable({a->usable(), b->usable(), c->usable()}))
    return;
  a->fill(input);
  b->fill(input);
  c->fill(input);
  if constexpr (std::is_same_v<T, float>)
    _mlir_ciface_spectral_gemm_f32(a->template ranked<2>(),
                                   b->template ranked<2>(),
                                   c->template ranked<2>());
  else
    _mlir_ciface_spectral_gemm_f64(a->template ranked<2>(),
                                   b->template ranked<2>(),
                                   c->template ranked<2>());
}

void fuzzChecks(FuzzInput &input) {
  if (input.chance(50)) {
    spectral_check_tile_offset(input.inRange(-1, 8), input.next<int64_t>(),
                               input.next<int64_t>(), input.next<int64_t>());
    return;
  }
  spectral_check_size(input.next<int32_t>() % 16, input.next<int32_t>() % 16,
                      input.next<int64_t>(), input.next<int64_t>(),
                      input.next<int64_t>());
}

/// Whether the runtime reported an error during the current call.
bool callRejected = false;

void recordError(const char *, const char *) { callRejected = true; }

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  spectral_runtime_set_error_handler(recordError);
  // Bounds what the runtime may allocate for itself (c2r copies, top-k
  // scratch), so that a huge request is an error, not an out-of-memory.
  spectral_runtime_set_memory_limit(int64_t{64} << 20);
  return 0;
}

static void runOneCall(FuzzInput &input);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzInput input(data, size);
  callRejected = false;
  runOneCall(input);
  countStage(callRejected ? "calls rejected with an error"
                          : "inputs not rejected");
  return 0;
}

/// Choices 0 to 8 were once the whole table, picked by the first byte
/// modulo 9. Bytes below 162 (18 * 9) still pick them that way, so that the
/// recorded regression inputs (test/Fuzz/runtime, all below it) reach the
/// entry point they failed in; the other 94 bytes pick choices 9 to 13, so
/// that each choice gets about 1/14 of the inputs.
constexpr int kNumFirstChoices = 9, kNumLaterChoices = 5;
constexpr int kFirstChoiceBytes = 18 * kNumFirstChoices;

static int pickChoice(FuzzInput &input) {
  int byte = input.next<uint8_t>();
  if (byte < kFirstChoiceBytes)
    return byte % kNumFirstChoices;
  return kNumFirstChoices + (byte - kFirstChoiceBytes) % kNumLaterChoices;
}

static void runOneCall(FuzzInput &input) {
  switch (pickChoice(input)) {
  case 0:
    fuzzComplexTransform<float>(input);
    break;
  case 1:
  case 2:
  case 3:
    fuzzRealTransform<float>(input, static_cast<int>(input.inRange(0, 2)));
    break;
  case 4:
    fuzzTopK(input);
    break;
  case 5:
    fuzzScatter(input);
    break;
  case 6:
    fuzzGemm<float>(input);
    break;
  case 7:
    fuzzGemm<double>(input);
    break;
  case 8:
    fuzzChecks(input);
    break;
  case 9:
    fuzzComplexTransform<double>(input);
    break;
  case 10:
  case 11:
  case 12:
    fuzzRealTransform<double>(input, static_cast<int>(input.inRange(0, 2)));
    break;
  default:
    fuzzGather(input);
  }
}
