// sst-compile builds a shared library with C entry points and a header
// declaring them; a C program calls them on its own data, and numpy checks
// the results: spectral.mix on static shapes (a result returned through a
// descriptor the caller frees), rfft on dynamic ones (sizes read from the
// argument's descriptor at run time), and a function of two results.
// RUN: rm -rf %t && mkdir -p %t
// RUN: sst-compile %s -o %t/libmix.so --header=%t/mix.h --export=spectrum,spectrum_and_rows
// RUN: FileCheck %s --check-prefix=HEADER < %t/mix.h
// RUN: %cc -std=c11 -Wall -Wextra -Werror -I%t -I%S/Inputs %S/Inputs/mix-caller.c \
// RUN:   -L%t -lmix -L%spectral_lib_dir -lspectral_runtime -Wl,-rpath,%t,-rpath,%spectral_lib_dir -o %t/caller
// RUN: %{exec} %t/caller | %{check} mix:axis=1 rfft:axes=1 rfft:axes=1 rfft:axes=1

// HEADER: #ifndef SST_MIX_H
// HEADER: #include <stdint.h>
// HEADER: typedef struct {
// HEADER-NEXT:   float *allocated;
// HEADER-NEXT:   float *aligned;
// HEADER-NEXT:   int64_t offset;
// HEADER-NEXT:   int64_t sizes[3];
// HEADER-NEXT:   int64_t strides[3];
// HEADER-NEXT: } sst_memref_3d_f32;
// HEADER: typedef struct {
// HEADER-NEXT:   float re;
// HEADER-NEXT:   float im;
// HEADER-NEXT: } sst_complex_f32;
// HEADER: } sst_memref_3d_c32;
// HEADER-DAG: } sst_memref_2d_f32;
// HEADER-DAG: } sst_memref_2d_c32;
// HEADER: typedef struct {
// HEADER-NEXT:   sst_memref_2d_c32 result0;
// HEADER-NEXT:   int64_t result1;
// HEADER-NEXT: } spectrum_and_rows_results;
// HEADER: /* @mix : (memref<3x20x5xf32>, memref<1x11x5xcomplex<f32>>) -> memref<3x20x5xf32> */
// HEADER-NEXT: void _mlir_ciface_mix(sst_memref_3d_f32 *result, sst_memref_3d_f32 *arg0, sst_memref_3d_c32 *arg1);
// HEADER: /* @spectrum : (memref<?x?xf32>) -> memref<?x?xcomplex<f32>> */
// HEADER-NEXT: void _mlir_ciface_spectrum(sst_memref_2d_c32 *result, sst_memref_2d_f32 *arg0);
// HEADER: void _mlir_ciface_spectrum_and_rows(spectrum_and_rows_results *result, sst_memref_2d_f32 *arg0);
// HEADER-NOT: _mlir_ciface_helper
// HEADER: #endif /* SST_MIX_H */

func.func @mix(%x: tensor<3x20x5xf32>, %f: tensor<1x11x5xcomplex<f32>>)
    -> tensor<3x20x5xf32> attributes {llvm.emit_c_interface} {
  %y = spectral.mix %x, %f axis 1 : tensor<3x20x5xf32>, tensor<1x11x5xcomplex<f32>>
  return %y : tensor<3x20x5xf32>
}

// Exported by --export, not by its attributes.
func.func @spectrum(%x: tensor<?x?xf32>) -> tensor<?x?xcomplex<f32>> {
  %s = func.call @helper(%x) : (tensor<?x?xf32>) -> tensor<?x?xcomplex<f32>>
  return %s : tensor<?x?xcomplex<f32>>
}

// Several results come back in one struct.
func.func @spectrum_and_rows(%x: tensor<?x?xf32>) -> (tensor<?x?xcomplex<f32>>, index) {
  %s = func.call @helper(%x) : (tensor<?x?xf32>) -> tensor<?x?xcomplex<f32>>
  %c0 = arith.constant 0 : index
  %rows = tensor.dim %x, %c0 : tensor<?x?xf32>
  return %s, %rows : tensor<?x?xcomplex<f32>>, index
}

// Not exported: no C entry point, not in the header.
func.func @helper(%x: tensor<?x?xf32>) -> tensor<?x?xcomplex<f32>> {
  %s = spectral.rfft %x axes [1] : tensor<?x?xf32>
  return %s : tensor<?x?xcomplex<f32>>
}
