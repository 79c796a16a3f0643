// RUN: sst-opt %s -split-input-file -spectral-gpu-memory -verify-diagnostics | FileCheck %s

// A buffer a kernel writes becomes managed memory, and its free an
// asynchronous gpu.dealloc; a buffer only host code touches stays a host
// allocation with a host free.
// CHECK-LABEL: func.func @kernel_buffer
//       CHECK:   %[[DEV:.*]] = gpu.alloc host_shared () : memref<64xf32>
//       CHECK:   %[[HOST:.*]] = memref.alloc() : memref<4xindex>
//       CHECK:   gpu.launch_func @k::@k {{.*}} args(%[[DEV]] : memref<64xf32>)
//       CHECK:   memref.store %{{.*}}, %[[HOST]]
//       CHECK:   memref.dealloc %[[HOST]] : memref<4xindex>
//       CHECK:   %[[T0:.*]] = gpu.wait async
//       CHECK:   %[[T1:.*]] = gpu.dealloc async [%[[T0]]] %[[DEV]] : memref<64xf32>
//       CHECK:   gpu.wait [%[[T1]]]
//   CHECK-NOT:   memref.dealloc
module attributes {gpu.container_module} {
  gpu.module @k {
    gpu.func @k(%m: memref<64xf32>) kernel {
      gpu.return
    }
  }
  func.func @kernel_buffer(%i: index) {
    %c1 = arith.constant 1 : index
    %m = memref.alloc() : memref<64xf32>
    %h = memref.alloc() : memref<4xindex>
    gpu.launch_func @k::@k blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%m : memref<64xf32>)
    memref.store %i, %h[%c1] : memref<4xindex>
    memref.dealloc %h : memref<4xindex>
    memref.dealloc %m : memref<64xf32>
    return
  }
}

// -----

// Buffers passed to the CUDA runtime, or returned to a caller, are managed
// (dynamic sizes kept); the tile spectrum shape the runtime reads on the
// host stays on the stack. A buffer freed here but allocated elsewhere (a
// call result) is freed as device memory.
// CHECK-LABEL: func.func @runtime_buffers
//       CHECK:   %[[SHAPE:.*]] = memref.alloca() : memref<1xi64>
//       CHECK:   %[[SPEC:.*]] = gpu.alloc host_shared (%{{.*}}) : memref<?x8xcomplex<f32>>
//       CHECK:   %[[OUT:.*]] = gpu.alloc host_shared () : memref<2x3xcomplex<f32>>
//       CHECK:   call @spectral_cuda_topk
//       CHECK:   %[[OTHER:.*]] = call @make() : () -> memref<16xf32>
//       CHECK:   gpu.dealloc async [%{{.*}}] %[[OTHER]]
//       CHECK:   return %[[OUT]]
func.func private @spectral_cuda_topk(memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>>, i64, i64, i64, memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?x?xi64, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
func.func private @make() -> memref<16xf32>
func.func @runtime_buffers(%n: index, %pos: memref<2x3xi64>) -> memref<2x3xcomplex<f32>> {
  %shape = memref.alloca() : memref<1xi64>
  %spec = memref.alloc(%n) : memref<?x8xcomplex<f32>>
  %out = memref.alloc() : memref<2x3xcomplex<f32>>
  %a = memref.cast %spec : memref<?x8xcomplex<f32>> to memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>
  %b = memref.cast %shape : memref<1xi64> to memref<?xi64, strided<[?], offset: ?>>
  %c = memref.cast %out : memref<2x3xcomplex<f32>> to memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>
  %d = memref.cast %pos : memref<2x3xi64> to memref<?x?xi64, strided<[?, ?], offset: ?>>
  %m = arith.constant 1 : i64
  %h = arith.constant -1 : i64
  call @spectral_cuda_topk(%a, %b, %m, %h, %m, %c, %d) : (memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>>, i64, i64, i64, memref<?x?xcomplex<f32>, strided<[?, ?], offset: ?>>, memref<?x?xi64, strided<[?, ?], offset: ?>>) -> ()
  memref.dealloc %spec : memref<?x8xcomplex<f32>>
  %other = call @make() : () -> memref<16xf32>
  memref.dealloc %other : memref<16xf32>
  return %out : memref<2x3xcomplex<f32>>
}

// -----

// A constant a kernel reads is copied into managed memory at function entry
// (also when it is used inside a loop) and freed before every return.
// CHECK-LABEL: func.func @constant
//  CHECK-NEXT:   %[[G:.*]] = memref.get_global @weights : memref<8xf32>
//  CHECK-NEXT:   %[[COPY:.*]] = gpu.alloc host_shared () : memref<8xf32>
//  CHECK-NEXT:   memref.copy %[[G]], %[[COPY]]
//       CHECK:   scf.for
//       CHECK:     gpu.launch_func @k::@k {{.*}} args(%[[COPY]] : memref<8xf32>)
//       CHECK:   gpu.dealloc async [%{{.*}}] %[[COPY]]
//  CHECK-NEXT:   gpu.wait
//  CHECK-NEXT:   return
module attributes {gpu.container_module} {
  memref.global "private" constant @weights : memref<8xf32> = dense<1.0>
  gpu.module @k {
    gpu.func @k(%m: memref<8xf32>) kernel {
      gpu.return
    }
  }
  func.func @constant(%n: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    scf.for %i = %c0 to %n step %c1 {
      %w = memref.get_global @weights : memref<8xf32>
      gpu.launch_func @k::@k blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%w : memref<8xf32>)
    }
    return
  }
}

// -----

module attributes {gpu.container_module} {
  gpu.module @k {
    gpu.func @k(%m: memref<8xf32>) kernel {
      gpu.return
    }
  }
  func.func @stack_buffer() {
    %c1 = arith.constant 1 : index
    // expected-error @+1 {{'memref.alloca' op is a stack buffer that GPU code reads or writes; spectral-gpu-memory can only move heap buffers (memref.alloc) to device-accessible memory}}
    %s = memref.alloca() : memref<8xf32>
    gpu.launch_func @k::@k blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%s : memref<8xf32>)
    return
  }
}

// -----

module attributes {gpu.container_module} {
  memref.global "private" constant @weights : memref<8xf32> = dense<1.0>
  gpu.module @k {
    gpu.func @k(%m: memref<8xf32>) kernel {
      gpu.return
    }
  }
  func.func @returned_constant() -> memref<8xf32> {
    %c1 = arith.constant 1 : index
    // expected-error @+1 {{'memref.get_global' op is returned by its function and used by GPU code: spectral-gpu-memory cannot tell when the caller is done with the device copy of the constant; return a copy instead}}
    %w = memref.get_global @weights : memref<8xf32>
    gpu.launch_func @k::@k blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%w : memref<8xf32>)
    return %w : memref<8xf32>
  }
}
