// Hand-written FFTW reference for spectral.mix: y = irfft(rfft(x, T) * f)
// on a B x T x D float tensor along T, with a per-channel filter f of shape
// (T/2+1) x D. Plans are made once and reused, as a careful C programmer
// would. Prints the mean seconds per mix over the timed iterations.
//
//   mix_fftw T ITERATIONS {estimate|measure}
#include "clock.h"

#include <fftw3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { B = 4, D = 256 };

int main(int argc, char **argv) {
  if (argc != 4 && argc != 5) {
    fprintf(stderr, "usage: %s T ITERATIONS {estimate|measure} [THREADS]\n",
            argv[0]);
    return 2;
  }
  int t = atoi(argv[1]), iterations = atoi(argv[2]);
  // FFTW's own threads (libfftw3f_threads) where asked for.
  int threads = argc == 5 ? atoi(argv[4]) : 1;
  if (threads > 1) {
    fftwf_init_threads();
    fftwf_plan_with_nthreads(threads);
  }
  unsigned flags = strcmp(argv[3], "measure") == 0 ? FFTW_MEASURE : FFTW_ESTIMATE;
  int bins = t / 2 + 1;
  float *x = fftwf_alloc_real((size_t)B * t * D);
  float *y = fftwf_alloc_real((size_t)B * t * D);
  fftwf_complex *spectrum = fftwf_alloc_complex((size_t)B * bins * D);
  fftwf_complex *filter = fftwf_alloc_complex((size_t)bins * D);

  // Transform along T (stride D); batch over B and D.
  fftwf_iodim along_in = {t, D, D}, along_out = {t, D, D};
  fftwf_iodim batch_r2c[2] = {{B, t * D, bins * D}, {D, 1, 1}};
  fftwf_iodim batch_c2r[2] = {{B, bins * D, t * D}, {D, 1, 1}};
  fftwf_plan forward = fftwf_plan_guru_dft_r2c(1, &along_in, 2, batch_r2c, x,
                                               spectrum, flags);
  fftwf_plan inverse = fftwf_plan_guru_dft_c2r(1, &along_out, 2, batch_c2r,
                                               spectrum, y, flags);
  if (!forward || !inverse) {
    fprintf(stderr, "FFTW could not plan\n");
    return 1;
  }
  // Planning with MEASURE overwrites the arrays: fill them afterwards.
  for (size_t i = 0; i < (size_t)B * t * D; ++i)
    x[i] = (float)sin(0.7 * i + 0.3);
  for (size_t i = 0; i < (size_t)bins * D; ++i) {
    filter[i][0] = (float)cos(0.3 * i);
    filter[i][1] = (float)sin(0.9 * i);
  }

  double total = 0;
  for (int it = -1; it < iterations; ++it) { // iteration -1 warms up
    double start = now();
    fftwf_execute(forward);
    for (int b = 0; b < B; ++b)
      for (int k = 0; k < bins; ++k)
        for (int d = 0; d < D; ++d) {
          fftwf_complex *s = &spectrum[((size_t)b * bins + k) * D + d];
          const fftwf_complex *f = &filter[(size_t)k * D + d];
          float re = (*s)[0] * (*f)[0] - (*s)[1] * (*f)[1];
          float im = (*s)[0] * (*f)[1] + (*s)[1] * (*f)[0];
          (*s)[0] = re;
          (*s)[1] = im;
        }
    fftwf_execute(inverse);
    for (size_t i = 0; i < (size_t)B * t * D; ++i)
      y[i] *= 1.0f / t;
    if (it >= 0)
      total += now() - start;
  }
  printf("%.6f\n", total / iterations);
  fftwf_destroy_plan(forward);
  fftwf_destroy_plan(inverse);
  fftwf_free(x);
  fftwf_free(y);
  fftwf_free(spectrum);
  fftwf_free(filter);
  return 0;
}
