//===- PassOptionParsing.h - Pass options from their text -------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Pipelines forward options to their passes in the passes' own textual
// syntax. When a pipeline must know what the user chose (a value it fixes,
// a default it changes), it parses that text with the pass's own option
// parser into the pass's generated options struct, and asks which options
// the text set, instead of searching the text for names.
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_UTILS_PASSOPTIONPARSING_H
#define SPECTRALDIALECT_UTILS_PASSOPTIONPARSING_H

#include "mlir/Pass/Pass.h"
#include "llvm/ADT/StringSet.h"

#include <initializer_list>

namespace mlir {
namespace spectral {

/// Parses `text` with `pass`'s option parser, then records in `given` (if
/// not null) the names of those of `options` (the pass's own Option members)
/// that the text set.
template <typename... Options>
LogicalResult
parsePassOptionText(Pass &pass, StringRef text, llvm::StringSet<> *given,
                    function_ref<LogicalResult(const Twine &)> errorHandler,
                    const Options &...options) {
  if (failed(pass.initializeOptions(text, errorHandler)))
    return failure();
  if (given)
    (void)std::initializer_list<int>{
        (options.hasValue() ? (given->insert(options.getArgStr()), 0) : 0)...};
  return success();
}

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_UTILS_PASSOPTIONPARSING_H
