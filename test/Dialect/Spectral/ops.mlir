// RUN: sst-opt %s -split-input-file | sst-opt -split-input-file | FileCheck %s
// RUN: sst-opt %s -split-input-file -mlir-print-op-generic | sst-opt -split-input-file | FileCheck %s

// Every op and every type parameter survives printing and re-parsing, in the
// custom and in the generic form.

// CHECK-LABEL: func @sst_defaults
// CHECK-SAME: !spectral.sst<64x48xf32, keep = 16>
func.func @sst_defaults(%s: !spectral.sst<64x48xf32, keep = 16>) {
  return
}

// -----

// Explicit parameters equal to their defaults are elided.
// CHECK-LABEL: func @sst_explicit_defaults
// CHECK-SAME: !spectral.sst<64x48xf32, keep = 16>)
func.func @sst_explicit_defaults(
    %s: !spectral.sst<64x48xf32, keep = 16, transform = rfft, axes = [0, 1],
                      tile = [64, 48], coeff = complex<f32>, index = i32>) {
  return
}

// -----

// Parameters may come in any order; they print in a fixed one.
// CHECK-LABEL: func @sst_all_parameters
// CHECK-SAME: !spectral.sst<8x64x48xf32, keep = 100, transform = fft, axes = [2, 1], tile = [2, 16, 48], coeff = complex<f16>, index = i16>
func.func @sst_all_parameters(
    %s: !spectral.sst<8x64x48xf32, index = i16, coeff = complex<f16>,
                      tile = [2, 16, 48], axes = [2, 1], transform = fft,
                      keep = 100>) {
  return
}

// -----

// CHECK-LABEL: func @sst_storage_types
// CHECK-SAME: !spectral.sst<128xf64, keep = 3, coeff = complex<f64>, index = i64>
// CHECK-SAME: !spectral.sst<128xbf16, keep = 3, coeff = complex<bf16>>
// CHECK-SAME: !spectral.sst<4x128xf16, keep = 3, axes = [1]>
// CHECK-SAME: !spectral.sst<16x16xcomplex<f32>, keep = 256, transform = fft>
// CHECK-SAME: !spectral.sst<1x2x1x2x1x2x1x2xf32, keep = 1, axes = [7]>
func.func @sst_storage_types(
    %a: !spectral.sst<128xf64, keep = 3, coeff = complex<f64>, index = i64>,
    %b: !spectral.sst<128xbf16, keep = 3, coeff = complex<bf16>>,
    %c: !spectral.sst<4x128xf16, keep = 3, axes = [1]>,
    %d: !spectral.sst<16x16xcomplex<f32>, keep = 256, transform = fft>,
    %e: !spectral.sst<1x2x1x2x1x2x1x2xf32, keep = 1, axes = [7]>) {
  return
}

// -----

// CHECK-LABEL: func @compress_decompress
func.func @compress_decompress(%x: tensor<256x512xf32>)
    -> (tensor<256x512xf32>, tensor<32x512xf32>) {
  // CHECK: %[[S:.*]] = spectral.compress %{{.*}} : tensor<256x512xf32> -> !spectral.sst<256x512xf32, keep = 64, tile = [16, 512]>
  %s = spectral.compress %x : tensor<256x512xf32>
         -> !spectral.sst<256x512xf32, keep = 64, tile = [16, 512]>
  // CHECK: spectral.decompress %[[S]] : !spectral.sst<256x512xf32, keep = 64, tile = [16, 512]>
  %d = spectral.decompress %s : !spectral.sst<256x512xf32, keep = 64, tile = [16, 512]>
  // CHECK: spectral.decompress_tiles %[[S]] [32, 0] [32, 512] : !spectral.sst<256x512xf32, keep = 64, tile = [16, 512]>
  %t = spectral.decompress_tiles %s[32, 0] [32, 512]
         : !spectral.sst<256x512xf32, keep = 64, tile = [16, 512]>
  return %d, %t : tensor<256x512xf32>, tensor<32x512xf32>
}

// -----

// CHECK-LABEL: func @decompress_tiles_dynamic
func.func @decompress_tiles_dynamic(
    %s: !spectral.sst<4096x1024xf32, keep = 512, tile = [64, 1024]>,
    %i: index) -> tensor<128x1024xf32> {
  // CHECK: spectral.decompress_tiles %{{.*}} [%{{.*}}, 0] [128, 1024]
  %t = spectral.decompress_tiles %s[%i, 0] [128, 1024]
         : !spectral.sst<4096x1024xf32, keep = 512, tile = [64, 1024]>
  return %t : tensor<128x1024xf32>
}

// -----

// CHECK-LABEL: func @complex_fft_layout
func.func @complex_fft_layout(%x: tensor<16x16xcomplex<f32>>) -> tensor<16x16xcomplex<f32>> {
  // CHECK: spectral.compress %{{.*}} : tensor<16x16xcomplex<f32>> -> !spectral.sst<16x16xcomplex<f32>, keep = 40, transform = fft>
  %s = spectral.compress %x : tensor<16x16xcomplex<f32>>
         -> !spectral.sst<16x16xcomplex<f32>, keep = 40, transform = fft>
  %d = spectral.decompress %s : !spectral.sst<16x16xcomplex<f32>, keep = 40, transform = fft>
  return %d : tensor<16x16xcomplex<f32>>
}

// -----

// CHECK-LABEL: func @storage
func.func @storage(%c: tensor<4x8xcomplex<f16>>, %p: tensor<4x8xi16>)
    -> (tensor<4x8xcomplex<f16>>, tensor<4x8xi16>) {
  // CHECK: %[[S:.*]] = spectral.assemble %{{.*}}, %{{.*}} : tensor<4x8xcomplex<f16>>, tensor<4x8xi16> -> !spectral.sst<64x64xf32, keep = 8, tile = [32, 32], coeff = complex<f16>, index = i16>
  %s = spectral.assemble %c, %p : tensor<4x8xcomplex<f16>>, tensor<4x8xi16>
         -> !spectral.sst<64x64xf32, keep = 8, tile = [32, 32], coeff = complex<f16>, index = i16>
  // CHECK: spectral.coefficients %[[S]] : !spectral.sst
  %c2 = spectral.coefficients %s
          : !spectral.sst<64x64xf32, keep = 8, tile = [32, 32], coeff = complex<f16>, index = i16>
  // CHECK: spectral.positions %[[S]] : !spectral.sst
  %p2 = spectral.positions %s
          : !spectral.sst<64x64xf32, keep = 8, tile = [32, 32], coeff = complex<f16>, index = i16>
  return %c2, %p2 : tensor<4x8xcomplex<f16>>, tensor<4x8xi16>
}

// -----

// CHECK-LABEL: func @coefficient_algebra
func.func @coefficient_algebra(%a: !spectral.sst<64x64xf32, keep = 32>,
                               %b: !spectral.sst<64x64xf32, keep = 16, index = i16>,
                               %f: f32) -> f32 {
  // CHECK: spectral.scale %{{.*}}, %{{.*}} : !spectral.sst<64x64xf32, keep = 32>, f32
  %s = spectral.scale %a, %f : !spectral.sst<64x64xf32, keep = 32>, f32
  // CHECK: spectral.add %{{.*}}, %{{.*}} : !spectral.sst<64x64xf32, keep = 32>, !spectral.sst<64x64xf32, keep = 16, index = i16> -> !spectral.sst<64x64xf32, keep = 48>
  %sum = spectral.add %s, %b : !spectral.sst<64x64xf32, keep = 32>,
           !spectral.sst<64x64xf32, keep = 16, index = i16>
           -> !spectral.sst<64x64xf32, keep = 48>
  // CHECK: spectral.energy %{{.*}} : !spectral.sst<64x64xf32, keep = 48>
  %e = spectral.energy %sum : !spectral.sst<64x64xf32, keep = 48>
  return %e : f32
}

// -----

// CHECK-LABEL: func @complex_scale
func.func @complex_scale(%a: !spectral.sst<32xcomplex<f64>, keep = 4, transform = fft, coeff = complex<f64>>,
                         %f: complex<f64>, %g: f64) {
  // CHECK: spectral.scale %{{.*}}, %{{.*}} : {{.*}}, complex<f64>
  %s = spectral.scale %a, %f : !spectral.sst<32xcomplex<f64>, keep = 4, transform = fft, coeff = complex<f64>>, complex<f64>
  // CHECK: spectral.scale %{{.*}}, %{{.*}} : {{.*}}, f64
  %t = spectral.scale %s, %g : !spectral.sst<32xcomplex<f64>, keep = 4, transform = fft, coeff = complex<f64>>, f64
  return
}

// -----

// CHECK-LABEL: func @dense_transforms
func.func @dense_transforms(%x: tensor<8x100xcomplex<f32>>, %r: tensor<8x101xf32>) {
  // CHECK: spectral.fft %{{.*}} : tensor<8x100xcomplex<f32>>
  %a = spectral.fft %x : tensor<8x100xcomplex<f32>>
  // CHECK: spectral.fft %{{.*}} axes [1] norm ortho : tensor<8x100xcomplex<f32>>
  %b = spectral.fft %x axes [1] norm ortho : tensor<8x100xcomplex<f32>>
  // CHECK: spectral.ifft %{{.*}} axes [1, 0] norm forward : tensor<8x100xcomplex<f32>>
  %c = spectral.ifft %x axes [1, 0] norm forward : tensor<8x100xcomplex<f32>>
  // The default norm is elided.
  // CHECK: spectral.ifft %{{.*}} axes [0] : tensor<8x100xcomplex<f32>>
  %d = spectral.ifft %x axes [0] norm backward : tensor<8x100xcomplex<f32>>
  // CHECK: %[[H:.*]] = spectral.rfft %{{.*}} axes [1] : tensor<8x101xf32>
  %h = spectral.rfft %r axes [1] : tensor<8x101xf32>
  // CHECK: spectral.irfft %[[H]] axes [1] n 101 norm ortho : tensor<8x51xcomplex<f32>>
  %i = spectral.irfft %h axes [1] n 101 norm ortho : tensor<8x51xcomplex<f32>>
  // CHECK: spectral.irfft %[[H]] axes [1] : tensor<8x51xcomplex<f32>>
  %j = spectral.irfft %h axes [1] : tensor<8x51xcomplex<f32>>
  // CHECK: spectral.rfft %{{.*}} : tensor<8x101xf32>
  %k = spectral.rfft %r : tensor<8x101xf32>
  return
}

// -----

// Result types are inferred; check them through their uses.
// CHECK-LABEL: func @inferred_types
func.func @inferred_types(%r: tensor<3x7x5xf64>, %d: tensor<?x10xf32>)
    -> (tensor<3x4x5xcomplex<f64>>, tensor<3x7x5xf64>, tensor<?x6xcomplex<f32>>, tensor<?x10xf32>) {
  %h = spectral.rfft %r axes [2, 1] : tensor<3x7x5xf64>
  %x = spectral.irfft %h axes [2, 1] n 7 : tensor<3x4x5xcomplex<f64>>
  %y = spectral.rfft %d axes [1] : tensor<?x10xf32>
  %z = spectral.irfft %y axes [1] : tensor<?x6xcomplex<f32>>
  // CHECK: return %{{.*}} : tensor<3x4x5xcomplex<f64>>, tensor<3x7x5xf64>, tensor<?x6xcomplex<f32>>, tensor<?x10xf32>
  return %h, %x, %y, %z : tensor<3x4x5xcomplex<f64>>, tensor<3x7x5xf64>, tensor<?x6xcomplex<f32>>, tensor<?x10xf32>
}

// -----

// CHECK-LABEL: func @mix
func.func @mix(%x: tensor<4x2048x256xf32>, %f: tensor<1025xcomplex<f32>>,
               %g: tensor<1x1025x256xcomplex<f32>>) -> tensor<4x2048x256xf32> {
  // CHECK: spectral.mix %{{.*}}, %{{.*}} axis 1 : tensor<4x2048x256xf32>, tensor<1025xcomplex<f32>>
  %y = spectral.mix %x, %f axis 1 : tensor<4x2048x256xf32>, tensor<1025xcomplex<f32>>
  // CHECK: spectral.mix %{{.*}}, %{{.*}} axis 1 : tensor<4x2048x256xf32>, tensor<1x1025x256xcomplex<f32>>
  %z = spectral.mix %y, %g axis 1 : tensor<4x2048x256xf32>, tensor<1x1025x256xcomplex<f32>>
  return %z : tensor<4x2048x256xf32>
}

// -----

// CHECK-LABEL: func @conv
func.func @conv(%x: tensor<4x1000xf32>, %k: tensor<1x63xf32>, %v: tensor<9x10x11xf32>, %w: tensor<3x4x5xf32>)
    -> (tensor<4x1062xf32>, tensor<4x1000xf32>, tensor<4x1000xf32>, tensor<11x13x15xf32>) {
  // CHECK: spectral.conv %{{.*}}, %{{.*}} axes [1] : tensor<4x1000xf32>, tensor<1x63xf32>
  %full = spectral.conv %x, %k axes [1] mode full : tensor<4x1000xf32>, tensor<1x63xf32>
  // CHECK: spectral.conv %{{.*}}, %{{.*}} axes [1] mode same : tensor<4x1000xf32>, tensor<1x63xf32>
  %same = spectral.conv %x, %k axes [1] mode same : tensor<4x1000xf32>, tensor<1x63xf32>
  // CHECK: spectral.conv %{{.*}}, %{{.*}} axes [1] mode causal : tensor<4x1000xf32>, tensor<1x63xf32>
  %causal = spectral.conv %x, %k axes [1] mode causal : tensor<4x1000xf32>, tensor<1x63xf32>
  // CHECK: spectral.conv %{{.*}}, %{{.*}} axes [0, 1, 2] : tensor<9x10x11xf32>, tensor<3x4x5xf32>
  %vol = spectral.conv %v, %w axes [0, 1, 2] : tensor<9x10x11xf32>, tensor<3x4x5xf32>
  return %full, %same, %causal, %vol : tensor<4x1062xf32>, tensor<4x1000xf32>, tensor<4x1000xf32>, tensor<11x13x15xf32>
}

// -----

// CHECK-LABEL: func @matmul
func.func @matmul(%x: tensor<8x128x4096xf32>,
                  %w: !spectral.sst<4096x1024xf32, keep = 256, tile = [64, 1024]>)
    -> tensor<8x128x1024xf32> {
  // CHECK: spectral.matmul %{{.*}}, %{{.*}} : tensor<8x128x4096xf32>, !spectral.sst<4096x1024xf32, keep = 256, tile = [64, 1024]>
  %y = spectral.matmul %x, %w : tensor<8x128x4096xf32>,
         !spectral.sst<4096x1024xf32, keep = 256, tile = [64, 1024]>
  return %y : tensor<8x128x1024xf32>
}

// -----

// The mid-level transform, on tensors and on memrefs.
// CHECK-LABEL: func @dft
func.func @dft(%x: tensor<8x100xf32>, %a: memref<8x51xcomplex<f32>>, %b: memref<8x100xf32>,
               %c: tensor<?x7xcomplex<f64>>, %d: tensor<?x7xcomplex<f64>>) -> tensor<?x7xcomplex<f64>> {
  %e = tensor.empty() : tensor<8x51xcomplex<f32>>
  // CHECK: spectral.dft r2c %{{.*}} into %{{.*}} axes [1] norm backward : tensor<8x100xf32>, tensor<8x51xcomplex<f32>> -> tensor<8x51xcomplex<f32>>
  %y = spectral.dft r2c %x into %e axes [1] norm backward
         : tensor<8x100xf32>, tensor<8x51xcomplex<f32>> -> tensor<8x51xcomplex<f32>>
  // CHECK: spectral.dft c2r %{{.*}} into %{{.*}} axes [1] norm ortho : memref<8x51xcomplex<f32>>, memref<8x100xf32>
  spectral.dft c2r %a into %b axes [1] norm ortho : memref<8x51xcomplex<f32>>, memref<8x100xf32>
  // CHECK: spectral.dft c2c_inverse %{{.*}} into %{{.*}} axes [0, 1] norm forward : tensor<?x7xcomplex<f64>>, tensor<?x7xcomplex<f64>> -> tensor<?x7xcomplex<f64>>
  %z = spectral.dft c2c_inverse %c into %d axes [0, 1] norm forward
         : tensor<?x7xcomplex<f64>>, tensor<?x7xcomplex<f64>> -> tensor<?x7xcomplex<f64>>
  return %z : tensor<?x7xcomplex<f64>>
}

// -----

// CHECK-LABEL: func @topk_scatter
func.func @topk_scatter(%s: tensor<4x16xcomplex<f32>>, %c: tensor<4x5xcomplex<f32>>, %p: tensor<4x5xi64>,
                        %m: memref<4x16xcomplex<f32>>, %mc: memref<4x5xcomplex<f32>>, %mp: memref<4x5xi64>) {
  // CHECK: spectral.topk %{{.*}} into %{{.*}}, %{{.*}} tile [4, 6] axes [0, 1] transform rfft : tensor<4x16xcomplex<f32>>, tensor<4x5xcomplex<f32>>, tensor<4x5xi64> -> tensor<4x5xcomplex<f32>>, tensor<4x5xi64>
  %r:2 = spectral.topk %s into %c, %p tile [4, 6] axes [0, 1] transform rfft
    : tensor<4x16xcomplex<f32>>, tensor<4x5xcomplex<f32>>, tensor<4x5xi64> -> tensor<4x5xcomplex<f32>>, tensor<4x5xi64>
  // CHECK: spectral.scatter %{{.*}}, %{{.*}} into %{{.*}} tile [4, 4] axes [1] transform fft : memref<4x5xcomplex<f32>>, memref<4x5xi64>, memref<4x16xcomplex<f32>>
  spectral.scatter %mc, %mp into %m tile [4, 4] axes [1] transform fft
    : memref<4x5xcomplex<f32>>, memref<4x5xi64>, memref<4x16xcomplex<f32>>
  // CHECK: spectral.gather %{{.*}}[%{{.*}}] into %{{.*}} tile [4, 6] axes [0, 1] transform rfft : tensor<4x16xcomplex<f32>>, tensor<4x5xi64>, tensor<4x5xcomplex<f32>> -> tensor<4x5xcomplex<f32>>
  %g = spectral.gather %s[%p] into %c tile [4, 6] axes [0, 1] transform rfft
    : tensor<4x16xcomplex<f32>>, tensor<4x5xi64>, tensor<4x5xcomplex<f32>> -> tensor<4x5xcomplex<f32>>
  // CHECK: spectral.gather %{{.*}}[%{{.*}}] into %{{.*}} tile [4, 4] axes [1] transform fft : memref<4x16xcomplex<f32>>, memref<4x5xi64>, memref<4x5xcomplex<f32>>{{$}}
  spectral.gather %m[%mp] into %mc tile [4, 4] axes [1] transform fft
    : memref<4x16xcomplex<f32>>, memref<4x5xi64>, memref<4x5xcomplex<f32>>
  return
}

// -----

// CHECK-LABEL: func @decompress_adjoint
func.func @decompress_adjoint(%g: tensor<8x16xf32>, %s: !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>)
    -> !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]> {
  // CHECK: %[[D:.*]] = spectral.decompress_adjoint %{{.*}}, %{{.*}} : tensor<8x16xf32>, !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
  // CHECK: return %[[D]] : !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
  %d = spectral.decompress_adjoint %g, %s : tensor<8x16xf32>, !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
  return %d : !spectral.sst<8x16xf32, keep = 5, tile = [4, 16]>
}

// -----

// CHECK-LABEL: func @check_size
func.func @check_size(%a: index, %b: index) {
  // CHECK: spectral.check_size %{{.*}}, %{{.*}} for "spectral.mix" operand "filter" dim 0
  spectral.check_size %a, %b for "spectral.mix" operand "filter" dim 0
  return
}

// -----

// CHECK-LABEL: func @check_tile_offset
func.func @check_tile_offset(%i: index) {
  // CHECK: spectral.check_tile_offset %{{.*}} dim 0 tile 64 limit 3968
  spectral.check_tile_offset %i dim 0 tile 64 limit 3968
  return
}

// -----

// CHECK-LABEL: func @mode_mix
func.func @mode_mix(%x: tensor<8x4x32x32xf32>, %w: tensor<4x6x12x7xcomplex<f32>>,
                    %xl: tensor<?x17x3xf64>, %wl: tensor<3x5x9xcomplex<f64>>) {
  // CHECK: spectral.mode_mix %{{.*}}, %{{.*}} axes [2, 3] channel 1 modes [12, 7] : tensor<8x4x32x32xf32>, tensor<4x6x12x7xcomplex<f32>> -> tensor<8x6x32x32xf32>
  %0 = spectral.mode_mix %x, %w axes [2, 3] channel 1 modes [12, 7]
         : tensor<8x4x32x32xf32>, tensor<4x6x12x7xcomplex<f32>> -> tensor<8x6x32x32xf32>
  // A channels-last layout, a larger output and the ortho norm.
  // CHECK: spectral.mode_mix %{{.*}}, %{{.*}} axes [1] channel 2 modes [9] norm ortho : tensor<?x17x3xf64>, tensor<3x5x9xcomplex<f64>> -> tensor<?x40x5xf64>
  %1 = spectral.mode_mix %xl, %wl axes [1] channel 2 modes [9] norm ortho
         : tensor<?x17x3xf64>, tensor<3x5x9xcomplex<f64>> -> tensor<?x40x5xf64>
  return
}

// -----

// CHECK-LABEL: func @resample
func.func @resample(%x: tensor<4x128x127xf32>, %c: tensor<?x10xcomplex<f32>>) {
  // CHECK: spectral.resample %{{.*}} axes [1, 2] : tensor<4x128x127xf32> -> tensor<4x64x200xf32>
  %0 = spectral.resample %x axes [1, 2] : tensor<4x128x127xf32> -> tensor<4x64x200xf32>
  // CHECK: spectral.resample %{{.*}} axes [1] : tensor<?x10xcomplex<f32>> -> tensor<?x7xcomplex<f32>>
  %1 = spectral.resample %c axes [1] : tensor<?x10xcomplex<f32>> -> tensor<?x7xcomplex<f32>>
  return
}
