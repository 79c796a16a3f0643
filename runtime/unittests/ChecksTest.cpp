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

} // namespace
