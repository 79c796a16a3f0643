//===- TopK.cpp - Per-tile top-k selection on the device ------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The CPU runtime's rule, on the device: the candidates and their weights
// depend only on the position, so the host lists them once (and checks K
// against their number exactly as the CPU does); per tile, a stable
// segmented sort by decreasing energy over candidates in ascending position
// ranks ties to the lower position, the first K are kept and sorted by
// position, and their coefficients are gathered. Tiles go in chunks that
// bound the sort buffers.
//
//===----------------------------------------------------------------------===//

#include "CuFFTDevice.h"
#include "DeviceMemory.h"
#include "EntryPointChecks.h"
#include "Kernels.h"

#include "ErrorReporting.h"

#include "spectral-cuda-runtime/SpectralCUDARuntime.h"

#include <algorithm>

using namespace mlir::spectral;
using namespace mlir::spectral::cuda;
using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

namespace {

const char *const kTopK = "spectral_cuda_topk";

/// Candidates sorted at once (32 bytes of sort buffers each).
constexpr int64_t kMaxChunkItems = int64_t{1} << 22;

bool upload(const DriverAPI &driver, void *dst, const void *src, size_t bytes) {
  return checkDriver(kTopK, "cuMemcpyAsync",
                     driver.cuMemcpyAsync(reinterpret_cast<CUdeviceptr>(dst),
                                          reinterpret_cast<CUdeviceptr>(src),
                                          bytes, /*hStream=*/0));
}

/// The segmented sorts' scratch, grown as chunks need.
bool prepareTemp(const DriverAPI &driver, DeviceBuffer &temp, size_t bytes) {
  return bytes <= temp.size() || temp.allocate(driver, bytes, kTopK);
}

} // namespace

extern "C" void _mlir_ciface_spectral_cuda_topk(
    StridedMemRefType<complex32, 2> *spectrum,
    StridedMemRefType<int64_t, 1> *tileSpectrumShape, int64_t axesMask,
    int64_t halvedAxis, int64_t halvedLength,
    StridedMemRefType<complex32, 2> *coeffs,
    StridedMemRefType<int64_t, 2> *positions) {
  SparseOperands operands;
  Checked checked = checkTopK(kTopK, spectrum, tileSpectrumShape,
                              {axesMask, halvedAxis, halvedLength}, coeffs,
                              positions, operands);
  if (checked == Checked::Error)
    return;
  const TileSpectrum &tile = operands.tile;
  const MemRefView<complex32> &input = operands.spectrum;
  const MemRefView<complex32> &output = operands.coeffs;
  const MemRefView<int64_t> &outPositions = operands.positions;
  int64_t numTiles = input.sizes[0], numBins = tile.getNumBins();
  int64_t k = output.sizes[1];
  HostBuffer<uint8_t> weights;
  if (!weights.allocate(static_cast<size_t>(numBins), kTopK))
    return;
  int64_t numCandidates = tile.computeWeights(weights.data());
  if (!checkNumKept(kTopK, k, numCandidates) || checked == Checked::Empty)
    return;
  HostBuffer<int64_t> candidates;
  if (!candidates.allocate(static_cast<size_t>(numCandidates), kTopK))
    return;
  for (int64_t p = 0, c = 0; p < numBins; ++p)
    if (weights[p])
      candidates[c++] = p;

  const DriverAPI *driver = enterContext(kTopK);
  if (!driver)
    return;
  CompleteOnReturn complete(*driver, kTopK);
  int64_t chunkTiles =
      std::max<int64_t>(1, std::min(numTiles, kMaxChunkItems / numCandidates));
  int64_t chunkItems = chunkTiles * numCandidates;
  DeviceBuffer deviceWeights, deviceCandidates, keys, sortedKeys, values,
      sortedValues, offsets, kept, sortedKept, keptOffsets, temp;
  if (!deviceWeights.allocate(*driver, static_cast<size_t>(numBins), kTopK) ||
      !deviceCandidates.allocateArray<int64_t>(*driver, numCandidates, kTopK) ||
      !keys.allocateArray<uint64_t>(*driver, chunkItems, kTopK) ||
      !sortedKeys.allocateArray<uint64_t>(*driver, chunkItems, kTopK) ||
      !values.allocateArray<int64_t>(*driver, chunkItems, kTopK) ||
      !sortedValues.allocateArray<int64_t>(*driver, chunkItems, kTopK) ||
      !offsets.allocateArray<int64_t>(*driver, chunkTiles + 1, kTopK) ||
      !kept.allocateArray<int64_t>(*driver, chunkTiles * k, kTopK) ||
      !sortedKept.allocateArray<int64_t>(*driver, chunkTiles * k, kTopK) ||
      !keptOffsets.allocateArray<int64_t>(*driver, chunkTiles + 1, kTopK))
    return;
  // Pageable uploads return once the host data is staged: the host
  // buffers may go when this function returns.
  if (!upload(*driver, deviceWeights.data(), weights.data(),
              static_cast<size_t>(numBins)) ||
      !upload(*driver, deviceCandidates.data(), candidates.data(),
              static_cast<size_t>(numCandidates) * sizeof(int64_t)))
    return;

  for (int64_t first = 0; first < numTiles; first += chunkTiles) {
    int64_t tiles = std::min(chunkTiles, numTiles - first);
    int64_t items = tiles * numCandidates;
    Matrix<const complex32> rows = {input.data + first * input.strides[0],
                                    tiles, numBins, input.strides[0],
                                    input.strides[1]};
    if (!checkLaunch(kTopK, "energy",
                     launchEnergyKeys(rows, deviceCandidates.as<int64_t>(),
                                      deviceWeights.as<uint8_t>(),
                                      numCandidates, keys.as<uint64_t>(),
                                      values.as<int64_t>(),
                                      offsets.as<int64_t>())))
      return;
    size_t tempBytes = 0;
    if (!checkLaunch(kTopK, "energy sort (size query)",
                     sortByEnergy(nullptr, tempBytes, keys.as<uint64_t>(),
                                  sortedKeys.as<uint64_t>(),
                                  values.as<int64_t>(),
                                  sortedValues.as<int64_t>(), items, tiles,
                                  offsets.as<int64_t>())) ||
        !prepareTemp(*driver, temp, tempBytes) ||
        !checkLaunch(kTopK, "energy sort",
                     sortByEnergy(temp.data(), tempBytes, keys.as<uint64_t>(),
                                  sortedKeys.as<uint64_t>(),
                                  values.as<int64_t>(),
                                  sortedValues.as<int64_t>(), items, tiles,
                                  offsets.as<int64_t>())) ||
        !checkLaunch(kTopK, "keep",
                     launchKeepFirst(sortedValues.as<int64_t>(), tiles,
                                     numCandidates, k, kept.as<int64_t>(),
                                     keptOffsets.as<int64_t>())))
      return;
    tempBytes = 0;
    if (!checkLaunch(kTopK, "position sort (size query)",
                     sortPositions(nullptr, tempBytes, kept.as<int64_t>(),
                                   sortedKept.as<int64_t>(), tiles * k, tiles,
                                   keptOffsets.as<int64_t>())) ||
        !prepareTemp(*driver, temp, tempBytes) ||
        !checkLaunch(kTopK, "position sort",
                     sortPositions(temp.data(), tempBytes, kept.as<int64_t>(),
                                   sortedKept.as<int64_t>(), tiles * k, tiles,
                                   keptOffsets.as<int64_t>())))
      return;
    Matrix<complex32> outCoeffs = {output.data + first * output.strides[0],
                                   tiles, k, output.strides[0],
                                   output.strides[1]};
    Matrix<int64_t> outSlots = {
        outPositions.data + first * outPositions.strides[0], tiles, k,
        outPositions.strides[0], outPositions.strides[1]};
    if (!checkLaunch(kTopK, "gather",
                     launchGatherKept(rows, sortedKept.as<int64_t>(), outCoeffs,
                                      outSlots)))
      return;
  }
}
