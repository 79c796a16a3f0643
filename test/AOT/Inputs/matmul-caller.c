/* Calls matmul-shared-library.mlir's compressed_matmul through the header
 * sst-compile wrote and prints x, w and the product for check_numpy.py. */
#include "matmul.h"
#include "print-memref.h"

/* Buffers the program returns come from the runtime's allocator. */
void _mlir_memref_to_llvm_free(void *ptr);

enum { M = 5, K = 48, N = 20 };

int main(void) {
  static float x[M * K], w[K * N];
  for (int i = 0; i < M * K; ++i)
    x[i] = test_value(i, 6);
  /* A smooth weight plus noise: some bins dominate, as in real weights. */
  for (int r = 0; r < K; ++r)
    for (int c = 0; c < N; ++c)
      w[r * N + c] = (float)(r % 8) * 0.1f - (float)c * 0.02f +
                     0.1f * test_value(r * N + c, 7);
  sst_memref_2d_f32 xArg = {x, x, 0, {M, K}, {K, 1}};
  sst_memref_2d_f32 wArg = {w, w, 0, {K, N}, {N, 1}};
  sst_memref_2d_f32 y;
  _mlir_ciface_compressed_matmul(&y, &xArg, &wArg);
  int64_t xSizes[2] = {M, K}, wSizes[2] = {K, N};
  print_f32(x, 2, xSizes);
  print_f32(w, 2, wSizes);
  print_f32(y.aligned + y.offset, 2, y.sizes);
  _mlir_memref_to_llvm_free(y.allocated);
  return 0;
}
