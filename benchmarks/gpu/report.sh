#!/usr/bin/env bash
# Runs the GPU benchmarks that build.sh compiled into DIR and writes the
# Markdown tables of docs/benchmarks-gpu.md to stdout. Each program runs
# under `timeout` ($SPECTRAL_BENCH_TIMEOUT seconds, default 120); a program
# that fails leaves "failed" in its cells and the script exits non-zero.
# Where $SPECTRAL_DEADLINE (seconds since the epoch) is set, no program runs
# past it (the kit's run.sh sets it from its budget).
# The programs find the CUDA libraries through $KIT_LIBRARY_PATH where it
# is set (the kit's run.sh sets it; Python and PyTorch keep the machine's
# library path), else through the loader's path.
#   bash DIR/bench/report.sh DIR
set -uo pipefail
dir="$1"
limit="${SPECTRAL_BENCH_TIMEOUT:-120}"
python="${PYTHON:-python3}"
# Programs run in command substitutions (subshells): failures are counted
# in a file.
failed_list="$(mktemp)"
trap 'rm -f "$failed_list"' EXIT

allowed_seconds() { # the per-program limit, cut to what the deadline leaves
  local left
  if [ -z "${SPECTRAL_DEADLINE:-}" ]; then
    echo "$limit"
    return
  fi
  left=$((SPECTRAL_DEADLINE - $(date +%s)))
  [ "$left" -lt 0 ] && left=0
  echo $((left < limit ? left : limit))
}

run() { # program args... -> its stdout; failures recorded
  local output allowed
  allowed=$(allowed_seconds)
  if [ "$allowed" = 0 ]; then
    echo "report.sh: $* not run: the run's budget was spent" >&2
    echo "$*" >> "$failed_list"
    echo failed
    return
  fi
  if ! output=$(timeout "$allowed" env LD_LIBRARY_PATH="${KIT_LIBRARY_PATH:-${LD_LIBRARY_PATH:-}}" "$@" \
    2>"$dir/bench/last-error.txt"); then
    echo "report.sh: $* failed: $(head -c 300 "$dir/bench/last-error.txt")" >&2
    echo "$*" >> "$failed_list"
    echo failed
    return
  fi
  echo "$output"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
  if (a + 0 > 0 && b + 0 > 0) printf "%.2fx", a / b; else printf "n/a" }'; }
sci() { awk -v a="$1" 'BEGIN { if (a + 0 > 0) printf "%.3e", a; else printf "%s", a }'; }

device=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -n 1)
echo "# GPU benchmarks"
echo
echo "Written by \`bash KIT/run.sh OUT\` (the GPU kit of \`scripts/gpu-kit.sh\`,"
echo "programs compiled ahead of time by \`sst-compile\`) on $(date -u +%Y-%m-%d)."
echo "Host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); GPU: ${device:-unknown (nvidia-smi not found)}."
echo
echo "## spectral.mix against its cuFFT transforms and torch.fft"
echo
echo "B x T x D = 4 x T x 256 f32 along T, per-channel filter. Mean seconds"
echo "per mix over the timed iterations after one warm-up call. \"pipeline\":"
echo "\`spectral-gpu-pipeline\` + \`libspectral_cuda_runtime.so\` (host clock,"
echo "after synchronisation); \"cuFFT\": the r2c and c2r of the same problem"
echo "with plans made once (CUDA events); \"torch\": \`torch.fft.irfft(rfft(x) * f)\`"
echo "(host clock after \`torch.cuda.synchronize\`); \"copy\": one device-to-device"
echo "copy of x, the bandwidth floor. Target: pipeline / cuFFT <= 1.2."
echo
echo "| T | pipeline (s) | cuFFT (s) | torch (s) | copy (s) | pipeline / cuFFT | pipeline / torch | pipeline / copy |"
echo "|---|---|---|---|---|---|---|---|"
for spec in $(cat "$dir/bench/mix-specs.txt"); do
  t=${spec%%:*}
  iterations=${spec##*:}
  pipeline=$(run "$dir/bin/bench-mix-$t" | tail -n 1)
  read -r cufft copy <<< "$(run "$dir/bin/mix_cufft" "$t" "$iterations" | tr '\n' ' ')"
  torch=$(timeout "$(allowed_seconds)" "$python" "$dir/bench/mix_torch.py" "$t" "$iterations" 2>/dev/null | tail -n 1)
  echo "| $t | $(sci "$pipeline") | $(sci "$cufft") | $(sci "${torch:-n/a}") | $(sci "${copy:-failed}") | $(ratio "$pipeline" "$cufft") | $(ratio "$pipeline" "$torch") | $(ratio "$pipeline" "$copy") |"
done
echo
echo "## CPU thread scaling: spectral.mix against torch.fft on the host"
echo
echo "The same mix compiled for the CPU (\`sst-compile\`, spectral-cpu-pipeline),"
echo "run with SPECTRAL_NUM_THREADS = 1, 2, 4, ... up to the host's cores, against"
echo "\`torch.fft\` on the CPU with \`torch.set_num_threads\` the same. Mean seconds"
echo "per mix after the first call."
echo
echo "| T | threads | spectral (s) | torch (s) | torch / spectral | spectral speed-up over 1 thread |"
echo "|---|---|---|---|---|---|"
cores=$(nproc)
for spec in $(cat "$dir/bench/mix-specs.txt"); do
  t=${spec%%:*}
  iterations=${spec##*:}
  one=""
  for threads in 1 2 4 8 16 32 64; do
    [ "$threads" -gt "$cores" ] && break
    mine=$(SPECTRAL_NUM_THREADS=$threads run "$dir/bin/cpu-mix-$t" | tail -n 1)
    torch=$(timeout "$(allowed_seconds)" "$python" "$dir/bench/cpu_mix_torch.py" \
      "$t" "$iterations" "$threads" 2>/dev/null | tail -n 1)
    [ -z "$one" ] && one=$mine
    echo "| $t | $threads | $(sci "$mine") | $(sci "${torch:-n/a}") | $(ratio "$torch" "$mine") | $(ratio "$one" "$mine") |"
  done
done
echo
echo "## Streamed against dense matmul"
echo
echo "x (M x K) . W for a K x N weight in 64-row tiles keeping 1/8 of each"
echo "tile's bins; \"streamed\" uses \`memory-budget=$(cat "$dir/bench/budget.txt")\`, \"dense\""
echo "an unlimited budget. Peak: device bytes allocated during the products"
echo "beyond the weight, x and the results. Target: streamed peak <= 1/8 of"
echo "dense at <= 1.1x its time. \"streamed\" overlaps each group's"
echo "decompression with the previous group's GEMM (the default);"
echo "\"in order\" is the same loop with \`overlap-groups=false\`."
echo
echo "| weight K x N | rows M | group (tile rows) | dense (s) | streamed (s) | streamed / dense time | dense peak (MB) | streamed peak (MB) | dense / streamed peak | in order (s) | streamed / in order time |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
while read -r k n m group; do
  name="$dir/bin/bench-matmul-${k}x${n}-$m"
  read -r dense_s dense_b <<< "$(run "$name-dense" | tail -n 2 | tr '\n' ' ')"
  read -r stream_s stream_b <<< "$(run "$name-streamed" | tail -n 2 | tr '\n' ' ')"
  in_order_s=$(run "$name-in-order" | tail -n 2 | head -n 1)
  awk -v k="$k" -v n="$n" -v m="$m" -v g="$group" -v ds="$dense_s" -v db="${dense_b:-0}" \
      -v ss="$stream_s" -v sb="${stream_b:-0}" -v o="$in_order_s" 'BEGIN {
    ok = ds + 0 > 0 && ss + 0 > 0 && db + 0 > 0 && sb + 0 > 0
    if (ok)
      printf "| %dx%d | %d | %s | %.4f | %.4f | %.2fx | %.1f | %.1f | %.1fx |",
        k, n, m, g, ds, ss, ss / ds, db / 1e6, sb / 1e6, db / sb
    else
      printf "| %dx%d | %d | %s | %s | %s | n/a | n/a | n/a | n/a |", k, n, m, g, ds, ss
    if (o + 0 > 0 && ss + 0 > 0) printf " %.4f | %.2fx |\n", o, ss / o
    else printf " %s | n/a |\n", o
  }'
done < "$dir/bench/matmul-groups.txt"
[ ! -s "$failed_list" ]
