// The pipeline's typed options reach its passes; bad ones are errors, not
// silently ignored.
// RUN: sst-opt %s -spectral-cpu-pipeline="fast-conv-sizes=false" -mlir-print-ir-after=spectral-expand-storage 2>&1 | FileCheck %s --check-prefix=EXACT
// RUN: sst-opt %s -spectral-cpu-pipeline -mlir-print-ir-after=spectral-expand-storage 2>&1 | FileCheck %s --check-prefix=FAST
// RUN: not sst-opt %s -spectral-cpu-pipeline="no-such-option=1" 2>&1 | FileCheck %s --check-prefix=BAD-PASS
// RUN: not sst-opt %s -spectral-cpu-pipeline="expand-storage={fast-conv-sizes=false}" 2>&1 | FileCheck %s --check-prefix=OLD-SYNTAX
// RUN: not sst-opt %s -spectral-cpu-pipeline="conv-policy=sometimes" 2>&1 | FileCheck %s --check-prefix=POLICY
// RUN: sst-opt %s -spectral-cpu-pipeline="iterations-per-thread=1" -mlir-print-ir-after=spectral-parallel-loops 2>&1 >/dev/null | FileCheck %s --check-prefix=PARALLEL
// RUN: sst-opt %s -spectral-cpu-pipeline="fuse-filters=false blas-gemm=false group-tiles=1 error-budget=0.01" -dump-pass-pipeline 2>&1 >/dev/null | FileCheck %s --check-prefix=FORWARDED

// n + m - 1 = 104: exact length 104, fast length 105.
// EXACT: tensor<4x104xf32>
// FAST: tensor<4x105xf32>
// BAD-PASS: no-such-option
// OLD-SYNTAX: no such option expand-storage
// POLICY: for the --conv-policy option: Cannot find option named 'sometimes'!
// PARALLEL: omp.parallel
// FORWARDED-DAG: spectral-compress-constants{error-budget=1.000000e-02
// FORWARDED-DAG: spectral-stream{double-buffered=false group-tiles=1
// FORWARDED-DAG: convert-spectral-to-runtime{blas-gemm=false fuse-filters=false target=cpu}
func.func @conv(%x: tensor<4x100xf32>, %k: tensor<1x5xf32>) -> tensor<4x104xf32> {
  %y = spectral.conv %x, %k axes [1] : tensor<4x100xf32>, tensor<1x5xf32>
  return %y : tensor<4x104xf32>
}
