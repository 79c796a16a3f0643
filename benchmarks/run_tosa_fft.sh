#!/usr/bin/env bash
# Benchmarks tosa.rfft2d and tosa.fft2d (forward) on 1 x N x N, N = 32, 64,
# 128, 256, three ways in one run:
#   - "upstream": TOSA lowered by upstream's tosa-to-linalg-pipeline (a
#     direct DFT sum per output element), then spectral-cpu-pipeline's
#     standard lowering;
#   - "raised": spectral-cpu-pipeline, whose front door raises both ops to
#     spectral transforms (FFTW through the runtime);
#   - "FFTW": benchmarks/tosa_fft_fftw.c, plans made once, TOSA's separate
#     real and imaginary arrays, FFTW_ESTIMATE (the runtime's default until
#     it moved to measured plans kept as wisdom; the table in
#     docs/benchmarks.md was made then).
# Prints a Markdown table of mean seconds per call and the ratios. The raised
# program and the FFTW one run 5 times each, alternating, and each keeps its
# best mean (this 2-core machine is shared; one-off runs of 40 us calls
# varied by 1.5x).
#
#   bash benchmarks/run_tosa_fft.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

gcc -O3 -march=native -o "$work/tosa_fft_fftw" "$root/benchmarks/tosa_fft_fftw.c" \
  -lfftw3f_threads -lfftw3f -lm

run() { # file.ll -> two lines: seconds per rfft2d, per fft2d
  "$llvm/bin/mlir-runner" -O3 "$1" -e main -entry-point-result=void \
    -shared-libs="$libs" | tail -n 2
}

# Line-wise minimum of the two-line outputs collected in file $1.
best() {
  awk '{ line = (NR - 1) % 2; if (!(line in m) || $1 < m[line]) m[line] = $1 }
       END { print m[0]; print m[1] }' "$1"
}

echo "$(machine_line); FFTW planner: estimate"
echo
echo "| op | N | upstream (s) | raised (s) | FFTW (s) | upstream / raised | raised / FFTW |"
echo "|---|---|---|---|---|---|---|"
: > "$work/rows"
# N:upstream-iterations:raised-and-FFTW-iterations
for spec in 32:3:20000 64:2:5000 128:1:5000 256:1:500; do
  IFS=: read -r n upstream_iterations iterations <<< "$spec"
  # Upstream: no warm-up call (seconds per call at N = 256).
  tosa_fft_source "$n" 0 "$upstream_iterations" > "$work/upstream.mlir"
  "$build/bin/sst-opt" "$work/upstream.mlir" --pass-pipeline="builtin.module(func.func(tosa-to-scf),tosa-to-linalg-pipeline,func.func(tosa-to-tensor,tosa-to-arith),canonicalize)" |
    "$build/bin/sst-opt" --spectral-cpu-pipeline > "$work/upstream.ll"
  mapfile -t upstream < <(run "$work/upstream.ll")
  tosa_fft_source "$n" 1 "$iterations" > "$work/raised.mlir"
  "$build/bin/sst-opt" --spectral-cpu-pipeline "$work/raised.mlir" \
    2>/dev/null > "$work/raised.ll"
  : > "$work/raised.times"
  : > "$work/fftw.times"
  for repeat in 1 2 3 4 5; do
    run "$work/raised.ll" >> "$work/raised.times"
    "$work/tosa_fft_fftw" "$n" "$iterations" estimate >> "$work/fftw.times"
  done
  mapfile -t raised < <(best "$work/raised.times")
  mapfile -t fftw < <(best "$work/fftw.times")
  for i in 0 1; do
    op=$([ "$i" = 0 ] && echo rfft2d || echo fft2d)
    awk -v op="$op" -v n="$n" -v u="${upstream[$i]}" -v r="${raised[$i]}" \
        -v f="${fftw[$i]}" 'BEGIN {
      printf "| %s | %d | %.6f | %.7f | %.7f | %.0fx | %.2fx |\n",
        op, n, u, r, f, u / r, r / f
    }' >> "$work/rows"
  done
done
sort -s -k2,2r "$work/rows"
