// The clock of the hand-written C benchmarks: seconds on a monotonic clock.
#ifndef SPECTRAL_BENCHMARKS_CLOCK_H
#define SPECTRAL_BENCHMARKS_CLOCK_H

#include <time.h>

static inline double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

#endif // SPECTRAL_BENCHMARKS_CLOCK_H
