// A shared library whose exported function compresses the weight it is
// given and multiplies by it, streaming the compressed weight through
// groups of tile rows; a C caller checks x . decompress(compress(w))
// against numpy's own selection of the kept bins.
// RUN: rm -rf %t && mkdir -p %t
// RUN: sst-compile %s -o %t/libmatmul.so --header=%t/matmul.h \
// RUN:   --pipeline-options='group-tiles=2' 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %cc -std=c11 -Wall -Wextra -Werror -I%t -I%S/Inputs %S/Inputs/matmul-caller.c \
// RUN:   -L%t -lmatmul -L%spectral_lib_dir -lspectral_runtime -Wl,-rpath,%t,-rpath,%spectral_lib_dir -o %t/caller
// RUN: %{exec} %t/caller | %{check} matmul:tile=8,20:axes=0,1:transform=rfft:keep=25

// REMARK: remark: streaming the weight in groups of 2 of 6 tile rows

!w = !spectral.sst<48x20xf32, keep = 25, tile = [8, 20]>

func.func @compressed_matmul(%x: tensor<5x48xf32>, %w: tensor<48x20xf32>)
    -> tensor<5x20xf32> attributes {llvm.emit_c_interface} {
  %s = spectral.compress %w : tensor<48x20xf32> -> !w
  %y = spectral.matmul %x, %s : tensor<5x48xf32>, !w
  return %y : tensor<5x20xf32>
}
