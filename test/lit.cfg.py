# -*- Python -*-
# lit configuration of the spectral dialect tests.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "SPECTRAL"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.spectral_obj_root, "test")
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%src_root", config.spectral_src_root))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.spectral_tools_dir, config.llvm_tools_dir]
tools = ["sst-opt", "mlir-runner", "mlir-translate"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Sanitizer builds read their options from the environment.
llvm_config.with_system_environment(["ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"])

# %{run}: mlir-runner with the runner utilities and the spectral runtime. In
# sanitizer builds the runtime is instrumented, so the ASan runtime must be
# loaded first into the (uninstrumented) runner; leaks are checked by the
# runtime's own unit tests, not in the JIT process.
runner_libs = ",".join([config.mlir_runner_utils, config.mlir_c_runner_utils,
                        config.spectral_runtime_lib])
runner = (os.path.join(config.llvm_tools_dir, "mlir-runner") +
          " -e main -entry-point-result=void -shared-libs=" + runner_libs)
if config.spectral_asan_runtime:
    runner = ("env LD_PRELOAD=" + config.spectral_asan_runtime +
              " ASAN_OPTIONS=detect_leaks=0 " + runner)
config.substitutions.append(("%{run}", runner))
