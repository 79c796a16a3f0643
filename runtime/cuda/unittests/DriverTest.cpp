//===- DriverTest.cpp - Loading without a driver, driver errors -----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Run everywhere. Without a usable driver (no libcuda.so.1, a stub, no
// device) the library must still load, and the first device call must say
// why it cannot run; with a device, the same calls must succeed.
//
//===----------------------------------------------------------------------===//

#include "CUDATestUtils.h"

#include <dlfcn.h>

#include <cstdlib>

using namespace spectral_cuda_test;

namespace {

bool hasDevice() { return spectral_cuda_device_count() > 0; }

/// The library under test: the build's, or $SPECTRAL_CUDA_RUNTIME_PATH when
/// the tests run from a copy elsewhere (the GPU kit, scripts/gpu-kit.sh).
const char *runtimePath() {
  const char *path = std::getenv("SPECTRAL_CUDA_RUNTIME_PATH");
  return path && *path ? path : SPECTRAL_CUDA_RUNTIME_PATH;
}

TEST(CUDARuntimeLoad, DlopenSucceedsWithoutDriver) {
  void *library = dlopen(runtimePath(), RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(library, nullptr) << dlerror();
  for (const char *name :
       {"mgpuModuleLoad", "mgpuLaunchKernel", "mgpuStreamCreate",
        "mgpuMemAlloc", "spectral_cuda_device_count",
        "spectral_cuda_runtime_set_error_handler"})
    EXPECT_NE(dlsym(library, name), nullptr) << name;
  // Asking for the device count never fails, driver or not.
  auto count =
      reinterpret_cast<int (*)()>(dlsym(library, "spectral_cuda_device_count"));
  ASSERT_NE(count, nullptr);
  EXPECT_GE(count(), 0);
  EXPECT_EQ(dlclose(library), 0);
}

TEST(CUDARuntimeLoad, DriverStatusMatchesDeviceCount) {
  std::string status = spectral_cuda_driver_status();
  if (hasDevice()) {
    EXPECT_EQ(status, "");
  } else {
    EXPECT_NE(status, "") << "no device, but no reason given";
  }
}

class CUDARuntimeNoDevice : public CUDARuntimeTest {
protected:
  void SetUp() override {
    CUDARuntimeTest::SetUp();
    if (hasDevice())
      GTEST_SKIP() << "a CUDA device is present";
    status = spectral_cuda_driver_status();
  }

  /// The error of a device call without a usable driver is the driver's
  /// problem, word for word.
  void expectDriverError(const char *function) {
    expectError(function, {status.c_str()});
    EXPECT_TRUE(status.rfind("no CUDA driver: ", 0) == 0 ||
                status.rfind("CUDA driver found but cuInit failed: ", 0) == 0 ||
                status.find("has no entry point") != std::string::npos)
        << status;
  }

  std::string status;
};

TEST_F(CUDARuntimeNoDevice, StreamCreateReportsMissingDriver) {
  EXPECT_EQ(mgpuStreamCreate(), nullptr);
  expectDriverError("mgpuStreamCreate");
  // No libcuda.so.1 at all here: the loader's reason is part of the message.
  if (status.rfind("no CUDA driver: ", 0) == 0) {
    EXPECT_NE(status.find("libcuda.so.1"), std::string::npos) << status;
  }
}

TEST_F(CUDARuntimeNoDevice, MemAllocReportsMissingDriverAndCountsNothing) {
  EXPECT_EQ(mgpuMemAlloc(4096, nullptr, false), nullptr);
  expectDriverError("mgpuMemAlloc");
  EXPECT_EQ(mgpuMemAlloc(4096, nullptr, true), nullptr);
  expectDriverError("mgpuMemAlloc");
  EXPECT_EQ(spectral_cuda_program_live_bytes(), 0);
  EXPECT_EQ(spectral_cuda_program_peak_bytes(), 0);
}

TEST_F(CUDARuntimeNoDevice, EveryDeviceCallReports) {
  mgpuStreamSynchronize(nullptr);
  expectDriverError("mgpuStreamSynchronize");
  EXPECT_EQ(mgpuEventCreate(), nullptr);
  expectDriverError("mgpuEventCreate");
  char image[16] = {};
  EXPECT_EQ(mgpuModuleLoad(image, sizeof(image)), nullptr);
  expectDriverError("mgpuModuleLoad");
  mgpuMemcpy(image, image + 8, 8, nullptr);
  expectDriverError("mgpuMemcpy");
  // Freeing null and selecting a device need no driver.
  mgpuMemFree(nullptr, nullptr);
  mgpuSetDefaultDevice(0);
  expectNoError();
}

TEST(CUDARuntimeDefaultHandler, PrintsPrefixAndAborts) {
  if (hasDevice())
    GTEST_SKIP() << "a CUDA device is present";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  spectral_cuda_runtime_set_error_handler(nullptr);
  EXPECT_DEATH(mgpuStreamCreate(),
               "spectral cuda runtime error: mgpuStreamCreate: ");
}

TEST(CUDARuntimeStubDriver, ReportsCuInitFailure) {
  // Registered with LD_LIBRARY_PATH pointing at the toolkit's stub driver.
  if (!std::getenv("SPECTRAL_CUDA_TEST_STUB_DRIVER"))
    GTEST_SKIP() << "run by CTest with the stub driver on LD_LIBRARY_PATH";
  EXPECT_EQ(spectral_cuda_device_count(), 0);
  std::string status = spectral_cuda_driver_status();
  EXPECT_EQ(status.rfind("CUDA driver found but cuInit failed: ", 0), 0u)
      << status;
  EXPECT_NE(status.find("CUDA_ERROR_STUB_LIBRARY"), std::string::npos)
      << status;
}

//===----------------------------------------------------------------------===//
// The two runtimes in one process
//===----------------------------------------------------------------------===//

CapturedErrors cpuErrors;
void captureCPUError(const char *function, const char *message) {
  ++cpuErrors.count;
  cpuErrors.function = function;
  cpuErrors.message = message;
}

TEST_F(CUDARuntimeTest, HandlersOfTheTwoRuntimesAreSeparate) {
  cpuErrors = CapturedErrors();
  spectral_runtime_set_error_handler(captureCPUError);
  spectral_check_tile_offset(1, 6, 4, 8);
  EXPECT_EQ(cpuErrors.count, 1);
  EXPECT_EQ(cudaErrors().count, 0);

  spectral_cuda_check_tile_offset(1, 6, 4, 8);
  EXPECT_EQ(cpuErrors.count, 1);
  expectError("spectral_cuda_check_tile_offset", {cpuErrors.message.c_str()});
  spectral_runtime_set_error_handler(nullptr);
  EXPECT_EQ(cudaErrors().message,
            "spectral.decompress_tiles offset 6 of dimension 1 is not a "
            "non-negative multiple of the tile size 4");
}

TEST_F(CUDARuntimeTest, CheckTileOffsetAcceptsValidOffsets) {
  spectral_cuda_check_tile_offset(0, 8, 4, 8);
  spectral_cuda_check_tile_offset(0, 0, 4, 0);
  expectNoError();
  spectral_cuda_check_tile_offset(0, 12, 4, 8);
  expectError("spectral_cuda_check_tile_offset",
              {"offset 12 of dimension 0 is out of bounds", "at most 8"});
  spectral_cuda_check_tile_offset(2, 0, 0, 8);
  expectError("spectral_cuda_check_tile_offset",
              {"tile size 0 of dimension 2 is not positive"});
}

//===----------------------------------------------------------------------===//
// With a device
//===----------------------------------------------------------------------===//

TEST_F(CUDADeviceTest, StreamsEventsAndMemory) {
  void *stream = mgpuStreamCreate();
  void *event = mgpuEventCreate();
  ASSERT_NE(stream, nullptr);
  ASSERT_NE(event, nullptr);
  int64_t liveBefore = spectral_cuda_program_live_bytes();
  spectral_cuda_program_reset_peak();
  void *a = mgpuMemAlloc(1000, stream, false);
  void *b = mgpuMemAlloc(24, stream, true);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(spectral_cuda_program_live_bytes(), liveBefore + 1024);
  mgpuMemset32(a, 0x01020304u, 250, stream);
  mgpuMemset16(b, 0xabcd, 12, stream);
  mgpuEventRecord(event, stream);
  mgpuStreamWaitEvent(nullptr, event);
  mgpuEventSynchronize(event);
  std::vector<uint32_t> words(250);
  mgpuMemcpy(words.data(), a, 1000, stream);
  mgpuStreamSynchronize(stream);
  for (uint32_t word : words)
    ASSERT_EQ(word, 0x01020304u);
  // Managed memory is readable from the host once the stream is done.
  EXPECT_EQ(static_cast<uint16_t *>(b)[11], 0xabcd);
  mgpuMemFree(a, stream);
  mgpuMemFree(b, stream);
  EXPECT_EQ(spectral_cuda_program_live_bytes(), liveBefore);
  EXPECT_EQ(spectral_cuda_program_peak_bytes(), liveBefore + 1024);
  spectral_cuda_program_reset_peak();
  EXPECT_EQ(spectral_cuda_program_peak_bytes(), liveBefore);
  mgpuEventDestroy(event);
  mgpuStreamDestroy(stream);
  EXPECT_EQ(mgpuMemAlloc(0, nullptr, false), nullptr);
  expectNoError();
}

TEST_F(CUDADeviceTest, HostRegisteredMemRef) {
  TestArray<float> host({16, 8});
  fillRandom(host);
  // ranked<2>() gives a descriptor that mgpuMemHostRegisterMemRef reads.
  auto *desc = reinterpret_cast<spectral_memref_any *>(host.ranked<2>());
  mgpuMemHostRegisterMemRef(2, desc, sizeof(float));
  mgpuMemHostUnregisterMemRef(2, desc, sizeof(float));
  expectNoError();
}

TEST_F(CUDADeviceTest, BadDefaultDeviceIsReported) {
  mgpuSetDefaultDevice(spectral_cuda_device_count());
  EXPECT_EQ(mgpuStreamCreate(), nullptr);
  expectError("mgpuStreamCreate", {"there are", "CUDA devices"});
  mgpuSetDefaultDevice(0);
}

} // namespace
