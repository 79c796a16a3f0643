// RUN: sst-opt %s -split-input-file -spectral-expand-storage -verify-diagnostics

func.func @dynamic_conv(%x: tensor<?xf32>, %k: tensor<3xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{'spectral.conv' op is not lowered by spectral-expand-storage: its operands need static shapes}}
  %y = spectral.conv %x, %k axes [0] : tensor<?xf32>, tensor<3xf32>
  return %y : tensor<?xf32>
}

// -----

func.func @compress(%x: tensor<64xf32>) -> !spectral.sst<64xf32, keep = 4> {
  // expected-error @+1 {{'spectral.compress' op is not lowered by spectral-expand-storage yet: ops on !spectral.sst have no CPU lowering in this version}}
  %s = spectral.compress %x : tensor<64xf32> -> !spectral.sst<64xf32, keep = 4>
  return %s : !spectral.sst<64xf32, keep = 4>
}
