#!/usr/bin/env bash
# GPU benchmarks, each comparison made in one run on the machine's first
# CUDA device, written as Markdown to docs/benchmarks-gpu.md (or to the file
# given as $1):
#  1. spectral.mix (B = 4, D = 256, T = 512, 2048, 8192) compiled by
#     spectral-gpu-pipeline against its cuFFT transforms alone
#     (gpu/mix_cufft.cu: the same r2c and c2r plans, nothing else), the same
#     mix in torch.fft (where PyTorch is installed) and the memory-bandwidth
#     floor (a device-to-device copy of the input);
#  2. x . W for a compressed weight, streamed through tile groups against
#     dense (the whole weight decompressed, one GEMM), both through
#     spectral-gpu-pipeline and cuBLAS: time, and the peak device bytes the
#     products allocate (the CUDA runtime's exact accounting of lowered
#     code's and its own device memory); overlapped against in-order.
# The programs are compiled ahead of time (build.sh, with sst-compile) and
# run by report.sh, as in the GPU kit (scripts/gpu-kit.sh), which is how
# they run on GPU machines without LLVM. Needs a CUDA device, the CUDA
# toolkit, and a build with libspectral_cuda_runtime.so.
#
#   bash benchmarks/gpu/run_gpu.sh [output.md]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
out="${1:-$root/docs/benchmarks-gpu.md}"
if [ ! -f "$build/lib/libspectral_cuda_runtime.so" ]; then
  echo "run_gpu.sh: $build/lib/libspectral_cuda_runtime.so is missing: build with the CUDA toolkit installed" >&2
  exit 1
fi
bash "$root/benchmarks/gpu/build.sh" "$work/programs"
bash "$work/programs/bench/report.sh" "$work/programs" | tee "$out"
