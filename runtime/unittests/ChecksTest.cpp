//===- ChecksTest.cpp - Run-time checks of lowered code -------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "TestUtils.h"

using namespace spectral_test;

namespace {

constexpr const char *kCheck = "spectral_check_tile_offset";

class RuntimeChecks : public RuntimeTest {};

TEST_F(RuntimeChecks, ValidOffsetsPass) {
  spectral_check_tile_offset(0, 0, 4, 4);
  spectral_check_tile_offset(1, 4, 4, 4);
  spectral_check_tile_offset(2, 128, 64, 3968);
  expectNoError();
}

TEST_F(RuntimeChecks, MisalignedOffset) {
  spectral_check_tile_offset(0, 2, 4, 4);
  expectError(kCheck, {"offset 2 of dimension 0", "tile size 4"});
}

TEST_F(RuntimeChecks, NegativeOffset) {
  spectral_check_tile_offset(1, -4, 4, 8);
  expectError(kCheck, {"offset -4 of dimension 1", "non-negative multiple"});
}

TEST_F(RuntimeChecks, OutOfBoundsOffset) {
  spectral_check_tile_offset(1, 8, 4, 4);
  expectError(kCheck,
              {"offset 8 of dimension 1", "out of bounds", "at most 4"});
}

TEST_F(RuntimeChecks, NonPositiveTile) {
  spectral_check_tile_offset(0, 0, 0, 4);
  expectError(kCheck, {"tile size 0 of dimension 0"});
}

constexpr const char *kSizeCheck = "spectral_check_size";

// Indices of RuntimeEnums.h's kCheckedOps and kCheckedOperands.
constexpr int32_t kMix = 0, kFilter = 1;

TEST_F(RuntimeChecks, EqualSizesPass) {
  spectral_check_size(kMix, kFilter, 0, 9, 9);
  spectral_check_size(kMix, kFilter, 3, 0, 0);
  expectNoError();
}

TEST_F(RuntimeChecks, SizeMismatchNamesEverything) {
  spectral_check_size(kMix, kFilter, 1, 7, 9);
  expectError(kSizeCheck, {"spectral.mix: filter dimension 1 has size 7 at "
                           "run time; expected 9"});
}

TEST_F(RuntimeChecks, UnknownSizeCheckCodes) {
  spectral_check_size(99, kFilter, 0, 1, 2);
  expectError(kSizeCheck, {"op 99 or operand 1", "tables of checked sizes"});
  spectral_check_size(kMix, -1, 0, 1, 1);
  expectError(kSizeCheck, {"op 0 or operand -1"});
}

} // namespace
