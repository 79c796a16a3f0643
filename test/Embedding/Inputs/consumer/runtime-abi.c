/* A C program on the installed CPU runtime: its header (with the shared
 * memref types and the contract enums it includes) compiles as C, and the
 * library links and answers. */
#include "spectral-runtime/SpectralRuntime.h"

#include <stdio.h>

int main(void) {
  spectral_memref_c32_2d *none = NULL;
  (void)none;
  printf("norm ortho %d, no halved axis %d, live bytes %lld\n",
         (int)SPECTRAL_FFT_NORM_ORTHO, (int)SPECTRAL_NO_HALVED_AXIS,
         (long long)spectral_runtime_live_bytes());
  return 0;
}
