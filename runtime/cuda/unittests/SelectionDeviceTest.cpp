//===- SelectionDeviceTest.cpp - Top-k, scatter, gather against the CPU ---===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Needs a GPU (skipped otherwise). The selection rule is deterministic, so
// the device must agree with the CPU runtime bit for bit: positions and
// coefficients of top-k (with ties and a NaN), the spectrum scatter
// rebuilds and the coefficients gather reads back, for `fft` and `rfft`
// layouts and strided outputs.
//
//===----------------------------------------------------------------------===//

#include "CUDATestUtils.h"

#include <limits>

using namespace spectral_cuda_test;

namespace {

struct Layout {
  Shape tileShape; // of the tile spectrum
  int64_t mask;
  int64_t halvedAxis;
  int64_t halvedLength;
};

std::vector<Layout> getLayouts() {
  return {
      {{12}, 0b1, -1, 0},    {{7, 5}, 0b11, 1, 8},     {{6, 4}, 0b11, 0, 10},
      {{3, 9}, 0b10, 1, 17}, {{4, 3, 5}, 0b101, 2, 9},
  };
}

/// Values on a coarse grid, so that many energies tie.
void fillWithTies(TestArray<cf> &spectrum) {
  for (int64_t i = 0; i < spectrum.size(); ++i)
    spectrum.at(i) = cf(std::round(randomFloat() * 2.0f) / 2.0f,
                        std::round(randomFloat() * 2.0f) / 2.0f);
}

using CUDARuntimeSelection = CUDADeviceTest;

TEST_F(CUDARuntimeSelection, TopKAndScatterMatchTheCPUExactly) {
  for (const Layout &layout : getLayouts()) {
    SCOPED_TRACE(::testing::PrintToString(layout.tileShape) + " mask " +
                 std::to_string(layout.mask));
    int64_t numBins = product(layout.tileShape), numTiles = 37;
    TestArray<int64_t> shape({static_cast<int64_t>(layout.tileShape.size())});
    for (size_t d = 0; d < layout.tileShape.size(); ++d)
      shape.at(static_cast<int64_t>(d)) = layout.tileShape[d];
    TestArray<cf> spectrum({numTiles, numBins}, LayoutSpec::strided(2));
    fillWithTies(spectrum);
    spectrum.at(5) = cf(std::numeric_limits<float>::quiet_NaN(), 0.0f);
    int64_t k = std::max<int64_t>(1, numBins / 3);

    TestArray<cf> coeffs({numTiles, k}, LayoutSpec::transposed(2)),
        cpuCoeffs({numTiles, k});
    TestArray<int64_t> positions({numTiles, k}, LayoutSpec::strided(3)),
        cpuPositions({numTiles, k});
    DeviceArray<cf> deviceSpectrum(spectrum), deviceCoeffs(coeffs);
    DeviceArray<int64_t> devicePositions(positions);
    _mlir_ciface_spectral_cuda_topk(
        deviceSpectrum.ranked<2>(), shape.ranked<1>(), layout.mask,
        layout.halvedAxis, layout.halvedLength, deviceCoeffs.ranked<2>(),
        devicePositions.ranked<2>());
    deviceCoeffs.download();
    devicePositions.download();
    expectNoError();
    _mlir_ciface_spectral_topk(
        spectrum.ranked<2>(), shape.ranked<1>(), layout.mask, layout.halvedAxis,
        layout.halvedLength, cpuCoeffs.ranked<2>(), cpuPositions.ranked<2>());
    EXPECT_EQ(positions.toDense(), cpuPositions.toDense());
    std::vector<cf> gpu = coeffs.toDense(), cpu = cpuCoeffs.toDense();
    ASSERT_EQ(gpu.size(), cpu.size());
    EXPECT_EQ(std::memcmp(gpu.data(), cpu.data(), gpu.size() * sizeof(cf)), 0);
    EXPECT_TRUE(coeffs.paddingIntact());
    EXPECT_TRUE(positions.paddingIntact());

    // Scatter the CPU's selection back on both runtimes.
    TestArray<cf> rebuilt({numTiles, numBins}, LayoutSpec::strided(2)),
        cpuRebuilt({numTiles, numBins});
    rebuilt.fill(cf(9, 9));
    DeviceArray<cf> deviceRebuilt(rebuilt), deviceKept(cpuCoeffs);
    DeviceArray<int64_t> deviceSlots(cpuPositions);
    _mlir_ciface_spectral_cuda_scatter(
        deviceKept.ranked<2>(), deviceSlots.ranked<2>(), shape.ranked<1>(),
        layout.mask, layout.halvedAxis, layout.halvedLength,
        deviceRebuilt.ranked<2>());
    deviceRebuilt.download();
    expectNoError();
    _mlir_ciface_spectral_scatter(cpuCoeffs.ranked<2>(),
                                  cpuPositions.ranked<2>(), shape.ranked<1>(),
                                  layout.mask, layout.halvedAxis,
                                  layout.halvedLength, cpuRebuilt.ranked<2>());
    std::vector<cf> a = rebuilt.toDense(), b = cpuRebuilt.toDense();
    EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(cf)), 0);
    EXPECT_TRUE(rebuilt.paddingIntact());

    // Gather at the CPU's selection reads top-k's coefficients back.
    TestArray<cf> gathered({numTiles, k}, LayoutSpec::strided(3));
    DeviceArray<cf> deviceGathered(gathered);
    _mlir_ciface_spectral_cuda_gather(
        deviceSpectrum.ranked<2>(), deviceSlots.ranked<2>(), shape.ranked<1>(),
        layout.mask, layout.halvedAxis, layout.halvedLength,
        deviceGathered.ranked<2>());
    deviceGathered.download();
    expectNoError();
    std::vector<cf> read = gathered.toDense();
    EXPECT_EQ(std::memcmp(read.data(), cpu.data(), read.size() * sizeof(cf)),
              0);
    EXPECT_TRUE(gathered.paddingIntact());
  }
}

TEST_F(CUDARuntimeSelection, GatherChecksPositionsBeforeReading) {
  TestArray<int64_t> shape({1});
  shape.at(0) = 8;
  TestArray<cf> spectrum({1, 8}), coeffs({1, 2});
  TestArray<int64_t> positions({1, 2});
  positions.at(0) = 3;
  positions.at(1) = 8;
  coeffs.fill(cf(9, 9));
  DeviceArray<cf> deviceSpectrum(spectrum), deviceCoeffs(coeffs);
  DeviceArray<int64_t> devicePositions(positions);
  _mlir_ciface_spectral_cuda_gather(
      deviceSpectrum.ranked<2>(), devicePositions.ranked<2>(),
      shape.ranked<1>(), 0b1, -1, 0, deviceCoeffs.ranked<2>());
  expectError("spectral_cuda_gather",
              {"positions[0][1] (tile 0, slot 1) is 8; expected 0 <= "
               "position < 8"});
  deviceCoeffs.download();
  for (int64_t i = 0; i < 2; ++i)
    EXPECT_EQ(coeffs.at(i), cf(9, 9)) << "coeffs written";
}

TEST_F(CUDARuntimeSelection, ScatterChecksPositionsBeforeWriting) {
  TestArray<int64_t> shape({1});
  shape.at(0) = 8;
  TestArray<cf> coeffs({1, 2}), spectrum({1, 8});
  TestArray<int64_t> positions({1, 2});
  positions.at(0) = 3;
  positions.at(1) = 3;
  spectrum.fill(cf(9, 9));
  DeviceArray<cf> deviceCoeffs(coeffs), deviceSpectrum(spectrum);
  DeviceArray<int64_t> devicePositions(positions);
  _mlir_ciface_spectral_cuda_scatter(
      deviceCoeffs.ranked<2>(), devicePositions.ranked<2>(), shape.ranked<1>(),
      0b1, -1, 0, deviceSpectrum.ranked<2>());
  expectError("spectral_cuda_scatter",
              {"positions[0][1] (tile 0, slot 1) is 3, which writes bin 3 "
               "already written by slot 0"});
  deviceSpectrum.download();
  for (int64_t i = 0; i < 8; ++i)
    EXPECT_EQ(spectrum.at(i), cf(9, 9)) << "spectrum written";
}

} // namespace
