// The README's example compiled ahead of time by sst-compile into an
// executable, with the options scripts/run-example.sh gives the pipeline;
// it prints what the mlir-runner run prints (checked by the same lines).
// RUN: sst-compile --mlir-print-op-on-diagnostic=false \
// RUN:   --pipeline-options="group-tiles=4" \
// RUN:   %src_root/examples/spectral-block.mlir -o %t.exe 2>%t.remarks
// RUN: %{exec} %t.exe | FileCheck %S/spectral-block.mlir
// RUN: FileCheck %S/spectral-block.mlir --check-prefix=REMARK < %t.remarks
