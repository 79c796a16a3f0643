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
