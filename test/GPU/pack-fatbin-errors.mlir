// RUN: sst-opt %s -split-input-file -spectral-pack-fatbin="toolkit=%t.no-toolkit" -verify-diagnostics

// Objects that are not NVVM cubins cannot be packed, whatever the toolkit.
module attributes {gpu.container_module} {
  // expected-error @+1 {{spectral-pack-fatbin packs NVVM cubins (format bin) only, but an object of @ptx has target #nvvm.target<chip = "sm_80"> and format assembly}}
  gpu.binary @ptx [#gpu.object<#nvvm.target<chip = "sm_80">, assembly = ".version 8.0">,
                   #gpu.object<#nvvm.target<chip = "sm_90">, bin = "x">]
}

// -----

module attributes {gpu.container_module} {
  // expected-error @+1 {{NVVM target chip 'gfx90a' of @amd is not of the form sm_XY}}
  gpu.binary @amd [#gpu.object<#nvvm.target<chip = "gfx90a">, bin = "x">,
                   #gpu.object<#nvvm.target<chip = "sm_90">, bin = "x">]
}

// -----

// Cubins to pack but no fatbinary in the toolkit given.
// expected-error @+1 {{spectral-pack-fatbin: the CUDA toolkit's fatbinary was not found (looked in}}
module attributes {gpu.container_module} {
  gpu.binary @k [#gpu.object<#nvvm.target<chip = "sm_80">, bin = "x">,
                 #gpu.object<#nvvm.target<chip = "sm_90">, bin = "x">]
}

// -----

// A binary with one object is left as it is (nothing to look up).
module attributes {gpu.container_module} {
  gpu.binary @one [#gpu.object<#nvvm.target<chip = "sm_90">, bin = "x">]
}
