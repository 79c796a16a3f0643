#!/usr/bin/env bash
# Builds the GPU kit into DIR: everything the executed GPU tests, the CUDA
# runtime's device tests and the GPU benchmarks need, compiled here (no GPU
# needed), for a GPU machine that has the CUDA driver and libraries, Python
# and numpy, but no LLVM, MLIR, Debian packages or network. Then, there:
#   bash DIR/run.sh OUTDIR [--sanitize]
# See docs/gpu.md ("Running on a GPU machine: the kit") and DIR/README.md.
#
#   bash scripts/gpu-kit.sh DIR        (after scripts/build.sh)
#   SPECTRAL_BUILD_DIR  the build to take programs and libraries from
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build}"
max_bytes=$((48 * 1024 * 1024))
if [ $# -ne 1 ]; then
  echo "usage: scripts/gpu-kit.sh DIR" >&2
  exit 2
fi
kit="$1"
for needed in "$build/bin/sst-compile" "$build/lib/libspectral_cuda_runtime.so" \
  "$build/runtime/cuda/unittests/SpectralCUDARuntimeTests"; do
  if [ ! -e "$needed" ]; then
    echo "gpu-kit.sh: $needed is missing: build with the CUDA toolkit installed (scripts/build.sh)" >&2
    exit 1
  fi
done

rm -rf "$kit"
mkdir -p "$kit/bin" "$kit/lib/fallback" "$kit/checks" "$kit/tests" "$kit/bench"
kit="$(cd "$kit" && pwd)"

# Programs: x86-64-v3 host code (AVX2, which every GPU server has) rather
# than this machine's CPU, kernels for A100 and H100/H200, and libraries
# looked up beside the program.
compile_options=(--gpu-chips=sm_80,sm_90 --mcpu=x86-64-v3 '--rpath=$ORIGIN/../lib')
bash "$root/scripts/gpu-kit/record-tests.sh" "$kit" gpu "${compile_options[@]}"
bash "$root/benchmarks/gpu/build.sh" "$kit" "${compile_options[@]}"
strip --strip-debug -o "$kit/bin/SpectralCUDARuntimeTests" \
  "$build/runtime/cuda/unittests/SpectralCUDARuntimeTests"

# Checks and the runner.
cp "$root/test/Integration/check_numpy.py" "$root/scripts/gpu-kit/filecheck.py" \
  "$root/scripts/gpu-kit/not" "$kit/checks/"
cp "$root/scripts/gpu-kit/run.sh" "$root/scripts/gpu-kit/README.md" "$kit/"

# Libraries: the project's runtimes and every library they or the programs
# load that a GPU machine lacks. Not the CUDA libraries (the machine has
# them; run.sh finds them) nor glibc's. libstdc++ and libgcc_s go to
# lib/fallback, used only where the machine's are older than ours.
strip --strip-debug -o "$kit/lib/libspectral_cuda_runtime.so" "$build/lib/libspectral_cuda_runtime.so"
strip --strip-debug -o "$kit/lib/libspectral_runtime.so" "$build/lib/libspectral_runtime.so"
# The CPU runtime is in the kit only as the device tests' reference: its
# CBLAS comes from the reference BLAS (libblas3, 0.4 MB, no dependencies)
# under the name it was linked against, instead of OpenBLAS (36 MB). Put
# first, so that the dependencies below are those of the kit's libraries.
cp -L /usr/lib/x86_64-linux-gnu/blas/libblas.so.3 "$kit/lib/libopenblas.so.0"
: > "$kit/lib/cuda-libraries.txt"
for elf in "$kit"/bin/* "$kit"/lib/*.so; do
  LD_LIBRARY_PATH="$kit/lib" ldd "$elf" | awk '$2 == "=>" { print $1, $3 }'
done | sort -u | while read -r soname path; do
  case "$soname" in
    libc.so.* | libm.so.* | libdl.so.* | libpthread.so.* | librt.so.* | ld-linux* | libutil.so.*) ;;
    libcu* | libnv*) grep -qx "$soname" "$kit/lib/cuda-libraries.txt" || echo "$soname" >> "$kit/lib/cuda-libraries.txt" ;;
    libstdc++.so.* | libgcc_s.so.*) cp -L "$path" "$kit/lib/fallback/$soname" ;;
    libspectral_* | libopenblas.so.0) ;;
    *) strip --strip-debug -o "$kit/lib/$soname" "$(readlink -f "$path")" ;;
  esac
done
# The newest libstdc++ symbol version anything in the kit needs.
for elf in "$kit"/bin/* "$kit"/lib/*.so*; do
  objdump -T "$elf" 2>/dev/null | grep -o 'GLIBCXX_3\.4\.[0-9]*' || true
done | sort -t. -k3,3n -u | tail -n 1 > "$kit/lib/fallback/glibcxx-version.txt"

# Where and from what the kit was built.
{
  echo "commit: $(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "built: $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -m), $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "sst-compile options: ${compile_options[*]}"
} > "$kit/VERSION"

bytes=$(du -sb "$kit" | cut -f1)
echo "gpu-kit.sh: $kit: $(wc -l < "$kit/tests/manifest.tsv") test programs, $(ls "$kit"/bin/bench-* | wc -l) benchmark programs, $((bytes / 1024 / 1024)) MiB"
if [ "$bytes" -gt "$max_bytes" ]; then
  echo "gpu-kit.sh: the kit is $bytes bytes, over the limit of $max_bytes" >&2
  exit 1
fi
