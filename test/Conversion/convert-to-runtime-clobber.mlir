// RUN: sst-opt %s -split-input-file -convert-spectral-to-runtime="fuse-filters=false" | FileCheck %s

// A c2r whose input is a temporary that nothing reads afterwards (what the
// inverse half of spectral.mode_mix bufferizes to: the spectrum is filled
// through a view, transformed, released) may clobber it: the runtime then
// makes no copy.
// CHECK-LABEL: func.func @temporary
// CHECK: call @spectral_fft_c2r_overwrite_input(
// CHECK-NOT: call @spectral_fft_c2r(
func.func @temporary(%modes: memref<4x3xcomplex<f32>>) -> memref<4x8xf32> {
  %zero = complex.constant [0.0 : f32, 0.0 : f32] : complex<f32>
  %s = memref.alloc() : memref<4x5xcomplex<f32>>
  linalg.fill ins(%zero : complex<f32>) outs(%s : memref<4x5xcomplex<f32>>)
  %low = memref.subview %s[0, 0] [4, 3] [1, 1] : memref<4x5xcomplex<f32>> to memref<4x3xcomplex<f32>, strided<[5, 1]>>
  memref.copy %modes, %low : memref<4x3xcomplex<f32>> to memref<4x3xcomplex<f32>, strided<[5, 1]>>
  %y = memref.alloc() : memref<4x8xf32>
  spectral.dft c2r %s into %y axes [1] norm backward : memref<4x5xcomplex<f32>>, memref<4x8xf32>
  memref.dealloc %s : memref<4x5xcomplex<f32>>
  return %y : memref<4x8xf32>
}

// -----

// The spectrum is read after the transform (through a view), it is the
// caller's, or the transform's output lives in the same allocation: the
// input is kept.
// CHECK-LABEL: func.func @read_after
// CHECK: call @spectral_fft_c2r(
// CHECK-LABEL: func.func @argument
// CHECK: call @spectral_fft_c2r(
// CHECK-LABEL: func.func @same_allocation
// CHECK: call @spectral_fft_c2r(
func.func @read_after(%copy: memref<4x3xcomplex<f32>>) -> memref<4x8xf32> {
  %s = memref.alloc() : memref<4x5xcomplex<f32>>
  %y = memref.alloc() : memref<4x8xf32>
  spectral.dft c2r %s into %y axes [1] norm backward : memref<4x5xcomplex<f32>>, memref<4x8xf32>
  %low = memref.subview %s[0, 0] [4, 3] [1, 1] : memref<4x5xcomplex<f32>> to memref<4x3xcomplex<f32>, strided<[5, 1]>>
  memref.copy %low, %copy : memref<4x3xcomplex<f32>, strided<[5, 1]>> to memref<4x3xcomplex<f32>>
  memref.dealloc %s : memref<4x5xcomplex<f32>>
  return %y : memref<4x8xf32>
}

func.func @argument(%s: memref<4x5xcomplex<f32>>) -> memref<4x8xf32> {
  %y = memref.alloc() : memref<4x8xf32>
  spectral.dft c2r %s into %y axes [1] norm backward : memref<4x5xcomplex<f32>>, memref<4x8xf32>
  return %y : memref<4x8xf32>
}

func.func @same_allocation() {
  %c0 = arith.constant 0 : index
  %c160 = arith.constant 160 : index
  %bytes = memref.alloc() : memref<288xi8>
  %s = memref.view %bytes[%c0][] : memref<288xi8> to memref<4x5xcomplex<f32>>
  %y = memref.view %bytes[%c160][] : memref<288xi8> to memref<4x8xf32>
  spectral.dft c2r %s into %y axes [1] norm backward : memref<4x5xcomplex<f32>>, memref<4x8xf32>
  memref.dealloc %bytes : memref<288xi8>
  return
}
