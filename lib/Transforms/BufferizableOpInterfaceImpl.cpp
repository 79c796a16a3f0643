//===- BufferizableOpInterfaceImpl.cpp - Bufferization of mid-level ops ---===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/Transforms/BufferizableOpInterfaceImpl.h"
#include "SpectralDialect/IR/SpectralOps.h"

#include "mlir/Dialect/Bufferization/IR/BufferizableOpInterface.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/IR/DstBufferizableOpInterfaceImpl.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::bufferization;
using namespace mlir::spectral;

namespace {
/// The mid-level ops are in destination-passing style: each result aliases
/// its init. Unlike the generic DPS model, inits are never read (the ops
/// overwrite every element), so a fresh `tensor.empty` destination needs no
/// copy. On buffers the same op is created without results. A c2r that may
/// overwrite its input declares that input written, so the analysis copies
/// it first where its value is still needed.
template <typename OpTy>
struct WriteOnlyDestinationOpInterface
    : DstBufferizableOpInterfaceExternalModel<
          WriteOnlyDestinationOpInterface<OpTy>, OpTy> {
  bool bufferizesToMemoryRead(Operation *op, OpOperand &operand,
                              const AnalysisState &state) const {
    return !cast<DestinationStyleOpInterface>(op).isDpsInit(&operand);
  }

  /// Inits are written; so is the input of a c2r allowed to overwrite it.
  bool bufferizesToMemoryWrite(Operation *op, OpOperand &operand,
                               const AnalysisState &state) const {
    if (cast<DestinationStyleOpInterface>(op).isDpsInit(&operand))
      return true;
    auto dft = dyn_cast<DFTOp>(op);
    return dft && dft.getOverwriteInput() && &operand == &dft.getInputMutable();
  }

  LogicalResult bufferize(Operation *op, RewriterBase &rewriter,
                          const BufferizationOptions &options,
                          BufferizationState &state) const {
    SmallVector<Value> buffers;
    for (Value operand : op->getOperands()) {
      FailureOr<Value> buffer = getBuffer(rewriter, operand, options, state);
      if (failed(buffer))
        return failure();
      buffers.push_back(*buffer);
    }
    rewriter.setInsertionPoint(op);
    OperationState bufferized(op->getLoc(), op->getName(), buffers,
                              /*types=*/{}, op->getAttrs());
    rewriter.create(bufferized);
    SmallVector<Value> inits;
    for (OpOperand &init :
         cast<DestinationStyleOpInterface>(op).getDpsInitsMutable())
      inits.push_back(buffers[init.getOperandNumber()]);
    replaceOpWithBufferizedValues(rewriter, op, inits);
    return success();
  }
};
} // namespace

void mlir::spectral::registerBufferizableOpInterfaceExternalModels(
    DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, SpectralDialect *) {
    DFTOp::attachInterface<WriteOnlyDestinationOpInterface<DFTOp>>(*ctx);
    TopKOp::attachInterface<WriteOnlyDestinationOpInterface<TopKOp>>(*ctx);
    ScatterOp::attachInterface<WriteOnlyDestinationOpInterface<ScatterOp>>(
        *ctx);
    GatherOp::attachInterface<WriteOnlyDestinationOpInterface<GatherOp>>(*ctx);
  });
}
