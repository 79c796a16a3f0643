#!/usr/bin/env bash
# Runs the GPU kit (built by scripts/gpu-kit.sh) on a machine with a CUDA
# GPU, and writes OUTDIR/report.md (every test passed/failed with its first
# lines of output, the device tests, the benchmark tables, nvidia-smi) and
# OUTDIR/benchmarks-gpu.md. Exits non-zero on any failure.
#
#   bash KIT/run.sh OUTDIR [--sanitize] [--expect-no-driver]
#
#   --sanitize          also run the integration tests under compute-sanitizer
#                       (memcheck); its findings fail the test
#   --expect-no-driver  for a machine without a CUDA driver: check that every
#                       program loads and stops with the CUDA runtime's
#                       "no CUDA driver" message, and that the device tests
#                       skip, instead of running tests and benchmarks
# Environment: SPECTRAL_TEST_TIMEOUT (seconds per program, default 60),
# SPECTRAL_BENCH_TIMEOUT (per benchmark program, default 120),
# SPECTRAL_KIT_BUDGET (seconds for the whole run, default 330: programs
# not started by then are reported as not run, and fail the run), CUDA_HOME.
set -uo pipefail
kit="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out=""
sanitize=0
no_driver=0
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=1 ;;
    --expect-no-driver) no_driver=1 ;;
    -*) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
    *) out="$arg" ;;
  esac
done
if [ -z "$out" ]; then
  echo "usage: bash KIT/run.sh OUTDIR [--sanitize] [--expect-no-driver]" >&2
  exit 2
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
report="$out/report.md"
limit="${SPECTRAL_TEST_TIMEOUT:-60}"
started=$(date +%s)
# Every program's time limit is cut to what is left of the whole run's
# budget, so that a slow machine still gets its report written.
export SPECTRAL_DEADLINE=$((started + ${SPECTRAL_KIT_BUDGET:-330}))
time_limit() { # per-program limit -> seconds allowed now (0: none left)
  local left=$((SPECTRAL_DEADLINE - $(date +%s)))
  [ "$left" -lt 0 ] && left=0
  echo $(( $1 < left ? $1 : left ))
}
failures=0
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

note() { echo "$*" | tee -a "$report"; }
excerpt() { # file: its first lines as a Markdown code block
  echo '```'
  head -n "${2:-12}" "$1" | cut -c1-300
  echo '```'
}

: > "$report"
note "# GPU kit report"
note
note "Kit: $(head -n 1 "$kit/VERSION") ($(sed -n 2p "$kit/VERSION"))."
[ "$no_driver" = 1 ] && note "Mode: --expect-no-driver (every program must stop with the CUDA runtime's no-driver message; nothing is computed)."
note "Run: $(date -u +%Y-%m-%dT%H:%MZ) on $(hostname 2>/dev/null || echo unknown), $(nproc) cores."
note

# 1. The CUDA libraries the runtime needs: the toolkit's, or the nvidia-*
#    Python wheels'.
note "## CUDA libraries"
note
candidates=()
for dir in "${CUDA_HOME:-}" "${CUDA_PATH:-}" /usr/local/cuda; do
  [ -n "$dir" ] && candidates+=("$dir/lib64" "$dir/lib" "$dir/targets/x86_64-linux/lib")
done
for python in python3 /usr/bin/python3; do
  if command -v "$python" >/dev/null 2>&1; then
    while read -r dir; do candidates+=("$dir"); done < <("$python" - 2>/dev/null <<'PY'
import glob, os, site, sys
roots = site.getsitepackages() + [site.getusersitepackages()]
for root in roots:
    for lib in sorted(glob.glob(os.path.join(root, "nvidia", "*", "lib"))):
        print(lib)
PY
)
  fi
done
library_dirs=()
for soname in $(cat "$kit/lib/cuda-libraries.txt"); do
  found=""
  for dir in "${candidates[@]}"; do
    if [ -e "$dir/$soname" ]; then
      found="$dir"
      break
    fi
  done
  if [ -z "$found" ]; then
    found=$(ldconfig -p 2>/dev/null | awk -v s="$soname" '$1 == s { print $NF; exit }' | xargs -r dirname)
  fi
  if [ -n "$found" ]; then
    note "- \`$soname\`: $found"
    library_dirs+=("$found")
  else
    note "- \`$soname\`: **missing** (looked in \$CUDA_HOME, /usr/local/cuda, the nvidia-* wheels, ldconfig)"
    failures=$((failures + 1))
  fi
done
if [ "$failures" -gt 0 ]; then
  note
  note "A CUDA library is missing: nothing was run."
  exit 1
fi
search="$kit/lib"
for dir in $(printf '%s\n' "${library_dirs[@]}" | awk '!seen[$0]++'); do
  search="$search:$dir"
done
# libstdc++ and libgcc_s from the kit only where the machine's are older.
need=$(cat "$kit/lib/fallback/glibcxx-version.txt")
system_stdcxx=$(ldconfig -p 2>/dev/null | awk '$1 == "libstdc++.so.6" && /x86-64/ { print $NF; exit }')
if [ -n "$need" ] && ! { [ -n "$system_stdcxx" ] && grep -aq "$need" "$system_stdcxx"; }; then
  search="$search:$kit/lib/fallback"
  note "- libstdc++: the kit's (the machine's lacks $need)"
else
  note "- libstdc++: the machine's ($system_stdcxx)"
fi
# Only the kit's programs see the kit's libraries: Python, numpy and
# PyTorch keep the machine's (the kit's CPU runtime brings a BLAS under
# OpenBLAS's name that numpy must not pick up).
export KIT_LIBRARY_PATH="$search${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
kit_env=(env "LD_LIBRARY_PATH=$KIT_LIBRARY_PATH")
export KIT="$kit"
export SPECTRAL_CUDA_RUNTIME_PATH="$kit/lib/libspectral_cuda_runtime.so"
PYTHON=""
for python in python3 /usr/bin/python3; do
  if "$python" -c "import numpy" 2>/dev/null; then
    PYTHON="$python"
    break
  fi
done
export PYTHON="${PYTHON:-python3}"
note "- Python for the numpy checks: $("$PYTHON" -c 'import sys, numpy; print(sys.version.split()[0], "numpy", numpy.__version__)' 2>&1 | head -n 1)"
note

SST_RUN="env LD_LIBRARY_PATH=$KIT_LIBRARY_PATH"
if [ "$sanitize" = 1 ]; then
  sanitizer=$(command -v compute-sanitizer || echo "${CUDA_HOME:-/usr/local/cuda}/bin/compute-sanitizer")
  if [ ! -x "$sanitizer" ]; then
    note "--sanitize: compute-sanitizer not found"
    exit 1
  fi
  SST_RUN="$SST_RUN $sanitizer --tool memcheck --error-exitcode 97 --log-file $scratch/sanitizer.log"
fi
export SST_RUN

no_driver_message='spectral cuda runtime error: [A-Za-z_]+: (no CUDA driver|CUDA driver found but cuInit failed)'

# 2. The integration tests: the GPU run of each executed test
#    (test/Integration, under `%if cuda-execution`), with the CPU run's
#    references and tolerances.
total=0
passed=0
note "## Integration tests"
note
while IFS=$'\t' read -r name command; do
  total=$((total + 1))
  log="$scratch/$name.log"
  begin=$(date +%s.%N)
  allowed=$(time_limit "$limit")
  if [ "$allowed" = 0 ]; then
    status=budget
    ok=0
    : > "$log"
  elif [ "$no_driver" = 1 ]; then
    { timeout "$allowed" "${kit_env[@]}" "$kit/bin/test-$name" > "$log" 2>&1; } 2>/dev/null
    status=$?
    ok=0
    [ "$status" -ne 0 ] && grep -Eq "$no_driver_message" "$log" && ok=1
  else
    rm -f "$scratch/sanitizer.log"
    { timeout "$allowed" bash -o pipefail -c "$command" > "$log" 2>&1; } 2>/dev/null
    status=$?
    ok=$([ "$status" = 0 ] && echo 1 || echo 0)
    [ -s "$scratch/sanitizer.log" ] && cat "$scratch/sanitizer.log" >> "$log"
  fi
  seconds=$(awk -v b="$begin" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - b }')
  if [ "$ok" = 1 ]; then
    passed=$((passed + 1))
    result=passed
  elif [ "$status" = budget ]; then
    failures=$((failures + 1))
    result="**NOT RUN** (the run's budget of ${SPECTRAL_KIT_BUDGET:-330} s was spent)"
  else
    failures=$((failures + 1))
    result="**FAILED** (exit status $status$([ "$status" = 124 ] && echo ", timed out after ${allowed} s"))"
  fi
  echo "$name: $result (${seconds} s)"
  { echo "### $name: $result, ${seconds} s"; echo; excerpt "$log"; echo; } >> "$report"
done < "$kit/tests/manifest.tsv"
note "Integration tests: $passed of $total passed."
note

# 3. The CUDA runtime's device tests (GoogleTest).
note "## Device unit tests"
note
log="$scratch/unittests.log"
{ timeout "$(time_limit 300)" "${kit_env[@]}" "$kit/bin/SpectralCUDARuntimeTests" --gtest_color=no > "$log" 2>&1; } 2>/dev/null
status=$?
if [ "$status" = 0 ] && { [ "$no_driver" = 0 ] || grep -Eq 'needs a CUDA device: (no CUDA driver|CUDA driver found but cuInit failed)' "$log"; }; then
  note "SpectralCUDARuntimeTests: passed ($(grep -Eo '\[  PASSED  \] [0-9]+ tests?' "$log" | head -n 1 | grep -Eo '[0-9]+') passed, $(grep -Eo '\[  SKIPPED \] [0-9]+' "$log" | head -n 1 | grep -Eo '[0-9]+$' || echo 0) skipped)"
else
  failures=$((failures + 1))
  note "SpectralCUDARuntimeTests: **FAILED** (exit status $status)"
fi
{ echo; echo '```'; grep -E '^\[  (FAILED|SKIPPED|PASSED) |^\[==========\]' "$log" | head -n 60; echo '```'; echo; } >> "$report"

# 4. The benchmarks.
note "## Benchmarks"
note
if [ "$no_driver" = 1 ]; then
  for program in "$kit"/bin/bench-*; do
    { timeout "$(time_limit "$limit")" "${kit_env[@]}" "$program" > "$scratch/bench.log" 2>&1; } 2>/dev/null
    status=$?
    if [ "$status" -ne 0 ] && grep -Eq "$no_driver_message" "$scratch/bench.log"; then
      echo "$(basename "$program"): stopped with the no-driver message"
    else
      failures=$((failures + 1))
      note "$(basename "$program"): **FAILED**: $(head -c 300 "$scratch/bench.log")"
    fi
  done
  # cuFFT's program reports CUDA's own error and exits 1.
  { timeout "$(time_limit "$limit")" "${kit_env[@]}" "$kit/bin/mix_cufft" 512 1 > "$scratch/bench.log" 2>&1; } 2>/dev/null
  if [ $? = 1 ] && grep -q '^mix_cufft: cuda' "$scratch/bench.log"; then
    note "Every benchmark program loaded and stopped at its first GPU call."
  else
    failures=$((failures + 1))
    note "mix_cufft: **FAILED**: $(head -c 300 "$scratch/bench.log")"
  fi
else
  if bash "$kit/bench/report.sh" "$kit" > "$out/benchmarks-gpu.md" 2> "$scratch/bench.log"; then
    :
  else
    failures=$((failures + 1))
    note "Some benchmark programs failed:"
    excerpt "$scratch/bench.log" 20 >> "$report"
  fi
  sed -n '/^## /,$p' "$out/benchmarks-gpu.md" | sed 's/^## /### /' >> "$report"
fi
note

# 5. The machine.
note "## Machine"
note
{
  echo '```'
  nvidia-smi 2>&1 | head -n 20
  nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv 2>&1 | head -n 3
  uname -srm
  echo '```'
} >> "$report"
note "Total: $(( $(date +%s) - started )) s; failures: $failures."
[ "$failures" = 0 ]
