// RUN: sst-opt %s -split-input-file -convert-spectral-to-runtime -verify-diagnostics

func.func @on_tensors(%x: tensor<8xf32>) -> tensor<5xcomplex<f32>> {
  %e = tensor.empty() : tensor<5xcomplex<f32>>
  // expected-error @+1 {{'spectral.dft' op is still on tensors; run one-shot-bufferize before convert-spectral-to-runtime}}
  %y = spectral.dft r2c %x into %e axes [0] norm backward : tensor<8xf32>, tensor<5xcomplex<f32>> -> tensor<5xcomplex<f32>>
  return %y : tensor<5xcomplex<f32>>
}

// -----

func.func @half(%x: memref<8xf16>, %y: memref<5xcomplex<f16>>) {
  // expected-error @+1 {{'spectral.dft' op computes in 'f16' but the CPU runtime transforms f32 and f64 only}}
  spectral.dft r2c %x into %y axes [0] norm backward : memref<8xf16>, memref<5xcomplex<f16>>
  return
}

// -----

func.func private @spectral_fft_r2c(memref<*xf32>)

func.func @clash(%x: memref<8xf32>, %y: memref<5xcomplex<f32>>) {
  // expected-error @+1 {{'spectral.dft' op needs runtime function @spectral_fft_r2c of type '(memref<*xf32>, memref<*xcomplex<f32>>, i64, i64, i32) -> ()', but the module declares it as '(memref<*xf32>) -> ()'}}
  spectral.dft r2c %x into %y axes [0] norm backward : memref<8xf32>, memref<5xcomplex<f32>>
  return
}
