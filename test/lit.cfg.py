# -*- Python -*-
# lit configuration of the spectral dialect tests.

import os
import shlex
import sys

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "SPECTRAL"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".c"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.spectral_obj_root, "test")
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%src_root", config.spectral_src_root))

# The GPU kit's recording run (scripts/gpu-kit.sh): `--param gpu_kit=DIR`
# records the GPU program of every executed test into DIR instead of running
# anything (scripts/gpu-kit/record_programs.py), with the kit's own tools in
# the commands: its check_numpy.py, filecheck.py and `not`.
gpu_kit = lit_config.params.get("gpu_kit")
if gpu_kit:
    sys.path.insert(0, os.path.join(config.spectral_src_root, "scripts", "gpu-kit"))
    import record_programs

    config.test_format = record_programs.RecordGPUPrograms(
        gpu_kit, lit_config.params.get("gpu_kit_target", "gpu"),
        shlex.split(lit_config.params.get("gpu_kit_options", "")))
    config.substitutions.append((r"\| \bnot\b", '| "$KIT/checks/not"'))
    config.substitutions.append((r"(?<![\w/.-])FileCheck\b",
                                 '"$PYTHON" "$KIT/checks/filecheck.py"'))

# The Python with numpy that CMake chose (SPECTRAL_TEST_PYTHON), not the one
# running lit.
python = config.python_executable or sys.executable
config.substitutions.append(("%python", python))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.spectral_tools_dir, config.llvm_tools_dir]
tools = ["spectral-capi-test", "sst-compile", "sst-opt", "mlir-runner", "mlir-translate",
         "spectral-fuzz-ir", "spectral-fuzz-passes", "spectral-fuzz-runtime"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Sanitizer builds read their options from the environment, and the runtime
# its thread count (the CTest test lit-integration-1-thread sets it).
llvm_config.with_system_environment(["ASAN_OPTIONS", "UBSAN_OPTIONS",
                                     "LSAN_OPTIONS", "TSAN_OPTIONS",
                                     "SPECTRAL_NUM_THREADS"])

# Sanitizer builds instrument the spectral runtime, so the sanitizer's runtime
# must be loaded first into the uninstrumented processes that load it:
# mlir-runner and the programs sst-compile links. ASan: leaks are checked by
# the runtime's own unit tests, not in the JIT process. TSan: every process
# that runs OpenMP teams (the compiler's constant compression runs the
# runtime too) loads Archer, which tells TSan about the uninstrumented
# OpenMP runtime's barriers; TSAN_OPTIONS (scripts/tsan.sh) ignores the
# uninstrumented modules' own accesses.
program_runner = ""
if config.spectral_sanitizer:
    config.available_features.add(config.spectral_sanitizer)
    program_runner = "env LD_PRELOAD=" + config.spectral_sanitizer_runtime + " "
    if config.spectral_sanitizer == "asan":
        program_runner += "ASAN_OPTIONS=detect_leaks=0 "
    else:
        config.environment["OMP_TOOL_LIBRARIES"] = os.path.join(
            config.llvm_lib_dir, "libarcher.so")

# %{run}: mlir-runner with the runner utilities and the spectral runtime.
runner_libs = ",".join([config.mlir_runner_utils, config.mlir_c_runner_utils,
                        config.spectral_runtime_lib])
runner = (program_runner + os.path.join(config.llvm_tools_dir, "mlir-runner") +
          " -e main -entry-point-result=void -shared-libs=" + runner_libs)
config.substitutions.append(("%{run}", runner))

# %{exec}: runs a program that sst-compile linked.
config.substitutions.append(("%{exec}", program_runner))
# %{check}: compares printed operands and results against numpy (see
# test/Integration/check_numpy.py).
config.substitutions.append((
    "%{check}",
    '"$PYTHON" "$KIT/checks/check_numpy.py"' if gpu_kit else
    python + " " + config.spectral_src_root + "/test/Integration/check_numpy.py"))
# %cc: the C compiler that builds the C callers of compiled programs.
config.substitutions.append(("%cc", "cc"))
config.substitutions.append(("%spectral_include",
                             os.path.join(config.spectral_src_root, "runtime", "include")))
config.substitutions.append(("%spectral_obj_root", config.spectral_obj_root))
config.substitutions.append(("%spectral_lib_dir",
                             os.path.join(config.spectral_obj_root, "lib")))

# GPU tests. `cuda-toolkit`: ptxas and fatbinary exist, so the GPU pipeline
# can emit cubins (compile-only tests run everywhere they do).
# `cuda-runtime`: libspectral_cuda_runtime.so was built. `cuda-device`: a
# CUDA driver answers with at least one device (executed GPU tests).
import shutil

cuda_toolkit = os.environ.get("SPECTRAL_CUDA_TOOLKIT", "/usr/local/cuda")
config.substitutions.append(("%cuda_toolkit", cuda_toolkit))
cuda_bin = os.path.join(cuda_toolkit, "bin")
if all(os.access(os.path.join(cuda_bin, tool), os.X_OK) for tool in ("ptxas", "fatbinary")):
    config.available_features.add("cuda-toolkit")
if config.spectral_cuda_runtime_lib and os.path.exists(config.spectral_cuda_runtime_lib):
    config.available_features.add("cuda-runtime")


def has_cuda_device():
    """Asks the CUDA driver itself, independently of the project's runtime."""
    import ctypes
    try:
        cuda = ctypes.CDLL("libcuda.so.1")
    except OSError:
        return False
    count = ctypes.c_int(0)
    if cuda.cuInit(0) != 0 or cuda.cuDeviceGetCount(ctypes.byref(count)) != 0:
        return False
    return count.value > 0


if has_cuda_device():
    config.available_features.add("cuda-device")
# `cuda-execution`: the executed tests' GPU runs can run here (or are
# recorded for the GPU kit).
if gpu_kit or {"cuda-device", "cuda-runtime", "cuda-toolkit"} <= config.available_features:
    config.available_features.add("cuda-execution")

# %{gpu-pipeline}: spectral-gpu-pipeline, options appended as
# `%{gpu-pipeline}="..."`; %{compile-gpu}: the test with the data helpers
# through it; %{run-gpu}: mlir-runner with the runner utilities and the
# CUDA runtime. The executed tests run each program on the CPU and, under
# `%if cuda-execution`, on the GPU.
gpu_runner_libs = ",".join([config.mlir_runner_utils, config.mlir_c_runner_utils,
                            config.spectral_cuda_runtime_lib])
helpers = os.path.join(config.spectral_src_root, "test", "Integration", "Inputs",
                       "data-helpers.mlir")
if gpu_kit:
    gpu_pipeline = record_programs.PIPELINE
    gpu_runner = record_programs.RUNNER
else:
    gpu_pipeline = os.path.join(config.spectral_tools_dir, "sst-opt") + \
        " -spectral-gpu-pipeline"
    gpu_runner = os.path.join(config.llvm_tools_dir, "mlir-runner") + \
        " -e main -entry-point-result=void -shared-libs=" + gpu_runner_libs
config.substitutions.append(("%{compile-gpu}",
                             "cat " + helpers + " %s | " + gpu_pipeline))
config.substitutions.append(("%{gpu-pipeline}", gpu_pipeline))
config.substitutions.append(("%{run-gpu}", gpu_runner))
config.substitutions.append(("%cuda_runtime_lib", config.spectral_cuda_runtime_lib))
config.substitutions.append(("%cpu_runtime_lib", config.spectral_runtime_lib))

# %system_libs: the C and math libraries that lowered host code calls into
# (malloc, free, libm), for checking a module's undefined symbols.
import subprocess as _subprocess
_system_libs = []
for _name in ("libc.so.6", "libm.so.6"):
    _path = _subprocess.run(["cc", "-print-file-name=" + _name], capture_output=True,
                            text=True).stdout.strip()
    _system_libs.append(os.path.realpath(_path))
config.substitutions.append(("%system_libs", " ".join(_system_libs)))
config.substitutions.append(("%mlir_runner_libs",
                             config.mlir_runner_utils + "," + config.mlir_c_runner_utils))
config.substitutions.append(("%runner_utils_libs",
                             config.mlir_runner_utils + " " + config.mlir_c_runner_utils))
