#!/usr/bin/env bash
# Installs the build and test dependencies from Debian bookworm's packages.
# Idempotent: packages already installed are skipped, and apt is not touched
# at all when nothing is missing.
set -euo pipefail

packages=(
  cmake ninja-build g++ python3
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  libgtest-dev
  libfftw3-dev libopenblas-dev pkg-config python3-numpy python3-matplotlib
  # The OpenMP runtime that the runtime and lowered code share.
  libomp-22-dev
  # The references of the neural-operator tests and benchmarks (resampling,
  # autograd).
  python3-scipy python3-torch
  # The reference BLAS that the GPU kit ships in OpenBLAS's place.
  libblas3
)
# scripts/fuzz.sh: libFuzzer comes with clang's runtime libraries.
if [ "${SPECTRAL_FUZZ:-0}" = 1 ]; then
  packages+=(clang-22 libclang-rt-22-dev)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
