#!/usr/bin/env bash
# The main job: installs what is missing, builds, then compiles
# examples/spectral-block.mlir through spectral-cpu-pipeline, streaming the
# compressed weight in groups of 4 of its 16 tile rows (spectral-stream
# reports the choice as a remark), and runs it with mlir-runner against the
# runtime library, then compiles it ahead of time with sst-compile into an
# executable and runs that. Each prints the compression ratio of the
# weight, the block's relative error against the dense weight, and the
# time of the compressed block.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build}"
llvm=/usr/lib/llvm-22

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
"$build/bin/sst-opt" --mlir-print-op-on-diagnostic=false \
  --spectral-cpu-pipeline="group-tiles=4" \
  "$root/examples/spectral-block.mlir" |
  "$llvm/bin/mlir-runner" -e main -entry-point-result=void \
    -shared-libs="$llvm/lib/libmlir_runner_utils.so,$llvm/lib/libmlir_c_runner_utils.so,$build/lib/libspectral_runtime.so"

# The same program compiled ahead of time by sst-compile into an executable
# (no JIT, no mlir-runner: it needs only the runtime library).
echo "--- compiled ahead of time by sst-compile ---"
mkdir -p "$build/examples"
"$build/bin/sst-compile" --mlir-print-op-on-diagnostic=false \
  --pipeline-options="group-tiles=4" \
  "$root/examples/spectral-block.mlir" -o "$build/examples/spectral-block"
"$build/examples/spectral-block"
