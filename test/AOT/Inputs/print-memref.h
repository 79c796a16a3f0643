/* Prints dense row-major arrays as MLIR's printMemref* functions do, so
 * that test/Integration/check_numpy.py reads what a C caller passed to and
 * got back from a compiled spectral program. */
#ifndef SST_TEST_PRINT_MEMREF_H
#define SST_TEST_PRINT_MEMREF_H

#include <stdint.h>
#include <stdio.h>

static inline void print_header(const void *base, int rank, const int64_t *sizes) {
  printf("Unranked Memref base@ = %p rank = %d offset = 0 sizes = [", base,
         rank);
  for (int i = 0; i < rank; ++i)
    printf("%s%lld", i ? ", " : "", (long long)sizes[i]);
  printf("] strides = [");
  int64_t stride = 1;
  int64_t strides[8];
  for (int i = rank - 1; i >= 0; --i) {
    strides[i] = stride;
    stride *= sizes[i];
  }
  for (int i = 0; i < rank; ++i)
    printf("%s%lld", i ? ", " : "", (long long)strides[i]);
  printf("] data = \n");
}

static inline int64_t element_count(int rank, const int64_t *sizes) {
  int64_t count = 1;
  for (int i = 0; i < rank; ++i)
    count *= sizes[i];
  return count;
}

/* Real values with 9 significant digits: the reference must see exactly
 * the floats the program read. */
static inline void print_f32(const float *data, int rank, const int64_t *sizes) {
  print_header(data, rank, sizes);
  int64_t count = element_count(rank, sizes);
  printf("[");
  for (int64_t i = 0; i < count; ++i)
    printf("%s%.9g", i ? ", " : "", data[i]);
  printf("]\n");
}

/* Interleaved (re, im) pairs. */
static inline void print_c32(const float *data, int rank, const int64_t *sizes) {
  print_header(data, rank, sizes);
  int64_t count = element_count(rank, sizes);
  printf("[");
  for (int64_t i = 0; i < count; ++i)
    printf("%s(%.9g,%.9g)", i ? ", " : "", data[2 * i], data[2 * i + 1]);
  printf("]\n");
}

/* Deterministic values in [-0.5, 0.5). */
static inline float test_value(int64_t i, unsigned seed) {
  uint32_t x = (uint32_t)(i * 2654435761u) ^ (seed * 40503u + 0x9e3779b9u);
  x ^= x >> 15;
  x *= 0x2c1b3c6du;
  x ^= x >> 12;
  return (float)(x % 100000u) / 100000.0f - 0.5f;
}

#endif
