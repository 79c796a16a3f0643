#!/usr/bin/env bash
# Tests, where there is no GPU, that the kit runs each GPU test as lit
# would: the kit's commands (collect_tests.py) for the same RUN lines,
# compiled for the CPU instead, must pass with the kit's check_numpy.py,
# filecheck.py and `not` against the CPU tests' references and lines.
#   bash scripts/gpu-kit/check-translation.sh WORK_DIR
#   SST_RUN  a command prefix for the programs (e.g. an LD_PRELOAD)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${SPECTRAL_BUILD_DIR:-$root/build}"
work="$1"
rm -rf "$work"
mkdir -p "$work/checks"
cp "$root/test/Integration/check_numpy.py" "$root/scripts/gpu-kit/filecheck.py" \
  "$root/scripts/gpu-kit/not" "$work/checks/"
/usr/bin/python3 "$root/scripts/gpu-kit/collect_tests.py" --cpu "$build/bin/sst-compile" "$work"
export KIT="$work" PYTHON=/usr/bin/python3 SST_RUN="${SST_RUN:-}"
failed=0
while IFS=$'\t' read -r name command; do
  if bash -o pipefail -c "$command" > "$work/$name.log" 2>&1; then
    echo "$name: passed"
  else
    echo "$name: FAILED"
    cat "$work/$name.log"
    failed=1
  fi
done < "$work/tests/manifest.tsv"
exit "$failed"
