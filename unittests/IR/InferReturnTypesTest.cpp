//===- InferReturnTypesTest.cpp - Type inference on wrong operand types ---===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// inferReturnTypes runs when an op is built or parsed, before the verifier
// checks its operand types. The parser rejects non-tensor types for tensor
// operands itself, but C++ builders do not, so inference must report a
// wrong operand type instead of casting it (invalid.mlir covers the
// !spectral.sst operands, which the parser cannot check).
//
//===----------------------------------------------------------------------===//

#include "SpectralDialect/IR/SpectralDialect.h"
#include "SpectralDialect/IR/SpectralOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "gtest/gtest.h"

#include <string>

using namespace mlir;
using namespace mlir::spectral;

namespace {

class InferReturnTypesTest : public ::testing::Test {
protected:
  InferReturnTypesTest()
      : builder(&context), loc(builder.getUnknownLoc()),
        handler(&context, [this](Diagnostic &diag) {
          message = diag.str();
          return success();
        }) {
    context.loadDialect<SpectralDialect>();
  }

  /// A value of `type` (an argument of a block the test owns).
  Value valueOf(Type type) { return block.addArgument(type, loc); }

  Type f32() { return builder.getF32Type(); }
  Type memref() {
    return MemRefType::get({4}, ComplexType::get(builder.getF32Type()));
  }

  /// Infers the result types of `OpTy` on `operands`; returns the message.
  template <typename OpTy>
  std::string inferFailure(ValueRange operands,
                           typename OpTy::Properties properties = {}) {
    message.clear();
    SmallVector<Type> results;
    LogicalResult result = OpTy::inferReturnTypes(
        &context, loc, operands, builder.getDictionaryAttr({}),
        OpaqueProperties(&properties), RegionRange(), results);
    EXPECT_TRUE(failed(result));
    return message;
  }

  MLIRContext context;
  OpBuilder builder;
  Location loc;
  Block block;
  std::string message;
  ScopedDiagnosticHandler handler;
};

TEST_F(InferReturnTypesTest, RFFTOfMemRef) {
  EXPECT_EQ(inferFailure<RFFTOp>({valueOf(memref())}),
            "'spectral.rfft' op input must be a ranked tensor, got "
            "'memref<4xcomplex<f32>>'");
}

TEST_F(InferReturnTypesTest, IRFFTOfMemRef) {
  EXPECT_EQ(inferFailure<IRFFTOp>({valueOf(memref())}),
            "'spectral.irfft' op input must be a ranked tensor, got "
            "'memref<4xcomplex<f32>>'");
}

TEST_F(InferReturnTypesTest, ConvOfScalars) {
  Value tensor = valueOf(RankedTensorType::get({8}, f32()));
  Value scalar = valueOf(f32());
  ConvOp::Properties properties;
  properties.axes = builder.getDenseI64ArrayAttr({0});
  EXPECT_EQ(inferFailure<ConvOp>({scalar, tensor}, properties),
            "'spectral.conv' op input must be a ranked tensor, got 'f32'");
  EXPECT_EQ(inferFailure<ConvOp>({tensor, scalar}, properties),
            "'spectral.conv' op kernel must be a ranked tensor, got 'f32'");
}

TEST_F(InferReturnTypesTest, MatmulOfUnrankedInput) {
  Value unranked = valueOf(UnrankedTensorType::get(f32()));
  Value dense = valueOf(RankedTensorType::get({8, 4}, f32()));
  EXPECT_EQ(inferFailure<MatmulOp>({unranked, dense}),
            "'spectral.matmul' op input must be a ranked tensor, got "
            "'tensor<*xf32>'");
  Value input = valueOf(RankedTensorType::get({2, 8}, f32()));
  EXPECT_EQ(inferFailure<MatmulOp>({input, dense}),
            "'spectral.matmul' op weight must be a !spectral.sst value, got "
            "'tensor<8x4xf32>'");
}

} // namespace
