// RUN: sst-opt %s -spectral-gpu-overlap-groups -split-input-file -verify-diagnostics | FileCheck %s

// A streamed matmul: the decompressed group %w (read by the GEMM) gets two
// copies chosen by the group's parity, the positions %p one hoisted copy,
// and the GEMM goes to the lane.
func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
func.func private @decompress(memref<16xi64>, memref<16x24xf32>)

// CHECK-DAG: func.func private @spectral_cuda_overlap_begin() -> !llvm.ptr
// CHECK-DAG: func.func private @spectral_cuda_overlap_acquire(!llvm.ptr, i64)
// CHECK-DAG: func.func private @spectral_cuda_overlap_end(!llvm.ptr)
// CHECK-DAG: func.func private @spectral_cuda_gemm_f32_overlapped(!llvm.ptr, i64, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @streamed(
// CHECK-SAME: %[[X:.*]]: memref<5x64xf32>, %[[Y:.*]]: memref<5x24xf32>, %[[LB:.*]]: index)
// CHECK: %[[LANE:.*]] = call @spectral_cuda_overlap_begin() : () -> !llvm.ptr
// CHECK: %[[W0:.*]] = memref.alloc() : memref<16x24xf32>
// CHECK: %[[W1:.*]] = memref.alloc() : memref<16x24xf32>
// CHECK: %[[P:.*]] = memref.alloc() : memref<16xi64>
// CHECK-NOT: memref.alloc
// CHECK: scf.for %[[IV:.*]] = %[[LB]] to %{{.*}} step %[[STEP:[^ ]*]] {
// CHECK:   %[[OFF:.*]] = arith.subi %[[IV]], %[[LB]] : index
// CHECK:   %[[N:.*]] = arith.divui %[[OFF]], %[[STEP]] : index
// CHECK:   %[[SLOT:.*]] = arith.remui %[[N]], %c2 : index
// CHECK:   %[[SLOT64:.*]] = arith.index_cast %[[SLOT]] : index to i64
// CHECK:   func.call @spectral_cuda_overlap_acquire(%[[LANE]], %[[SLOT64]])
// CHECK:   %[[EVEN:.*]] = arith.cmpi eq, %[[SLOT]], %c0
// CHECK:   %[[W:.*]] = arith.select %[[EVEN]], %[[W0]], %[[W1]] : memref<16x24xf32>
// CHECK:   func.call @decompress(%[[P]], %[[W]])
// CHECK:   %[[B:.*]] = memref.cast %[[W]]
// CHECK:   func.call @spectral_cuda_gemm_f32_overlapped(%[[LANE]], %[[SLOT64]], %{{.*}}, %[[B]], %{{.*}})
// CHECK-NOT: memref.dealloc
// CHECK: }
// CHECK-NEXT: call @spectral_cuda_overlap_end(%[[LANE]]) : (!llvm.ptr) -> ()
// CHECK-NEXT: memref.dealloc %[[W0]]
// CHECK-NEXT: memref.dealloc %[[W1]]
// CHECK-NEXT: memref.dealloc %[[P]]
func.func @streamed(%x: memref<5x64xf32>, %y: memref<5x24xf32>, %lb: index) {
  %c64 = arith.constant 64 : index
  %c16 = arith.constant 16 : index
  %yc = memref.cast %y : memref<5x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  scf.for %i = %lb to %c64 step %c16 {
    %p = memref.alloc() : memref<16xi64>
    %w = memref.alloc() : memref<16x24xf32>
    func.call @decompress(%p, %w) : (memref<16xi64>, memref<16x24xf32>) -> ()
    %xs = memref.subview %x[0, %i] [5, 16] [1, 1] : memref<5x64xf32> to memref<5x16xf32, strided<[64, 1], offset: ?>>
    %a = memref.cast %xs : memref<5x16xf32, strided<[64, 1], offset: ?>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    %b = memref.cast %w : memref<16x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
    memref.dealloc %p : memref<16xi64>
    memref.dealloc %w : memref<16x24xf32>
  }
  return
}

// -----

// The accumulator is read by host code inside the loop: the GEMMs must
// complete in order with it, so the loop is left alone.
func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}

// CHECK-LABEL: func.func @reads_accumulator
// CHECK-NOT: overlap
// CHECK: call @spectral_cuda_gemm_f32(
func.func @reads_accumulator(%a: memref<?x?xf32, strided<[?, ?], offset: ?>>, %y: memref<5x24xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %yc = memref.cast %y : memref<5x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  // expected-remark @below {{not overlapped: another operation of the loop uses the GEMM's accumulator: memref.load}}
  scf.for %i = %c0 to %c4 step %c1 {
    %w = memref.alloc() : memref<16x24xf32>
    %b = memref.cast %w : memref<16x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
    %v = memref.load %y[%c0, %c0] : memref<5x24xf32>
    memref.dealloc %w : memref<16x24xf32>
  }
  return
}

// -----

func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}

func.func @accumulator_per_iteration(%a: memref<?x?xf32, strided<[?, ?], offset: ?>>, %b: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-remark @below {{not overlapped: the GEMM's accumulator is not a buffer of the enclosing code}}
  scf.for %i = %c0 to %c4 step %c1 {
    %y = memref.alloc() : memref<5x24xf32>
    %yc = memref.cast %y : memref<5x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
    memref.dealloc %y : memref<5x24xf32>
  }
  return
}

// -----

func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}

func.func @a_per_iteration(%b: memref<?x?xf32, strided<[?, ?], offset: ?>>, %yc: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-remark @below {{not overlapped: the GEMM's A is not a buffer of the enclosing code}}
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.alloc() : memref<5x16xf32>
    %a = memref.cast %x : memref<5x16xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
    memref.dealloc %x : memref<5x16xf32>
  }
  return
}

// -----

func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}

func.func @b_invariant(%a: memref<?x?xf32, strided<[?, ?], offset: ?>>, %b: memref<?x?xf32, strided<[?, ?], offset: ?>>, %yc: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-remark @below {{not overlapped: the GEMM's B is not allocated by the loop's iteration}}
  scf.for %i = %c0 to %c4 step %c1 {
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
  }
  return
}

// -----

func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}

func.func @b_dynamic(%a: memref<?x?xf32, strided<[?, ?], offset: ?>>, %yc: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-remark @below {{not overlapped: the GEMM's B is not freed by its iteration or its sizes vary between iterations}}
  scf.for %i = %c1 to %c4 step %c1 {
    %w = memref.alloc(%i) : memref<?x24xf32>
    %b = memref.cast %w : memref<?x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
    memref.dealloc %w : memref<?x24xf32>
  }
  return
}

// -----

func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
func.func private @consume(memref<16x24xf32>)

func.func @b_used_after(%a: memref<?x?xf32, strided<[?, ?], offset: ?>>, %yc: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-remark @below {{not overlapped: the GEMM's B is used after the GEMM, by func.call}}
  scf.for %i = %c0 to %c4 step %c1 {
    %w = memref.alloc() : memref<16x24xf32>
    %b = memref.cast %w : memref<16x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
    func.call @consume(%w) : (memref<16x24xf32>) -> ()
    memref.dealloc %w : memref<16x24xf32>
  }
  return
}

// -----

func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}

func.func @two_gemms(%a: memref<?x?xf32, strided<[?, ?], offset: ?>>, %b: memref<?x?xf32, strided<[?, ?], offset: ?>>, %yc: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  // expected-remark @below {{not overlapped: the loop has 2 GEMMs, expected the one of a streamed matmul}}
  scf.for %i = %c0 to %c4 step %c1 {
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
  }
  return
}

// -----

func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// expected-error @below {{'func.func' op clashes with the CUDA runtime function of that name}}
func.func @spectral_cuda_overlap_end(%lane: !llvm.ptr) {
  return
}

func.func @clash(%a: memref<?x?xf32, strided<[?, ?], offset: ?>>, %yc: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %w = memref.alloc() : memref<16x24xf32>
    %b = memref.cast %w : memref<16x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
    memref.dealloc %w : memref<16x24xf32>
  }
  return
}

// -----

// f64, and two streamed loops in one function: one lane each, ended after
// its own loop.
func.func private @spectral_cuda_gemm_f64(memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}

// CHECK-LABEL: func.func @two_loops_f64
// CHECK: %[[L1:.*]] = call @spectral_cuda_overlap_begin()
// CHECK: scf.for
// CHECK:   func.call @spectral_cuda_gemm_f64_overlapped(%[[L1]],
// CHECK: call @spectral_cuda_overlap_end(%[[L1]])
// CHECK: %[[L2:.*]] = call @spectral_cuda_overlap_begin()
// CHECK: scf.for
// CHECK:   func.call @spectral_cuda_gemm_f64_overlapped(%[[L2]],
// CHECK: call @spectral_cuda_overlap_end(%[[L2]])
func.func @two_loops_f64(%a: memref<?x?xf64, strided<[?, ?], offset: ?>>, %yc: memref<?x?xf64, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %w = memref.alloc() : memref<8x24xf64>
    %b = memref.cast %w : memref<8x24xf64> to memref<?x?xf64, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f64(%a, %b, %yc) : (memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>) -> ()
    memref.dealloc %w : memref<8x24xf64>
  }
  scf.for %i = %c0 to %c4 step %c1 {
    %w = memref.alloc() : memref<8x24xf64>
    %b = memref.cast %w : memref<8x24xf64> to memref<?x?xf64, strided<[?, ?], offset: ?>>
    func.call @spectral_cuda_gemm_f64(%a, %b, %yc) : (memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>) -> ()
    memref.dealloc %w : memref<8x24xf64>
  }
  return
}

// -----

// A streamed loop inside another loop: the inner one is overlapped (a lane
// per execution of it), the outer one is not a streamed loop and gets no
// remark.
func.func private @spectral_cuda_gemm_f32(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}

// CHECK-LABEL: func.func @nested
// CHECK: scf.for
// CHECK:   %[[LANE:.*]] = func.call @spectral_cuda_overlap_begin()
// CHECK:   scf.for
// CHECK:     func.call @spectral_cuda_gemm_f32_overlapped(%[[LANE]],
// CHECK:   func.call @spectral_cuda_overlap_end(%[[LANE]])
func.func @nested(%a: memref<?x?xf32, strided<[?, ?], offset: ?>>, %yc: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  scf.for %j = %c0 to %c4 step %c1 {
    scf.for %i = %c0 to %c4 step %c1 {
      %w = memref.alloc() : memref<16x24xf32>
      %b = memref.cast %w : memref<16x24xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
      func.call @spectral_cuda_gemm_f32(%a, %b, %yc) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
      memref.dealloc %w : memref<16x24xf32>
    }
  }
  return
}
