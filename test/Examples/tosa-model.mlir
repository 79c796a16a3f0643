// The TOSA example compiles through spectral-cpu-pipeline with its default
// options; the rfft2d is raised, the long depthwise convolution converted by
// the cost model (not forced), and both results match numpy.
// RUN: sst-opt --mlir-print-op-on-diagnostic=false --spectral-cpu-pipeline \
// RUN:   %src_root/examples/tosa-model.mlir 2>%t.remarks | %{run} \
// RUN:   | %python %src_root/test/Integration/check_numpy.py \
// RUN:     tosa_rfft2d tosa_depthwise:pad=0,0,127,127
// RUN: FileCheck %s < %t.remarks

// CHECK-DAG: remark: raised to spectral.rfft over axes [1, 2]
// CHECK-DAG: remark: converted to an FFT convolution: predicted {{.*}} by FFT of lengths [1280]
