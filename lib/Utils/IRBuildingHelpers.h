//===- IRBuildingHelpers.h - IR building helpers ----------------*- C++ -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRALDIALECT_UTILS_IRBUILDINGHELPERS_H
#define SPECTRALDIALECT_UTILS_IRBUILDINGHELPERS_H

#include "SpectralDialect/IR/SpectralOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
namespace spectral {

/// The number of bins, n/2+1, of the half spectrum of a length n.
OpFoldResult getHalfSpectrumSize(OpBuilder &b, Location loc,
                                 OpFoldResult length);

/// Emits `spectral.check_size` that dimension `dim` of `operand` (named
/// `operandName` in the messages) of `op` has size `expected`, unless both
/// sizes are static (the verifier has compared them then).
void checkSizeAtRunTime(OpBuilder &b, Location loc, Operation *op,
                        Value operand, StringRef operandName, int64_t dim,
                        OpFoldResult expected);

/// Sizes of a tensor of type `type` whose dimensions equal those of `like`
/// except where `type` is static.
SmallVector<OpFoldResult> getSizesLike(OpBuilder &b, Location loc,
                                       RankedTensorType type, Value like);

/// `spectral.dft` of `input` into a new tensor of `resultType` whose sizes
/// are `sizes`. `overwriteInput` (c2r only) lets it clobber `input`: for
/// spectra the lowering itself created.
Value createDFT(OpBuilder &b, Location loc, DFTKind kind, Value input,
                RankedTensorType resultType, ArrayRef<OpFoldResult> sizes,
                ArrayRef<int64_t> axes, FFTNorm norm,
                bool overwriteInput = false);

/// Same, for a static result type.
Value createDFT(OpBuilder &b, Location loc, DFTKind kind, Value input,
                RankedTensorType resultType, ArrayRef<int64_t> axes,
                FFTNorm norm, bool overwriteInput = false);

/// All-parallel iterator types of rank `rank`.
SmallVector<utils::IteratorType> getParallelIterators(int64_t rank);

/// `value` zero-padded at the end of each of `axes` to `lengths` (its sizes
/// along `axes` are static), or `value` itself when it has those lengths.
Value padWithZerosTo(OpBuilder &b, Location loc, Value value,
                     ArrayRef<int64_t> axes, ArrayRef<int64_t> lengths);

/// Multiplies complex `target` elementwise by `factor`, read through
/// `factorMap` (which broadcasts the dimensions it does not use). Returns the
/// product, computed in the buffer of `target`.
Value multiplySpectra(OpBuilder &b, Location loc, Value target, Value factor,
                      AffineMap factorMap);

/// Applies `fn` to every element of `input`, producing a tensor of the same
/// shape with element type `resultElement`.
Value mapElements(OpBuilder &b, Location loc, Value input, Type resultElement,
                  function_ref<Value(OpBuilder &, Location, Value)> fn);

/// `fn` of the elements of `inputs` (tensors of one shape), one
/// linalg.generic whose result has the first input's type.
Value mapElementwise(OpBuilder &b, Location loc, ValueRange inputs,
                     function_ref<Value(OpBuilder &, Location, ValueRange)> fn);

/// `value` reversed along `axes`, whose sizes must be static.
Value reverseAlongAxes(OpBuilder &b, Location loc, Value value,
                       ArrayRef<int64_t> axes);

/// The complex conjugate of a complex scalar, and its negation, from its
/// parts: upstream's complex-to-llvm lowering has no pattern for
/// complex.conj and complex.neg.
Value createConjugate(OpBuilder &b, Location loc, Value value);
Value createNegation(OpBuilder &b, Location loc, Value value);
/// A complex scalar times a real scalar of its element type.
Value createRealScaling(OpBuilder &b, Location loc, Value value, Value factor);

/// Converts a float or complex-of-float scalar to the float type `to` (or to
/// complex of it), by extension or truncation.
Value castFloatScalar(OpBuilder &b, Location loc, Value value, FloatType to);

/// Reassociation grouping all dims of a rank-`rank` tensor into one.
ReassociationIndices allDims(int64_t rank);

/// Reassociation grouping the first `groupSize` dims into one, then keeping
/// each of the next `rest` dims on its own.
SmallVector<ReassociationIndices> leadingAndRest(int64_t groupSize,
                                                 int64_t rest);

/// A zero-filled tensor of `shape` and `element`.
Value createZeros(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                  Type element);

/// A zero-filled tensor of `sizes` (static or dynamic) and `element`.
Value createZerosOfSizes(OpBuilder &b, Location loc,
                         ArrayRef<OpFoldResult> sizes, Type element);

/// A tensor of rank >= 1 viewed as a matrix for a GEMM: its leading
/// dimensions become the rows (a rank-1 tensor is one row), its last
/// dimension the columns. Dynamic sizes stay dynamic.
Value reshapeToMatrix(OpBuilder &b, Location loc, Value tensor);

/// The inverse of reshapeToMatrix for a GEMM result of `resultType`: the
/// shape of `input` (the tensor that was reshaped) with another last
/// dimension. At most one leading dimension may be dynamic: LLVM 22's
/// expand-strided-metadata crashes on the expand_shape of more
/// (llvm/llvm-project#186830).
Value reshapeFromMatrix(OpBuilder &b, Location loc, Value matrix,
                        RankedTensorType resultType, Value input);

/// The buffer `value` is a view of, through view-like ops and memref.cast.
Value getRootBuffer(Value value);

/// The private declaration of runtime function `name` in `module`, created
/// at the start of the module the first time (called through its
/// `_mlir_ciface_` wrapper when `cInterface`, for memref arguments). An
/// existing symbol of that name is returned as it is: callers check its type.
func::FuncOp getOrCreateRuntimeFunc(ModuleOp module, StringRef name,
                                    FunctionType type, bool cInterface);

} // namespace spectral
} // namespace mlir

#endif // SPECTRALDIALECT_UTILS_IRBUILDINGHELPERS_H
