//===- SpectralAttributes.td - Spectral enums and attributes -*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_ATTRIBUTES
#define SPECTRAL_ATTRIBUTES

include "mlir/IR/EnumAttr.td"

def Spectral_TransformKind : I32EnumAttr<"TransformKind",
    "the Fourier transform a sparse spectral tensor is stored in", [
      I32EnumAttrCase<"rfft", 0>,
      I32EnumAttrCase<"fft", 1>
    ]> {
  let cppNamespace = "::mlir::spectral";
  let description = [{
    `rfft` stores the non-redundant half spectrum of real data (Hermitian
    symmetry restores the rest); `fft` stores the full complex spectrum.
  }];
}

def Spectral_FFTNorm : I32EnumAttr<"FFTNorm",
    "normalisation of a forward/inverse transform pair", [
      I32EnumAttrCase<"backward", 0>,
      I32EnumAttrCase<"forward", 1>,
      I32EnumAttrCase<"ortho", 2>
    ]> {
  let cppNamespace = "::mlir::spectral";
  let description = [{
    The numpy convention: `backward` leaves the forward transform unscaled and
    scales the inverse by 1/n; `forward` does the opposite; `ortho` scales
    both by 1/sqrt(n). n is the product of the transformed lengths.
  }];
}

def Spectral_ConvMode : I32EnumAttr<"ConvMode",
    "which part of a linear convolution is returned", [
      I32EnumAttrCase<"full", 0>,
      I32EnumAttrCase<"same", 1>,
      I32EnumAttrCase<"causal", 2>
    ]> {
  let cppNamespace = "::mlir::spectral";
  let description = [{
    `full` returns all n + m - 1 samples along each convolved axis; `same`
    returns n samples centred like `scipy.signal.fftconvolve(mode="same")`
    (starting at (m - 1) / 2 of the full result); `causal` returns the first
    n samples, so output i only depends on inputs at or before i.
  }];
}

def Spectral_DFTKind : I32EnumAttr<"DFTKind",
    "the direction and data types of a mid-level transform", [
      I32EnumAttrCase<"c2c_forward", 0>,
      I32EnumAttrCase<"c2c_inverse", 1>,
      I32EnumAttrCase<"r2c", 2>,
      I32EnumAttrCase<"c2r", 3>
    ]> {
  let cppNamespace = "::mlir::spectral";
}

#endif // SPECTRAL_ATTRIBUTES
