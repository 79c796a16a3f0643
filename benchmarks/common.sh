# Sourced by the benchmark scripts: the paths they share, a scratch
# directory removed on exit, the libraries mlir-runner loads, and the line
# naming the machine that every table starts with.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build}"
llvm=/usr/lib/llvm-22
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
libs="$llvm/lib/libmlir_runner_utils.so,$llvm/lib/libmlir_c_runner_utils.so,$build/lib/libspectral_runtime.so"

machine_line() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
}

# The mix benchmark program for T = $1 with $2 timed iterations, on stdout.
mix_source() {
  sed -e "s/@T@/$1/g" -e "s/@BINS@/$(($1 / 2 + 1))/g" -e "s/@ITERATIONS@/$2/g" \
    "$root/benchmarks/mix_pipeline.mlir.in"
}

# The matmul benchmark program for a K x N = $1 x $2 weight in 64-row tiles
# keeping 1/8 of each tile's bins, M = $3 rows and $4 timed iterations, on
# stdout. With $5 = cuda, it reads the CUDA runtime's accounting.
matmul_source() {
  local keep=$((64 * ($2 / 2 + 1) / 8)) accounting=()
  if [ "${5:-cpu}" = cuda ]; then
    accounting=(-e "s/spectral_runtime_program_/spectral_cuda_program_/g"
      -e "s/spectral_runtime_\(live_bytes\|peak_bytes\|reset_peak\)/spectral_cuda_runtime_\1/g")
  fi
  sed -e "s/@K@/$1/g" -e "s/@N@/$2/g" -e "s/@M@/$3/g" -e "s/@KEEP@/$keep/g" \
    -e "s/@ITERATIONS@/$4/g" "${accounting[@]}" \
    "$root/benchmarks/matmul_pipeline.mlir.in"
}

# The tile group spectral-stream chose ("G of T"), read from its remarks on
# stdin.
stream_group() {
  sed -n 's/.*groups of \([0-9]*\) of \([0-9]*\) tile rows.*/\1 of \2/p'
}

# Compiles the matmul program $1 dense (unlimited streaming budget) to $2
# and streamed within budget $3 to $4 with pipeline $5; prints the group
# spectral-stream chose ("G of T").
compile_dense_and_streamed() {
  "$build/bin/sst-opt" "$1" -o "$2" \
    --"$5"="memory-budget=1099511627776" 2>/dev/null
  "$build/bin/sst-opt" "$1" -o "$4" --"$5"="memory-budget=$3" 2>&1 |
    stream_group
}

# One Markdown row of the streamed/dense table from the shape, the group,
# and the seconds and peak bytes of each program.
matmul_row() { # k n m group dense_s dense_bytes streamed_s streamed_bytes
  awk -v k="$1" -v n="$2" -v m="$3" -v g="$4" -v ds="$5" -v db="$6" \
      -v ss="$7" -v sb="$8" 'BEGIN {
    printf "| %dx%d | %d | %s | %.4f | %.4f | %.2fx | %.1f | %.1f | %.1fx |\n",
      k, n, m, g, ds, ss, ss / ds, db / 1e6, sb / 1e6, db / sb
  }'
}

# The causal depthwise convolution program for L = $1, K = $2, C = $3 with
# $4 warm-up calls and $5 timed ones, on stdout.
conv_source() {
  sed -e "s/@L@/$1/g" -e "s/@K@/$2/g" -e "s/@C@/$3/g" -e "s/@KM1@/$(($2 - 1))/g" \
    -e "s/@PADDED@/$(($1 + $2 - 1))/g" -e "s/@WARMUP@/$4/g" \
    -e "s/@ITERATIONS@/$5/g" "$root/benchmarks/conv_pipeline.mlir.in"
}

# The TOSA FFT program for N = $1 with $2 warm-up calls and $3 timed ones,
# on stdout.
tosa_fft_source() {
  sed -e "s/@N@/$1/g" -e "s/@BINS@/$(($1 / 2 + 1))/g" -e "s/@WARMUP@/$2/g" \
    -e "s/@ITERATIONS@/$3/g" "$root/benchmarks/tosa_fft_pipeline.mlir.in"
}
