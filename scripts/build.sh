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

# The CUDA runtime is built where a CUDA toolkit is found; nvcc need not be
# on PATH (CUDA's installer puts it under /usr/local/cuda/bin).
cuda_flags=()
cuda_home="${CUDA_HOME:-/usr/local/cuda}"
if ! command -v nvcc >/dev/null 2>&1 && [ -x "$cuda_home/bin/nvcc" ]; then
  cuda_flags+=("-DCMAKE_CUDA_COMPILER=$cuda_home/bin/nvcc")
fi

cmake -S "$root" -B "$build" -G Ninja "${cuda_flags[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
  -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
  -DSPECTRAL_ENABLE_SANITIZERS="$sanitizer_flag"
cmake --build "$build"
