// A module that does not parse is reported at its location.
// RUN: not sst-compile %s -o %t 2>&1 | FileCheck %s
// CHECK: parse-error.mlir:[[@LINE+2]]:{{[0-9]+}}: error:
func.func @broken(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %y : tensor<4xf32>
}
