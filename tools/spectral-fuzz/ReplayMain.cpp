//===- ReplayMain.cpp - Run a fuzz target over saved inputs
//----------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// In builds without libFuzzer, each fuzz target is linked with this main: it
// runs LLVMFuzzerTestOneInput once on every file named on the command line
// (every regular file, recursively, of a directory), which is how the
// regression inputs under test/Fuzz run in every build and sanitizer build.
//
//===----------------------------------------------------------------------===//

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);

static bool runFile(const std::filesystem::path &path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    std::fprintf(stderr, "error: cannot read %s\n", path.c_str());
    return false;
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(stream)),
                             std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  return true;
}

int main(int argc, char **argv) {
  LLVMFuzzerInitialize(&argc, &argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <input file or directory>...\n", argv[0]);
    return 2;
  }
  size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path path(argv[i]);
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      if (!runFile(path))
        return 1;
      ++count;
      continue;
    }
    for (const auto &entry :
         std::filesystem::recursive_directory_iterator(path)) {
      if (!entry.is_regular_file())
        continue;
      if (!runFile(entry.path()))
        return 1;
      ++count;
    }
  }
  std::printf("ran %zu inputs\n", count);
  return 0;
}
