// DEFINE: %{expected} = %{check} \
// DEFINE:   irfft:axes=1:n=16 \
// DEFINE:   matmul:tile=4,6:axes=0,1:transform=rfft:keep=6 \
// DEFINE:   matmul:tile=4,6:axes=0,1:transform=rfft:keep=6 \
// DEFINE:   conv:axes=1:mode=same conv:axes=1:mode=full
// RUN: %{compile} | %{run} | %{expected}
// RUN: %if cuda-execution %{ %{compile-gpu} | %{run-gpu} | %{expected} %}
// Sizes that only the run time knows, and that an op's semantics constrain,
// are checked before the op reads its operands: each wrong size below stops
// the program with a message naming the op, the operand, the dimension, the
// size found and the size expected. The right sizes give numpy's results.
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%bins = arith.constant 9/%bins = arith.constant 8/' \
// RUN:   | sst-opt -spectral-cpu-pipeline | not --crash %{run} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BINS
// RUN: %if cuda-execution %{ cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%bins = arith.constant 9/%bins = arith.constant 8/' \
// RUN:   | %{gpu-pipeline} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BINS %}
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%inner = arith.constant 8/%inner = arith.constant 7/' \
// RUN:   | sst-opt -spectral-cpu-pipeline | not --crash %{run} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=INNER
// RUN: %if cuda-execution %{ cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%inner = arith.constant 8/%inner = arith.constant 7/' \
// RUN:   | %{gpu-pipeline} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=INNER %}
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%krows = arith.constant 3/%krows = arith.constant 2/' \
// RUN:   | sst-opt -spectral-cpu-pipeline | not --crash %{run} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=KROWS
// RUN: %if cuda-execution %{ cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%krows = arith.constant 3/%krows = arith.constant 2/' \
// RUN:   | %{gpu-pipeline} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=KROWS %}
// A dynamic kernel dimension that is 1 at run time is not broadcast (only a
// static 1 is): it must be the input's size.
// RUN: cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%krows = arith.constant 3/%krows = arith.constant 1/' \
// RUN:   | sst-opt -spectral-cpu-pipeline | not --crash %{run} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=KONE
// RUN: %if cuda-execution %{ cat %S/Inputs/data-helpers.mlir %s \
// RUN:   | sed -e 's/%krows = arith.constant 3/%krows = arith.constant 1/' \
// RUN:   | %{gpu-pipeline} | not --crash %{run-gpu} 2>&1 \
// RUN:   | FileCheck %s --check-prefix=KONE %}

// BINS: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_size: spectral.irfft: input dimension 1 has size 8 at run time; expected 9
// INNER: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_size: spectral.matmul: input dimension 1 has size 7 at run time; expected 8
// KROWS: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_size: spectral.conv: kernel dimension 0 has size 2 at run time; expected 3
// KONE: spectral {{(cuda )?}}runtime error: spectral_{{(cuda_)?}}check_size: spectral.conv: kernel dimension 0 has size 1 at run time; expected 3

!s8x6 = !spectral.sst<8x6xf32, keep = 6, tile = [4, 6]>

func.func @irfft16(%x: tensor<?x?xcomplex<f32>>) -> tensor<?x16xf32> {
  %y = spectral.irfft %x axes [1] n 16 : tensor<?x?xcomplex<f32>>
  return %y : tensor<?x16xf32>
}

func.func @matmul2(%x: tensor<?x?xf32>, %w: !s8x6) -> tensor<?x6xf32> {
  %y = spectral.matmul %x, %w : tensor<?x?xf32>, !s8x6
  return %y : tensor<?x6xf32>
}

func.func @matmul3(%x: tensor<?x3x?xf32>, %w: !s8x6) -> tensor<?x3x6xf32> {
  %y = spectral.matmul %x, %w : tensor<?x3x?xf32>, !s8x6
  return %y : tensor<?x3x6xf32>
}

func.func @conv_per_row(%x: tensor<?x23xf32>, %k: tensor<?x6xf32>) -> tensor<?x23xf32> {
  %y = spectral.conv %x, %k axes [1] mode same : tensor<?x23xf32>, tensor<?x6xf32>
  return %y : tensor<?x23xf32>
}

func.func @conv_broadcast(%x: tensor<?x23xf32>, %k: tensor<1x6xf32>) -> tensor<?x28xf32> {
  %y = spectral.conv %x, %k axes [1] mode full : tensor<?x23xf32>, tensor<1x6xf32>
  return %y : tensor<?x28xf32>
}

func.func @main() {
  %p = arith.constant 1.25 : f32
  %bins = arith.constant 9 : index
  %inner = arith.constant 8 : index
  %krows = arith.constant 3 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c6 = arith.constant 6 : index

  // irfft of 3 x bins spectra to n = 16 (bins must be 16 / 2 + 1 = 9).
  %nb = arith.muli %c3, %bins : index
  %ds = func.call @cplx(%nb, %p) : (index, f32) -> tensor<?xcomplex<f32>>
  %s = tensor.expand_shape %ds [[0, 1]] output_shape [3, %bins] : tensor<?xcomplex<f32>> into tensor<3x?xcomplex<f32>>
  %sd = tensor.cast %s : tensor<3x?xcomplex<f32>> to tensor<?x?xcomplex<f32>>
  %r = func.call @irfft16(%sd) : (tensor<?x?xcomplex<f32>>) -> tensor<?x16xf32>
  %su = tensor.cast %s : tensor<3x?xcomplex<f32>> to tensor<*xcomplex<f32>>
  %ru = tensor.cast %r : tensor<?x16xf32> to tensor<*xf32>
  func.call @showc(%su) : (tensor<*xcomplex<f32>>) -> ()
  func.call @show(%ru) : (tensor<*xf32>) -> ()

  // matmul of a 3 x inner input (inner must be the weight's 8 rows), and of
  // a 2 x 3 x inner one, by a compressed 8 x 6 weight.
  %c48 = arith.constant 48 : index
  %dw = func.call @real(%c48, %p) : (index, f32) -> tensor<?xf32>
  %fw = tensor.cast %dw : tensor<?xf32> to tensor<48xf32>
  %w = tensor.expand_shape %fw [[0, 1]] output_shape [8, 6] : tensor<48xf32> into tensor<8x6xf32>
  %sw = spectral.compress %w : tensor<8x6xf32> -> !s8x6
  %wu = tensor.cast %w : tensor<8x6xf32> to tensor<*xf32>
  %n2 = arith.muli %c3, %inner : index
  %dx2 = func.call @real(%n2, %p) : (index, f32) -> tensor<?xf32>
  %x2s = tensor.expand_shape %dx2 [[0, 1]] output_shape [3, %inner] : tensor<?xf32> into tensor<3x?xf32>
  %x2 = tensor.cast %x2s : tensor<3x?xf32> to tensor<?x?xf32>
  %y2 = func.call @matmul2(%x2, %sw) : (tensor<?x?xf32>, !s8x6) -> tensor<?x6xf32>
  %x2u = tensor.cast %x2 : tensor<?x?xf32> to tensor<*xf32>
  %y2u = tensor.cast %y2 : tensor<?x6xf32> to tensor<*xf32>
  func.call @show(%x2u) : (tensor<*xf32>) -> ()
  func.call @show(%wu) : (tensor<*xf32>) -> ()
  func.call @show(%y2u) : (tensor<*xf32>) -> ()
  %n3 = arith.muli %c2, %n2 : index
  %dx3 = func.call @real(%n3, %p) : (index, f32) -> tensor<?xf32>
  %x3s = tensor.expand_shape %dx3 [[0, 1, 2]] output_shape [2, 3, %inner] : tensor<?xf32> into tensor<2x3x?xf32>
  %x3 = tensor.cast %x3s : tensor<2x3x?xf32> to tensor<?x3x?xf32>
  %y3 = func.call @matmul3(%x3, %sw) : (tensor<?x3x?xf32>, !s8x6) -> tensor<?x3x6xf32>
  %x3u = tensor.cast %x3 : tensor<?x3x?xf32> to tensor<*xf32>
  %y3u = tensor.cast %y3 : tensor<?x3x6xf32> to tensor<*xf32>
  func.call @show(%x3u) : (tensor<*xf32>) -> ()
  func.call @show(%wu) : (tensor<*xf32>) -> ()
  func.call @show(%y3u) : (tensor<*xf32>) -> ()

  // conv of 3 rows of 23 with krows kernels of 6 (krows must be 3), and
  // with one static 1 x 6 kernel broadcast over the rows.
  %c69 = arith.constant 69 : index
  %dx = func.call @real(%c69, %p) : (index, f32) -> tensor<?xf32>
  %fx = tensor.cast %dx : tensor<?xf32> to tensor<69xf32>
  %x = tensor.expand_shape %fx [[0, 1]] output_shape [3, 23] : tensor<69xf32> into tensor<3x23xf32>
  %xd = tensor.cast %x : tensor<3x23xf32> to tensor<?x23xf32>
  %nk = arith.muli %krows, %c6 : index
  %dk = func.call @real(%nk, %p) : (index, f32) -> tensor<?xf32>
  %k = tensor.expand_shape %dk [[0, 1]] output_shape [%krows, 6] : tensor<?xf32> into tensor<?x6xf32>
  %yc = func.call @conv_per_row(%xd, %k) : (tensor<?x23xf32>, tensor<?x6xf32>) -> tensor<?x23xf32>
  %xu = tensor.cast %x : tensor<3x23xf32> to tensor<*xf32>
  %ku = tensor.cast %k : tensor<?x6xf32> to tensor<*xf32>
  %ycu = tensor.cast %yc : tensor<?x23xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%ku) : (tensor<*xf32>) -> ()
  func.call @show(%ycu) : (tensor<*xf32>) -> ()
  %d1 = func.call @real(%c6, %p) : (index, f32) -> tensor<?xf32>
  %f1 = tensor.cast %d1 : tensor<?xf32> to tensor<6xf32>
  %k1 = tensor.expand_shape %f1 [[0, 1]] output_shape [1, 6] : tensor<6xf32> into tensor<1x6xf32>
  %yb = func.call @conv_broadcast(%xd, %k1) : (tensor<?x23xf32>, tensor<1x6xf32>) -> tensor<?x28xf32>
  %k1u = tensor.cast %k1 : tensor<1x6xf32> to tensor<*xf32>
  %ybu = tensor.cast %yb : tensor<?x28xf32> to tensor<*xf32>
  func.call @show(%xu) : (tensor<*xf32>) -> ()
  func.call @show(%k1u) : (tensor<*xf32>) -> ()
  func.call @show(%ybu) : (tensor<*xf32>) -> ()
  return
}
