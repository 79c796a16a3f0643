#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the lit suite
# (FileCheck and -verify-diagnostics tests), the GoogleTest unit tests and
# the check that docs/generated matches ODS. All of them run through CTest.
#   SPECTRAL_BUILD_DIR, SPECTRAL_SANITIZE: see scripts/build.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build}"

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
ctest --test-dir "$build" --output-on-failure
