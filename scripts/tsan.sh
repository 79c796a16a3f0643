#!/usr/bin/env bash
# ThreadSanitizer over the runtime and the code the compiler generates:
#  1. the runtime's unit tests: the plan cache, the wisdom file, the buffer
#     cache, the error handler and the memory counters called from several
#     user threads at once, and the runtime's own threads (OpenMP teams over
#     chunks and tiles, FFTW's threads on the same pool);
#  2. the executed CPU tests (test/Integration, test/AOT, test/Examples):
#     programs the CPU pipeline compiled, run by mlir-runner and as
#     sst-compile's executables, with TSan's runtime preloaded (lit.cfg.py),
#     on 3 runtime threads. The generated loops are not instrumented; what
#     they call is.
# Builds into build-tsan/ (SPECTRAL_BUILD_DIR overrides).
#
# LLVM's OpenMP runtime is not instrumented: Archer (libarcher.so, LLVM's
# OpenMP tool for ThreadSanitizer) tells TSan about a team's barriers, so
# that work handed between a team's threads is not reported as a race, and
# ignore_noninstrumented_modules (Archer's advice) keeps TSan out of
# libomp's own hand-offs. Races in project code are reported.
#
#   bash scripts/tsan.sh            # about 15 minutes on 2 cores
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build-tsan}"

bash "$root/scripts/install-deps.sh"
mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
  -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
  -DSPECTRAL_ENABLE_TSAN=ON > "$build/configure.log" ||
  { cat "$build/configure.log"; exit 1; }
cmake --build "$build"

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ignore_noninstrumented_modules=1 ${TSAN_OPTIONS:-}"
export OMP_TOOL_LIBRARIES=/usr/lib/llvm-22/lib/libarcher.so
# Several threads on the 2-core machine too, so that teams really share
# work.
for threads in 1 3; do
  echo "=== runtime unit tests under ThreadSanitizer, $threads runtime thread(s) ==="
  SPECTRAL_NUM_THREADS=$threads "$build/runtime/unittests/SpectralRuntimeTests" \
    --gtest_brief=1
  SPECTRAL_NUM_THREADS=$threads "$build/runtime/unittests/SpectralRuntimeCoreTests" \
    --gtest_brief=1
done
echo "=== executed CPU tests under ThreadSanitizer, 3 runtime threads ==="
SPECTRAL_NUM_THREADS=3 /usr/lib/llvm-22/bin/lit -sv \
  "$build/test/Integration" "$build/test/AOT" "$build/test/Examples"
