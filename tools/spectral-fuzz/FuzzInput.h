//===- FuzzInput.h - Reading fuzzer bytes as typed choices ------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The fuzz targets turn libFuzzer's bytes into choices (which entry point,
// which rank, which size). Running out of bytes yields zeros, so that every
// input, however short, is a complete test case.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_FUZZ_FUZZINPUT_H
#define SPECTRAL_FUZZ_FUZZINPUT_H

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace spectral_fuzz {

class FuzzInput {
public:
  FuzzInput(const uint8_t *data, size_t size) : data(data), size(size) {}

  /// The next `sizeof(T)` bytes as an integer (zero-filled past the end).
  template <typename T> T next() {
    T value = 0;
    size_t count = sizeof(T) < size ? sizeof(T) : size;
    std::memcpy(&value, data, count);
    data += count;
    size -= count;
    return value;
  }

  /// A value in [low, high], from one byte (the ranges used are small).
  int64_t inRange(int64_t low, int64_t high) {
    uint64_t span = static_cast<uint64_t>(high - low) + 1;
    return low + static_cast<int64_t>(next<uint8_t>() % span);
  }

  /// True with probability about `percent` / 100.
  bool chance(unsigned percent) { return next<uint8_t>() % 100 < percent; }

  size_t remaining() const { return size; }

private:
  const uint8_t *data;
  size_t size;
};

} // namespace spectral_fuzz

#endif // SPECTRAL_FUZZ_FUZZINPUT_H
