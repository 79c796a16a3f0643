// Input of pack-fatbin.mlir: objects that claim to be cubins but are not.
module attributes {gpu.container_module} {
  gpu.binary @fake [#gpu.object<#nvvm.target<chip = "sm_80">, bin = "not a cubin">,
                    #gpu.object<#nvvm.target<chip = "sm_90">, bin = "not a cubin">]
}
