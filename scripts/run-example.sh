#!/usr/bin/env bash
# The main job: installs what is missing, builds sst-opt, then parses,
# verifies and canonicalizes examples/spectral-block.mlir and prints it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build}"

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
"$build/bin/sst-opt" --canonicalize "$root/examples/spectral-block.mlir"
