//===- SpectralMidLevelOps.td - Ops on plain tensors/buffers -*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Mid-level ops: what `spectral-expand-storage` lowers the high-level ops to.
// They work on plain tensors in destination-passing style, bufferize through
// BufferizableOpInterface, and then work on memrefs, where a backend maps them
// to its runtime (`convert-spectral-to-runtime` on the CPU).
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_MIDLEVEL_OPS
#define SPECTRAL_MIDLEVEL_OPS

include "SpectralDialect/IR/SpectralDialect.td"
include "SpectralDialect/IR/SpectralAttributes.td"
include "mlir/Interfaces/DestinationStyleOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/CommonTypeConstraints.td"

def Spectral_DFTOp : Spectral_Op<"dft", [
    DestinationStyleOpInterface,
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "a batched strided DFT into a destination (mid-level)";
  let description = [{
    Transforms `input` over `axes` into `init`, in destination-passing style.
    On tensors the op returns the transformed tensor; on memrefs it writes
    `init` and returns nothing. `kind` selects the transform:

    - `c2c_forward`, `c2c_inverse`: complex to complex, same shape;
    - `r2c`: real input; the last listed axis of length n becomes n/2+1;
    - `c2r`: the inverse of `r2c`; the last listed axis has n/2+1 bins on the
      input and n, the length of `init`, on the output. The input is only
      read.

    `norm` scales like numpy. `init` is only written, never read.

    Example:

    ```mlir
    %e = tensor.empty() : tensor<8x51xcomplex<f32>>
    %y = spectral.dft r2c %x into %e axes [1] norm backward
           : tensor<8x100xf32>, tensor<8x51xcomplex<f32>> -> tensor<8x51xcomplex<f32>>
    spectral.dft c2r %b into %m axes [1] norm backward
      : memref<8x51xcomplex<f32>>, memref<8x100xf32>
    ```
  }];
  let arguments = (ins AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$input,
                       AnyTypeOf<[AnyRankedTensor, AnyMemRef]>:$init,
                       Spectral_DFTKind:$kind, DenseI64ArrayAttr:$axes,
                       Spectral_FFTNorm:$norm);
  let results = (outs Optional<AnyRankedTensor>:$result);
  let assemblyFormat = [{
    $kind $input `into` $init `axes` $axes `norm` $norm attr-dict `:`
    type($input) `,` type($init) (`->` type($result)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::MutableOperandRange getDpsInitsMutable() {
      return getInitMutable();
    }
  }];
}

#endif // SPECTRAL_MIDLEVEL_OPS
