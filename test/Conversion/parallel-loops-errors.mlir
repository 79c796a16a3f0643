// RUN: sst-opt %s -split-input-file -spectral-parallel-loops -verify-diagnostics

// A module that declares the runtime's thread-count function with another
// type cannot be given parallel loops.
// expected-error @+1 {{'func.func' op declares runtime function @spectral_runtime_get_num_threads as '() -> i64'; it is '() -> i32'}}
func.func private @spectral_runtime_get_num_threads() -> i64

func.func @product(%a: memref<?xf32>, %b: memref<?xf32>) {
  linalg.copy ins(%a : memref<?xf32>) outs(%b : memref<?xf32>)
  return
}
