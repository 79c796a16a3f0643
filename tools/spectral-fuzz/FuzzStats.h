//===- FuzzStats.h - How far the fuzz inputs got ----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A fuzzer that only exercises the parser's error paths reports millions of
// clean executions and proves little. The targets count how many inputs
// reach each stage (parsed, pass succeeded, call accepted by the runtime)
// and, when SPECTRAL_FUZZ_STATS is set, print the counts at exit, so that
// docs/reliability.md can say what a long run actually exercised.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_FUZZ_FUZZSTATS_H
#define SPECTRAL_FUZZ_FUZZSTATS_H

namespace spectral_fuzz {

/// Adds one to the count of `stage` (a string literal).
void countStage(const char *stage);

} // namespace spectral_fuzz

#endif // SPECTRAL_FUZZ_FUZZSTATS_H
