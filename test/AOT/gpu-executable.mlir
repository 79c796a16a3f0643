// REQUIRES: cuda-toolkit, cuda-runtime
// sst-compile --target=gpu links an executable against the CUDA runtime,
// with the kernels' fat binary embedded. Without a CUDA driver it stops at
// its first GPU call with the runtime's message; with a device, its results
// match numpy with the CPU test's tolerances.
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/mix.mlir \
// RUN:   | sst-compile --target=gpu --gpu-chips=sm_80,sm_90 -o %t.exe
// RUN: %if cuda-device %{ %{exec} %t.exe | %{check} mix:axis=1 mix:axis=1 mix:axis=0 %} \
// RUN: %else %{ not --crash %{exec} %t.exe 2>&1 | FileCheck %s --check-prefix=NO-DEVICE %}
// RUN: cat %S/../Integration/Inputs/data-helpers.mlir %S/../Integration/mix.mlir \
// RUN:   | sst-compile --target=gpu --emit=llvm --export=main -o - | FileCheck %s --check-prefix=IR

// NO-DEVICE: spectral cuda runtime error: mgpuModuleLoad: {{(no CUDA driver: libcuda.so.1: cannot open shared object file|CUDA driver found but cuInit failed)}}

// The embedded fat binary and its loading by the CUDA runtime's mgpu* ABI.
// IR-DAG: @{{.*}}_binary = internal constant
// IR-DAG: call {{.*}}@mgpuModuleLoad(
// IR-DAG: define void @_mlir_ciface_main()
