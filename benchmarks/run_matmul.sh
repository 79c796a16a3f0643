#!/usr/bin/env bash
# Benchmarks x . W for a compressed K x N f32 weight W (64-row tiles, 1/8 of
# each tile's bins kept) compiled by spectral-cpu-pipeline two ways, in one
# run: "dense" decompresses the whole weight and makes one GEMM (streaming
# disabled by an unlimited budget), "streamed" runs spectral-stream with a
# memory budget, so only one group of tile rows is ever decompressed. Both
# GEMMs are OpenBLAS through the runtime. Prints a Markdown table of mean
# seconds per product and peak bytes allocated during the products beyond
# the compressed weight and activations (the runtime's exact accounting of
# lowered code's and its own buffers).
#
#   bash benchmarks/run_matmul.sh            # SPECTRAL_STREAM_BUDGET=bytes
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
budget="${SPECTRAL_STREAM_BUDGET:-8388608}"

run() { # file -> "seconds bytes"
  "$llvm/bin/mlir-runner" -O3 "$1" -e main -entry-point-result=void \
    -shared-libs="$libs" | tail -n 2 | tr '\n' ' '
}

machine_line
echo "streaming budget: $budget bytes"
echo
echo "| weight K x N | rows M | group (tile rows) | dense (s) | streamed (s) | streamed / dense time | dense peak (MB) | streamed peak (MB) | dense / streamed peak |"
echo "|---|---|---|---|---|---|---|---|---|"
for shape in ${SPECTRAL_MATMUL_SHAPES:-4096x4096 16384x4096}; do
  k=${shape%%x*}
  n=${shape##*x}
  for m in ${SPECTRAL_MATMUL_ROWS:-64 256 1024}; do
    iterations=$((m >= 1024 ? 2 : 3))
    matmul_source "$k" "$n" "$m" "$iterations" > "$work/matmul.mlir"
    group=$(compile_dense_and_streamed "$work/matmul.mlir" "$work/dense.ll" \
      "$budget" "$work/streamed.ll" spectral-cpu-pipeline)
    read -r dense_s dense_b <<< "$(run "$work/dense.ll")"
    read -r stream_s stream_b <<< "$(run "$work/streamed.ll")"
    matmul_row "$k" "$n" "$m" "$group" "$dense_s" "$dense_b" "$stream_s" "$stream_b"
  done
done
