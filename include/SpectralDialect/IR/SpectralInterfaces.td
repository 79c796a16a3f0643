//===- SpectralInterfaces.td - Spectral op interfaces ------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_INTERFACES
#define SPECTRAL_INTERFACES

include "mlir/IR/OpBase.td"

def Spectral_AdjointOpInterface : OpInterface<"AdjointOpInterface"> {
  let cppNamespace = "::mlir::spectral";
  let description = [{
    An op that can build its vector-Jacobian product: given the cotangent of
    each result, IR computing the cotangent of each operand.

    Cotangents follow PyTorch's convention. For a real loss L, the cotangent
    of a real value x is dL/dx; that of a complex value z = a + ib is
    dL/da + i dL/db (the conjugate Wirtinger derivative, times two). With it
    the cotangent of a complex-linear map A is A^H applied to the result's
    cotangent, and that of a real-linear map is its real adjoint.

    The models live with the lowerings (`registerAdjointOpInterfaceModels`),
    and `spectral-differentiate` uses them.
  }];
  let methods = [
    InterfaceMethod<[{
        Builds the operand cotangents at the builder's insertion point from
        `resultCotangents` (one per result, none null). Returns one value
        per operand, null for an operand that is not differentiable (an
        integer tensor, for example), or failure after emitting an error on
        the op when it cannot differentiate this instance.
      }],
      "::mlir::FailureOr<::llvm::SmallVector<::mlir::Value>>", "buildAdjoint",
      (ins "::mlir::OpBuilder &":$builder,
           "::mlir::ValueRange":$resultCotangents)>
  ];
}

#endif // SPECTRAL_INTERFACES
