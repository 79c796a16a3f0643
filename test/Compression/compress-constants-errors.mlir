// Invalid options are reported before anything is rewritten.
// RUN: not sst-opt %s -spectral-compress-constants="error-budget=1.5" 2>&1 | FileCheck %s --check-prefix=BUDGET
// RUN: not sst-opt %s -spectral-compress-constants="error-budget=-0.1" 2>&1 | FileCheck %s --check-prefix=BUDGET-NEG
// RUN: not sst-opt %s -spectral-compress-constants="keep-fraction=0.25" 2>&1 | FileCheck %s --check-prefix=FRACTION
// RUN: not sst-opt %s -spectral-compress-constants="error-budget=0.1 keep-fraction=2" 2>&1 | FileCheck %s --check-prefix=FRACTION-RANGE
// RUN: not sst-opt %s -spectral-compress-constants="error-budget=0.1 min-ratio=0.5" 2>&1 | FileCheck %s --check-prefix=RATIO
// RUN: not sst-opt %s -spectral-compress-constants="error-budget=0.1 tile-rows=-4" 2>&1 | FileCheck %s --check-prefix=ROWS

// BUDGET: error: spectral-compress-constants: error-budget must be in [0, 1), got 1.5
// BUDGET-NEG: error: spectral-compress-constants: error-budget must be in [0, 1), got -0.1
// FRACTION: error: spectral-compress-constants: keep-fraction needs a positive error-budget: dense constants are never compressed without an error bound
// FRACTION-RANGE: error: spectral-compress-constants: keep-fraction must be in [0, 1], got 2
// RATIO: error: spectral-compress-constants: min-ratio must be at least 1, got 0.5
// ROWS: error: spectral-compress-constants: tile-rows and min-elements must not be negative

func.func @f() -> tensor<4xf32> {
  %w = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  return %w : tensor<4xf32>
}
