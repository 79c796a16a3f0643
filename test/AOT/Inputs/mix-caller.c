/* Calls the functions of mix-shared-library.mlir through the header that
 * sst-compile wrote, and prints operands and results for check_numpy.py. */
#include "mix.h"
#include "print-memref.h"

#include <stdlib.h>

/* Buffers the program returns come from the runtime's allocator. */
void _mlir_memref_to_llvm_free(void *ptr);

enum { B = 3, T = 20, D = 5, BINS = T / 2 + 1 };

static void call_spectrum(int64_t rows, int64_t cols, unsigned seed,
                          int withRows) {
  float *x = malloc(sizeof(float) * rows * cols);
  for (int64_t i = 0; i < rows * cols; ++i)
    x[i] = test_value(i, seed);
  sst_memref_2d_f32 arg = {x, x, 0, {rows, cols}, {cols, 1}};
  sst_memref_2d_c32 result;
  if (withRows) {
    spectrum_and_rows_results both;
    _mlir_ciface_spectrum_and_rows(&both, &arg);
    if (both.result1 != rows) {
      printf("spectrum_and_rows returned %lld rows, not %lld\n",
             (long long)both.result1, (long long)rows);
      exit(1);
    }
    result = both.result0;
  } else {
    _mlir_ciface_spectrum(&result, &arg);
  }
  int64_t sizes[2] = {rows, cols};
  print_f32(x, 2, sizes);
  if (result.sizes[0] != rows || result.sizes[1] != cols / 2 + 1 ||
      result.strides[1] != 1) {
    printf("unexpected result shape %lld x %lld\n",
           (long long)result.sizes[0], (long long)result.sizes[1]);
    exit(1);
  }
  /* Copied to a dense array: the result's strides are its own. */
  float *spectrum = malloc(sizeof(float) * 2 * rows * result.sizes[1]);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < result.sizes[1]; ++c) {
      sst_complex_f32 v =
          result.aligned[result.offset + r * result.strides[0] + c];
      spectrum[2 * (r * result.sizes[1] + c)] = v.re;
      spectrum[2 * (r * result.sizes[1] + c) + 1] = v.im;
    }
  print_c32(spectrum, 2, result.sizes);
  _mlir_memref_to_llvm_free(result.allocated);
  free(spectrum);
  free(x);
}

int main(void) {
  static float x[B * T * D];
  static sst_complex_f32 filter[BINS * D];
  for (int i = 0; i < B * T * D; ++i)
    x[i] = test_value(i, 1);
  for (int i = 0; i < BINS * D; ++i) {
    filter[i].re = test_value(i, 2);
    filter[i].im = test_value(i, 3);
  }
  sst_memref_3d_f32 xArg = {x, x, 0, {B, T, D}, {T * D, D, 1}};
  sst_memref_3d_c32 fArg = {filter, filter, 0, {1, BINS, D}, {BINS * D, D, 1}};
  sst_memref_3d_f32 y;
  _mlir_ciface_mix(&y, &xArg, &fArg);

  int64_t xSizes[3] = {B, T, D}, fSizes[3] = {1, BINS, D};
  print_f32(x, 3, xSizes);
  print_c32(&filter[0].re, 3, fSizes);
  print_f32(y.aligned + y.offset, 3, y.sizes);
  _mlir_memref_to_llvm_free(y.allocated);

  /* Dynamic shapes: an even and an odd transform length. */
  call_spectrum(4, 30, 4, 0);
  call_spectrum(7, 13, 5, 0);
  call_spectrum(6, 9, 8, 1);
  return 0;
}
