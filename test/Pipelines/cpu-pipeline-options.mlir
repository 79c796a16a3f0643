// Pass options reach the pipeline's passes in their own syntax; bad ones are
// errors, not silently ignored.
// RUN: sst-opt %s -spectral-cpu-pipeline="expand-storage={fast-conv-sizes=false}" -mlir-print-ir-after=spectral-expand-storage 2>&1 | FileCheck %s --check-prefix=EXACT
// RUN: sst-opt %s -spectral-cpu-pipeline -mlir-print-ir-after=spectral-expand-storage 2>&1 | FileCheck %s --check-prefix=FAST
// RUN: not sst-opt %s -spectral-cpu-pipeline="expand-storage={no-such-option=1}" 2>&1 | FileCheck %s --check-prefix=BAD-PASS
// RUN: not sst-opt %s -spectral-cpu-pipeline="no-such-pass={x=1}" 2>&1 | FileCheck %s --check-prefix=BAD-PIPELINE

// n + m - 1 = 104: exact length 104, fast length 105.
// EXACT: tensor<4x104xf32>
// FAST: tensor<4x105xf32>
// BAD-PASS: no-such-option
// BAD-PIPELINE: no-such-pass
func.func @conv(%x: tensor<4x100xf32>, %k: tensor<1x5xf32>) -> tensor<4x104xf32> {
  %y = spectral.conv %x, %k axes [1] : tensor<4x100xf32>, tensor<1x5xf32>
  return %y : tensor<4x104xf32>
}
