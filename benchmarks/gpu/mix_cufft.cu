// The transforms of spectral.mix with cuFFT alone, and the memory-bandwidth
// floor, for B x T x D = 4 x T x 256 f32 along T: the reference that
// run_gpu.sh compares the GPU pipeline against.
//
//   mix_cufft T ITERATIONS
//
// Prints two lines: mean seconds per r2c + c2r pair (plans made once,
// executed on device buffers, one batch of D columns per b as the runtime
// does), and mean seconds of a device-to-device copy of the input tensor
// (one read and one write of every element: the least time any
// implementation of mix needs, which also reads the spectrum twice).

#include <cuda_runtime.h>
#include <cufft.h>

#include <cstdio>
#include <cstdlib>

#define CHECK_CUDA(call)                                                       \
  do {                                                                         \
    cudaError_t status = (call);                                               \
    if (status != cudaSuccess) {                                               \
      std::fprintf(stderr, "mix_cufft: %s: %s\n", #call,                       \
                   cudaGetErrorString(status));                                \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)
#define CHECK_CUFFT(call)                                                      \
  do {                                                                         \
    cufftResult status = (call);                                               \
    if (status != CUFFT_SUCCESS) {                                             \
      std::fprintf(stderr, "mix_cufft: %s: cuFFT error %d\n", #call,           \
                   static_cast<int>(status));                                  \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: mix_cufft T ITERATIONS\n");
    return 2;
  }
  const int b = 4, d = 256, t = std::atoi(argv[1]);
  const int iterations = std::atoi(argv[2]);
  const int bins = t / 2 + 1;
  const size_t realCount = size_t(b) * t * d, binCount = size_t(b) * bins * d;

  float *x, *y;
  cufftComplex *spectrum;
  CHECK_CUDA(cudaMalloc(&x, realCount * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&y, realCount * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&spectrum, binCount * sizeof(cufftComplex)));
  CHECK_CUDA(cudaMemset(x, 0, realCount * sizeof(float)));

  // Along T (stride D), D transforms one element apart, per b.
  cufftHandle forward, inverse;
  int n[1] = {t}, realEmbed[1] = {t}, binEmbed[1] = {bins};
  CHECK_CUFFT(cufftPlanMany(&forward, 1, n, realEmbed, d, 1, binEmbed, d, 1,
                            CUFFT_R2C, d));
  CHECK_CUFFT(cufftPlanMany(&inverse, 1, n, binEmbed, d, 1, realEmbed, d, 1,
                            CUFFT_C2R, d));

  auto mix = [&] {
    for (int i = 0; i < b; ++i) {
      CHECK_CUFFT(cufftExecR2C(forward, x + size_t(i) * t * d,
                               spectrum + size_t(i) * bins * d));
      CHECK_CUFFT(cufftExecC2R(inverse, spectrum + size_t(i) * bins * d,
                               y + size_t(i) * t * d));
    }
  };
  auto copy = [&] {
    CHECK_CUDA(cudaMemcpyAsync(y, x, realCount * sizeof(float),
                               cudaMemcpyDeviceToDevice));
  };
  auto seconds = [&](auto &&work) {
    work(); // warm-up
    cudaEvent_t start, stop;
    CHECK_CUDA(cudaEventCreate(&start));
    CHECK_CUDA(cudaEventCreate(&stop));
    CHECK_CUDA(cudaEventRecord(start));
    for (int i = 0; i < iterations; ++i)
      work();
    CHECK_CUDA(cudaEventRecord(stop));
    CHECK_CUDA(cudaEventSynchronize(stop));
    float ms = 0;
    CHECK_CUDA(cudaEventElapsedTime(&ms, start, stop));
    CHECK_CUDA(cudaEventDestroy(start));
    CHECK_CUDA(cudaEventDestroy(stop));
    return ms / 1e3 / iterations;
  };
  std::printf("%.6e\n", seconds(mix));
  std::printf("%.6e\n", seconds(copy));

  cufftDestroy(forward);
  cufftDestroy(inverse);
  cudaFree(x);
  cudaFree(y);
  cudaFree(spectrum);
  return 0;
}
