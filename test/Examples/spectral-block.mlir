// The README's example must keep parsing, verifying and canonicalizing.
// RUN: sst-opt --canonicalize %src_root/examples/spectral-block.mlir | FileCheck %s

// CHECK-LABEL: func.func @spectral_block
// CHECK: spectral.mix %{{.*}}, %{{.*}} axis 1
// CHECK: spectral.matmul
// CHECK: spectral.energy
