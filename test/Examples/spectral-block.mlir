// The README's example compiles and runs as scripts/run-example.sh runs it,
// with the weight compressed at compile time and streamed; the compressed
// block stays within 5% of the dense one (the time it prints is not
// checked: no timed tests).
// RUN: sst-opt --mlir-print-op-on-diagnostic=false \
// RUN:   --spectral-cpu-pipeline="group-tiles=4" \
// RUN:   %src_root/examples/spectral-block.mlir 2>%t.remarks | %{run} | FileCheck %s
// RUN: FileCheck %s --check-prefix=REMARK < %t.remarks

// CHECK: compression ratio of W (dense bytes / stored bytes): 10.6667
// CHECK: relative error of the block against dense W: 0.0{{[0-4][0-9]*}}{{$}}
// CHECK: time of the compressed block, seconds: {{[0-9.]+}}
// REMARK: remark: compressed constant at {{.*}}spectral-block.mlir:{{[0-9]+}}:{{[0-9]+}} at compile time: 65536 -> 6144 bytes
// REMARK: remark: streaming the weight in groups of 4 of 8 tile rows
