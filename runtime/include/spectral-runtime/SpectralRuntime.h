//===- SpectralRuntime.h - C ABI of the spectral runtime ----------*- C -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Entry points of libspectral_runtime.so, called by the code that
// `convert-spectral-to-runtime` emits. The `_mlir_ciface_*` functions follow
// MLIR's `llvm.emit_c_interface` convention: every memref argument is passed
// as a pointer to its descriptor (StridedMemRefType for ranked memrefs,
// UnrankedMemRefType for unranked ones). `complex32` is `complex<f32>`, laid
// out as std::complex<float>.
//
// Strides and offsets are in elements and may describe any non-overlapping
// view (slices, strided views, transposed layouts); negative strides are
// rejected. Every entry point validates its arguments; on bad input it calls
// the installed error handler and returns without writing its outputs, or,
// with no handler installed, prints
//   spectral runtime error: <function>: <message>
// to stderr and aborts.
//
// From C++ the memref parameters are typed with the descriptor templates of
// mlir/ExecutionEngine/CRunnerUtils.h; from C they are `void *` pointers to
// descriptors with the same layout.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_SPECTRALRUNTIME_H
#define SPECTRAL_RUNTIME_SPECTRALRUNTIME_H

#include "SpectralDialect/IR/RuntimeEnums.h"
#include "spectral-runtime/MemRefTypes.h"

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define SPECTRAL_RUNTIME_EXPORT __declspec(dllexport)
#else
#define SPECTRAL_RUNTIME_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

//===----------------------------------------------------------------------===//
// Dense transforms
//===----------------------------------------------------------------------===//
//
// `in` and `out` are unranked memrefs of the same rank (1 to 8). Bit d of
// `axesMask` set means dimension d is transformed; the other dimensions are
// batch dimensions. `norm` is a spectral_fft_norm value, with n the product
// of the transformed (real-side) lengths. `in` and `out` must not overlap.

/// Complex-to-complex DFT over the axes in `axesMask`: forward (exponent
/// sign -1) if `inverse` is 0, inverse (sign +1) if it is 1. `out` has the
/// shape of `in`.
SPECTRAL_RUNTIME_EXPORT void
_mlir_ciface_spectral_fft_c2c(spectral_unranked_c32 *in,
                              spectral_unranked_c32 *out, int64_t axesMask,
                              int32_t inverse, int32_t norm);

/// Real-to-complex forward DFT over the axes in `axesMask`, keeping the
/// non-redundant half along `halvedAxis` (which must be in the mask): `in`
/// has length n there and `out` has n/2+1; every other dimension is equal.
SPECTRAL_RUNTIME_EXPORT void
_mlir_ciface_spectral_fft_r2c(spectral_unranked_f32 *in,
                              spectral_unranked_c32 *out, int64_t axesMask,
                              int64_t halvedAxis, int32_t norm);

/// Complex-to-real inverse DFT, the inverse of spectral_fft_r2c: `in` has
/// n/2+1 bins along `halvedAxis` and `out` has length n. The imaginary parts
/// that a Hermitian spectrum cannot have are ignored. `in` is not modified.
SPECTRAL_RUNTIME_EXPORT void
_mlir_ciface_spectral_fft_c2r(spectral_unranked_c32 *in,
                              spectral_unranked_f32 *out, int64_t axesMask,
                              int64_t halvedAxis, int32_t norm);

/// Same as spectral_fft_c2r, but may overwrite `in` (FFTW's c2r destroys its
/// input) instead of transforming a copy: for a temporary spectrum the
/// caller no longer needs. `in` must not overlap itself.
SPECTRAL_RUNTIME_EXPORT void _mlir_ciface_spectral_fft_c2r_overwrite_input(
    spectral_unranked_c32 *in, spectral_unranked_f32 *out, int64_t axesMask,
    int64_t halvedAxis, int32_t norm);

/// The same four transforms in double precision (complex<double> and
/// double memrefs), with the same arguments and checks.
SPECTRAL_RUNTIME_EXPORT void
_mlir_ciface_spectral_fft_c2c_f64(spectral_unranked_c64 *in,
                                  spectral_unranked_c64 *out, int64_t axesMask,
                                  int32_t inverse, int32_t norm);
SPECTRAL_RUNTIME_EXPORT void
_mlir_ciface_spectral_fft_r2c_f64(spectral_unranked_f64 *in,
                                  spectral_unranked_c64 *out, int64_t axesMask,
                                  int64_t halvedAxis, int32_t norm);
SPECTRAL_RUNTIME_EXPORT void
_mlir_ciface_spectral_fft_c2r_f64(spectral_unranked_c64 *in,
                                  spectral_unranked_f64 *out, int64_t axesMask,
                                  int64_t halvedAxis, int32_t norm);
SPECTRAL_RUNTIME_EXPORT void _mlir_ciface_spectral_fft_c2r_overwrite_input_f64(
    spectral_unranked_c64 *in, spectral_unranked_f64 *out, int64_t axesMask,
    int64_t halvedAxis, int32_t norm);

/// The filtered round trip out = c2r(r2c(in) * filter), what spectral
/// mixing and FFT convolution compute: r2c with `forwardNorm`, the product
/// with `filter` (complex; the half spectrum's shape, n/2+1 along
/// `halvedAxis`, where any dimension may be 1 to broadcast), c2r with
/// `inverseNorm`. `out` has the shape of `in`; neither `in` nor `filter` is
/// modified, and `out` overlaps neither. Along a non-innermost axis the
/// product is applied to cache-sized chunks between their two transforms,
/// so the half spectrum is never stored whole.
SPECTRAL_RUNTIME_EXPORT void _mlir_ciface_spectral_fft_filter(
    spectral_unranked_f32 *in, spectral_unranked_c32 *filter,
    spectral_unranked_f32 *out, int64_t axesMask, int64_t halvedAxis,
    int32_t forwardNorm, int32_t inverseNorm);
SPECTRAL_RUNTIME_EXPORT void _mlir_ciface_spectral_fft_filter_f64(
    spectral_unranked_f64 *in, spectral_unranked_c64 *filter,
    spectral_unranked_f64 *out, int64_t axesMask, int64_t halvedAxis,
    int32_t forwardNorm, int32_t inverseNorm);

//===----------------------------------------------------------------------===//
// Sparse spectral storage
//===----------------------------------------------------------------------===//
//
// A tile spectrum has the R dimensions given by `tileSpectrumShape` (a rank-1
// memref, R = 1 to 8) and S = their product bins; a position is a row-major
// linear index into it. `axesMask` has one bit per transformed dimension of
// the tile. `halvedAxis` is SPECTRAL_NO_HALVED_AXIS (-1) for the `fft`
// layout; otherwise it is the halved axis of an `rfft` layout whose tile has
// length `halvedLength` (n) there, so that the spectrum has n/2+1 bins along
// it, and the Hermitian rule of docs/dialect.md section 3 applies.

/// Per tile (row) of `spectrum` (T x S), selects the K bins of highest
/// energy (weight * |X|^2; ties go to the lower position) among the
/// candidates of the layout and writes them to row t of `coeffs` (T x K) and
/// `positions` (T x K), ordered by ascending position. K must be at least 1
/// and at most the number of candidates of a tile.
SPECTRAL_RUNTIME_EXPORT void _mlir_ciface_spectral_topk(
    spectral_memref_c32_2d *spectrum, spectral_memref_i64_1d *tileSpectrumShape,
    int64_t axesMask, int64_t halvedAxis, int64_t halvedLength,
    spectral_memref_c32_2d *coeffs, spectral_memref_i64_2d *positions);

/// The inverse of spectral_topk: zeroes `spectrum` (T x S) and writes
/// coefficient [t, k] of `coeffs` at position [t, k] of `positions`. With an
/// `rfft` layout, a coefficient on the k = 0 or k = n/2 plane also writes its
/// conjugate at its partner position, and a self-conjugate bin keeps only its
/// real part, so that the planes are exactly Hermitian. Positions must be in
/// [0, S) and no two slots of a tile may name the same bin or the two members
/// of one conjugate pair.
SPECTRAL_RUNTIME_EXPORT void _mlir_ciface_spectral_scatter(
    spectral_memref_c32_2d *coeffs, spectral_memref_i64_2d *positions,
    spectral_memref_i64_1d *tileSpectrumShape, int64_t axesMask,
    int64_t halvedAxis, int64_t halvedLength, spectral_memref_c32_2d *spectrum);

/// The read of spectral_scatter's layout, which the adjoint of decompression
/// calls: coeffs[t, k] = spectrum[t, positions[t, k]] for `spectrum` (T x S)
/// and `positions` and `coeffs` (T x K). A plain copy: nothing is conjugated
/// or weighed. The arguments are checked as spectral_scatter's, with
/// `coeffs` the output, and the positions must be valid for it (in [0, S),
/// no two slots of a tile naming the same bin or the two members of one
/// conjugate pair). With T = 0 or K = 0 nothing is read or written.
SPECTRAL_RUNTIME_EXPORT void _mlir_ciface_spectral_gather(
    spectral_memref_c32_2d *spectrum, spectral_memref_i64_2d *positions,
    spectral_memref_i64_1d *tileSpectrumShape, int64_t axesMask,
    int64_t halvedAxis, int64_t halvedLength, spectral_memref_c32_2d *coeffs);

//===----------------------------------------------------------------------===//
// Dense linear algebra
//===----------------------------------------------------------------------===//
//
// What linalg.matmul on memrefs is lowered to. The products run in the CBLAS
// the library is linked with (OpenBLAS), whose threads are configured as
// that library documents (OPENBLAS_NUM_THREADS), not by the runtime.

/// C += A * B for row-major-indexed 2-D memrefs A (M x K), B (K x N), C (M x
/// N): exactly linalg.matmul on memrefs. C is accumulated into; with M, N or
/// K = 0 nothing is written. Any offsets and non-negative strides are
/// accepted: an operand whose rows or columns are contiguous is handed to
/// BLAS in place (a column-major one as a transposed matrix), any other
/// layout goes through a runtime-owned contiguous copy. C must not overlap
/// itself, A or B. M, N and K are at most 2^31 - 1 (BLAS's int).
SPECTRAL_RUNTIME_EXPORT void
_mlir_ciface_spectral_gemm_f32(spectral_memref_f32_2d *a,
                               spectral_memref_f32_2d *b,
                               spectral_memref_f32_2d *c);
SPECTRAL_RUNTIME_EXPORT void
_mlir_ciface_spectral_gemm_f64(spectral_memref_f64_2d *a,
                               spectral_memref_f64_2d *b,
                               spectral_memref_f64_2d *c);

//===----------------------------------------------------------------------===//
// Memory accounting
//===----------------------------------------------------------------------===//
//
// Every buffer the runtime allocates for itself (c2r input copies, top-k,
// scatter and gather work arrays, FFTW_MEASURE planning arrays, GEMM operand
// copies) is counted. The internal allocations of FFTW (plans, twiddle tables)
// and of OpenBLAS are not.

/// Allocation functions of lowered code: spectral-cpu-pipeline lowers
/// memref.alloc/dealloc to these (MLIR's `use-generic-functions`). Freed
/// blocks of at least 1 MiB are kept (up to 1 GiB in all) and reused for a
/// request of the same size and alignment, so code that allocates large
/// temporaries on every call does not fault fresh pages in every time. These
/// buffers belong to the generated code: they are not part of the runtime's
/// live/peak accounting but of the program accounting below. A pointer these
/// functions did not return is passed on to free() and not counted.
SPECTRAL_RUNTIME_EXPORT void *_mlir_memref_to_llvm_alloc(size_t bytes);
SPECTRAL_RUNTIME_EXPORT void *
_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t bytes);
SPECTRAL_RUNTIME_EXPORT void _mlir_memref_to_llvm_free(void *ptr);

/// Bytes currently allocated by lowered code through _mlir_memref_to_llvm_*:
/// the exact requested sizes of all blocks not yet freed, small or large
/// (idle cached blocks are not counted).
SPECTRAL_RUNTIME_EXPORT int64_t spectral_runtime_program_live_bytes(void);

/// Highest value of spectral_runtime_program_live_bytes since the library
/// was loaded or spectral_runtime_program_reset_peak was last called.
SPECTRAL_RUNTIME_EXPORT int64_t spectral_runtime_program_peak_bytes(void);

/// Sets the program peak to the current program live bytes.
SPECTRAL_RUNTIME_EXPORT void spectral_runtime_program_reset_peak(void);

/// Bytes of freed blocks kept for reuse, and a way to return them all to
/// the system.
SPECTRAL_RUNTIME_EXPORT int64_t spectral_runtime_cached_bytes(void);
SPECTRAL_RUNTIME_EXPORT void spectral_runtime_release_cached(void);

/// Run-time check emitted for a dynamic offset of spectral.decompress_tiles:
/// `offset` along `dim` must be a non-negative multiple of `tile` and at most
/// `limit`. Reports an error (by default: message on stderr, abort)
/// otherwise.
SPECTRAL_RUNTIME_EXPORT void spectral_check_tile_offset(int64_t dim,
                                                        int64_t offset,
                                                        int64_t tile,
                                                        int64_t limit);

/// The check of a dynamic size that an op's semantics constrain
/// (spectral.check_size): dimension `dim` of operand `operand` of op `op`
/// has size `found` at run time and must have size `expected`. `op` and
/// `operand` index the tables kCheckedOps and kCheckedOperands of
/// SpectralDialect/IR/RuntimeEnums.h. Reports an error naming all of
/// them otherwise.
SPECTRAL_RUNTIME_EXPORT void spectral_check_size(int32_t op, int32_t operand,
                                                 int64_t dim, int64_t found,
                                                 int64_t expected);

/// Bytes of runtime-owned memory allocated now.
SPECTRAL_RUNTIME_EXPORT int64_t spectral_runtime_live_bytes(void);

/// Highest value of spectral_runtime_live_bytes since the library was loaded
/// or spectral_runtime_reset_peak was last called.
SPECTRAL_RUNTIME_EXPORT int64_t spectral_runtime_peak_bytes(void);

/// Sets the peak to the current live bytes.
SPECTRAL_RUNTIME_EXPORT void spectral_runtime_reset_peak(void);

/// Makes any allocation that would raise the live bytes above `bytes` fail
/// with an error from the entry point that needed it. 0 removes the limit;
/// a negative value is an error.
SPECTRAL_RUNTIME_EXPORT void spectral_runtime_set_memory_limit(int64_t bytes);

//===----------------------------------------------------------------------===//
// Threads
//===----------------------------------------------------------------------===//

/// Number of threads the runtime's transforms and loops, FFTW and the OpenMP
/// loops of lowered code use: the last value set by
/// spectral_runtime_set_num_threads, else SPECTRAL_NUM_THREADS, else
/// OMP_NUM_THREADS, else every core this process may run on.
SPECTRAL_RUNTIME_EXPORT int32_t spectral_runtime_get_num_threads(void);

/// Sets that number (`count` >= 1; anything else is an error) for every
/// thread: the OpenMP loops of lowered code read it when they start a team
/// (spectral-parallel-loops), and the caller's own OpenMP settings are left
/// alone. The BLAS follows it where it can be told (OpenBLAS).
SPECTRAL_RUNTIME_EXPORT void spectral_runtime_set_num_threads(int32_t count);

//===----------------------------------------------------------------------===//
// Errors and version
//===----------------------------------------------------------------------===//

/// Receives the name of the entry point (e.g. "spectral_fft_r2c") and a
/// message naming the bad value. Both strings live only during the call.
typedef void (*spectral_runtime_error_handler)(const char *function,
                                               const char *message);

/// Installs `handler`; entry points then call it on bad input and return
/// without writing their outputs. NULL restores the default (print to stderr
/// and abort). Meant for tests and embedders that can recover.
SPECTRAL_RUNTIME_EXPORT void
spectral_runtime_set_error_handler(spectral_runtime_error_handler handler);

/// Version of the runtime library, e.g. "0.1.0".
SPECTRAL_RUNTIME_EXPORT const char *spectral_runtime_version(void);

#ifdef __cplusplus
} // extern "C"
#endif

#endif // SPECTRAL_RUNTIME_SPECTRALRUNTIME_H
