// Spectral IR for the dialect-only consumer: parsed, verified, printed.
func.func @weights(%w: !spectral.sst<64x48xf32, keep = 16, tile = [16, 48]>,
                   %x: tensor<64x48xf32>) -> !spectral.sst<64x48xf32, keep = 16, tile = [16, 48]> {
  %s = spectral.compress %x : tensor<64x48xf32> -> !spectral.sst<64x48xf32, keep = 16, tile = [16, 48]>
  return %s : !spectral.sst<64x48xf32, keep = 16, tile = [16, 48]>
}
