#!/usr/bin/env bash
# Benchmarks a causal depthwise 1-D convolution (C = 256 channels,
# channels-last, kernel of K taps over L samples) compiled by
# spectral-cpu-pipeline two ways in one run: left direct (linalg loops,
# spectral-fft-convolution policy=never) and converted to spectral.conv
# (policy=always). Then fits spectral-fft-convolution's cost model to the
# times (benchmarks/fit_conv_model.py), prints the fitted constants, the
# crossover kernel length, and which way the pass's default constants
# choose at each point (policy=auto).
#
#   bash benchmarks/run_conv.sh          # L and K up to 16K (about 3 min)
#
# The direct convolution at L = K = 16K (about 5 minutes here) is not run:
# its time is the model's prediction, marked as such.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

channels=256
# L:K:direct-iterations:fft-iterations (0 direct iterations: not measured).
points=(4096:4:3:3 4096:8:3:3 4096:16:3:3 4096:32:2:3 4096:64:1:3
        4096:128:1:3 4096:256:1:3 1024:1024:1:10 2048:2048:1:10
        4096:4096:1:5 8192:8192:1:3 16384:16384:0:2)

run_program() { # policy L K warmup iterations -> seconds per convolution
  conv_source "$2" "$3" "$channels" "$4" "$5" > "$work/conv.mlir"
  "$build/bin/sst-opt" \
    --spectral-cpu-pipeline="conv-policy=$1" \
    "$work/conv.mlir" 2>/dev/null > "$work/conv.ll"
  "$llvm/bin/mlir-runner" -O3 "$work/conv.ll" -e main \
    -entry-point-result=void -shared-libs="$libs" | tail -n 1
}

decision() { # L K -> the pass's choice with its default constants
  conv_source "$1" "$2" "$channels" 0 1 > "$work/conv.mlir"
  # The remarks whole first: grep -q on the pipe would stop reading early.
  local remarks
  remarks=$("$build/bin/sst-opt" --spectral-fft-convolution "$work/conv.mlir" \
    2>&1 >/dev/null)
  case "$remarks" in
    *"converted to an FFT convolution"*) echo fft ;;
    *) echo direct ;;
  esac
}

echo "$(machine_line); C = $channels, causal, f32"
echo
: > "$work/times"
for point in "${points[@]}"; do
  IFS=: read -r l k direct_iterations fft_iterations <<< "$point"
  fft=$(run_program always "$l" "$k" 1 "$fft_iterations")
  direct=-
  if [ "$direct_iterations" -gt 0 ]; then
    # Direct convolutions of long kernels take seconds: no warm-up call.
    direct=$(run_program never "$l" "$k" 0 "$direct_iterations")
  fi
  echo "$l $k $channels $direct $fft $(decision "$l" "$k")" >> "$work/times"
done
/usr/bin/python3 "$root/benchmarks/fit_conv_model.py" < "$work/times"
