//===- ProgramGenerator.h - Spectral programs from fuzzer bytes -*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The IR targets read either MLIR text or, when the input starts with a NUL
// byte (which no program text does), bytes that ProgramGenerator.cpp turns
// into a spectral program: a type-aware way to reach valid IR far more often
// than text mutation does.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_FUZZ_PROGRAMGENERATOR_H
#define SPECTRAL_FUZZ_PROGRAMGENERATOR_H

#include "FuzzInput.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace spectral_fuzz {

/// The first byte of an input that the generator reads, and of one that the
/// extended generator reads (neural-operator ops, decompress_adjoint,
/// functions marked for spectral-differentiate). The extension has a marker
/// of its own so that the inputs recorded in test/Fuzz keep generating the
/// programs they were recorded with.
constexpr uint8_t kGeneratedProgramMarker = 0;
constexpr uint8_t kExtendedProgramMarker = 1;

/// A module of spectral ops whose types and attributes the bytes choose.
std::string generateProgram(FuzzInput &input, bool extended = false);

/// The program an input stands for: generated after a marker byte, the
/// input itself (as text) otherwise. With SPECTRAL_FUZZ_PRINT set, generated
/// programs are printed to stderr.
std::string getProgramText(const uint8_t *data, size_t size);

} // namespace spectral_fuzz

#endif // SPECTRAL_FUZZ_PROGRAMGENERATOR_H
