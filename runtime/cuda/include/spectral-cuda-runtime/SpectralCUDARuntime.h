//===- SpectralCUDARuntime.h - C ABI of the CUDA runtime -----------*- C
//-*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Entry points of libspectral_cuda_runtime.so: the `mgpu*` functions that
// MLIR's `gpu-to-llvm` lowering (LLVM 22) calls, and device versions of the
// compute entry points of libspectral_runtime.so (SpectralRuntime.h).
//
// Driver. The library links no CUDA driver: libcuda.so.1 is opened with
// dlopen on the first call that needs a device, so the library loads on a
// machine without a driver or GPU, and that first call reports why it cannot
// run (no driver, a stub driver, no device, ...). Every call works in the
// primary context of the default device (mgpuSetDefaultDevice, per thread,
// device 0 unless set), made current on entry; cuFFT, cuBLAS and CUDA
// runtime kernels use that same context.
//
// Streams. mgpuStreamCreate creates *blocking* streams (CU_STREAM_DEFAULT),
// unlike upstream's wrappers: the spectral_cuda_* entry points enqueue their
// work on the legacy default stream (stream 0), which waits for all work
// previously enqueued on blocking streams and makes them wait for its own.
// So lowered code may call them between kernels on its own streams without
// events. Like the CPU runtime's, they return once their work has completed
// (they synchronise the legacy default stream before returning), so host
// code after a call may read its outputs, which spectral-gpu-pipeline's host
// code does on managed buffers.
//
// Memory. Data pointers in the memref descriptors of the compute entry
// points are device pointers (or managed memory); `tileSpectrumShape` of
// top-k, scatter and gather is a small *host* array. Every device byte handed
// out by mgpuMemAlloc is counted as program memory, and every device byte the
// runtime allocates for itself (cuFFT work areas, staging copies, sort
// buffers) as runtime memory.
//
// Errors. Arguments are validated exactly as by the CPU runtime, before any
// device work; a failing driver, cuFFT or cuBLAS call is reported too. By
// default an error prints
//   spectral cuda runtime error: <function>: <message>
// to stderr and aborts; spectral_cuda_runtime_set_error_handler installs a
// callback instead, and the entry point then returns (an `mgpu*` function
// that returns a handle returns null) without writing its outputs.
//
// The library exports no symbol of libspectral_runtime.so: both can be
// loaded into one process.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_CUDA_RUNTIME_SPECTRALCUDARUNTIME_H
#define SPECTRAL_CUDA_RUNTIME_SPECTRALCUDARUNTIME_H

#include "SpectralDialect/IR/RuntimeEnums.h"
#include "spectral-runtime/MemRefTypes.h"

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define SPECTRAL_CUDA_RUNTIME_EXPORT __declspec(dllexport)
#else
#define SPECTRAL_CUDA_RUNTIME_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#else
#include <stdbool.h>
#endif

/// Driver handles, as `void *` (CUmodule, CUfunction, CUstream, CUevent).
typedef void *spectral_cuda_module;
typedef void *spectral_cuda_function;
typedef void *spectral_cuda_stream;
typedef void *spectral_cuda_event;

//===----------------------------------------------------------------------===//
// GPU lowering ABI (gpu-to-llvm, LLVM 22)
//===----------------------------------------------------------------------===//
//
// Same names and signatures as MLIR's CudaRuntimeWrappers. Each reports a
// failing driver call through the error handler.

/// Loads a cubin or fatbin (`gpuBlobSize` bytes; the driver reads the size
/// from the image itself).
SPECTRAL_CUDA_RUNTIME_EXPORT spectral_cuda_module
mgpuModuleLoad(void *data, size_t gpuBlobSize);
/// JIT-compiles a PTX image (NUL-terminated) at optimisation level
/// `optLevel` (0 to 4); the JIT log is part of the error message.
SPECTRAL_CUDA_RUNTIME_EXPORT spectral_cuda_module
mgpuModuleLoadJIT(void *data, int optLevel);
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuModuleUnload(spectral_cuda_module module);
SPECTRAL_CUDA_RUNTIME_EXPORT spectral_cuda_function
mgpuModuleGetFunction(spectral_cuda_module module, const char *name);

/// Launches `function`; grid and block sizes are MLIR `index` values
/// (intptr_t) and must fit CUDA's unsigned int. `smem` bytes of dynamic
/// shared memory (above 48 KiB the function's limit is raised first).
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuLaunchKernel(spectral_cuda_function function, intptr_t gridX,
                 intptr_t gridY, intptr_t gridZ, intptr_t blockX,
                 intptr_t blockY, intptr_t blockZ, int32_t smem,
                 spectral_cuda_stream stream, void **params, void **extra,
                 size_t paramsCount);

/// Same, with a thread block cluster of clusterX x clusterY x clusterZ
/// blocks (cuLaunchKernelEx, sm_90 and later).
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuLaunchClusterKernel(spectral_cuda_function function, intptr_t clusterX,
                        intptr_t clusterY, intptr_t clusterZ, intptr_t gridX,
                        intptr_t gridY, intptr_t gridZ, intptr_t blockX,
                        intptr_t blockY, intptr_t blockZ, int32_t smem,
                        spectral_cuda_stream stream, void **params,
                        void **extra, size_t paramsCount);

/// Creates a blocking stream (CU_STREAM_DEFAULT; see Streams above).
SPECTRAL_CUDA_RUNTIME_EXPORT spectral_cuda_stream mgpuStreamCreate(void);
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuStreamDestroy(spectral_cuda_stream stream);
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuStreamSynchronize(spectral_cuda_stream stream);
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuStreamWaitEvent(spectral_cuda_stream stream, spectral_cuda_event event);
/// Creates an event without timing (CU_EVENT_DISABLE_TIMING).
SPECTRAL_CUDA_RUNTIME_EXPORT spectral_cuda_event mgpuEventCreate(void);
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuEventDestroy(spectral_cuda_event event);
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuEventSynchronize(spectral_cuda_event event);
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuEventRecord(spectral_cuda_event event,
                                                  spectral_cuda_stream stream);

/// Allocates `sizeBytes` of device memory, or of managed memory reachable
/// from the host too if `isHostShared` (cuMemAllocManaged, or a freed
/// managed block of exactly that size from the cache, see below). Returns
/// null for 0 bytes. Counted as program memory until mgpuMemFree. The
/// allocation is not stream-ordered: `stream` is not used.
SPECTRAL_CUDA_RUNTIME_EXPORT void *mgpuMemAlloc(uint64_t sizeBytes,
                                                spectral_cuda_stream stream,
                                                bool isHostShared);
/// Frees memory from mgpuMemAlloc (null is ignored; a pointer it did not
/// return is passed to cuMemFree and not counted). A managed block is kept
/// in a per-device cache instead, up to SPECTRAL_CUDA_MANAGED_CACHE_BYTES
/// (default 1 GiB, 0 for none) in all, and handed out again only once the
/// work enqueued on `stream` before the free has completed (the reuse is
/// ordered like cuMemFreeAsync's). Lowered code allocates its managed
/// buffers on every call: the cache saves cuMemAllocManaged, the page
/// faults of fresh pages, and cuMemFree's wait for the device.
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuMemFree(void *ptr,
                                              spectral_cuda_stream stream);
/// Copies `sizeBytes` in any direction (unified addressing), on `stream`.
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuMemcpy(void *dst, void *src, size_t sizeBytes, spectral_cuda_stream stream);
/// Fills `count` 32-bit / 16-bit words with `value`, on `stream`.
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuMemset32(void *dst, unsigned int value,
                                               size_t count,
                                               spectral_cuda_stream stream);
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuMemset16(void *dst, unsigned short value,
                                               size_t count,
                                               spectral_cuda_stream stream);

/// Page-locks host memory for the device (cuMemHostRegister), or a whole
/// memref: `descriptor` points to a ranked descriptor of rank `rank` with
/// row-major contiguous strides, `elementSizeBytes` per element.
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuMemHostRegister(void *ptr,
                                                      uint64_t sizeBytes);
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuMemHostRegisterMemRef(int64_t rank, spectral_memref_any *descriptor,
                          int64_t elementSizeBytes);
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuMemHostUnregister(void *ptr);
SPECTRAL_CUDA_RUNTIME_EXPORT void
mgpuMemHostUnregisterMemRef(int64_t rank, spectral_memref_any *descriptor,
                            int64_t elementSizeBytes);

/// Sets the device of the calling thread's later calls (default 0).
SPECTRAL_CUDA_RUNTIME_EXPORT void mgpuSetDefaultDevice(int32_t device);

//===----------------------------------------------------------------------===//
// Dense transforms (cuFFT)
//===----------------------------------------------------------------------===//
//
// Same arguments, checks and results as _mlir_ciface_spectral_fft_* of
// SpectralRuntime.h, on device memory. Any rank 1 to 8, axes and
// non-negative strides: layouts cuFFT's advanced data layout describes run
// in place, others through contiguous device copies; more than three
// transformed axes run as successive transforms. Plans are cached per
// problem, layout and device.

SPECTRAL_CUDA_RUNTIME_EXPORT void _mlir_ciface_spectral_cuda_fft_c2c(
    spectral_unranked_c32 *in, spectral_unranked_c32 *out,
    int64_t axesMask, int32_t inverse, int32_t norm);
SPECTRAL_CUDA_RUNTIME_EXPORT void _mlir_ciface_spectral_cuda_fft_r2c(
    spectral_unranked_f32 *in, spectral_unranked_c32 *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm);
/// `in` is not modified (cuFFT's c2r overwrites its input: a copy is
/// transformed).
SPECTRAL_CUDA_RUNTIME_EXPORT void _mlir_ciface_spectral_cuda_fft_c2r(
    spectral_unranked_c32 *in, spectral_unranked_f32 *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm);
/// May overwrite `in` instead of transforming a copy.
SPECTRAL_CUDA_RUNTIME_EXPORT void
_mlir_ciface_spectral_cuda_fft_c2r_overwrite_input(
    spectral_unranked_c32 *in, spectral_unranked_f32 *out,
    int64_t axesMask, int64_t halvedAxis, int32_t norm);

//===----------------------------------------------------------------------===//
// Sparse spectral storage
//===----------------------------------------------------------------------===//
//
// Same arguments, checks and results as spectral_topk / spectral_scatter /
// spectral_gather: the selection rule (energy, Hermitian candidates, ties to
// the lower position, ascending output) is bit-for-bit the CPU's.
// `tileSpectrumShape` is a host array, everything else device memory.

SPECTRAL_CUDA_RUNTIME_EXPORT void
_mlir_ciface_spectral_cuda_topk(spectral_memref_c32_2d *spectrum,
                                spectral_memref_i64_1d *tileSpectrumShape,
                                int64_t axesMask, int64_t halvedAxis,
                                int64_t halvedLength,
                                spectral_memref_c32_2d *coeffs,
                                spectral_memref_i64_2d *positions);

/// Copies `positions` to the host and checks them there (same messages as
/// the CPU runtime) before the spectrum is written: one of the two entry
/// points (with spectral_cuda_gather) that wait for the device mid-call.
SPECTRAL_CUDA_RUNTIME_EXPORT void _mlir_ciface_spectral_cuda_scatter(
    spectral_memref_c32_2d *coeffs, spectral_memref_i64_2d *positions,
    spectral_memref_i64_1d *tileSpectrumShape, int64_t axesMask,
    int64_t halvedAxis, int64_t halvedLength,
    spectral_memref_c32_2d *spectrum);

/// spectral_gather on the device (the adjoint of decompression): checks the
/// positions on the host as spectral_cuda_scatter does, then
/// coeffs[t, k] = spectrum[t, positions[t, k]].
SPECTRAL_CUDA_RUNTIME_EXPORT void _mlir_ciface_spectral_cuda_gather(
    spectral_memref_c32_2d *spectrum,
    spectral_memref_i64_2d *positions,
    spectral_memref_i64_1d *tileSpectrumShape, int64_t axesMask,
    int64_t halvedAxis, int64_t halvedLength,
    spectral_memref_c32_2d *coeffs);

//===----------------------------------------------------------------------===//
// Dense linear algebra (cuBLAS)
//===----------------------------------------------------------------------===//

/// C += A * B on device memory, as spectral_gemm_f32/_f64: any offsets and
/// non-negative strides; layouts cuBLAS cannot read in place go through
/// contiguous device copies. Full precision (no TF32).
SPECTRAL_CUDA_RUNTIME_EXPORT void
_mlir_ciface_spectral_cuda_gemm_f32(spectral_memref_f32_2d *a,
                                    spectral_memref_f32_2d *b,
                                    spectral_memref_f32_2d *c);
SPECTRAL_CUDA_RUNTIME_EXPORT void
_mlir_ciface_spectral_cuda_gemm_f64(spectral_memref_f64_2d *a,
                                    spectral_memref_f64_2d *b,
                                    spectral_memref_f64_2d *c);

//===----------------------------------------------------------------------===//
// Overlapped streaming (spectral-gpu-overlap-groups)
//===----------------------------------------------------------------------===//
//
// A streamed matmul whose group buffers have two copies (slots 0 and 1, the
// parity of the group) runs its GEMMs on a lane: a non-blocking stream with
// its own cuBLAS handle, so that the next group is decompressed on the
// legacy stream while the lane multiplies the previous one. The loop calls
//   lane = spectral_cuda_overlap_begin()            before the loop;
//   spectral_cuda_overlap_acquire(lane, slot)       first in each group;
//   spectral_cuda_gemm_*_overlapped(lane, slot, ..) for the group's GEMM;
//   spectral_cuda_overlap_end(lane)                 after the loop,
// and nothing but the overlapped GEMMs may touch C or the slot's buffers
// between acquire and the next acquire of that slot, or before end for C.
// A lane is used by one thread, on the default device it was begun on.

/// A lane of the default device (reused from earlier loops when one is
/// free); null after an error.
SPECTRAL_CUDA_RUNTIME_EXPORT void *spectral_cuda_overlap_begin(void);
/// Returns once the last GEMM of `slot` (0 or 1) has completed, so that
/// the group's buffers may be written again.
SPECTRAL_CUDA_RUNTIME_EXPORT void spectral_cuda_overlap_acquire(void *lane,
                                                                int64_t slot);
/// C += A * B as spectral_cuda_gemm_*, enqueued on the lane after all work
/// enqueued so far on the legacy stream; returns without waiting. Operands
/// cuBLAS cannot read in place, or a device without concurrent managed
/// access (where host code touching managed memory while the lane runs
/// would fault), make it wait for the lane and run as spectral_cuda_gemm_*
/// does.
SPECTRAL_CUDA_RUNTIME_EXPORT void
_mlir_ciface_spectral_cuda_gemm_f32_overlapped(void *lane, int64_t slot,
                                               spectral_memref_f32_2d *a,
                                               spectral_memref_f32_2d *b,
                                               spectral_memref_f32_2d *c);
SPECTRAL_CUDA_RUNTIME_EXPORT void
_mlir_ciface_spectral_cuda_gemm_f64_overlapped(void *lane, int64_t slot,
                                               spectral_memref_f64_2d *a,
                                               spectral_memref_f64_2d *b,
                                               spectral_memref_f64_2d *c);
/// Waits for the lane's GEMMs and ends it; `lane` is invalid afterwards.
SPECTRAL_CUDA_RUNTIME_EXPORT void spectral_cuda_overlap_end(void *lane);

/// Host-only check of a dynamic spectral.decompress_tiles offset, as
/// spectral_check_tile_offset.
SPECTRAL_CUDA_RUNTIME_EXPORT void
spectral_cuda_check_tile_offset(int64_t dim, int64_t offset, int64_t tile,
                                int64_t limit);

/// Host-only check of a dynamic size, as spectral_check_size.
SPECTRAL_CUDA_RUNTIME_EXPORT void
spectral_cuda_check_size(int32_t op, int32_t operand, int64_t dim,
                         int64_t found, int64_t expected);

//===----------------------------------------------------------------------===//
// Devices, memory accounting and errors
//===----------------------------------------------------------------------===//

/// Number of CUDA devices; 0 (and no error) if there is no usable driver.
SPECTRAL_CUDA_RUNTIME_EXPORT int spectral_cuda_device_count(void);

/// Why there is no usable driver ("" if there is one): the text of the
/// error the first device call reports.
SPECTRAL_CUDA_RUNTIME_EXPORT const char *spectral_cuda_driver_status(void);

/// Device bytes handed out by mgpuMemAlloc and not yet freed (exact
/// requested sizes), and their highest value since load or the last reset.
SPECTRAL_CUDA_RUNTIME_EXPORT int64_t spectral_cuda_program_live_bytes(void);
SPECTRAL_CUDA_RUNTIME_EXPORT int64_t spectral_cuda_program_peak_bytes(void);
SPECTRAL_CUDA_RUNTIME_EXPORT void spectral_cuda_program_reset_peak(void);

/// Device bytes the runtime allocated for itself (cuFFT work areas, staging
/// copies, sort buffers) and not yet freed, and their peak. A buffer counts
/// from its allocation until its stream-ordered free is enqueued. The
/// internal allocations of cuFFT plans and cuBLAS are not counted.
SPECTRAL_CUDA_RUNTIME_EXPORT int64_t spectral_cuda_runtime_live_bytes(void);
SPECTRAL_CUDA_RUNTIME_EXPORT int64_t spectral_cuda_runtime_peak_bytes(void);
SPECTRAL_CUDA_RUNTIME_EXPORT void spectral_cuda_runtime_reset_peak(void);

/// Bytes of freed managed blocks the cache holds (all devices), and frees
/// those of the default device (waiting for their frees' streams). A
/// failing cuMemAllocManaged trims the cache and tries again by itself.
SPECTRAL_CUDA_RUNTIME_EXPORT int64_t spectral_cuda_managed_cache_bytes(void);
SPECTRAL_CUDA_RUNTIME_EXPORT void spectral_cuda_managed_cache_trim(void);

/// Receives the entry point's name and the message; both strings live only
/// during the call.
typedef void (*spectral_cuda_runtime_error_handler)(const char *function,
                                                    const char *message);

/// Installs `handler` (NULL restores the default: print and abort). Only
/// this library's errors go to it; the CPU runtime has its own.
SPECTRAL_CUDA_RUNTIME_EXPORT void spectral_cuda_runtime_set_error_handler(
    spectral_cuda_runtime_error_handler handler);

#ifdef __cplusplus
} // extern "C"
#endif

#endif // SPECTRAL_CUDA_RUNTIME_SPECTRALCUDARUNTIME_H
