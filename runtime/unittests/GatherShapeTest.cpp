//===- GatherShapeTest.cpp - Which layouts the runtime gathers ------------===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The strategy choice of the runtime core (GatheredTransforms.h): which
// problems run gathered, along which batch dimension and in chunks of how
// many transforms. FFTStrategyTest checks the results of both strategies
// through the C ABI.
//
//===----------------------------------------------------------------------===//

#include "spectral-core/GatheredTransforms.h"

#include "gtest/gtest.h"

using namespace mlir::spectral::core;
using namespace mlir::spectral::runtime;

namespace {

/// A rank-1 real-to-complex problem of length `n` along an axis of stride
/// `axisStride`, with the given batch dimensions.
FFTProblem makeR2C(int64_t n, int64_t inStride, int64_t outStride,
                   std::initializer_list<FFTDim> batch) {
  FFTProblem problem;
  problem.kind = TransformKind::R2C;
  problem.rank = 1;
  problem.dims[0] = {n, inStride, outStride};
  for (const FFTDim &dim : batch)
    problem.batch[problem.batchRank++] = dim;
  return problem;
}

// Two distinct, disjoint addresses: only their equality matters.
float inArray[1];
float outArray[1];

} // namespace

TEST(GatherShape, InnermostAxisRunsAsOnePlan) {
  // [B, D] along D: the transforms are already contiguous.
  FFTProblem problem = makeR2C(256, 1, 1, {{64, 256, 129}});
  GatherShape shape;
  EXPECT_FALSE(chooseGatherShape(problem, inArray, outArray, shape));
}

TEST(GatherShape, MiddleAxisGathersAlongTheUnitStrideBatch) {
  // [B, T, D] along T, D innermost: chunks of 32 along D.
  FFTProblem problem =
      makeR2C(2048, 256, 256, {{4, 2048 * 256, 1025 * 256}, {256, 1, 1}});
  GatherShape shape;
  ASSERT_TRUE(chooseGatherShape(problem, inArray, outArray, shape));
  EXPECT_EQ(shape.vectorDim, 1);
  EXPECT_EQ(shape.width, 32);
}

TEST(GatherShape, LongTransformsGetNarrowerChunks) {
  // 8192 reals and 4097 complex per transform, padded to an odd number of
  // cache lines: 32,832 + 32,832 bytes, so a 1 MiB scratch holds 15.
  FFTProblem problem = makeR2C(8192, 256, 256, {{256, 1, 1}});
  GatherShape shape;
  ASSERT_TRUE(chooseGatherShape(problem, inArray, outArray, shape));
  EXPECT_EQ(shape.width, 15);
}

TEST(GatherShape, ChunksNeverExceedTheVectorLength) {
  FFTProblem problem = makeR2C(30, 3, 3, {{3, 1, 1}});
  GatherShape shape;
  ASSERT_TRUE(chooseGatherShape(problem, inArray, outArray, shape));
  EXPECT_EQ(shape.width, 3);
}

TEST(GatherShape, OutputSideUnitStrideIsTheFallback) {
  // Input along the axis contiguous, output transposed: the unit-stride
  // dimension of the output is the vector.
  FFTProblem problem = makeR2C(64, 1, 10, {{10, 64, 1}});
  GatherShape shape;
  ASSERT_TRUE(chooseGatherShape(problem, inArray, outArray, shape));
  EXPECT_EQ(shape.vectorDim, 0);
}

TEST(GatherShape, HugeTransformsStayDirect) {
  // One transform larger than the scratch budget several times over.
  FFTProblem problem = makeR2C(1 << 20, 64, 64, {{64, 1, 1}});
  GatherShape shape;
  EXPECT_FALSE(chooseGatherShape(problem, inArray, outArray, shape));
}

TEST(GatherShape, InPlaceAndBatchlessProblemsStayDirect) {
  FFTProblem batched = makeR2C(64, 16, 16, {{16, 1, 1}});
  GatherShape shape;
  EXPECT_FALSE(chooseGatherShape(batched, inArray, inArray, shape));
  FFTProblem single = makeR2C(64, 16, 16, {});
  EXPECT_FALSE(chooseGatherShape(single, inArray, outArray, shape));
  // No batch dimension of unit stride on either side.
  FFTProblem noVector = makeR2C(64, 16, 16, {{8, 2, 2}});
  EXPECT_FALSE(chooseGatherShape(noVector, inArray, outArray, shape));
}
