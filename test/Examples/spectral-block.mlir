// The README's example compiles and runs; the compressed block stays within
// 1% of the dense one (the time it prints is not checked: no timed tests).
// RUN: sst-opt --spectral-cpu-pipeline %src_root/examples/spectral-block.mlir \
// RUN:   | %{run} | FileCheck %s

// CHECK: compression ratio of W (dense bytes / stored bytes): 10.6667
// CHECK: relative error of the block against dense W: 0.00{{[0-9]+}}
// CHECK: time of the compressed block, seconds: {{[0-9.]+}}
