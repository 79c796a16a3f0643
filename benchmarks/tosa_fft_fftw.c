// Hand-written FFTW reference for TOSA's FFT ops on a 1 x N x N tensor, with
// TOSA's interface: separate real and imaginary arrays. rfft2d: one r2c
// plan, then the half spectrum split into real and imaginary parts. fft2d:
// the two inputs interleaved, one c2c plan, the result split. Plans are made
// once and reused; buffers are allocated once. Prints the mean seconds per
// rfft2d, then per fft2d. THREADS (default 1) runs FFTW's own threads
// (libfftw3f_threads).
//
//   tosa_fft_fftw N ITERATIONS {estimate|measure} [THREADS]
#include "clock.h"

#include <fftw3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 4 && argc != 5) {
    fprintf(stderr, "usage: %s N ITERATIONS {estimate|measure} [THREADS]\n",
            argv[0]);
    return 2;
  }
  int n = atoi(argv[1]), iterations = atoi(argv[2]);
  int threads = argc == 5 ? atoi(argv[4]) : 1;
  if (threads > 1) {
    fftwf_init_threads();
    fftwf_plan_with_nthreads(threads);
  }
  unsigned flags =
      strcmp(argv[3], "measure") == 0 ? FFTW_MEASURE : FFTW_ESTIMATE;
  size_t points = (size_t)n * n, bins = (size_t)n * (n / 2 + 1);
  float *x = fftwf_alloc_real(points);
  float *re = fftwf_alloc_real(points), *im = fftwf_alloc_real(points);
  float *out_re = fftwf_alloc_real(points), *out_im = fftwf_alloc_real(points);
  fftwf_complex *z = fftwf_alloc_complex(points);
  fftwf_complex *spectrum = fftwf_alloc_complex(points);
  fftwf_plan r2c = fftwf_plan_dft_r2c_2d(n, n, x, spectrum, flags);
  fftwf_plan c2c =
      fftwf_plan_dft_2d(n, n, z, spectrum, FFTW_FORWARD, flags);
  if (!r2c || !c2c) {
    fprintf(stderr, "FFTW could not plan\n");
    return 1;
  }
  for (size_t i = 0; i < points; ++i) {
    x[i] = re[i] = (float)sin(0.7 * i + 0.3);
    im[i] = (float)cos(0.3 * i);
  }

  double rfft_total = 0, fft_total = 0;
  for (int it = -1; it < iterations; ++it) { // iteration -1 warms up
    double start = now();
    fftwf_execute(r2c);
    for (size_t i = 0; i < bins; ++i) {
      out_re[i] = spectrum[i][0];
      out_im[i] = spectrum[i][1];
    }
    double middle = now();
    for (size_t i = 0; i < points; ++i) {
      z[i][0] = re[i];
      z[i][1] = im[i];
    }
    fftwf_execute(c2c);
    for (size_t i = 0; i < points; ++i) {
      out_re[i] = spectrum[i][0];
      out_im[i] = spectrum[i][1];
    }
    double end = now();
    if (it >= 0) {
      rfft_total += middle - start;
      fft_total += end - middle;
    }
  }
  // Keep the results observable.
  volatile float sink = out_re[points / 2] + out_im[1];
  (void)sink;
  printf("%.9f\n%.9f\n", rfft_total / iterations, fft_total / iterations);
  fftwf_destroy_plan(r2c);
  fftwf_destroy_plan(c2c);
  return 0;
}
