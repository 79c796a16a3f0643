// RUN: sst-opt %s -split-input-file -spectral-parallel-loops | FileCheck %s
// RUN: sst-opt %s -split-input-file -spectral-parallel-loops="iterations-per-thread=1000000" | FileCheck %s --check-prefix=HIGH
// RUN: sst-opt %s -split-input-file -spectral-parallel-loops="iterations-per-thread=4096" | FileCheck %s --check-prefix=LOW

#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#bcast = affine_map<(d0, d1, d2) -> (0, d1, d2)>

// A product of 4 x 1025 x 256 points: one team over the two outer
// dimensions (4 x 1025 chunks), with the runtime's thread count capped at
// one thread per 16384 points (64), the inner dimension a plain loop, and
// no alloca scope left around the body. Below twice the per-thread count
// (HIGH) it stays a plain loop nest.
// CHECK: func.func private @spectral_runtime_get_num_threads() -> i32
// CHECK-LABEL: func.func @filter_product
// CHECK-DAG: %[[N:.*]] = call @spectral_runtime_get_num_threads() : () -> i32
// CHECK-DAG: %[[CAP:.*]] = arith.constant 64 : i32
// CHECK: %[[TEAM:.*]] = arith.minsi %[[N]], %[[CAP]] : i32
// CHECK: omp.parallel num_threads(%[[TEAM]] : i32) {
// CHECK:   omp.wsloop {
// CHECK:     omp.loop_nest (%{{.*}}, %{{.*}}) : index = {{.*}} to (%c4, %c1025)
// CHECK-NOT: memref.alloca_scope
// CHECK:       scf.for %{{.*}} = %{{.*}} to %c256
// CHECK:         complex.mul
// CHECK: return
// HIGH-LABEL: func.func @filter_product
// HIGH-NOT: omp.parallel
// HIGH: scf.for
// HIGH: scf.for
// HIGH: scf.for
// HIGH: complex.mul
func.func @filter_product(%f: memref<1x1025x256xcomplex<f32>>,
                          %s: memref<4x1025x256xcomplex<f32>>) {
  linalg.generic {indexing_maps = [#bcast, #id3],
                  iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%f : memref<1x1025x256xcomplex<f32>>)
      outs(%s : memref<4x1025x256xcomplex<f32>>) {
  ^bb0(%in: complex<f32>, %out: complex<f32>):
    %p = complex.mul %out, %in : complex<f32>
    linalg.yield %p : complex<f32>
  }
  return
}

// -----

// Too few points to wake threads: sequential loops, no runtime call.
// CHECK: module {
// CHECK-NEXT: func.func @small
// CHECK-NOT: omp.parallel
// CHECK: scf.for
// CHECK: arith.addf
func.func @small(%a: memref<16x16xf32>, %b: memref<16x16xf32>) {
  linalg.add ins(%a, %a : memref<16x16xf32>, memref<16x16xf32>)
             outs(%b : memref<16x16xf32>)
  return
}

// -----

// A size known only at run time may be large: parallel, on the runtime's
// thread count uncapped.
// CHECK-LABEL: func.func @dynamic
// CHECK: %[[N:.*]] = call @spectral_runtime_get_num_threads
// CHECK-NOT: arith.minsi
// CHECK: omp.parallel num_threads(%[[N]] : i32)
// CHECK: omp.loop_nest (%{{.*}}) : index
func.func @dynamic(%a: memref<?xf32>, %b: memref<?xf32>) {
  linalg.copy ins(%a : memref<?xf32>) outs(%b : memref<?xf32>)
  return
}

// -----

// A contraction: its parallel dimensions (64 x 128) are shared out, the
// reduction dimension runs sequentially inside each point; its work
// (64 x 128 x 32) caps the team at 16 threads.
// CHECK-LABEL: func.func @contraction
// CHECK: arith.constant 16 : i32
// CHECK: omp.parallel
// CHECK: omp.loop_nest (%{{.*}}, %{{.*}}) : index = {{.*}} to (%c64, %c128)
// CHECK: scf.for %{{.*}} = %{{.*}} to %c32
// CHECK: arith.mulf
// CHECK: omp.yield
func.func @contraction(%a: memref<64x32xf32>, %b: memref<32x128xf32>,
                       %c: memref<64x128xf32>) {
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x128xf32>)
                outs(%c : memref<64x128xf32>)
  return
}

// -----

// The module's own scf.parallel loops get the runtime's count too, capped
// by their work (8 iterations: one thread); an omp.parallel that already
// has one keeps it.
// CHECK-LABEL: func.func @existing
// CHECK-DAG: %[[N:.*]] = call @spectral_runtime_get_num_threads
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: %[[TEAM:.*]] = arith.minsi %[[N]], %[[ONE]] : i32
// CHECK: omp.parallel num_threads(%[[TEAM]] : i32)
// CHECK: omp.parallel num_threads(%arg1 : i32)
func.func @existing(%a: memref<8xf32>, %n: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %one = arith.constant 1.0 : f32
  scf.parallel (%i) = (%c0) to (%c8) step (%c1) {
    memref.store %one, %a[%i] : memref<8xf32>
  }
  omp.parallel num_threads(%n : i32) {
    omp.terminator
  }
  return
}

// -----

// 1 x 128 x 65 points (a TOSA rfft2d's real and imaginary split): 128
// chunks once the first two dimensions are shared, so the innermost loop
// stays out of the team and vectorises; 8320 points are not worth a second
// thread at 16384 per thread, but are at 4096.
// CHECK-LABEL: func.func @split
// CHECK-NOT: omp.parallel
// CHECK: return
// LOW-LABEL: func.func @split
// LOW: arith.constant 2 : i32
// LOW: omp.loop_nest (%{{.*}}, %{{.*}}) : index = {{.*}} to (%c1, %c128)
// LOW-NOT: collapse(3)
// LOW: scf.for %{{.*}} = %{{.*}} to %c65
#id3s = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @split(%s: memref<1x128x65xcomplex<f32>>, %re: memref<1x128x65xf32>,
                 %im: memref<1x128x65xf32>) {
  linalg.generic {indexing_maps = [#id3s, #id3s, #id3s],
                  iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%s : memref<1x128x65xcomplex<f32>>)
      outs(%re, %im : memref<1x128x65xf32>, memref<1x128x65xf32>) {
  ^bb0(%in: complex<f32>, %r: f32, %i: f32):
    %0 = complex.re %in : complex<f32>
    %1 = complex.im %in : complex<f32>
    linalg.yield %0, %1 : f32, f32
  }
  return
}
