//===- FFTWWisdom.cpp - FFTW plans kept across processes ------------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "spectral-core/FFTWWisdom.h"
#include "spectral-core/FFTWInterface.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace mlir::spectral::core;

namespace {

/// The folder of the wisdom files, or "" when they are off.
std::string getWisdomFolder() {
  if (const char *setting = std::getenv("SPECTRAL_FFTW_WISDOM")) {
    if (std::strcmp(setting, "off") == 0 || std::strcmp(setting, "0") == 0 ||
        !*setting)
      return "";
    return setting;
  }
  if (const char *cache = std::getenv("XDG_CACHE_HOME"); cache && *cache)
    return std::string(cache) + "/spectral-dialect";
  if (const char *home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/spectral-dialect";
  return "";
}

/// Creates `folder` and its parents where missing.
bool makeFolders(const std::string &folder) {
  for (size_t slash = folder.find('/', 1);;
       slash = folder.find('/', slash + 1)) {
    std::string prefix = folder.substr(0, slash);
    if (mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST)
      return false;
    if (slash == std::string::npos)
      return true;
  }
}

std::string getWisdomPath(Precision precision) {
  std::string folder = getWisdomFolder();
  if (folder.empty())
    return "";
  return folder + (precision == Precision::F64 ? "/fftw-wisdom-f64"
                                               : "/fftw-wisdom-f32");
}

template <typename Real> void load(const std::string &path) {
  // A missing or unreadable file is no wisdom yet.
  FFTW<Real>::importWisdom(path.c_str());
}

template <typename Real> void save(const std::string &path) {
  static bool warned = false;
  std::string folder = path.substr(0, path.rfind('/'));
  std::string temporary =
      path + ".tmp." + std::to_string(static_cast<long>(getpid()));
  // Another process may have saved plans since we loaded: keep them.
  FFTW<Real>::importWisdom(path.c_str());
  if (makeFolders(folder) && FFTW<Real>::exportWisdom(temporary.c_str()) &&
      std::rename(temporary.c_str(), path.c_str()) == 0)
    return;
  std::remove(temporary.c_str());
  // Losing the wisdom costs time in the next process, not correctness.
  if (!warned)
    std::fprintf(stderr,
                 "spectral runtime: cannot save FFTW wisdom to '%s' (%s); "
                 "plans will be measured again in the next process "
                 "(SPECTRAL_FFTW_WISDOM=off turns the file off)\n",
                 path.c_str(), std::strerror(errno));
  warned = true;
}

} // namespace

void mlir::spectral::core::loadWisdom(Precision precision) {
  static bool loaded[2] = {false, false};
  bool &done = loaded[precision == Precision::F64];
  if (done)
    return;
  done = true;
  std::string path = getWisdomPath(precision);
  if (path.empty())
    return;
  if (precision == Precision::F64)
    load<double>(path);
  else
    load<float>(path);
}

void mlir::spectral::core::saveWisdom(Precision precision) {
  std::string path = getWisdomPath(precision);
  if (path.empty())
    return;
  if (precision == Precision::F64)
    save<double>(path);
  else
    save<float>(path);
}
