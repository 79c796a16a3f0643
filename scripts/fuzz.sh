#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer, ASan and UBSan (clang-22) and runs
# each for a bounded time or number of executions. docs/reliability.md says
# what each target checks and records the long runs.
#
#   scripts/fuzz.sh [-t SECONDS | -n RUNS] [-s SEED] [TARGET...]
#
#   -t SECONDS  run each target for this long (default 60)
#   -n RUNS     run each target for this many executions instead
#   -s SEED     libFuzzer's random seed (default: a new one each run). With a
#               fixed seed the mutations repeat, so a bounded run explores a
#               prefix of what a longer run with that seed explored.
#   TARGET      ir, passes, runtime (default: all three)
#
# Environment:
#   SPECTRAL_FUZZ_BUILD_DIR  build directory (default: build-fuzz)
#   SPECTRAL_FUZZ_JOBS       parallel fuzzing processes per target (default 1)
#
# The working corpora stay in $SPECTRAL_FUZZ_BUILD_DIR/fuzz/corpus/<target>
# between runs. A crash, leak, timeout (10 s) or out-of-memory stops the
# target, leaves the input in $SPECTRAL_FUZZ_BUILD_DIR/fuzz/artifacts/
# <target>/ and makes this script fail; turn it into a regression test under
# test/Fuzz/<target>/ (see test/Fuzz/README.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPECTRAL_FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${SPECTRAL_FUZZ_JOBS:-1}"

seconds=60
runs=""
seed=""
while getopts "t:n:s:h" flag; do
  case "$flag" in
    t) seconds="$OPTARG" ;;
    n) runs="$OPTARG" ;;
    s) seed="$OPTARG" ;;
    *) sed -n '2,24p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(ir passes runtime)
fi
for target in "${targets[@]}"; do
  case "$target" in
    ir|passes|runtime) ;;
    *) echo "fuzz.sh: unknown target '$target' (ir, passes, runtime)" >&2
       exit 2 ;;
  esac
done

SPECTRAL_FUZZ=1 bash "$root/scripts/install-deps.sh"

cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
  -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
  -DSPECTRAL_ENABLE_FUZZERS=ON -DSPECTRAL_ENABLE_CUDA=OFF \
  -DSPECTRAL_ENABLE_WERROR=OFF >/dev/null
cmake --build "$build" --target spectral-fuzz-targets

work="$build/fuzz"
python3 "$root/scripts/fuzz/make-dictionary.py" "$root" "$work/spectral.dict"
python3 "$root/scripts/fuzz/make-seeds.py" "$root" "$work/seeds"

# Leaks are checked at exit of each input's process state by LeakSanitizer;
# UBSan findings stop the run like crashes.
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
# How far the inputs got (tools/spectral-fuzz/FuzzStats.h), printed at exit.
export SPECTRAL_FUZZ_STATS=1
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

status=0
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  artifacts="$work/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  args=(-timeout=10 -rss_limit_mb=4096 -malloc_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$artifacts/")
  if [ "$jobs" -gt 1 ]; then
    args+=(-jobs="$jobs" -workers="$jobs")
  fi
  if [ -n "$runs" ]; then
    args+=(-runs="$runs")
  else
    args+=(-max_total_time="$seconds")
  fi
  if [ -n "$seed" ]; then
    args+=(-seed="$seed")
  fi
  if [ "$target" != runtime ]; then
    args+=(-dict="$work/spectral.dict")
  fi
  # Regression inputs join the seeds, so that a fixed defect stays covered.
  seeds=("$work/seeds/$target")
  if [ -d "$root/test/Fuzz/$target" ]; then
    seeds+=("$root/test/Fuzz/$target")
  fi
  echo "=== fuzz: spectral-fuzz-$target ==="
  if ! "$build/bin/spectral-fuzz-$target" "${args[@]}" "$corpus" \
      "${seeds[@]}"; then
    echo "fuzz.sh: spectral-fuzz-$target found a defect; inputs in" \
         "$artifacts" >&2
    status=1
  fi
done
exit $status
