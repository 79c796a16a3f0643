#!/usr/bin/env bash
# Compiles the GPU benchmarks into DIR ahead of time, so that they run where
# no LLVM is installed (the GPU kit, scripts/gpu-kit.sh):
#   DIR/bin/bench-mix-T                      spectral.mix, T = 512, 2048, 8192
#   DIR/bin/bench-matmul-KxN-M-{dense,streamed,in-order}
#   DIR/bin/mix_cufft                        the same mix's cuFFT transforms alone
#                                            and a device copy (nvcc)
#   DIR/bench/mix_torch.py                   the same mix with torch.fft
#   DIR/bench/matmul-groups.txt              "K N M GROUP" per matmul shape
#   DIR/bin/cpu-mix-T                        the same mix for the CPU
#                                            (spectral-cpu-pipeline), whose
#                                            thread scaling report.sh measures
#   DIR/bench/cpu_mix_torch.py               that mix with torch.fft on the CPU
#   DIR/bench/timing.py                      the timing loop it imports
# The programs are those of run_gpu.sh; report.sh runs them.
#   bash benchmarks/gpu/build.sh DIR [sst-compile options...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
out="$1"
shift
extra=("$@")
cuda="${CUDA_HOME:-/usr/local/cuda}"
budget="${SPECTRAL_STREAM_BUDGET:-8388608}"
MIX_SPECS="512:50 2048:20 8192:10"
mkdir -p "$out/bin" "$out/bench"

gpu_compile() { # source output pipeline-options; remarks on stdout
  "$build/bin/sst-compile" --target=gpu "$1" -o "$2" --pipeline-options="$3" \
    "${extra[@]}" 2>&1 >/dev/null
}

# T and timed iterations (report.sh runs mix_cufft and torch with the same).
for spec in $MIX_SPECS; do
  t=${spec%%:*}
  mix_source "$t" "${spec##*:}" > "$work/mix.mlir"
  gpu_compile "$work/mix.mlir" "$out/bin/bench-mix-$t" "" >/dev/null
done
# The CPU programs take the host options only (no --gpu-chips).
cpu_extra=()
for option in "${extra[@]}"; do
  case "$option" in
    --gpu-chips=*) ;;
    *) cpu_extra+=("$option") ;;
  esac
done
for spec in $MIX_SPECS; do
  t=${spec%%:*}
  mix_source "$t" "${spec##*:}" > "$work/mix.mlir"
  "$build/bin/sst-compile" "$work/mix.mlir" -o "$out/bin/cpu-mix-$t" \
    "${cpu_extra[@]}"
done
cp "$root/benchmarks/mix_torch.py" "$out/bench/cpu_mix_torch.py"
cp "$root/benchmarks/timing.py" "$out/bench/"
"$cuda/bin/nvcc" -O2 -o "$out/bin/mix_cufft" "$root/benchmarks/gpu/mix_cufft.cu" -lcufft
cp "$root/benchmarks/gpu/mix_torch.py" "$root/benchmarks/gpu/report.sh" "$out/bench/"
echo "$MIX_SPECS" > "$out/bench/mix-specs.txt"
echo "$budget" > "$out/bench/budget.txt"

: > "$out/bench/matmul-groups.txt"
for shape in ${SPECTRAL_MATMUL_SHAPES:-4096x4096 16384x4096}; do
  k=${shape%%x*}
  n=${shape##*x}
  for m in ${SPECTRAL_MATMUL_ROWS:-64 256 1024}; do
    matmul_source "$k" "$n" "$m" 5 cuda > "$work/matmul.mlir"
    name="$out/bin/bench-matmul-${k}x${n}-$m"
    gpu_compile "$work/matmul.mlir" "$name-dense" \
      "memory-budget=1099511627776" >/dev/null
    group=$(gpu_compile "$work/matmul.mlir" "$name-streamed" "memory-budget=$budget" |
      stream_group)
    gpu_compile "$work/matmul.mlir" "$name-in-order" \
      "memory-budget=$budget overlap-groups=false" >/dev/null
    echo "$k $n $m $group" >> "$out/bench/matmul-groups.txt"
  done
done
