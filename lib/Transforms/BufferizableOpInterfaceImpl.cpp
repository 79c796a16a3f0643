//===- BufferizableOpInterfaceImpl.cpp - Bufferization of mid-level ops ---===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralOps.h"
#include "SpectralDialect/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/IR/BufferizableOpInterface.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/IR/DstBufferizableOpInterfaceImpl.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::bufferization;
using namespace mlir::spectral;

namespace {
/// `spectral.dft` is in destination-passing style: its result aliases `init`.
/// Unlike the generic DPS model, `init` is never read (every element is
/// overwritten), so a fresh `tensor.empty` destination needs no copy.
struct DFTOpInterface
    : DstBufferizableOpInterfaceExternalModel<DFTOpInterface, DFTOp> {
  bool bufferizesToMemoryRead(Operation *op, OpOperand &operand,
                              const AnalysisState &state) const {
    return &operand == &cast<DFTOp>(op).getInputMutable();
  }

  LogicalResult bufferize(Operation *op, RewriterBase &rewriter,
                          const BufferizationOptions &options,
                          BufferizationState &state) const {
    auto dft = cast<DFTOp>(op);
    FailureOr<Value> input = getBuffer(rewriter, dft.getInput(), options, state);
    if (failed(input))
      return failure();
    FailureOr<Value> init = getBuffer(rewriter, dft.getInit(), options, state);
    if (failed(init))
      return failure();
    rewriter.setInsertionPoint(op);
    DFTOp::create(rewriter, op->getLoc(), /*result=*/Type(), *input, *init,
                  dft.getKind(), dft.getAxes(), dft.getNorm());
    replaceOpWithBufferizedValues(rewriter, op, *init);
    return success();
  }
};
} // namespace

void mlir::spectral::registerBufferizableOpInterfaceExternalModels(
    DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, SpectralDialect *) {
    DFTOp::attachInterface<DFTOpInterface>(*ctx);
  });
}
