#!/usr/bin/env bash
# Benchmarks spectral.mix (B = 4, D = 256, T = 512, 2048, 8192) four ways in
# one run: through spectral-cpu-pipeline and the runtime, a hand-written
# FFTW program with reused plans, numpy.fft and PyTorch's torch.fft. FFTW
# plans with the same flag in the runtime and in the C program:
# FFTW_MEASURE, the runtime's default (SPECTRAL_FFTW_PLANNING=estimate
# selects FFTW_ESTIMATE for both). Each runs on one thread. Prints a Markdown table of mean seconds per mix and the
# ratios to FFTW and PyTorch. More threads: benchmarks/run_scaling.sh.
#
#   bash benchmarks/run_mix.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

flag=measure
if [ "${SPECTRAL_FFTW_PLANNING:-measure}" = estimate ]; then
  flag=estimate
fi
export SPECTRAL_NUM_THREADS=1
gcc -O2 -o "$work/mix_fftw" "$root/benchmarks/mix_fftw.c" -lfftw3f_threads \
  -lfftw3f -lm

echo "$(machine_line); FFTW planner: $flag"
echo
echo "| T | pipeline (s) | FFTW (s) | numpy (s) | PyTorch (s) | pipeline / FFTW | numpy / FFTW | PyTorch / pipeline |"
echo "|---|---|---|---|---|---|---|---|"
for spec in 512:20 2048:10 8192:4; do
  t=${spec%%:*}
  iterations=${spec##*:}
  mix_source "$t" "$iterations" > "$work/mix.mlir"
  "$build/bin/sst-opt" --spectral-cpu-pipeline "$work/mix.mlir" > "$work/mix.ll"
  pipeline=$("$llvm/bin/mlir-runner" -O3 "$work/mix.ll" -e main \
    -entry-point-result=void -shared-libs="$libs" | tail -n 1)
  fftw=$("$work/mix_fftw" "$t" "$iterations" "$flag")
  numpy=$(/usr/bin/python3 "$root/benchmarks/mix_numpy.py" "$t" "$iterations")
  torch=$(/usr/bin/python3 "$root/benchmarks/mix_torch.py" "$t" "$iterations" 1 |
    tail -n 1)
  awk -v t="$t" -v p="$pipeline" -v f="$fftw" -v n="$numpy" -v q="$torch" 'BEGIN {
    printf "| %d | %.4f | %.4f | %.4f | %.4f | %.2fx | %.2fx | %.2fx |\n", t, p, f, n, q, p / f, n / f, q / p
  }'
done
