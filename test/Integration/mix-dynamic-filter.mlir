// RUN: %{compile} | %{run} | %{check} mix:axis=1 mix:axis=1
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} \
// RUN:   | %{check} mix:axis=1 mix:axis=1 %}
// spectral.mix with a dynamic filter: its sizes are checked at run time, so
// a filter that does not fit stops the program with a message instead of
// leaving bins unfiltered (shorter), writing past the spectrum (longer), or
// filtering only the first row (a dynamic 1 x bins filter: only a static 1
// broadcasts).
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%bins = arith.constant 9/%bins = arith.constant 7/' \
// RUN:   | sst-opt -spectral-cpu-pipeline | not --crash %{run} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHORT
// RUN: %if cuda-execution %{ cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%bins = arith.constant 9/%bins = arith.constant 7/' \
// RUN:   | %{gpu-pipeline} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SHORT %}
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%bins = arith.constant 9/%bins = arith.constant 11/' \
// RUN:   | sst-opt -spectral-cpu-pipeline | not --crash %{run} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LONG
// RUN: %if cuda-execution %{ cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%bins = arith.constant 9/%bins = arith.constant 11/' \
// RUN:   | %{gpu-pipeline} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LONG %}
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%rows = arith.constant 3/%rows = arith.constant 1/' \
// RUN:   | sst-opt -spectral-cpu-pipeline | not --crash %{run} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ROWS
// RUN: %if cuda-execution %{ cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%rows = arith.constant 3/%rows = arith.constant 1/' \
// RUN:   | %{gpu-pipeline} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ROWS %}

// SHORT: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_size: spectral.mix: filter dimension 0 has size 7 at run time; expected 9
// LONG: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_size: spectral.mix: filter dimension 0 has size 11 at run time; expected 9
// ROWS: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_size: spectral.mix: filter dimension 0 has size 1 at run time; expected 3

func.func @mix_shared(%x: tensor<?x?xf32>, %f: tensor<?xcomplex<f32>>) -> tensor<?x?xf32> {
  %y = spectral.mix %x, %f axis 1 : tensor<?x?xf32>, tensor<?xcomplex<f32>>
  return %y : tensor<?x?xf32>
}

func.func @mix_per_row(%x: tensor<?x?xf32>, %f: tensor<?x?xcomplex<f32>>) -> tensor<?x?xf32> {
  %y = spectral.mix %x, %f axis 1 : tensor<?x?xf32>, tensor<?x?xcomplex<f32>>
  return %y : tensor<?x?xf32>
}

func.func @main() {
  %p = arith.constant 0.75 : f32
  %bins = arith.constant 9 : index
  %rows = arith.constant 3 : index

  // 3 x 16 signals: 16 / 2 + 1 = 9 bins.
  %c48 = arith.constant 48 : index
  %dx = func.call @real(%c48, %p) : (index, f32) -> tensor<?xf32>
  %fx = tensor.cast %dx : tensor<?xf32> to tensor<48xf32>
  %x = tensor.expand_shape %fx [[0, 1]] output_shape [3, 16] : tensor<48xf32> into tensor<3x16xf32>
  %xd = tensor.cast %x : tensor<3x16xf32> to tensor<?x?xf32>
  %xu = tensor.cast %x : tensor<3x16xf32> to tensor<*xf32>

  // One filter for every row.
  %f1 = func.call @cplx(%bins, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %y1 = func.call @mix_shared(%xd, %f1) : (tensor<?x?xf32>, tensor<?xcomplex<f32>>) -> tensor<?x?xf32>
  %f1u = tensor.cast %f1 : tensor<?xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y1u = tensor.cast %y1 : tensor<?x?xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @showc(%f1u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y1u) : (tensor<*xf32>) -> ()

  // One filter per row: rows x 9.
  %c9 = arith.constant 9 : index
  %n2 = arith.muli %rows, %c9 : index
  %df2 = func.call @cplx(%n2, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %f2 = tensor.expand_shape %df2 [[0, 1]] output_shape [%rows, 9] : tensor<?xcomplex<f32>> into tensor<?x9xcomplex<f32>>
  %f2d = tensor.cast %f2 : tensor<?x9xcomplex<f32>> to tensor<?x?xcomplex<f32>>
  %y2 = func.call @mix_per_row(%xd, %f2d) : (tensor<?x?xf32>, tensor<?x?xcomplex<f32>>) -> tensor<?x?xf32>
  %f2u = tensor.cast %f2 : tensor<?x9xcomplex<f32>> to tensor<*xcomplex<f32>>
  %y2u = tensor.cast %y2 : tensor<?x?xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @showc(%f2u) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%y2u) : (tensor<*xf32>) -> ()
  return
}
