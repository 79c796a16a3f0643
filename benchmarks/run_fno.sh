#!/usr/bin/env bash
# Benchmarks a 2-D FNO layer (spectral.mode_mix and its VJP) against
# PyTorch's FNO SpectralConv2d in one run: batch 8, 32 channels, 128 x 128,
# 16 x 16 modes (of each sign on the first axis), one thread each. Extra
# arguments go to benchmarks/fno_layer.py (e.g. --threads 2).
#
#   bash benchmarks/run_fno.sh           # about a minute
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
machine_line
# The compiled code's copies of its arguments count; the ctypes calls
# themselves take microseconds.
/usr/bin/python3 "$root/benchmarks/fno_layer.py" "$work" "$build/bin/sst-compile" "$@"
