// Errors of sst-compile when it makes executables and links, on a module
// that compiles.
// RUN: not sst-compile %s -o %t --entry=missing 2>&1 | FileCheck %s --check-prefix=ENTRY
// ENTRY: error: no function 'missing' to run: an executable needs an entry function (give another with --entry, or emit a shared library)

// RUN: not sst-compile %s -o %t --entry=takes_argument 2>&1 | FileCheck %s --check-prefix=ENTRY-TYPE
// ENTRY-TYPE: error: entry function 'takes_argument' must take no arguments and return nothing or an integer (the exit status)

// RUN: not sst-compile %s -o %t --runtime-dir=%t.nowhere 2>&1 | FileCheck %s --check-prefix=RUNTIME
// RUNTIME: error: {{.*}}.nowhere/libspectral_runtime.so does not exist; give the runtime's directory with --runtime-dir

// RUN: not sst-compile %s -o %t --linker=no-such-linker-driver 2>&1 | FileCheck %s --check-prefix=LINKER
// LINKER: error: cannot find the linker driver 'no-such-linker-driver' (set $CC or give --linker)

// RUN: not sst-compile %s -o %t -lno_such_library_anywhere 2>&1 | FileCheck %s --check-prefix=LINK
// LINK: error: linking failed {{.*}}-lno_such_library_anywhere

func.func @takes_argument(%t: tensor<4xf32>) -> tensor<4xf32> {
  return %t : tensor<4xf32>
}

func.func @main() {
  return
}
