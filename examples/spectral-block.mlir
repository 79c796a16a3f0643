// A spectral block: FNet-style token mixing followed by a projection through
// a compressed weight.
//
//   x      : B x T x D activations (B = 4 sequences, T = 512 tokens, D = 256)
//   filter : one complex filter per channel over the half spectrum of T
//   w      : a D x D weight compressed per 16-row tile, 256 coefficients
//            kept per tile in 6 bytes each (complex<f16> + i16 position)
//
// Run: sst-opt --canonicalize examples/spectral-block.mlir

!weight = !spectral.sst<256x256xf32, keep = 256, tile = [16, 256],
                        coeff = complex<f16>, index = i16>

// Compresses a dense weight, e.g. once at load time.
func.func @compress_weight(%w: tensor<256x256xf32>) -> !weight {
  %s = spectral.compress %w : tensor<256x256xf32> -> !weight
  return %s : !weight
}

// Rebuilds a compressed weight from stored coefficients and positions.
func.func @load_weight(%coeffs: tensor<16x256xcomplex<f16>>,
                       %positions: tensor<16x256xi16>) -> !weight {
  %s = spectral.assemble %coeffs, %positions
         : tensor<16x256xcomplex<f16>>, tensor<16x256xi16> -> !weight
  return %s : !weight
}

func.func @spectral_block(%x: tensor<4x512x256xf32>,
                          %filter: tensor<1x257x256xcomplex<f32>>,
                          %w: !weight) -> (tensor<4x512x256xf32>, f32) {
  // Mix along the tokens: irfft(rfft(x, T) * filter).
  %mixed = spectral.mix %x, %filter axis 1
             : tensor<4x512x256xf32>, tensor<1x257x256xcomplex<f32>>
  // Project through the compressed weight; a streaming lowering never
  // materialises all of %w.
  %y = spectral.matmul %mixed, %w : tensor<4x512x256xf32>, !weight
  // The weight's energy, by Parseval, from the kept coefficients alone.
  %e = spectral.energy %w : !weight
  return %y, %e : tensor<4x512x256xf32>, f32
}
