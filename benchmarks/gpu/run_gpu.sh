#!/usr/bin/env bash
# GPU benchmarks, each comparison made in one run on the machine's first
# CUDA device, written as Markdown to docs/benchmarks-gpu.md (or to the file
# given as $1):
#  1. spectral.mix (B = 4, D = 256, T = 512, 2048, 8192) compiled by
#     spectral-gpu-pipeline against its cuFFT transforms alone
#     (gpu/mix_cufft.cu: the same r2c and c2r plans, nothing else) and the
#     memory-bandwidth floor (a device-to-device copy of the input);
#  2. x . W for a compressed weight, streamed through tile groups against
#     dense (the whole weight decompressed, one GEMM), both through
#     spectral-gpu-pipeline and cuBLAS: time, and the peak device bytes the
#     products allocate (the CUDA runtime's exact accounting of lowered
#     code's and its own device memory).
# Needs a CUDA device, the CUDA toolkit, and a build with
# libspectral_cuda_runtime.so (scripts/build.sh builds it where the toolkit
# is found).
#
#   bash benchmarks/gpu/run_gpu.sh [output.md]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
out="${1:-$root/docs/benchmarks-gpu.md}"
cuda="${CUDA_HOME:-/usr/local/cuda}"
gpu_lib="$build/lib/libspectral_cuda_runtime.so"
gpu_libs="$llvm/lib/libmlir_runner_utils.so,$llvm/lib/libmlir_c_runner_utils.so,$gpu_lib"
budget="${SPECTRAL_STREAM_BUDGET:-8388608}"

if [ ! -f "$gpu_lib" ]; then
  echo "run_gpu.sh: $gpu_lib is missing: build with the CUDA toolkit installed" >&2
  exit 1
fi
"$cuda/bin/nvcc" -O2 -o "$work/mix_cufft" "$root/benchmarks/gpu/mix_cufft.cu" -lcufft
device=$(nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null | head -n 1 || true)

run_gpu() { # file -> stdout of the program
  "$llvm/bin/mlir-runner" -O3 "$1" -e main -entry-point-result=void \
    -shared-libs="$gpu_libs"
}

{
  echo "# GPU benchmarks"
  echo
  echo "Written by \`bash benchmarks/gpu/run_gpu.sh\` on $(date -u +%Y-%m-%d)."
  echo "$(machine_line); GPU: ${device:-unknown (nvidia-smi not found)}."
  echo
  echo "## spectral.mix against its cuFFT transforms"
  echo
  echo "B x T x D = 4 x T x 256 f32 along T, per-channel filter. Mean seconds"
  echo "per mix over the timed iterations after one warm-up call. \"pipeline\":"
  echo "\`spectral-gpu-pipeline\` + \`libspectral_cuda_runtime.so\` (host clock,"
  echo "after synchronisation); \"cuFFT\": the r2c and c2r of the same problem"
  echo "with plans made once (CUDA events); \"copy\": one device-to-device copy"
  echo "of x, the bandwidth floor. Target: pipeline / cuFFT <= 1.2."
  echo
  echo "| T | pipeline (s) | cuFFT (s) | copy (s) | pipeline / cuFFT | pipeline / copy |"
  echo "|---|---|---|---|---|---|"
  for spec in 512:50 2048:20 8192:10; do
    t=${spec%%:*}
    iterations=${spec##*:}
    mix_source "$t" "$iterations" > "$work/mix.mlir"
    "$build/bin/sst-opt" --spectral-gpu-pipeline "$work/mix.mlir" > "$work/mix.ll"
    pipeline=$(run_gpu "$work/mix.ll" | tail -n 1)
    read -r cufft copy <<< "$("$work/mix_cufft" "$t" "$iterations" | tr '\n' ' ')"
    awk -v t="$t" -v p="$pipeline" -v f="$cufft" -v c="$copy" 'BEGIN {
      printf "| %d | %.3e | %.3e | %.3e | %.2fx | %.1fx |\n", t, p, f, c, p / f, p / c
    }'
  done
  echo
  echo "## Streamed against dense matmul"
  echo
  echo "x (M x K) . W for a K x N weight in 64-row tiles keeping 1/8 of each"
  echo "tile's bins; \"streamed\" uses \`stream={memory-budget=$budget}\`, \"dense\""
  echo "an unlimited budget. Peak: device bytes allocated during the products"
  echo "beyond the weight, x and the results. Target: streamed peak <= 1/8 of"
  echo "dense at <= 1.1x its time. \"streamed\" overlaps each group's"
  echo "decompression with the previous group's GEMM (the default);"
  echo "\"in order\" is the same loop with \`overlap-groups=false\`."
  echo
  echo "| weight K x N | rows M | group (tile rows) | dense (s) | streamed (s) | streamed / dense time | dense peak (MB) | streamed peak (MB) | dense / streamed peak | in order (s) | streamed / in order time |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for shape in ${SPECTRAL_MATMUL_SHAPES:-4096x4096 16384x4096}; do
    k=${shape%%x*}
    n=${shape##*x}
    for m in ${SPECTRAL_MATMUL_ROWS:-64 256 1024}; do
      matmul_source "$k" "$n" "$m" 5 cuda > "$work/matmul.mlir"
      group=$(compile_dense_and_streamed "$work/matmul.mlir" "$work/dense.ll" \
        "$budget" "$work/streamed.ll" spectral-gpu-pipeline)
      read -r dense_s dense_b <<< "$(run_gpu "$work/dense.ll" | tail -n 2 | tr '\n' ' ')"
      read -r stream_s stream_b <<< "$(run_gpu "$work/streamed.ll" | tail -n 2 | tr '\n' ' ')"
      "$build/bin/sst-opt" "$work/matmul.mlir" -o "$work/in-order.ll" \
        --spectral-gpu-pipeline="stream={memory-budget=$budget} overlap-groups=false" 2>/dev/null
      in_order_s=$(run_gpu "$work/in-order.ll" | tail -n 2 | head -n 1)
      row=$(matmul_row "$k" "$n" "$m" "$group" "$dense_s" "$dense_b" "$stream_s" "$stream_b")
      awk -v r="$row" -v s="$stream_s" -v o="$in_order_s" 'BEGIN {
        printf "%s %.4f | %.2fx |\n", r, o, s / o
      }'
    done
  done
} | tee "$out"
