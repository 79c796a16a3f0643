//===- SpectralUtils.cpp - Shared checks of the spectral dialect ----------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralUtils.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"
#include "llvm/ADT/SmallSet.h"

using namespace mlir;
using namespace mlir::spectral;

LogicalResult mlir::spectral::verifyRank(EmitErrorFn emitError, StringRef what,
                                         int64_t rank) {
  if (rank >= kMinRank && rank <= kMaxRank)
    return success();
  return emitError() << what << " must have rank " << kMinRank << " to "
                     << kMaxRank << ", got rank " << rank;
}

LogicalResult mlir::spectral::verifyAxes(EmitErrorFn emitError,
                                         ArrayRef<int64_t> axes, int64_t rank) {
  if (axes.empty())
    return emitError() << "axes must name at least one dimension";
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t axis : axes) {
    if (axis < 0 || axis >= rank)
      return emitError() << "axis " << axis << " is out of range for rank "
                         << rank << " (expected 0 to " << rank - 1 << ")";
    if (!seen.insert(axis).second)
      return emitError() << "axis " << axis
                         << " appears more than once in axes";
  }
  return success();
}

bool mlir::spectral::isSupportedFloat(Type type) {
  return isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type);
}

int64_t mlir::spectral::getNextFastFFTLength(int64_t n) {
  for (int64_t candidate = n;; ++candidate) {
    int64_t rest = candidate;
    for (int64_t prime : {2, 3, 5, 7})
      while (rest % prime == 0)
        rest /= prime;
    if (rest == 1)
      return candidate;
  }
}

SmallVector<int64_t>
mlir::spectral::getAxesOrAll(std::optional<ArrayRef<int64_t>> axes,
                             int64_t rank) {
  if (axes)
    return llvm::to_vector(*axes);
  return llvm::to_vector(llvm::seq<int64_t>(0, rank));
}
