#!/usr/bin/env bash
# Measures bytes per element against relative error for every !spectral.sst
# storage choice (complex<f32|f16|bf16> coefficients; i16 or i32 positions in
# 64 x 256 tiles, i32 for the whole 256 x 256 tensor as one tile) over a sweep
# of K, on Gaussian noise and on a smooth synthetic field, next to int8/int4
# quantization. The spectral errors are the compiler's own:
# spectral-compress-constants evaluates each spectral.compress of a constant
# at compile time and reports its storage bytes and measured error.
# Prints Markdown tables and writes the plot (docs/storage-error.png, or $1).
#
#   bash benchmarks/run_storage.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
png="${1:-$root/docs/storage-error.png}"

machine_line
echo
/usr/bin/python3 "$root/benchmarks/storage_error.py" emit "$work"
for data in gaussian smooth; do
  # Every spectral.compress of a constant, evaluated at compile time.
  "$build/bin/sst-opt" "$work/$data.mlir" -spectral-compress-constants \
    -o /dev/null 2> "$work/$data.remarks" || { cat "$work/$data.remarks" >&2; exit 1; }
  # The pass's own choice for the constant of @auto_$data under a 2% budget.
  "$build/bin/sst-opt" "$work/$data.mlir" -spectral-compress-constants=error-budget=0.02 \
    -o /dev/null 2> "$work/$data.auto.remarks" || { cat "$work/$data.auto.remarks" >&2; exit 1; }
done
/usr/bin/python3 "$root/benchmarks/storage_error.py" report "$work" "$png"
