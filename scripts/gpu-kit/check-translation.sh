#!/usr/bin/env bash
# Tests, where there is no GPU, that the kit runs each GPU test as lit
# would: the kit's commands (record-tests.sh) for the GPU RUN lines of the
# executed tests, compiled for the CPU instead, must pass with the kit's
# check_numpy.py, filecheck.py and `not` against the tests' references and
# check lines.
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
bash "$root/scripts/gpu-kit/record-tests.sh" "$work" cpu
python="$(sed -n 's/^config.python_executable = "\(.*\)"$/\1/p' "$build/test/lit.site.cfg.py")"
export KIT="$work" PYTHON="${python:-python3}" SST_RUN="${SST_RUN:-}"
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
