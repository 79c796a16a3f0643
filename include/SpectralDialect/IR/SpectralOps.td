//===- SpectralOps.td - Spectral op definitions ------------*- tablegen -*-===//
//
// Part of the spectral-dialect project, under the Apache License v2.0 with
// LLVM Exceptions. See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef SPECTRAL_OPS
#define SPECTRAL_OPS

include "SpectralDialect/IR/SpectralDialect.td"
include "SpectralDialect/IR/SpectralAttributes.td"
include "SpectralDialect/IR/SpectralTypes.td"
include "SpectralDialect/IR/SpectralInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/IR/CommonAttrConstraints.td"

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Spectral_SST : Type<CPred<"::llvm::isa<::mlir::spectral::SparseSpectralType>($_self)">,
    "sparse spectral tensor", "::mlir::spectral::SparseSpectralType">;

def Spectral_Float : AnyTypeOf<[F16, BF16, F32, F64]>;
def Spectral_Complex : Complex<Spectral_Float>;
def Spectral_RealTensor : RankedTensorOf<[Spectral_Float]>;
def Spectral_ComplexTensor : RankedTensorOf<[Spectral_Complex]>;
def Spectral_Tensor : RankedTensorOf<[Spectral_Float, Spectral_Complex]>;

def Spectral_NormAttr : DefaultValuedAttr<Spectral_FFTNorm, "FFTNorm::backward">;

// Ops whose result type is computed by a C++ `inferReturnTypes`, which also
// reports invalid operands and attributes with a diagnostic.
class Spectral_InferredOp<string mnemonic, list<Trait> traits = []>
    : Spectral_Op<mnemonic,
        !listconcat(traits, [Pure, InferTypeOpAdaptor])>;

//===----------------------------------------------------------------------===//
// Compression
//===----------------------------------------------------------------------===//

def Spectral_CompressOp : Spectral_Op<"compress", [Pure]> {
  let summary = "keeps the top-K Fourier coefficients of every tile";
  let description = [{
    Cuts `input` into the tiles of the result type, transforms every tile
    over the result's `axes` (`rfft` or `fft`, unnormalised forward
    transform) and keeps the `keep` coefficients of highest energy per tile,
    ties broken towards the lower position. The input type must be the dense
    type of the result.

    Compression is lossy: `decompress(compress(x))` is not folded to `x`.

    Example:

    ```mlir
    %s = spectral.compress %w : tensor<256x512xf32>
           -> !spectral.sst<256x512xf32, keep = 64, tile = [16, 512]>
    ```
  }];
  let arguments = (ins Spectral_Tensor:$input);
  let results = (outs Spectral_SST:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` qualified(type($result))";
  let hasVerifier = 1;
}

def Spectral_DecompressOp : Spectral_Op<"decompress", [Pure,
    TypesMatchWith<"result is the dense type of the input", "input", "result",
      "::llvm::cast<::mlir::spectral::SparseSpectralType>($_self).getDenseType()">]> {
  let summary = "rebuilds the dense tensor from its kept coefficients";
  let description = [{
    Scatters the kept coefficients of every tile into a zero spectrum
    (restoring conjugate partners for `rfft`) and applies the inverse
    transform, so each tile is the exact inverse of its kept bins. The result
    is the dense type of the input. With `fft` on real data the result is the
    real part of the inverse.

    Example:

    ```mlir
    %d = spectral.decompress %s : !spectral.sst<256x512xf32, keep = 64>
    // %d : tensor<256x512xf32>
    ```
  }];
  let arguments = (ins Spectral_SST:$input);
  let results = (outs Spectral_Tensor:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
}

def Spectral_DecompressTilesOp : Spectral_InferredOp<"decompress_tiles"> {
  let summary = "decompresses a tile-aligned slice of a sparse spectral tensor";
  let description = [{
    Decompresses only the tiles covering the slice that starts at `offsets`
    and has the static `sizes` (both in elements of the dense tensor), and
    returns that slice. It is the building block of block streaming: a loop
    over tile groups never materialises the whole tensor.

    Every size must be a positive multiple of the tile size of its dimension
    and fit in the shape; static offsets must be multiples of the tile size
    and keep the slice in bounds. Dynamic offsets must satisfy the same rules;
    the lowering checks them at run time and stops with a message naming the
    dimension and the value.

    Example:

    ```mlir
    %rows = spectral.decompress_tiles %s[%i, 0] [64, 4096]
              : !spectral.sst<4096x4096xf32, keep = 512, tile = [64, 4096]>
    // %rows : tensor<64x4096xf32>
    ```
  }];
  let arguments = (ins Spectral_SST:$input, Variadic<Index>:$offsets,
                       DenseI64ArrayAttr:$static_offsets,
                       DenseI64ArrayAttr:$static_sizes);
  let results = (outs Spectral_Tensor:$result);
  let assemblyFormat = [{
    $input custom<DynamicIndexList>($offsets, $static_offsets)
    $static_sizes attr-dict `:` qualified(type($input))
  }];
  let extraClassDeclaration = [{
    /// Offsets as a list of static attributes and dynamic values.
    ::llvm::SmallVector<::mlir::OpFoldResult> getMixedOffsets();
  }];
}

def Spectral_DecompressAdjointOp : Spectral_InferredOp<"decompress_adjoint"> {
  let summary = "cotangent of the kept coefficients of a decompression";
  let description = [{
    The vector-Jacobian product of `spectral.decompress` with respect to the
    coefficients of `input`: given the cotangent of the dense result, the
    cotangent of every kept coefficient, stored at the same positions. The
    result has the type and the positions of `input`; only its coefficients
    are new. Positions have no cotangent.

    Per tile, with F the tile's unnormalised forward transform (`rfft` or
    `fft` over the layout's axes), N the number of transformed elements and
    w the bin weight of the layout (2 for a stored `rfft` bin that stands
    for two dense bins, 1 otherwise), the coefficient at position p is
    `w(p) / N * F(cotangent tile)[p]`. This is the adjoint of decompression
    as a real-linear map of the coefficients, in PyTorch's convention (see
    `AdjointOpInterface`): gradient descent subtracts it as it is.

    The cotangent stays sparse: nothing the size of the dense spectrum is
    kept. The lowering transforms one tile at a time and reads the kept
    positions of its spectrum.

    Example:

    ```mlir
    %ds = spectral.decompress_adjoint %g, %s
            : tensor<256x512xf32>, !spectral.sst<256x512xf32, keep = 64, tile = [16, 512]>
    ```
  }];
  let arguments = (ins Spectral_Tensor:$cotangent, Spectral_SST:$input);
  let results = (outs Spectral_SST:$result);
  let assemblyFormat = [{
    $cotangent `,` $input attr-dict `:` type($cotangent) `,`
    qualified(type($input))
  }];
}

//===----------------------------------------------------------------------===//
// Storage access
//===----------------------------------------------------------------------===//

def Spectral_AssembleOp : Spectral_Op<"assemble", [Pure]> {
  let summary = "builds a sparse spectral tensor from its storage tensors";
  let description = [{
    Wraps a coefficient tensor `tensor<T x K x coeff>` and a position tensor
    `tensor<T x K x index>` into a sparse spectral tensor of the result type,
    for instance to load compressed weights produced elsewhere. The operand
    types must be exactly the storage types of the result. Positions are
    linear indices into each tile's spectrum; they are taken as given.

    Example:

    ```mlir
    %s = spectral.assemble %c, %p
           : tensor<1x64xcomplex<f32>>, tensor<1x64xi32>
           -> !spectral.sst<256x512xf32, keep = 64>
    ```
  }];
  let arguments = (ins Spectral_ComplexTensor:$coefficients,
                       RankedTensorOf<[I16, I32, I64]>:$positions);
  let results = (outs Spectral_SST:$result);
  let assemblyFormat = [{
    $coefficients `,` $positions attr-dict `:` type($coefficients) `,`
    type($positions) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Spectral_CoefficientsOp : Spectral_Op<"coefficients", [Pure,
    TypesMatchWith<"result is the input's coefficient storage type", "input", "result",
      "::llvm::cast<::mlir::spectral::SparseSpectralType>($_self).getCoefficientsType()">]> {
  let summary = "the coefficient storage of a sparse spectral tensor";
  let description = [{
    Returns the kept coefficients as `tensor<T x K x coeff>`, in the order
    of the positions returned by `spectral.positions`.

    Example:

    ```mlir
    %c = spectral.coefficients %s : !spectral.sst<256x512xf32, keep = 64>
    // %c : tensor<1x64xcomplex<f32>>
    ```
  }];
  let arguments = (ins Spectral_SST:$input);
  let results = (outs Spectral_ComplexTensor:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
  let hasFolder = 1;
}

def Spectral_PositionsOp : Spectral_Op<"positions", [Pure,
    TypesMatchWith<"result is the input's position storage type", "input", "result",
      "::llvm::cast<::mlir::spectral::SparseSpectralType>($_self).getPositionsType()">]> {
  let summary = "the position storage of a sparse spectral tensor";
  let description = [{
    Returns the positions of the kept coefficients as
    `tensor<T x K x index>`: row-major linear indices into each tile's
    spectrum.

    Example:

    ```mlir
    %p = spectral.positions %s : !spectral.sst<256x512xf32, keep = 64>
    // %p : tensor<1x64xi32>
    ```
  }];
  let arguments = (ins Spectral_SST:$input);
  let results = (outs RankedTensorOf<[I16, I32, I64]>:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Linear algebra on coefficients
//===----------------------------------------------------------------------===//

def Spectral_ScaleOp : Spectral_Op<"scale",
    [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "multiplies a sparse spectral tensor by a scalar";
  let description = [{
    Multiplies every kept coefficient by `factor`, which is the same as
    scaling the dense tensor, without decompressing. The factor is the real
    scalar type of the element type, or, when the element type is complex,
    may also be the element type itself (a complex factor would not commute
    with taking the real part of a real tensor).

    Chains fold: `scale(scale(s, a), b)` becomes `scale(s, a * b)`, and a
    factor of constant one folds away.

    Example:

    ```mlir
    %t = spectral.scale %s, %c : !spectral.sst<256x512xf32, keep = 64>, f32
    ```
  }];
  let arguments = (ins Spectral_SST:$input,
                       AnyTypeOf<[Spectral_Float, Spectral_Complex]>:$factor);
  let results = (outs Spectral_SST:$result);
  let assemblyFormat = "$input `,` $factor attr-dict `:` qualified(type($input)) `,` type($factor)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Spectral_AddOp : Spectral_Op<"add", [Pure, Commutative]> {
  let summary = "adds two sparse spectral tensors of the same layout";
  let description = [{
    Adds two sparse spectral tensors directly on their coefficients: per
    tile, the union of the kept positions with the coefficients summed where
    both keep a bin, truncated to the `keep` of the result type by the same
    energy rule as `compress`. Both operands and the result must share shape,
    element type, transform, axes and tile; their `keep`, coefficient and
    index types may differ. The result keeps at most the sum of the operands'
    `keep`, the size of the union.

    Example:

    ```mlir
    %c = spectral.add %a, %b : !spectral.sst<64x64xf32, keep = 32>,
           !spectral.sst<64x64xf32, keep = 16>
           -> !spectral.sst<64x64xf32, keep = 48>
    ```
  }];
  let arguments = (ins Spectral_SST:$lhs, Spectral_SST:$rhs);
  let results = (outs Spectral_SST:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` qualified(type($lhs)) `,` qualified(type($rhs))
    `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def Spectral_EnergyOp : Spectral_Op<"energy", [Pure,
    TypesMatchWith<"result is the real element type of the input", "input", "result",
      "::llvm::cast<::mlir::spectral::SparseSpectralType>($_self).getRealElementType()">]> {
  let summary = "sum of squares of the decompressed tensor, by Parseval";
  let description = [{
    Returns the sum of |x|^2 over the decompressed tensor, computed from the
    kept coefficients alone (Parseval: per tile, the weighted sum of |X|^2
    divided by the transformed size, each kept `rfft` bin weighted by the
    number of dense bins it stands for). The result is the real scalar type
    of the element type.

    Example:

    ```mlir
    %e = spectral.energy %s : !spectral.sst<256x512xf32, keep = 64>
    // %e : f32
    ```
  }];
  let arguments = (ins Spectral_SST:$input);
  let results = (outs Spectral_Float:$result);
  let assemblyFormat = "$input attr-dict `:` qualified(type($input))";
}

//===----------------------------------------------------------------------===//
// Dense transforms
//===----------------------------------------------------------------------===//

class Spectral_ComplexTransformOp<string mnemonic, string direction>
    : Spectral_Op<mnemonic, [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = direction # " complex-to-complex FFT over some axes";
  let arguments = (ins Spectral_ComplexTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes,
                       Spectral_NormAttr:$norm);
  let results = (outs Spectral_ComplexTensor:$result);
  let assemblyFormat = [{
    $input (`axes` $axes^)? (`norm` $norm^)? attr-dict `:` type($input)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDeclaration = [{
    /// The transformed axes: `axes` if given, else every dimension.
    ::llvm::SmallVector<int64_t> getEffectiveAxes();
  }];
}

def Spectral_FFTOp : Spectral_ComplexTransformOp<"fft", "forward"> {
  let description = [{
    The forward discrete Fourier transform of a complex tensor over `axes`
    (every dimension when absent), of any length, scaled according to
    `norm` (default `backward`: unscaled). Like `numpy.fft.fftn`.

    `fft(ifft(x))` with the same axes and `norm` folds to `x`.

    Example:

    ```mlir
    %y = spectral.fft %x axes [1] norm ortho : tensor<8x100xcomplex<f32>>
    ```
  }];
}

def Spectral_IFFTOp : Spectral_ComplexTransformOp<"ifft", "inverse"> {
  let description = [{
    The inverse discrete Fourier transform of a complex tensor over `axes`
    (every dimension when absent), scaled according to `norm` (default
    `backward`: by 1/n). Like `numpy.fft.ifftn`.

    `ifft(fft(x))` with the same axes and `norm` folds to `x`.

    Example:

    ```mlir
    %x = spectral.ifft %y axes [1] norm ortho : tensor<8x100xcomplex<f32>>
    ```
  }];
}

def Spectral_RFFTOp : Spectral_InferredOp<"rfft"> {
  let summary = "real-to-complex FFT keeping the non-negative half spectrum";
  let description = [{
    The forward transform of a real tensor over `axes` (every dimension when
    absent). The last listed axis, of length n, is halved to n/2+1 bins; the
    others keep their length. Like `numpy.fft.rfftn`.

    Example:

    ```mlir
    %y = spectral.rfft %x axes [1] : tensor<8x100xf32>
    // %y : tensor<8x51xcomplex<f32>>
    ```
  }];
  let arguments = (ins Spectral_RealTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes,
                       Spectral_NormAttr:$norm);
  let results = (outs Spectral_ComplexTensor:$result);
  let assemblyFormat = [{
    $input (`axes` $axes^)? (`norm` $norm^)? attr-dict `:` type($input)
  }];
  let extraClassDeclaration = [{
    /// The transformed axes: `axes` if given, else every dimension.
    ::llvm::SmallVector<int64_t> getEffectiveAxes();
  }];
}

def Spectral_IRFFTOp : Spectral_InferredOp<"irfft"> {
  let summary = "complex-to-real inverse FFT of a half spectrum";
  let description = [{
    The inverse of `rfft`: the input holds the half spectrum along the last
    listed axis, whose output length is `n` (default 2 * (m - 1) for an
    input length m, as in numpy). The input length along that axis must be
    n/2+1, which is how odd lengths are expressed: `n = 255` reads 128 bins.
    Imaginary parts that a real signal cannot have (the k = 0 bin and, for
    even n, k = n/2) are ignored. Like `numpy.fft.irfftn`. If the input
    length along that axis is dynamic, the lowering checks at run time that
    it is n/2+1.

    `irfft(rfft(x))` folds to `x` when axes, `norm` and the length match.
    `rfft(irfft(y))` is *not* folded: it drops those imaginary parts.

    Example:

    ```mlir
    %x = spectral.irfft %y axes [1] n 255 : tensor<8x128xcomplex<f32>>
    // %x : tensor<8x255xf32>
    ```
  }];
  let arguments = (ins Spectral_ComplexTensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes,
                       OptionalAttr<I64Attr>:$n,
                       Spectral_NormAttr:$norm);
  let results = (outs Spectral_RealTensor:$result);
  let assemblyFormat = [{
    $input (`axes` $axes^)? (`n` $n^)? (`norm` $norm^)? attr-dict `:`
    type($input)
  }];
  let hasFolder = 1;
  let extraClassDeclaration = [{
    /// The transformed axes: `axes` if given, else every dimension.
    ::llvm::SmallVector<int64_t> getEffectiveAxes();
  }];
}

//===----------------------------------------------------------------------===//
// Spectral layers
//===----------------------------------------------------------------------===//

def Spectral_MixOp : Spectral_Op<"mix",
    [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "FNet-style spectral mixing along one axis";
  let description = [{
    Computes `irfft(rfft(x, axis) * filter, n = len(axis))`: a global
    (circular) mixing of `input` along `axis` by a learned complex filter
    over the half spectrum. With T the length of `axis`, the filter is either
    `tensor<(T/2+1) x complex<E>>`, shared by every other position, or has
    the rank of the input with T/2+1 along `axis` and, along every other
    dimension, either that dimension's size or 1 (broadcast).

    Only a static 1 broadcasts. A dynamic filter dimension must have the
    size the rules above give (T/2+1 along `axis`, the input's size
    elsewhere) at run time; where the verifier cannot compare the sizes
    because one is dynamic, the lowering checks them at run time
    (`spectral.check_size`) and a mismatch stops the program with a message
    naming the dimension and both sizes.

    Example:

    ```mlir
    // Mix 2048 tokens of 256 channels with one filter per channel.
    %y = spectral.mix %x, %f axis 1
           : tensor<4x2048x256xf32>, tensor<1x1025x256xcomplex<f32>>
    ```
  }];
  let arguments = (ins Spectral_RealTensor:$input,
                       Spectral_ComplexTensor:$filter, I64Attr:$axis);
  let results = (outs Spectral_RealTensor:$result);
  let assemblyFormat = [{
    $input `,` $filter `axis` $axis attr-dict `:` type($input) `,`
    type($filter)
  }];
  let hasVerifier = 1;
}

def Spectral_ConvOp : Spectral_InferredOp<"conv"> {
  let summary = "linear convolution through the FFT";
  let description = [{
    The linear (zero-padded, not circular) convolution of `input` with
    `kernel` over 1 to 3 `axes`, computed with FFTs of the padded length.
    Both are real tensors of the same rank and element type; along the other
    dimensions the kernel has the input's size or 1 (broadcast). Along a
    convolved axis of input length n and kernel length m the result has
    n + m - 1 samples for `mode = full` (the default), n samples centred like
    `scipy.signal.fftconvolve(mode="same")` for `same`, and the first n for
    `causal`.

    The other dimensions may be dynamic; only a static kernel size of 1
    broadcasts there, and a dynamic kernel size is checked at run time
    against the input's. The lowering needs static sizes along the
    convolved axes, from which it chooses the FFT lengths.

    Example:

    ```mlir
    %y = spectral.conv %x, %k axes [1] mode causal
           : tensor<4x1000xf32>, tensor<1x63xf32>
    // %y : tensor<4x1000xf32>
    ```
  }];
  let arguments = (ins Spectral_RealTensor:$input, Spectral_RealTensor:$kernel,
                       DenseI64ArrayAttr:$axes,
                       DefaultValuedAttr<Spectral_ConvMode, "ConvMode::full">:$mode);
  let results = (outs Spectral_RealTensor:$result);
  let assemblyFormat = [{
    $input `,` $kernel `axes` $axes (`mode` $mode^)? attr-dict `:`
    type($input) `,` type($kernel)
  }];
}

def Spectral_MatmulOp : Spectral_InferredOp<"matmul"> {
  let summary = "multiplies a dense tensor by a compressed matrix";
  let description = [{
    Computes `input . decompress(weight)` for a rank-2 sparse spectral
    `weight` of shape K x N: the last dimension of `input` (K) is contracted,
    the leading ones are batch dimensions, and the result has the input's
    leading dimensions followed by N. Element types match. Lowerings may
    stream the weight tile group by tile group so that it never exists whole
    in memory; the result is the same. A dynamic K is checked at run time
    against the weight's; the lowering accepts at most one dynamic leading
    dimension (and does not stream a dynamic input).

    Example:

    ```mlir
    %y = spectral.matmul %x, %w
           : tensor<8x128x4096xf32>,
             !spectral.sst<4096x1024xf32, keep = 256, tile = [64, 1024]>
    // %y : tensor<8x128x1024xf32>
    ```
  }];
  let arguments = (ins Spectral_Tensor:$input, Spectral_SST:$weight);
  let results = (outs Spectral_Tensor:$result);
  let assemblyFormat = "$input `,` $weight attr-dict `:` type($input) `,` qualified(type($weight))";
}

//===----------------------------------------------------------------------===//
// Neural-operator layers
//===----------------------------------------------------------------------===//

def Spectral_ModeMixOp : Spectral_Op<"mode_mix", [Pure]> {
  let summary = "FNO spectral convolution: mixes channels per kept Fourier mode";
  let description = [{
    The spectral convolution of a Fourier neural operator. With `X =
    rfftn(input, axes, norm)`, a complex `weight` of shape
    `[in, out, modes...]` and, along each axis of `axes`, the kept
    frequencies below:

    ```
    Y[..., o, k...] = sum_i X[..., i, k...] * weight[i, o, j...]  (kept k)
    Y[..., o, k...] = 0                                           (others)
    result = irfftn(Y, s = result's sizes along axes, axes, norm)
    ```

    `axes` (1 to 3, increasing) are the spatial axes; `channel` is the
    channel dimension (anywhere else: `[batch, channel, spatial...]` and
    `[batch, spatial..., channel]` are both written this way); every other
    dimension is a batch dimension. The result has the input's shape except
    `out` channels and, along `axes`, its own (static) sizes, which may
    differ from the input's: the kept modes are then placed in the spectrum
    of the result's size (no resampling of the Nyquist bin; see
    `spectral.resample`).

    Kept frequencies: along the last axis of `axes` (halved by the real
    transform) the first `m` bins, weight index j = bin j; along every other
    axis `m` frequencies of both signs, weight index j < ceil(m/2) holding
    frequency j and the others frequency j - m. `m` must fit in both the
    input's and the result's spectrum: m <= n on a full axis, m <= n/2+1 on
    the halved one, for n the input's and the result's length. Keeping every
    frequency (m = n, and n/2+1 on the halved axis) makes it a per-frequency
    channel mixing of the whole spectrum. The original FNO's two weights of
    `modes1` frequencies each are `weight` with m = 2 * modes1, the
    positive-frequency half first.

    Example (a 2-D FNO layer, 16 frequencies of each sign on the first axis
    and 16 bins of the second):

    ```mlir
    %y = spectral.mode_mix %x, %w axes [2, 3] channel 1 modes [32, 16]
           : tensor<8x32x128x128xf32>, tensor<32x32x32x16xcomplex<f32>>
             -> tensor<8x32x128x128xf32>
    ```
  }];
  let arguments = (ins Spectral_RealTensor:$input,
                       Spectral_ComplexTensor:$weight,
                       DenseI64ArrayAttr:$axes, I64Attr:$channel,
                       DenseI64ArrayAttr:$modes, Spectral_NormAttr:$norm);
  let results = (outs Spectral_RealTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight `axes` $axes `channel` $channel `modes` $modes
    (`norm` $norm^)? attr-dict `:` type($input) `,` type($weight) `->`
    type($result)
  }];
  let hasVerifier = 1;
}

def Spectral_ResampleOp : Spectral_Op<"resample", [Pure]> {
  let summary = "band-limited resizing along some axes";
  let description = [{
    Resizes `input` along `axes` to the result's (static) sizes by
    truncating its spectrum (downsampling: spectral pooling) or padding it
    with zeros (upsampling), so that a band-limited signal is kept exactly:
    the result holds the samples, on the new grid, of the trigonometric
    polynomial through the input's samples. Like `scipy.signal.resample`
    applied along each axis.

    Along an axis of length n resized to n', with X = fftn(input):
    frequencies 0 .. ceil(s/2)-1 and -floor(s/2) .. -1 for s = min(n, n')
    are kept, and the result is scaled by n'/n (the product over `axes`) so
    that amplitudes are kept. For an even s the frequency s/2 needs care:
    downsampling to s *merges* X[s/2] and X[-s/2] into the result's bin
    -s/2; upsampling from s *splits* X[s/2] in two halves at +s/2 and -s/2.
    Real inputs give real results (computed with real transforms);
    complex inputs complex ones. Other dimensions may be dynamic.

    Example:

    ```mlir
    %y = spectral.resample %x axes [1, 2]
           : tensor<4x128x128xf32> -> tensor<4x64x96xf32>
    ```
  }];
  let arguments = (ins Spectral_Tensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs Spectral_Tensor:$result);
  let assemblyFormat = [{
    $input `axes` $axes attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

#endif // SPECTRAL_OPS
