// RUN: sst-opt %s -split-input-file -verify-diagnostics

// One case for every diagnostic of the type parser, the type verifier and the
// op verifiers.

//===----------------------------------------------------------------------===//
// !spectral.sst parser
//===----------------------------------------------------------------------===//

// expected-error @+1 {{sst type requires 'keep = K'}}
func.func private @missing_keep(!spectral.sst<8x8xf32>)

// -----

// expected-error @+1 {{unknown sst parameter 'kept'; expected keep, transform, axes, tile, coeff or index}}
func.func private @unknown_parameter(!spectral.sst<8x8xf32, kept = 4>)

// -----

// expected-error @+1 {{sst parameter 'keep' is given more than once}}
func.func private @duplicate_parameter(!spectral.sst<8x8xf32, keep = 4, keep = 5>)

// -----

// expected-error @+1 {{unknown transform 'dct'; expected rfft or fft}}
func.func private @unknown_transform(!spectral.sst<8x8xf32, keep = 4, transform = dct>)

// -----

// expected-error @+1 {{coeff must be a complex type, got 'f32'}}
func.func private @real_coeff(!spectral.sst<8x8xf32, keep = 4, coeff = f32>)

// -----

// expected-error @+1 {{index must be an integer type, got 'index'}}
func.func private @index_index(!spectral.sst<8x8xf32, keep = 4, index = index>)

// -----

// expected-error @+1 {{expected static shape}}
func.func private @dynamic_shape(!spectral.sst<?x8xf32, keep = 4>)

// -----

//===----------------------------------------------------------------------===//
// !spectral.sst verifier
//===----------------------------------------------------------------------===//

// expected-error @+1 {{sst must have rank 1 to 8, got rank 9}}
func.func private @rank_too_high(!spectral.sst<1x1x1x1x1x1x1x1x2xf32, keep = 1>)

// -----

// expected-error @+1 {{sst dimension 1 must be a positive static size, got 0}}
func.func private @zero_dim(!spectral.sst<8x0xf32, keep = 1>)

// -----

// expected-error @+1 {{sst shape has more elements than fit in int64}}
func.func private @huge_shape(!spectral.sst<4294967296x4294967296x4xf32, keep = 1>)

// -----

// expected-error @+1 {{sst element type must be f16, bf16, f32 or f64, or a complex of one of them, got 'i32'}}
func.func private @integer_element(!spectral.sst<8x8xi32, keep = 4>)

// -----

// expected-error @+1 {{transform = rfft needs a real element type, got 'complex<f32>'; use transform = fft}}
func.func private @rfft_complex(!spectral.sst<8x8xcomplex<f32>, keep = 4>)

// -----

// expected-error @+1 {{axes must name at least one dimension}}
func.func private @no_axes(!spectral.sst<8x8xf32, keep = 4, axes = []>)

// -----

// expected-error @+1 {{axis 2 is out of range for rank 2 (expected 0 to 1)}}
func.func private @axis_out_of_range(!spectral.sst<8x8xf32, keep = 4, axes = [0, 2]>)

// -----

// expected-error @+1 {{axis -1 is out of range for rank 2 (expected 0 to 1)}}
func.func private @negative_axis(!spectral.sst<8x8xf32, keep = 4, axes = [-1]>)

// -----

// expected-error @+1 {{axis 1 appears more than once in axes}}
func.func private @duplicate_axis(!spectral.sst<8x8xf32, keep = 4, axes = [1, 1]>)

// -----

// expected-error @+1 {{tile has 1 dimensions but the shape has 2}}
func.func private @tile_rank(!spectral.sst<8x8xf32, keep = 4, tile = [8]>)

// -----

// expected-error @+1 {{tile dimension 0 must be positive, got 0}}
func.func private @tile_zero(!spectral.sst<8x8xf32, keep = 4, tile = [0, 8]>)

// -----

// expected-error @+1 {{tile size 3 does not divide dimension 1 of size 8}}
func.func private @tile_not_dividing(!spectral.sst<8x8xf32, keep = 4, tile = [8, 3]>)

// -----

// expected-error @+1 {{coeff must be complex<f16>, complex<bf16>, complex<f32> or complex<f64>, got 'complex<i32>'}}
func.func private @integer_coeff(!spectral.sst<8x8xf32, keep = 4, coeff = complex<i32>>)

// -----

// expected-error @+1 {{index must be i16, i32 or i64, got 'i8'}}
func.func private @narrow_index(!spectral.sst<8x8xf32, keep = 4, index = i8>)

// -----

// expected-error @+1 {{index must be i16, i32 or i64, got 'ui16'}}
func.func private @unsigned_index(!spectral.sst<8x8xf32, keep = 4, index = ui16>)

// -----

// A 256x256 real tile has a 256x129 = 33024-bin spectrum: too many for i16.
// expected-error @+1 {{index type 'i16' cannot hold the positions of a tile spectrum of 33024 bins (at most 32768)}}
func.func private @i16_too_narrow(!spectral.sst<256x256xf32, keep = 4, index = i16>)

// -----

// expected-error @+1 {{keep must be at least 1, got 0}}
func.func private @keep_zero(!spectral.sst<8x8xf32, keep = 0>)

// -----

// An 8x8 real tile has 34 non-redundant bins (30 conjugate pairs, 4 real).
// expected-error @+1 {{keep = 35 exceeds the 34 non-redundant bins of a tile}}
func.func private @keep_too_large(!spectral.sst<8x8xf32, keep = 35>)

// -----

// expected-error @+1 {{keep = 65 exceeds the 64 non-redundant bins of a tile}}
func.func private @keep_too_large_fft(!spectral.sst<8x8xf32, keep = 65, transform = fft>)

// -----

//===----------------------------------------------------------------------===//
// compress, decompress_tiles, assemble
//===----------------------------------------------------------------------===//

func.func @compress_shape_mismatch(%x: tensor<8x9xf32>) {
  // expected-error @+1 {{'spectral.compress' op input type 'tensor<8x9xf32>' does not match the dense type 'tensor<8x8xf32>' of the result}}
  %s = spectral.compress %x : tensor<8x9xf32> -> !spectral.sst<8x8xf32, keep = 4>
  return
}

// -----

func.func @decompress_tiles_offsets_rank(%s: !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>) {
  // expected-error @+1 {{'spectral.decompress_tiles' op expected 2 offsets, one per dimension, got 1}}
  %t = spectral.decompress_tiles %s[0] [4, 8] : !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
  return
}

// -----

func.func @decompress_tiles_sizes_rank(%s: !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>) {
  // expected-error @+1 {{'spectral.decompress_tiles' op expected 2 sizes, one per dimension, got 3}}
  %t = spectral.decompress_tiles %s[0, 0] [4, 8, 1] : !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
  return
}

// -----

func.func @decompress_tiles_dynamic_count(%s: !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>, %i: index) {
  // The generic form also runs upstream's check of the result type, which
  // adds its own error after the precise one.
  // expected-error @+2 {{'spectral.decompress_tiles' op has 1 dynamic offset operands but 0 dynamic entries in static_offsets}}
  // expected-error @+1 {{failed to infer returned types}}
  %t = "spectral.decompress_tiles"(%s, %i) <{static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 4, 8>}>
         : (!spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>, index) -> tensor<4x8xf32>
  return
}

// -----

func.func @decompress_tiles_partial_tile(%s: !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>) {
  // expected-error @+1 {{'spectral.decompress_tiles' op size 2 of dimension 0 must be a positive multiple of the tile size 4 and at most 8}}
  %t = spectral.decompress_tiles %s[0, 0] [2, 8] : !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
  return
}

// -----

func.func @decompress_tiles_misaligned(%s: !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>) {
  // expected-error @+1 {{'spectral.decompress_tiles' op offset 2 of dimension 0 must be a non-negative multiple of the tile size 4}}
  %t = spectral.decompress_tiles %s[2, 0] [4, 8] : !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
  return
}

// -----

func.func @decompress_tiles_out_of_bounds(%s: !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>) {
  // expected-error @+1 {{'spectral.decompress_tiles' op slice [4, 12) of dimension 0 is out of bounds for size 8}}
  %t = spectral.decompress_tiles %s[4, 0] [8, 8] : !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
  return
}

// -----

func.func @assemble_coefficients(%c: tensor<2x4xcomplex<f16>>, %p: tensor<2x4xi32>) {
  // expected-error @+1 {{'spectral.assemble' op coefficients have type 'tensor<2x4xcomplex<f16>>' but the result type stores them as 'tensor<2x4xcomplex<f32>>'}}
  %s = spectral.assemble %c, %p : tensor<2x4xcomplex<f16>>, tensor<2x4xi32>
         -> !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
  return
}

// -----

func.func @assemble_positions(%c: tensor<2x4xcomplex<f32>>, %p: tensor<1x4xi32>) {
  // expected-error @+1 {{'spectral.assemble' op positions have type 'tensor<1x4xi32>' but the result type stores them as 'tensor<2x4xi32>'}}
  %s = spectral.assemble %c, %p : tensor<2x4xcomplex<f32>>, tensor<1x4xi32>
         -> !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
  return
}

// -----

//===----------------------------------------------------------------------===//
// scale, add
//===----------------------------------------------------------------------===//

func.func @scale_wrong_float(%s: !spectral.sst<8x8xf32, keep = 4>, %c: f64) {
  // expected-error @+1 {{'spectral.scale' op factor of type 'f64' does not match the element type 'f32'; expected 'f32'}}
  %t = spectral.scale %s, %c : !spectral.sst<8x8xf32, keep = 4>, f64
  return
}

// -----

func.func @scale_complex_on_real(%s: !spectral.sst<8x8xf32, keep = 4>, %c: complex<f32>) {
  // expected-error @+1 {{'spectral.scale' op factor of type 'complex<f32>' does not match the element type 'f32'; expected 'f32' (a complex factor needs a complex element type)}}
  %t = spectral.scale %s, %c : !spectral.sst<8x8xf32, keep = 4>, complex<f32>
  return
}

// -----

func.func @scale_complex_mismatch(%s: !spectral.sst<8xcomplex<f32>, keep = 4, transform = fft>, %c: complex<f64>) {
  // expected-error @+1 {{'spectral.scale' op factor of type 'complex<f64>' does not match the element type 'complex<f32>'; expected 'f32' or 'complex<f32>'}}
  %t = spectral.scale %s, %c : !spectral.sst<8xcomplex<f32>, keep = 4, transform = fft>, complex<f64>
  return
}

// -----

func.func @add_operand_layouts(%a: !spectral.sst<8x8xf32, keep = 4>, %b: !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>) {
  // expected-error @+1 {{'spectral.add' op operands must have the same shape, element type, transform, axes and tile}}
  %c = spectral.add %a, %b : !spectral.sst<8x8xf32, keep = 4>, !spectral.sst<8x8xf32, keep = 4, tile = [4, 8]>
         -> !spectral.sst<8x8xf32, keep = 4>
  return
}

// -----

func.func @add_result_layout(%a: !spectral.sst<8x8xf32, keep = 4>, %b: !spectral.sst<8x8xf32, keep = 4>) {
  // expected-error @+1 {{'spectral.add' op result type '!spectral.sst<8x8xf32, keep = 4, transform = fft>' must have the layout (shape, element type, transform, axes and tile) of the operands}}
  %c = spectral.add %a, %b : !spectral.sst<8x8xf32, keep = 4>, !spectral.sst<8x8xf32, keep = 4>
         -> !spectral.sst<8x8xf32, keep = 4, transform = fft>
  return
}

// -----

func.func @add_keep_too_large(%a: !spectral.sst<8x8xf32, keep = 4>, %b: !spectral.sst<8x8xf32, keep = 2>) {
  // expected-error @+1 {{'spectral.add' op result keeps 7 coefficients per tile but the union of the operands has at most 6}}
  %c = spectral.add %a, %b : !spectral.sst<8x8xf32, keep = 4>, !spectral.sst<8x8xf32, keep = 2>
         -> !spectral.sst<8x8xf32, keep = 7>
  return
}

// -----

//===----------------------------------------------------------------------===//
// fft, ifft, rfft, irfft
//===----------------------------------------------------------------------===//

func.func @fft_rank_zero(%x: tensor<complex<f32>>) {
  // expected-error @+1 {{'spectral.fft' op input must have rank 1 to 8, got rank 0}}
  %y = spectral.fft %x : tensor<complex<f32>>
  return
}

// -----

func.func @fft_axis_out_of_range(%x: tensor<4x8xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.fft' op axis 2 is out of range for rank 2 (expected 0 to 1)}}
  %y = spectral.fft %x axes [2] : tensor<4x8xcomplex<f32>>
  return
}

// -----

func.func @ifft_duplicate_axis(%x: tensor<4x8xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.ifft' op axis 0 appears more than once in axes}}
  %y = spectral.ifft %x axes [0, 0] : tensor<4x8xcomplex<f32>>
  return
}

// -----

func.func @ifft_empty_axes(%x: tensor<4x8xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.ifft' op axes must name at least one dimension}}
  %y = spectral.ifft %x axes [] : tensor<4x8xcomplex<f32>>
  return
}

// -----

func.func @fft_zero_length(%x: tensor<4x0xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.fft' op input has length 0 along transformed axis 1}}
  %y = spectral.fft %x axes [1] : tensor<4x0xcomplex<f32>>
  return
}

// -----

func.func @fft_real_input(%x: tensor<8xf32>) {
  // expected-error @+1 {{'spectral.fft' op operand #0 must be ranked tensor of complex type with}}
  %y = "spectral.fft"(%x) : (tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @rfft_complex_input(%x: tensor<8xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.rfft' op operand #0 must be ranked tensor of}}
  %y = "spectral.rfft"(%x) : (tensor<8xcomplex<f32>>) -> tensor<5xcomplex<f32>>
  return
}

// -----

func.func @rfft_rank_nine(%x: tensor<1x1x1x1x1x1x1x1x8xf32>) {
  // expected-error @+1 {{'spectral.rfft' op input must have rank 1 to 8, got rank 9}}
  %y = spectral.rfft %x : tensor<1x1x1x1x1x1x1x1x8xf32>
  return
}

// -----

func.func @rfft_axis_out_of_range(%x: tensor<8xf32>) {
  // expected-error @+1 {{'spectral.rfft' op axis 1 is out of range for rank 1 (expected 0 to 0)}}
  %y = spectral.rfft %x axes [1] : tensor<8xf32>
  return
}

// -----

func.func @rfft_wrong_result(%x: tensor<8xf32>) {
  // expected-error @+2 {{'spectral.rfft' op inferred type(s) 'tensor<5xcomplex<f32>>' are incompatible with return type(s) of operation 'tensor<8xcomplex<f32>>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = "spectral.rfft"(%x) : (tensor<8xf32>) -> tensor<8xcomplex<f32>>
  return
}

// -----

func.func @irfft_n_mismatch(%x: tensor<4x100xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.irfft' op output length n = 255 needs 128 input bins along axis 1, got 100}}
  %y = spectral.irfft %x axes [1] n 255 : tensor<4x100xcomplex<f32>>
  return
}

// -----

func.func @irfft_n_zero(%x: tensor<4x1xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.irfft' op output length n must be positive, got 0}}
  %y = spectral.irfft %x axes [1] n 0 : tensor<4x1xcomplex<f32>>
  return
}

// -----

func.func @irfft_dynamic_without_n(%x: tensor<4x?xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.irfft' op needs the output length n when axis 1 of the input is dynamic}}
  %y = spectral.irfft %x axes [1] : tensor<4x?xcomplex<f32>>
  return
}

// -----

func.func @irfft_single_bin_without_n(%x: tensor<4x1xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.irfft' op cannot default n = 2 * (bins - 1) for 1 input bin along axis 1; give n explicitly}}
  %y = spectral.irfft %x axes [1] : tensor<4x1xcomplex<f32>>
  return
}

// -----

//===----------------------------------------------------------------------===//
// mix
//===----------------------------------------------------------------------===//

func.func @mix_rank(%x: tensor<1x1x1x1x1x1x1x1x8xf32>, %f: tensor<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.mix' op input must have rank 1 to 8, got rank 9}}
  %y = spectral.mix %x, %f axis 8 : tensor<1x1x1x1x1x1x1x1x8xf32>, tensor<5xcomplex<f32>>
  return
}

// -----

func.func @mix_axis(%x: tensor<4x8xf32>, %f: tensor<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.mix' op axis 2 is out of range for rank 2}}
  %y = spectral.mix %x, %f axis 2 : tensor<4x8xf32>, tensor<5xcomplex<f32>>
  return
}

// -----

func.func @mix_filter_element(%x: tensor<4x8xf32>, %f: tensor<5xcomplex<f64>>) {
  // expected-error @+1 {{'spectral.mix' op filter element type 'complex<f64>' must be 'complex<f32>'}}
  %y = spectral.mix %x, %f axis 1 : tensor<4x8xf32>, tensor<5xcomplex<f64>>
  return
}

// -----

func.func @mix_zero_length(%x: tensor<4x0xf32>, %f: tensor<1xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.mix' op input has length 0 along the mixed axis 1}}
  %y = spectral.mix %x, %f axis 1 : tensor<4x0xf32>, tensor<1xcomplex<f32>>
  return
}

// -----

func.func @mix_filter_bins(%x: tensor<4x8xf32>, %f: tensor<8xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.mix' op filter has 8 bins but the half spectrum of axis 1 has 5}}
  %y = spectral.mix %x, %f axis 1 : tensor<4x8xf32>, tensor<8xcomplex<f32>>
  return
}

// -----

func.func @mix_filter_rank(%x: tensor<2x4x8xf32>, %f: tensor<4x5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.mix' op filter must have rank 1 or the input's rank 3, got rank 2}}
  %y = spectral.mix %x, %f axis 2 : tensor<2x4x8xf32>, tensor<4x5xcomplex<f32>>
  return
}

// -----

func.func @mix_filter_bins_full_rank(%x: tensor<4x8xf32>, %f: tensor<4x4xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.mix' op filter has 4 bins along the mixed axis 1 but its half spectrum has 5}}
  %y = spectral.mix %x, %f axis 1 : tensor<4x8xf32>, tensor<4x4xcomplex<f32>>
  return
}

// -----

func.func @mix_filter_broadcast(%x: tensor<4x8xf32>, %f: tensor<2x5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.mix' op filter dimension 0 has size 2; expected 1 (broadcast) or the input's 4}}
  %y = spectral.mix %x, %f axis 1 : tensor<4x8xf32>, tensor<2x5xcomplex<f32>>
  return
}

// -----

//===----------------------------------------------------------------------===//
// conv
//===----------------------------------------------------------------------===//

func.func @conv_rank(%x: tensor<f32>, %k: tensor<f32>) {
  // expected-error @+1 {{'spectral.conv' op input must have rank 1 to 8, got rank 0}}
  %y = spectral.conv %x, %k axes [0] : tensor<f32>, tensor<f32>
  return
}

// -----

func.func @conv_kernel_rank(%x: tensor<4x8xf32>, %k: tensor<3xf32>) {
  // expected-error @+1 {{'spectral.conv' op kernel rank 1 differs from input rank 2}}
  %y = spectral.conv %x, %k axes [1] : tensor<4x8xf32>, tensor<3xf32>
  return
}

// -----

func.func @conv_element(%x: tensor<8xf32>, %k: tensor<3xf64>) {
  // expected-error @+1 {{'spectral.conv' op kernel element type 'f64' differs from input element type 'f32'}}
  %y = spectral.conv %x, %k axes [0] : tensor<8xf32>, tensor<3xf64>
  return
}

// -----

func.func @conv_too_many_axes(%x: tensor<2x2x2x2xf32>, %k: tensor<2x2x2x2xf32>) {
  // expected-error @+1 {{'spectral.conv' op convolves over 1 to 3 axes, got 4}}
  %y = spectral.conv %x, %k axes [0, 1, 2, 3] : tensor<2x2x2x2xf32>, tensor<2x2x2x2xf32>
  return
}

// -----

func.func @conv_axis(%x: tensor<8xf32>, %k: tensor<3xf32>) {
  // expected-error @+1 {{'spectral.conv' op axis 1 is out of range for rank 1 (expected 0 to 0)}}
  %y = spectral.conv %x, %k axes [1] : tensor<8xf32>, tensor<3xf32>
  return
}

// -----

func.func @conv_broadcast(%x: tensor<4x8xf32>, %k: tensor<2x3xf32>) {
  // expected-error @+1 {{'spectral.conv' op kernel dimension 0 has size 2; expected 1 (broadcast) or the input's 4}}
  %y = spectral.conv %x, %k axes [1] : tensor<4x8xf32>, tensor<2x3xf32>
  return
}

// -----

func.func @conv_empty_kernel(%x: tensor<8xf32>, %k: tensor<0xf32>) {
  // expected-error @+1 {{'spectral.conv' op input and kernel need at least one sample along convolved axis 0}}
  %y = spectral.conv %x, %k axes [0] : tensor<8xf32>, tensor<0xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

func.func @matmul_input_rank(%x: tensor<f32>, %w: !spectral.sst<8x4xf32, keep = 2>) {
  // expected-error @+1 {{'spectral.matmul' op input must have rank 1 to 8, got rank 0}}
  %y = spectral.matmul %x, %w : tensor<f32>, !spectral.sst<8x4xf32, keep = 2>
  return
}

// -----

func.func @matmul_weight_rank(%x: tensor<2x8xf32>, %w: !spectral.sst<8xf32, keep = 2>) {
  // expected-error @+1 {{'spectral.matmul' op weight must be a rank-2 sparse spectral tensor, got rank 1}}
  %y = spectral.matmul %x, %w : tensor<2x8xf32>, !spectral.sst<8xf32, keep = 2>
  return
}

// -----

func.func @matmul_element(%x: tensor<2x8xf64>, %w: !spectral.sst<8x4xf32, keep = 2>) {
  // expected-error @+1 {{'spectral.matmul' op input element type 'f64' differs from weight element type 'f32'}}
  %y = spectral.matmul %x, %w : tensor<2x8xf64>, !spectral.sst<8x4xf32, keep = 2>
  return
}

// -----

func.func @matmul_contraction(%x: tensor<2x7xf32>, %w: !spectral.sst<8x4xf32, keep = 2>) {
  // expected-error @+1 {{'spectral.matmul' op contracts input dimension of size 7 with weight dimension 0 of size 8}}
  %y = spectral.matmul %x, %w : tensor<2x7xf32>, !spectral.sst<8x4xf32, keep = 2>
  return
}

// -----

//===----------------------------------------------------------------------===//
// dft (mid-level)
//===----------------------------------------------------------------------===//

func.func @dft_mixed_kinds(%x: tensor<8xf32>, %y: memref<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op input and init must both be tensors or both be memrefs, got 'tensor<8xf32>' and 'memref<5xcomplex<f32>>'}}
  spectral.dft r2c %x into %y axes [0] norm backward : tensor<8xf32>, memref<5xcomplex<f32>>
  return
}

// -----

func.func @dft_tensor_without_result(%x: tensor<8xf32>, %y: tensor<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op on tensors the result must have the init type 'tensor<5xcomplex<f32>>'}}
  spectral.dft r2c %x into %y axes [0] norm backward : tensor<8xf32>, tensor<5xcomplex<f32>>
  return
}

// -----

func.func @dft_memref_with_result(%x: memref<8xf32>, %y: memref<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op on memrefs the op has no result}}
  %r = "spectral.dft"(%x, %y) <{kind = 2 : i32, axes = array<i64: 0>, norm = 0 : i32}>
         : (memref<8xf32>, memref<5xcomplex<f32>>) -> tensor<5xcomplex<f32>>
  return
}

// -----

func.func @dft_rank(%x: memref<f32>, %y: memref<complex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op input must have rank 1 to 8, got rank 0}}
  spectral.dft r2c %x into %y axes [0] norm backward : memref<f32>, memref<complex<f32>>
  return
}

// -----

func.func @dft_init_rank(%x: memref<8xf32>, %y: memref<1x5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op init rank 2 differs from input rank 1}}
  spectral.dft r2c %x into %y axes [0] norm backward : memref<8xf32>, memref<1x5xcomplex<f32>>
  return
}

// -----

func.func @dft_axes(%x: memref<8xf32>, %y: memref<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op axis 1 is out of range for rank 1 (expected 0 to 0)}}
  spectral.dft r2c %x into %y axes [1] norm backward : memref<8xf32>, memref<5xcomplex<f32>>
  return
}

// -----

func.func @dft_integer(%x: memref<8xi32>, %y: memref<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op element type 'i32' is not f16, bf16, f32 or f64 (or complex)}}
  spectral.dft r2c %x into %y axes [0] norm backward : memref<8xi32>, memref<5xcomplex<f32>>
  return
}

// -----

func.func @dft_element_types(%x: memref<8xcomplex<f32>>, %y: memref<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op r2c maps 'f32' to 'complex<f32>', got 'complex<f32>' and 'complex<f32>'}}
  spectral.dft r2c %x into %y axes [0] norm backward : memref<8xcomplex<f32>>, memref<5xcomplex<f32>>
  return
}

// -----

func.func @dft_shape(%x: memref<8xf32>, %y: memref<8xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op init dimension 0 has size 8, which does not match input size 8 for a r2c transform}}
  spectral.dft r2c %x into %y axes [0] norm backward : memref<8xf32>, memref<8xcomplex<f32>>
  return
}

// -----

func.func @dft_c2r_shape(%x: memref<5xcomplex<f32>>, %y: memref<12xf32>) {
  // expected-error @+1 {{'spectral.dft' op init dimension 0 has size 12, which does not match input size 5 for a c2r transform}}
  spectral.dft c2r %x into %y axes [0] norm backward : memref<5xcomplex<f32>>, memref<12xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// topk and scatter (mid-level)
//===----------------------------------------------------------------------===//

func.func @topk_layout(%s: tensor<4x16xcomplex<f32>>, %c: tensor<4x5xcomplex<f32>>, %p: tensor<4x5xi64>) {
  // expected-error @+1 {{'spectral.topk' op has an invalid tile layout: axis 2 is out of range for rank 2 (expected 0 to 1)}}
  %r:2 = spectral.topk %s into %c, %p tile [4, 6] axes [2] transform rfft
    : tensor<4x16xcomplex<f32>>, tensor<4x5xcomplex<f32>>, tensor<4x5xi64> -> tensor<4x5xcomplex<f32>>, tensor<4x5xi64>
  return
}

// -----

func.func @topk_mixed(%s: memref<4x16xcomplex<f32>>, %c: tensor<4x5xcomplex<f32>>, %p: tensor<4x5xi64>) {
  // expected-error @+1 {{'spectral.topk' op spectrum, coeffs and positions must all be tensors or all be memrefs}}
  %r:2 = spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : memref<4x16xcomplex<f32>>, tensor<4x5xcomplex<f32>>, tensor<4x5xi64> -> tensor<4x5xcomplex<f32>>, tensor<4x5xi64>
  return
}

// -----

func.func @topk_spectrum_type(%s: memref<4x16xf32>, %c: memref<4x5xcomplex<f32>>, %p: memref<4x5xi64>) {
  // expected-error @+1 {{'spectral.topk' op spectrum must be T x S complex<f32>, got 'memref<4x16xf32>'}}
  spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : memref<4x16xf32>, memref<4x5xcomplex<f32>>, memref<4x5xi64>
  return
}

// -----

func.func @topk_coeffs_type(%s: memref<4x16xcomplex<f32>>, %c: memref<4x5xcomplex<f16>>, %p: memref<4x5xi64>) {
  // expected-error @+1 {{'spectral.topk' op coeffs must be T x K complex<f32>, got 'memref<4x5xcomplex<f16>>'}}
  spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : memref<4x16xcomplex<f32>>, memref<4x5xcomplex<f16>>, memref<4x5xi64>
  return
}

// -----

func.func @topk_positions_type(%s: memref<4x16xcomplex<f32>>, %c: memref<4x5xcomplex<f32>>, %p: memref<4x5xi32>) {
  // expected-error @+1 {{'spectral.topk' op positions must be T x K i64, got 'memref<4x5xi32>'}}
  spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : memref<4x16xcomplex<f32>>, memref<4x5xcomplex<f32>>, memref<4x5xi32>
  return
}

// -----

func.func @topk_storage_shapes(%s: memref<4x16xcomplex<f32>>, %c: memref<4x5xcomplex<f32>>, %p: memref<4x6xi64>) {
  // expected-error @+1 {{'spectral.topk' op coeffs 'memref<4x5xcomplex<f32>>' and positions 'memref<4x6xi64>' must have the same shape}}
  spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : memref<4x16xcomplex<f32>>, memref<4x5xcomplex<f32>>, memref<4x6xi64>
  return
}

// -----

func.func @topk_tiles(%s: memref<3x16xcomplex<f32>>, %c: memref<4x5xcomplex<f32>>, %p: memref<4x5xi64>) {
  // expected-error @+1 {{'spectral.topk' op spectrum has 3 tiles but the storage has 4}}
  spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : memref<3x16xcomplex<f32>>, memref<4x5xcomplex<f32>>, memref<4x5xi64>
  return
}

// -----

func.func @topk_bins(%s: memref<4x24xcomplex<f32>>, %c: memref<4x5xcomplex<f32>>, %p: memref<4x5xi64>) {
  // expected-error @+1 {{'spectral.topk' op spectrum has 24 bins per tile but the tile spectrum has 16}}
  spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : memref<4x24xcomplex<f32>>, memref<4x5xcomplex<f32>>, memref<4x5xi64>
  return
}

// -----

func.func @topk_keep(%s: memref<4x16xcomplex<f32>>, %c: memref<4x15xcomplex<f32>>, %p: memref<4x15xi64>) {
  // expected-error @+1 {{'spectral.topk' op keeps 15 bins per tile but a tile has 14 non-redundant bins}}
  spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : memref<4x16xcomplex<f32>>, memref<4x15xcomplex<f32>>, memref<4x15xi64>
  return
}

// -----

func.func @topk_results(%s: memref<4x16xcomplex<f32>>, %c: memref<4x5xcomplex<f32>>, %p: memref<4x5xi64>) {
  // expected-error @+1 {{'spectral.topk' op must return the coeffs and positions types on tensors and nothing on memrefs}}
  %r = "spectral.topk"(%s, %c, %p) <{tile = array<i64: 4, 6>, axes = array<i64: 0, 1>, transform = 0 : i32}>
    : (memref<4x16xcomplex<f32>>, memref<4x5xcomplex<f32>>, memref<4x5xi64>) -> tensor<4x5xi64>
  return
}

// -----

func.func @scatter_result(%c: tensor<4x5xcomplex<f32>>, %p: tensor<4x5xi64>, %s: tensor<4x16xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.scatter' op must return the spectrum type on tensors and nothing on memrefs}}
  spectral.scatter %c, %p into %s tile [4, 6] axes [0, 1] transform rfft
    : tensor<4x5xcomplex<f32>>, tensor<4x5xi64>, tensor<4x16xcomplex<f32>>
  return
}

// -----

func.func @gather_result(%s: tensor<4x16xcomplex<f32>>, %p: tensor<4x5xi64>, %c: tensor<4x5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.gather' op must return the coeffs type on tensors and nothing on memrefs}}
  spectral.gather %s[%p] into %c tile [4, 6] axes [0, 1] transform rfft
    : tensor<4x16xcomplex<f32>>, tensor<4x5xi64>, tensor<4x5xcomplex<f32>>
  return
}

// -----

func.func @gather_bins(%s: memref<4x15xcomplex<f32>>, %p: memref<4x5xi64>, %c: memref<4x5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.gather' op spectrum has 15 bins per tile but the tile spectrum has 16}}
  spectral.gather %s[%p] into %c tile [4, 6] axes [0, 1] transform rfft
    : memref<4x15xcomplex<f32>>, memref<4x5xi64>, memref<4x5xcomplex<f32>>
  return
}

// -----

func.func @gather_layout(%s: memref<4x16xcomplex<f32>>, %p: memref<4x5xi64>, %c: memref<4x5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.gather' op has an invalid tile layout: sst dimension 1 must be a positive static size, got 0}}
  spectral.gather %s[%p] into %c tile [4, 0] axes [0, 1] transform rfft
    : memref<4x16xcomplex<f32>>, memref<4x5xi64>, memref<4x5xcomplex<f32>>
  return
}

// -----

func.func @decompress_adjoint_cotangent(%g: tensor<8x8xf32>, %s: !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>) {
  // expected-error @+1 {{'spectral.decompress_adjoint' op cotangent type 'tensor<8x8xf32>' must be the dense type 'tensor<8x16xf32>' of the input}}
  %d = spectral.decompress_adjoint %g, %s : tensor<8x8xf32>, !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
  return
}

// -----

func.func @decompress_adjoint_element(%g: tensor<8x16xf64>, %s: !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>) {
  // expected-error @+1 {{'spectral.decompress_adjoint' op cotangent type 'tensor<8x16xf64>' must be the dense type 'tensor<8x16xf32>' of the input}}
  %d = spectral.decompress_adjoint %g, %s : tensor<8x16xf64>, !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
  return
}

// -----

func.func @decompress_adjoint_not_sst(%g: tensor<8x16xf32>, %s: tensor<8x16xf32>) {
  // expected-error @+1 {{'spectral.decompress_adjoint' op input must be a !spectral.sst value, got 'tensor<8x16xf32>'}}
  %d = spectral.decompress_adjoint %g, %s : tensor<8x16xf32>, tensor<8x16xf32>
  return
}

// -----

func.func @scatter_layout(%c: memref<4x5xcomplex<f32>>, %p: memref<4x5xi64>, %s: memref<4x16xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.scatter' op has an invalid tile layout: sst dimension 1 must be a positive static size, got 0}}
  spectral.scatter %c, %p into %s tile [4, 0] axes [0, 1] transform rfft
    : memref<4x5xcomplex<f32>>, memref<4x5xi64>, memref<4x16xcomplex<f32>>
  return
}

// -----

func.func @dft_overwrite_r2c(%x: memref<8xf32>, %y: memref<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op overwrite_input only applies to c2r transforms}}
  spectral.dft r2c %x into %y axes [0] norm backward overwrite_input : memref<8xf32>, memref<5xcomplex<f32>>
  return
}

// -----

func.func @check_tile_offset_dim(%i: index) {
  // expected-error @+1 {{'spectral.check_tile_offset' op dim 8 is not a dimension (0 to 7)}}
  spectral.check_tile_offset %i dim 8 tile 4 limit 4
  return
}

// -----

func.func @check_tile_offset_tile(%i: index) {
  // expected-error @+1 {{'spectral.check_tile_offset' op tile size must be positive, got 0}}
  spectral.check_tile_offset %i dim 0 tile 0 limit 4
  return
}

// -----

func.func @check_tile_offset_limit(%i: index) {
  // expected-error @+1 {{'spectral.check_tile_offset' op limit must be non-negative, got -1}}
  spectral.check_tile_offset %i dim 0 tile 4 limit -1
  return
}

// -----

func.func @check_size_op(%a: index, %b: index) {
  // expected-error @+1 {{'spectral.check_size' op 'spectral.nope' is not an op whose sizes are checked (one of spectral.mix,}}
  spectral.check_size %a, %b for "spectral.nope" operand "filter" dim 0
  return
}

// -----

func.func @check_size_operand(%a: index, %b: index) {
  // expected-error @+1 {{'spectral.check_size' op 'bias' is not an operand name of the checks (one of input, filter,}}
  spectral.check_size %a, %b for "spectral.mix" operand "bias" dim 0
  return
}

// -----

func.func @check_size_dim(%a: index, %b: index) {
  // expected-error @+1 {{'spectral.check_size' op dim -1 is not a dimension (0 to 7)}}
  spectral.check_size %a, %b for "spectral.mix" operand "filter" dim -1
  return
}

// -----

// Ops whose result type follows from their operand's: a wrong operand type
// is a parse error (the IR fuzz target once found inference that ran before
// the operand constraints, test/Fuzz/ir), a result type that does not follow
// a verifier error of the generic form.
func.func @decompress_of_complex(%c: complex<f32>) {
  // expected-error @+1 {{custom op 'spectral.decompress' 'input' must be sparse spectral tensor, but got 'complex<f32>'}}
  %d = spectral.decompress %c : complex<f32>
  return
}

// -----

func.func @decompress_tiles_of_tensor(%t: tensor<8x12xf32>) {
  // expected-error @+1 {{'spectral.decompress_tiles' op input must be a !spectral.sst value, got 'tensor<8x12xf32>'}}
  %d = spectral.decompress_tiles %t[0, 0] [4, 12] : tensor<8x12xf32>
  return
}

// -----

func.func @coefficients_of_tensor(%t: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'spectral.coefficients' 'input' must be sparse spectral tensor, but got 'tensor<4xf32>'}}
  %c = spectral.coefficients %t : tensor<4xf32>
  return
}

// -----

func.func @positions_of_tensor(%t: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'spectral.positions' 'input' must be sparse spectral tensor, but got 'tensor<4xf32>'}}
  %p = spectral.positions %t : tensor<4xf32>
  return
}

// -----

func.func @energy_of_scalar(%x: f32) {
  // expected-error @+1 {{custom op 'spectral.energy' 'input' must be sparse spectral tensor, but got 'f32'}}
  %e = spectral.energy %x : f32
  return
}

// -----

func.func @decompress_result_not_dense_type(%s: !spectral.sst<8x12xf32, keep = 4, tile = [4, 6]>) {
  // expected-error @+1 {{'spectral.decompress' op failed to verify that result is the dense type of the input}}
  %d = "spectral.decompress"(%s) : (!spectral.sst<8x12xf32, keep = 4, tile = [4, 6]>) -> tensor<8x12xf64>
  return
}

// -----

func.func @decompress_generic_of_tensor(%t: tensor<8x12xf32>) {
  // expected-error @+1 {{'spectral.decompress' op operand #0 must be sparse spectral tensor, but got 'tensor<8x12xf32>'}}
  %d = "spectral.decompress"(%t) : (tensor<8x12xf32>) -> tensor<8x12xf32>
  return
}

// -----

func.func @coefficients_wrong_type(%s: !spectral.sst<8x12xf32, keep = 4, tile = [4, 6]>) {
  // expected-error @+1 {{'spectral.coefficients' op failed to verify that result is the input's coefficient storage type}}
  %c = "spectral.coefficients"(%s) : (!spectral.sst<8x12xf32, keep = 4, tile = [4, 6]>) -> tensor<4x5xcomplex<f32>>
  return
}

// -----

func.func @positions_wrong_type(%s: !spectral.sst<8x12xf32, keep = 4, tile = [4, 6]>) {
  // expected-error @+1 {{'spectral.positions' op failed to verify that result is the input's position storage type}}
  %p = "spectral.positions"(%s) : (!spectral.sst<8x12xf32, keep = 4, tile = [4, 6]>) -> tensor<4x5xi32>
  return
}

// -----

func.func @energy_wrong_type(%s: !spectral.sst<8x12xcomplex<f32>, transform = fft, keep = 4, tile = [4, 6]>) {
  // expected-error @+1 {{'spectral.energy' op failed to verify that result is the real element type of the input}}
  %e = "spectral.energy"(%s) : (!spectral.sst<8x12xcomplex<f32>, transform = fft, keep = 4, tile = [4, 6]>) -> f64
  return
}

// -----

func.func @rfft_of_unranked(%x: tensor<*xf32>) {
  // Tensor operands are checked by the parser already (and inference by
  // SpectralIRTests for ops built in C++).
  // expected-error @+1 {{invalid kind of type specified: expected builtin.tensor, but found 'tensor<*xf32>'}}
  %y = spectral.rfft %x : tensor<*xf32>
  return
}

// -----

func.func @irfft_of_memref(%x: memref<4xcomplex<f32>>) {
  // expected-error @+1 {{invalid kind of type specified: expected builtin.tensor, but found 'memref<4xcomplex<f32>>'}}
  %y = spectral.irfft %x : memref<4xcomplex<f32>>
  return
}

// -----

func.func @conv_of_scalar_input(%x: f32, %k: tensor<3xf32>) {
  // expected-error @+1 {{invalid kind of type specified: expected builtin.tensor, but found 'f32'}}
  %y = spectral.conv %x, %k axes [0] : f32, tensor<3xf32>
  return
}

// -----

func.func @conv_of_scalar_kernel(%x: tensor<8xf32>, %k: f32) {
  // expected-error @+1 {{invalid kind of type specified: expected builtin.tensor, but found 'f32'}}
  %y = spectral.conv %x, %k axes [0] : tensor<8xf32>, f32
  return
}

// -----

func.func @matmul_of_unranked_input(%x: tensor<*xf32>, %w: !spectral.sst<8x4xf32, keep = 2>) {
  // expected-error @+1 {{invalid kind of type specified: expected builtin.tensor, but found 'tensor<*xf32>'}}
  %y = spectral.matmul %x, %w : tensor<*xf32>, !spectral.sst<8x4xf32, keep = 2>
  return
}

// -----

func.func @matmul_of_dense_weight(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) {
  // expected-error @+1 {{'spectral.matmul' op weight must be a !spectral.sst value, got 'tensor<8x4xf32>'}}
  %y = spectral.matmul %x, %w : tensor<2x8xf32>, tensor<8x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// spectral.mode_mix
//===----------------------------------------------------------------------===//

// -----

func.func @mode_mix_four_axes(%x: tensor<2x2x4x4x4x4xf32>, %w: tensor<2x2x2x2x2x2xcomplex<f32>>) {
  // expected-error @+1 {{mixes over 1 to 3 spatial axes, got 4}}
  %0 = spectral.mode_mix %x, %w axes [2, 3, 4, 5] channel 1 modes [2, 2, 2, 2]
         : tensor<2x2x4x4x4x4xf32>, tensor<2x2x2x2x2x2xcomplex<f32>> -> tensor<2x2x4x4x4x4xf32>
  return
}

// -----

func.func @mode_mix_channel_range(%x: tensor<2x3x8xf32>, %w: tensor<3x3x4xcomplex<f32>>) {
  // expected-error @+1 {{channel 3 is out of range for rank 3}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 3 modes [4] : tensor<2x3x8xf32>, tensor<3x3x4xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_channel_is_axis(%x: tensor<2x3x8xf32>, %w: tensor<3x3x4xcomplex<f32>>) {
  // expected-error @+1 {{channel 2 cannot also be a spatial axis}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 2 modes [4] : tensor<2x3x8xf32>, tensor<3x3x4xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_axes_order(%x: tensor<2x3x8x8xf32>, %w: tensor<3x3x4x4xcomplex<f32>>) {
  // expected-error @+1 {{axes must be increasing}}
  %0 = spectral.mode_mix %x, %w axes [3, 2] channel 1 modes [4, 4] : tensor<2x3x8x8xf32>, tensor<3x3x4x4xcomplex<f32>> -> tensor<2x3x8x8xf32>
  return
}

// -----

func.func @mode_mix_axis_range(%x: tensor<2x3x8xf32>, %w: tensor<3x3x4xcomplex<f32>>) {
  // expected-error @+1 {{axis 3 is out of range for rank 3}}
  %0 = spectral.mode_mix %x, %w axes [3] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x3x4xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_dynamic_spatial(%x: tensor<2x3x?xf32>, %w: tensor<3x3x4xcomplex<f32>>) {
  // expected-error @+1 {{needs static input and result sizes along axis 2}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x?xf32>, tensor<3x3x4xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_empty_axis(%x: tensor<2x3x0xf32>, %w: tensor<3x3x1xcomplex<f32>>) {
  // expected-error @+1 {{needs at least one sample along axis 2 of the input and the result}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [1] : tensor<2x3x0xf32>, tensor<3x3x1xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_result_rank(%x: tensor<2x3x8xf32>, %w: tensor<3x3x4xcomplex<f32>>) {
  // expected-error @+1 {{result rank 2 differs from input rank 3}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x3x4xcomplex<f32>> -> tensor<3x8xf32>
  return
}

// -----

func.func @mode_mix_batch(%x: tensor<2x3x8xf32>, %w: tensor<3x3x4xcomplex<f32>>) {
  // expected-error @+1 {{result dimension 0 (5) differs from the input's (2)}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x3x4xcomplex<f32>> -> tensor<5x3x8xf32>
  return
}

// -----

func.func @mode_mix_result_element(%x: tensor<2x3x8xf32>, %w: tensor<3x3x4xcomplex<f32>>) {
  // expected-error @+1 {{result element type 'f64' differs from input element type 'f32'}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x3x4xcomplex<f32>> -> tensor<2x3x8xf64>
  return
}

// -----

func.func @mode_mix_weight_element(%x: tensor<2x3x8xf32>, %w: tensor<3x3x4xcomplex<f64>>) {
  // expected-error @+1 {{weight element type 'complex<f64>' must be 'complex<f32>'}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x3x4xcomplex<f64>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_weight_rank(%x: tensor<2x3x8xf32>, %w: tensor<3x4xcomplex<f32>>) {
  // expected-error @+1 {{weight must have rank 3 ([in, out, modes...]), got rank 2}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x4xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_mode_count(%x: tensor<2x3x8xf32>, %w: tensor<3x3x4xcomplex<f32>>) {
  // expected-error @+1 {{needs one mode count per axis: 1 axes, 2 mode counts}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4, 4] : tensor<2x3x8xf32>, tensor<3x3x4xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_in_channels(%x: tensor<2x3x8xf32>, %w: tensor<4x3x4xcomplex<f32>>) {
  // expected-error @+1 {{weight has 4 input channels but the input has 3}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<4x3x4xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_out_channels(%x: tensor<2x3x8xf32>, %w: tensor<3x5x4xcomplex<f32>>) {
  // expected-error @+1 {{weight has 5 output channels but the result has 3}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x5x4xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_too_many_halved_modes(%x: tensor<2x3x8xf32>, %w: tensor<3x3x6xcomplex<f32>>) {
  // expected-error @+1 {{keeps 6 modes along axis 2; expected 1 to 5 for lengths 8 (input) and 8 (result) of the halved axis}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [6] : tensor<2x3x8xf32>, tensor<3x3x6xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_too_many_modes(%x: tensor<3x9x8xf32>, %w: tensor<3x3x7x2xcomplex<f32>>) {
  // expected-error @+1 {{keeps 7 modes along axis 1; expected 1 to 6 for lengths 9 (input) and 6 (result)}}
  %0 = spectral.mode_mix %x, %w axes [1, 2] channel 0 modes [7, 2] : tensor<3x9x8xf32>, tensor<3x3x7x2xcomplex<f32>> -> tensor<3x6x8xf32>
  return
}

// -----

func.func @mode_mix_zero_modes(%x: tensor<2x3x8xf32>, %w: tensor<3x3x0xcomplex<f32>>) {
  // expected-error @+1 {{keeps 0 modes along axis 2; expected 1 to 5}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [0] : tensor<2x3x8xf32>, tensor<3x3x0xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_weight_modes(%x: tensor<2x3x8xf32>, %w: tensor<3x3x3xcomplex<f32>>) {
  // expected-error @+1 {{weight dimension 2 is 3; expected the 4 modes of axis 2}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x3x3xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

// -----

func.func @mode_mix_dynamic_weight_modes(%x: tensor<2x3x8xf32>, %w: tensor<3x3x?xcomplex<f32>>) {
  // expected-error @+1 {{weight dimension 2 is ?; expected the 4 modes of axis 2}}
  %0 = spectral.mode_mix %x, %w axes [2] channel 1 modes [4] : tensor<2x3x8xf32>, tensor<3x3x?xcomplex<f32>> -> tensor<2x3x8xf32>
  return
}

//===----------------------------------------------------------------------===//
// spectral.resample
//===----------------------------------------------------------------------===//

// -----

func.func @resample_element(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{result element type 'f64' differs from input element type 'f32'}}
  %0 = spectral.resample %x axes [1] : tensor<4x8xf32> -> tensor<4x6xf64>
  return
}

// -----

func.func @resample_other_dim(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{result dimension 0 (5) differs from the input's (4)}}
  %0 = spectral.resample %x axes [1] : tensor<4x8xf32> -> tensor<5x6xf32>
  return
}

// -----

func.func @resample_dynamic(%x: tensor<4x?xf32>) {
  // expected-error @+1 {{needs static input and result sizes along axis 1}}
  %0 = spectral.resample %x axes [1] : tensor<4x?xf32> -> tensor<4x6xf32>
  return
}

// -----

func.func @resample_empty(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{needs at least one sample along axis 1 of the input and the result}}
  %0 = spectral.resample %x axes [1] : tensor<4x8xf32> -> tensor<4x0xf32>
  return
}

// -----

func.func @resample_duplicate_axis(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{axis 1 appears more than once in axes}}
  %0 = spectral.resample %x axes [1, 1] : tensor<4x8xf32> -> tensor<4x6xf32>
  return
}

// -----

func.func @resample_rank(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{result rank 3 differs from input rank 2}}
  %0 = spectral.resample %x axes [1] : tensor<4x8xf32> -> tensor<4x6x1xf32>
  return
}
