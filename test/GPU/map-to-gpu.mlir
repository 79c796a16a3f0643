// RUN: sst-opt %s -split-input-file -spectral-map-to-gpu -cse | FileCheck %s
// RUN: sst-opt %s -split-input-file -spectral-map-to-gpu="block-size=128" -cse | FileCheck %s --check-prefix=B128
// RUN: not sst-opt %s -spectral-map-to-gpu="block-size=2048" 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: error: spectral-map-to-gpu: block-size must be in [1, 1024], got 2048

// A static 2-D elementwise op: one launch of ceil(400 / 256) = 2 blocks,
// no emptiness guard, the thread index delinearised innermost first.
// CHECK-LABEL: func.func @neg
//   CHECK-DAG:   %[[C2:.*]] = arith.constant 2 : index
//   CHECK-DAG:   %[[C256:.*]] = arith.constant 256 : index
//   CHECK-DAG:   %[[C400:.*]] = arith.constant 400 : index
//   CHECK-NOT:   scf.if
//       CHECK:   gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C2]], %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) threads(%[[TX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C256]],
//       CHECK:     %[[BASE:.*]] = arith.muli %[[BX]], %[[C256]]
//       CHECK:     %[[LIN:.*]] = arith.addi %[[BASE]], %[[TX]]
//       CHECK:     %[[IN:.*]] = arith.cmpi slt, %[[LIN]], %[[C400]]
//       CHECK:     scf.if %[[IN]] {
//       CHECK:       %[[COL:.*]] = arith.remsi %[[LIN]], %{{.*}} : index
//       CHECK:       %[[ROWS:.*]] = arith.divsi %[[LIN]], %{{.*}} : index
//       CHECK:       %[[ROW:.*]] = arith.remsi %[[ROWS]], %{{.*}} : index
//       CHECK:       memref.load %{{.*}}[%{{.*}}, %{{.*}}] : memref<4x100xf32>
//       CHECK:       arith.negf
//       CHECK:       memref.store
//       CHECK:     gpu.terminator
//   CHECK-NOT:   linalg.
// B128-LABEL: func.func @neg
//   B128-DAG:   %[[C4:.*]] = arith.constant 4 : index
//   B128-DAG:   %[[C128:.*]] = arith.constant 128 : index
//       B128:   gpu.launch blocks(%{{.*}}, %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C4]], %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) threads(%{{.*}}, %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C128]],
func.func @neg(%a: memref<4x100xf32>, %b: memref<4x100xf32>) {
  linalg.map { arith.negf } ins(%a : memref<4x100xf32>) outs(%b : memref<4x100xf32>)
  return
}

// -----

// A strided copy becomes a kernel too.
// CHECK-LABEL: func.func @copy
//       CHECK:   gpu.launch
//       CHECK:     memref.load %{{.*}} : memref<8x6xf32, strided<[12, 2]>>
//       CHECK:     memref.store %{{.*}} : memref<8x6xf32>
//   CHECK-NOT:   memref.copy
func.func @copy(%a: memref<8x6xf32, strided<[12, 2]>>, %b: memref<8x6xf32>) {
  memref.copy %a, %b : memref<8x6xf32, strided<[12, 2]>> to memref<8x6xf32>
  return
}

// -----

// A dynamic size: the launch is guarded against an empty iteration space;
// the reduction dimension is a sequential loop inside the kernel.
// CHECK-LABEL: func.func @rowsum
//       CHECK:   %[[DIM:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?x7xf32>
//       CHECK:   %[[N:.*]] = arith.maxsi %[[DIM]], %{{.*}} : index
//       CHECK:   %[[NONEMPTY:.*]] = arith.cmpi sgt, %[[N]], %{{.*}} : index
//       CHECK:   scf.if %[[NONEMPTY]] {
//       CHECK:     %[[GRID:.*]] = arith.ceildivsi %[[N]], %{{.*}} : index
//       CHECK:     gpu.launch blocks(%{{.*}}, %{{.*}}, %{{.*}}) in (%{{.*}} = %[[GRID]],
//       CHECK:       scf.for
//       CHECK:         arith.addf
func.func @rowsum(%a: memref<?x7xf32>, %b: memref<?xf32>) {
  linalg.reduce { arith.addf } ins(%a : memref<?x7xf32>) outs(%b : memref<?xf32>) dimensions = [1]
  return
}

// -----

// A reduction to a scalar has no parallel dimension: it stays on the host.
// CHECK-LABEL: func.func @total
//   CHECK-NOT:   gpu.launch
//       CHECK:   scf.for
//       CHECK:     arith.addf
func.func @total(%a: memref<5xf32>, %b: memref<f32>) {
  linalg.reduce { arith.addf } ins(%a : memref<5xf32>) outs(%b : memref<f32>) dimensions = [0]
  return
}

// -----

// An scf.parallel with a reduction stays on the host; a reduction-free one
// of rank 4 (more than the three grid dimensions) is one 1-D launch.
// CHECK-LABEL: func.func @loops
//       CHECK:   scf.parallel {{.*}} init
//       CHECK:   gpu.launch
//   CHECK-NOT:   scf.parallel
func.func @loops(%a: memref<2x3x4x5xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %zero = arith.constant 0.0 : f32
  %sum = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%zero) -> f32 {
    %v = arith.constant 1.0 : f32
    scf.reduce(%v : f32) {
    ^bb0(%x: f32, %y: f32):
      %s = arith.addf %x, %y : f32
      scf.reduce.return %s : f32
    }
  }
  scf.parallel (%i, %j, %k, %l) = (%c0, %c0, %c0, %c0) to (%c2, %c3, %c4, %c5) step (%c1, %c1, %c1, %c1) {
    memref.store %sum, %a[%i, %j, %k, %l] : memref<2x3x4x5xf32>
    scf.reduce
  }
  return %sum : f32
}
