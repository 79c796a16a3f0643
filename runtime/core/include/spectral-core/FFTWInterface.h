//===- FFTWInterface.h - FFTW's two precisions under one name ---*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// FFTW names every function twice (fftwf_* for float, fftw_* for double).
// FFTW<Real> gives the backend and the wisdom store one name for each pair.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_RUNTIME_CORE_FFTWINTERFACE_H
#define SPECTRAL_RUNTIME_CORE_FFTWINTERFACE_H

#include <fftw3.h>

#include <cstddef>

namespace mlir {
namespace spectral {
namespace core {

/// FFTW's thread callback: runs work(jobData + i * jobSize) for every
/// i < jobCount, in parallel where it can.
using ParallelLoop = void (*)(void *(*work)(char *), char *jobData,
                              size_t jobSize, int jobCount, void *data);

/// FFTW's single- and double-precision interfaces under one name.
template <typename Real> struct FFTW;

template <> struct FFTW<float> {
  using Plan = fftwf_plan;
  using Complex = fftwf_complex;
  using IODim = fftwf_iodim;
  static int alignmentOf(void *ptr) {
    return fftwf_alignment_of(static_cast<float *>(ptr));
  }
  static Plan planC2C(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, int sign,
                      unsigned flags) {
    return fftwf_plan_guru_dft(rank, dims, batchRank, batch,
                               static_cast<Complex *>(in),
                               static_cast<Complex *>(out), sign, flags);
  }
  static Plan planR2C(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, unsigned flags) {
    return fftwf_plan_guru_dft_r2c(rank, dims, batchRank, batch,
                                   static_cast<float *>(in),
                                   static_cast<Complex *>(out), flags);
  }
  static Plan planC2R(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, unsigned flags) {
    return fftwf_plan_guru_dft_c2r(rank, dims, batchRank, batch,
                                   static_cast<Complex *>(in),
                                   static_cast<float *>(out), flags);
  }
  static void executeC2C(Plan plan, void *in, void *out) {
    fftwf_execute_dft(plan, static_cast<Complex *>(in),
                      static_cast<Complex *>(out));
  }
  static void executeR2C(Plan plan, void *in, void *out) {
    fftwf_execute_dft_r2c(plan, static_cast<float *>(in),
                          static_cast<Complex *>(out));
  }
  static void executeC2R(Plan plan, void *in, void *out) {
    fftwf_execute_dft_c2r(plan, static_cast<Complex *>(in),
                          static_cast<float *>(out));
  }
  static void destroy(Plan plan) { fftwf_destroy_plan(plan); }
  static void initThreads(ParallelLoop loop) {
    fftwf_init_threads();
    fftwf_threads_set_callback(loop, nullptr);
  }
  static void planWithThreads(int count) { fftwf_plan_with_nthreads(count); }
  static int importWisdom(const char *path) {
    return fftwf_import_wisdom_from_filename(path);
  }
  static int exportWisdom(const char *path) {
    return fftwf_export_wisdom_to_filename(path);
  }
};

template <> struct FFTW<double> {
  using Plan = fftw_plan;
  using Complex = fftw_complex;
  using IODim = fftw_iodim;
  static int alignmentOf(void *ptr) {
    return fftw_alignment_of(static_cast<double *>(ptr));
  }
  static Plan planC2C(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, int sign,
                      unsigned flags) {
    return fftw_plan_guru_dft(rank, dims, batchRank, batch,
                              static_cast<Complex *>(in),
                              static_cast<Complex *>(out), sign, flags);
  }
  static Plan planR2C(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, unsigned flags) {
    return fftw_plan_guru_dft_r2c(rank, dims, batchRank, batch,
                                  static_cast<double *>(in),
                                  static_cast<Complex *>(out), flags);
  }
  static Plan planC2R(int rank, const IODim *dims, int batchRank,
                      const IODim *batch, void *in, void *out, unsigned flags) {
    return fftw_plan_guru_dft_c2r(rank, dims, batchRank, batch,
                                  static_cast<Complex *>(in),
                                  static_cast<double *>(out), flags);
  }
  static void executeC2C(Plan plan, void *in, void *out) {
    fftw_execute_dft(plan, static_cast<Complex *>(in),
                     static_cast<Complex *>(out));
  }
  static void executeR2C(Plan plan, void *in, void *out) {
    fftw_execute_dft_r2c(plan, static_cast<double *>(in),
                         static_cast<Complex *>(out));
  }
  static void executeC2R(Plan plan, void *in, void *out) {
    fftw_execute_dft_c2r(plan, static_cast<Complex *>(in),
                         static_cast<double *>(out));
  }
  static void destroy(Plan plan) { fftw_destroy_plan(plan); }
  static void initThreads(ParallelLoop loop) {
    fftw_init_threads();
    fftw_threads_set_callback(loop, nullptr);
  }
  static void planWithThreads(int count) { fftw_plan_with_nthreads(count); }
  static int importWisdom(const char *path) {
    return fftw_import_wisdom_from_filename(path);
  }
  static int exportWisdom(const char *path) {
    return fftw_export_wisdom_to_filename(path);
  }
};

} // namespace core
} // namespace spectral
} // namespace mlir

#endif // SPECTRAL_RUNTIME_CORE_FFTWINTERFACE_H
