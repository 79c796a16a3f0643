#!/usr/bin/env python3
"""Checks the host LLVM IR that spectral-gpu-pipeline produced.

Usage: check_gpu_host_ir.py FILE.ll LIB.so [LIB.so ...]

- Every function the module declares (other than LLVM intrinsics) is
  defined by one of the given shared libraries (their dynamic symbol tables,
  read with llvm-nm), so that the program loads with exactly those libraries.
- In every function, each stream and event the code creates is also
  destroyed: the static call sites of mgpuStreamCreate and mgpuStreamDestroy
  (mgpuEventCreate and mgpuEventDestroy) balance, and so do the overlap
  lanes (spectral_cuda_overlap_begin and spectral_cuda_overlap_end).
- The module loads a GPU binary (calls mgpuModuleLoad) and launches kernels.
Prints what it found and exits non-zero on the first violation.
"""

import re
import subprocess
import sys

NM = "/usr/lib/llvm-22/bin/llvm-nm"


def exported(lib):
    out = subprocess.run([NM, "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    # Versioned names (malloc@@GLIBC_2.2.5) bind their plain name.
    return {line.split()[-1].split("@")[0] for line in out.splitlines()
            if line.strip()}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    text = open(sys.argv[1]).read()
    symbols = set()
    for lib in sys.argv[2:]:
        symbols |= exported(lib)

    declared = re.findall(r"^declare [^@]*@([\w.$]+)\(", text, re.M)
    external = sorted(d for d in declared if not d.startswith("llvm."))
    missing = [d for d in external if d not in symbols]
    if missing:
        sys.exit("undefined in the given libraries: " + ", ".join(missing))
    print("declared and defined: " + " ".join(external))

    for name, body in re.findall(r"^define [^@]*@([\w.$]+)\(.*?\{(.*?)^\}",
                                 text, re.M | re.S):
        for create, destroy in (("mgpuStreamCreate", "mgpuStreamDestroy"),
                                ("mgpuEventCreate", "mgpuEventDestroy"),
                                ("spectral_cuda_overlap_begin",
                                 "spectral_cuda_overlap_end")):
            created = len(re.findall(r"call ptr @%s\(" % create, body))
            destroyed = len(re.findall(r"call void @%s\(" % destroy, body))
            if created != destroyed:
                sys.exit("%s: %d %s but %d %s" %
                         (name, created, create, destroyed, destroy))

    for needed in ("mgpuModuleLoad", "mgpuLaunchKernel"):
        if needed not in external:
            sys.exit("the module never calls " + needed)
    print("streams, events and overlap lanes balanced; kernels loaded and "
          "launched")


if __name__ == "__main__":
    main()
