#!/usr/bin/env bash
# Compiles the GPU run of every executed test (test/Integration, the RUN
# lines under `%if cuda-execution`) into KIT/bin and writes the kit's
# manifest, KIT/tests/manifest.tsv: lit itself reads the tests, with the
# recording format of scripts/gpu-kit/record_programs.py.
#   bash scripts/gpu-kit/record-tests.sh KIT TARGET [sst-compile options...]
# TARGET is gpu for the kit, cpu for scripts/gpu-kit/check-translation.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build}"
kit="$1"
target="$2"
shift 2
mkdir -p "$kit/bin" "$kit/tests"
rm -f "$kit"/tests/*.manifest
if ! /usr/lib/llvm-22/bin/lit -q "$build/test/Integration" \
  --param gpu_kit="$kit" --param gpu_kit_target="$target" \
  --param gpu_kit_options="$*" > "$kit/record.log" 2>&1; then
  cat "$kit/record.log" >&2
  echo "record-tests.sh: recording the GPU programs failed" >&2
  exit 1
fi
cat "$kit"/tests/*.manifest > "$kit/tests/manifest.tsv"
rm -f "$kit"/tests/*.manifest "$kit/record.log"
echo "record-tests.sh: $(wc -l < "$kit/tests/manifest.tsv") test programs compiled"
