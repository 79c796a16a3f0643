// RUN: sst-opt %s -split-input-file -convert-spectral-to-runtime | FileCheck %s
// RUN: sst-opt %s -split-input-file -convert-spectral-to-runtime="fuse-filters=false" | FileCheck %s --check-prefix=UNFUSED
// RUN: sst-opt %s -split-input-file -convert-spectral-to-runtime="target=cuda" | FileCheck %s --check-prefix=CUDA

#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#bcast = affine_map<(d0, d1, d2) -> (0, d1, d2)>

// What spectral.mix bufferizes to: r2c into a temporary, the product with a
// filter broadcast over the batch, c2r of the product. One call on the CPU;
// the spectrum's allocation and release go.
// CHECK-LABEL: func.func @mix
// CHECK-NOT: memref.alloc() {{.*}}complex
// CHECK: %[[Y:.*]] = memref.alloc() {{.*}} : memref<4x64x8xf32>
// CHECK-DAG: %[[XC:.*]] = memref.cast %arg0 : memref<4x64x8xf32> to memref<*xf32>
// CHECK-DAG: %[[FC:.*]] = memref.cast %arg1 : memref<1x33x8xcomplex<f32>> to memref<*xcomplex<f32>>
// CHECK-DAG: %[[YC:.*]] = memref.cast %[[Y]] : memref<4x64x8xf32> to memref<*xf32>
// CHECK-DAG: %[[MASK:.*]] = arith.constant 2 : i64
// CHECK-DAG: %[[AXIS:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[BACKWARD:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[ORTHO:.*]] = arith.constant 2 : i32
// CHECK: call @spectral_fft_filter(%[[XC]], %[[FC]], %[[YC]], %[[MASK]], %[[AXIS]], %[[BACKWARD]], %[[ORTHO]])
// CHECK-NOT: linalg.generic
// CHECK-NOT: memref.dealloc
// CHECK: return %[[Y]]
// UNFUSED-LABEL: func.func @mix
// UNFUSED: call @spectral_fft_r2c(
// UNFUSED: linalg.generic
// UNFUSED: call @spectral_fft_c2r_overwrite_input(
// CUDA-LABEL: func.func @mix
// CUDA: call @spectral_cuda_fft_r2c(
// CUDA: linalg.generic
// CUDA: call @spectral_cuda_fft_c2r_overwrite_input(
func.func @mix(%x: memref<4x64x8xf32>, %f: memref<1x33x8xcomplex<f32>>) -> memref<4x64x8xf32> {
  %s = memref.alloc() {alignment = 64 : i64} : memref<4x33x8xcomplex<f32>>
  spectral.dft r2c %x into %s axes [1] norm backward : memref<4x64x8xf32>, memref<4x33x8xcomplex<f32>>
  linalg.generic {indexing_maps = [#bcast, #id], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%f : memref<1x33x8xcomplex<f32>>) outs(%s : memref<4x33x8xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.mul %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  %y = memref.alloc() {alignment = 64 : i64} : memref<4x64x8xf32>
  spectral.dft c2r %s into %y axes [1] norm ortho overwrite_input : memref<4x33x8xcomplex<f32>>, memref<4x64x8xf32>
  memref.dealloc %s : memref<4x33x8xcomplex<f32>>
  return %y : memref<4x64x8xf32>
}

// -----

#id1 = affine_map<(d0) -> (d0)>

// The input is written between the transforms: reading it later would read
// the new values, so nothing is fused.
// CHECK-LABEL: func.func @input_written_between
// CHECK-NOT: spectral_fft_filter
// CHECK: call @spectral_fft_r2c(
// CHECK: call @spectral_fft_c2r_overwrite_input(
func.func @input_written_between(%x: memref<16xf32>, %f: memref<9xcomplex<f32>>, %v: f32) -> memref<16xf32> {
  %s = memref.alloc() : memref<9xcomplex<f32>>
  spectral.dft r2c %x into %s axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%f : memref<9xcomplex<f32>>) outs(%s : memref<9xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.mul %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  %c0 = arith.constant 0 : index
  memref.store %v, %x[%c0] : memref<16xf32>
  %y = memref.alloc() : memref<16xf32>
  spectral.dft c2r %s into %y axes [0] norm backward overwrite_input : memref<9xcomplex<f32>>, memref<16xf32>
  return %y : memref<16xf32>
}

// -----

#id1 = affine_map<(d0) -> (d0)>

// The spectrum has another reader, and the output is the caller's buffer
// (it may alias the input): neither is fused.
// CHECK-LABEL: func.func @spectrum_read_elsewhere
// CHECK-NOT: spectral_fft_filter
// CHECK-LABEL: func.func @output_not_fresh
// CHECK-NOT: spectral_fft_filter
// CHECK: return
func.func @spectrum_read_elsewhere(%x: memref<16xf32>, %f: memref<9xcomplex<f32>>, %copy: memref<9xcomplex<f32>>) -> memref<16xf32> {
  %s = memref.alloc() : memref<9xcomplex<f32>>
  spectral.dft r2c %x into %s axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%f : memref<9xcomplex<f32>>) outs(%s : memref<9xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.mul %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  memref.copy %s, %copy : memref<9xcomplex<f32>> to memref<9xcomplex<f32>>
  %y = memref.alloc() : memref<16xf32>
  spectral.dft c2r %s into %y axes [0] norm backward : memref<9xcomplex<f32>>, memref<16xf32>
  return %y : memref<16xf32>
}

func.func @output_not_fresh(%x: memref<16xf32>, %f: memref<9xcomplex<f32>>, %y: memref<16xf32>) {
  %s = memref.alloc() : memref<9xcomplex<f32>>
  spectral.dft r2c %x into %s axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%f : memref<9xcomplex<f32>>) outs(%s : memref<9xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.mul %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  spectral.dft c2r %s into %y axes [0] norm backward overwrite_input : memref<9xcomplex<f32>>, memref<16xf32>
  return
}

// -----

#id1 = affine_map<(d0) -> (d0)>

// The product is not a plain multiplication by the filter.
// CHECK-LABEL: func.func @not_a_product
// CHECK-NOT: spectral_fft_filter
// CHECK: return
func.func @not_a_product(%x: memref<16xf32>, %f: memref<9xcomplex<f32>>) -> memref<16xf32> {
  %s = memref.alloc() : memref<9xcomplex<f32>>
  spectral.dft r2c %x into %s axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%f : memref<9xcomplex<f32>>) outs(%s : memref<9xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.add %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  %y = memref.alloc() : memref<16xf32>
  spectral.dft c2r %s into %y axes [0] norm backward overwrite_input : memref<9xcomplex<f32>>, memref<16xf32>
  return %y : memref<16xf32>
}

// -----

#id1 = affine_map<(d0) -> (d0)>

// What an FFT convolution bufferizes to: the kernel is transformed into the
// filter after the input's transform and before the product, which reads
// that write as the fused call does. Fused.
// CHECK-LABEL: func.func @convolution
// CHECK: %[[F:.*]] = memref.alloc() : memref<9xcomplex<f32>>
// CHECK: call @spectral_fft_r2c(
// CHECK-NOT: linalg.generic
// CHECK: call @spectral_fft_filter(
// CHECK-NOT: spectral_fft_c2r
// CHECK: return
func.func @convolution(%x: memref<16xf32>, %k: memref<16xf32>) -> memref<16xf32> {
  %s = memref.alloc() : memref<9xcomplex<f32>>
  %f = memref.alloc() : memref<9xcomplex<f32>>
  spectral.dft r2c %x into %s axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  spectral.dft r2c %k into %f axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%f : memref<9xcomplex<f32>>) outs(%s : memref<9xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.mul %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  %y = memref.alloc() : memref<16xf32>
  spectral.dft c2r %s into %y axes [0] norm backward overwrite_input : memref<9xcomplex<f32>>, memref<16xf32>
  memref.dealloc %s : memref<9xcomplex<f32>>
  memref.dealloc %f : memref<9xcomplex<f32>>
  return %y : memref<16xf32>
}

// -----

#id1 = affine_map<(d0) -> (d0)>

// The filter is written after the product: the fused call would read the
// new values, so nothing is fused. Nor where an op between writes a buffer
// that may be the input (another argument may view the same memory).
// CHECK-LABEL: func.func @filter_written_after_product
// CHECK-NOT: spectral_fft_filter
// CHECK: return
// CHECK-LABEL: func.func @argument_written_between
// CHECK-NOT: spectral_fft_filter
// CHECK: return
func.func @filter_written_after_product(%x: memref<16xf32>, %k: memref<16xf32>) -> memref<16xf32> {
  %s = memref.alloc() : memref<9xcomplex<f32>>
  %f = memref.alloc() : memref<9xcomplex<f32>>
  spectral.dft r2c %k into %f axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  spectral.dft r2c %x into %s axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%f : memref<9xcomplex<f32>>) outs(%s : memref<9xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.mul %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  spectral.dft r2c %x into %f axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  %y = memref.alloc() : memref<16xf32>
  spectral.dft c2r %s into %y axes [0] norm backward overwrite_input : memref<9xcomplex<f32>>, memref<16xf32>
  return %y : memref<16xf32>
}

func.func @argument_written_between(%x: memref<16xf32>, %f: memref<9xcomplex<f32>>,
                                    %other: memref<16xf32>) -> memref<16xf32> {
  %s = memref.alloc() : memref<9xcomplex<f32>>
  spectral.dft r2c %x into %s axes [0] norm backward : memref<16xf32>, memref<9xcomplex<f32>>
  linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]}
      ins(%f : memref<9xcomplex<f32>>) outs(%s : memref<9xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.mul %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%other : memref<16xf32>)
  %y = memref.alloc() : memref<16xf32>
  spectral.dft c2r %s into %y axes [0] norm backward overwrite_input : memref<9xcomplex<f32>>, memref<16xf32>
  return %y : memref<16xf32>
}
