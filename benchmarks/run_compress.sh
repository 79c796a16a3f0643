#!/usr/bin/env bash
# Benchmarks spectral.compress through spectral-cpu-pipeline against numpy
# (rfft2 per tile + argpartition) on N x N f32 tensors in 64-row tiles,
# keeping 1/16 of each tile's bins, in one run. Prints a Markdown table of
# mean seconds per compression, throughput and the ratio.
#
#   bash benchmarks/run_compress.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

machine_line
echo
echo "| N | keep per tile | pipeline (s) | numpy (s) | pipeline MB/s | numpy MB/s | numpy / pipeline |"
echo "|---|---|---|---|---|---|---|"
for spec in 1024:10 4096:3; do
  n=${spec%%:*}
  iterations=${spec##*:}
  keep=$((64 * (n / 2 + 1) / 16))
  sed -e "s/@N@/$n/g" -e "s/@KEEP@/$keep/g" -e "s/@ITERATIONS@/$iterations/g" \
      "$root/benchmarks/compress_pipeline.mlir.in" > "$work/compress.mlir"
  "$build/bin/sst-opt" --spectral-cpu-pipeline "$work/compress.mlir" > "$work/compress.ll"
  pipeline=$("$llvm/bin/mlir-runner" -O3 "$work/compress.ll" -e main \
    -entry-point-result=void -shared-libs="$libs" | tail -n 1)
  numpy=$(/usr/bin/python3 "$root/benchmarks/compress_numpy.py" "$n" "$keep" "$iterations")
  awk -v n="$n" -v k="$keep" -v p="$pipeline" -v q="$numpy" 'BEGIN {
    mb = n * n * 4 / 1e6
    printf "| %d | %d | %.4f | %.4f | %.0f | %.0f | %.2fx |\n", n, k, p, q, mb / p, mb / q, q / p
  }'
done
