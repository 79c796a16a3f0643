#!/usr/bin/env bash
# Configures and builds the project.
#   SPECTRAL_BUILD_DIR  build directory (default: build)
#   SPECTRAL_SANITIZE   1 to build with AddressSanitizer + UBSan
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build}"
sanitize="${SPECTRAL_SANITIZE:-0}"

sanitizer_flag=OFF
if [ "$sanitize" = 1 ]; then
  sanitizer_flag=ON
fi

cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
  -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
  -DSPECTRAL_ENABLE_SANITIZERS="$sanitizer_flag"
cmake --build "$build"
