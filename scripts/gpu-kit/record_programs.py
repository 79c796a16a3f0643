"""A lit test format that records the GPU programs of the executed tests.

The GPU machines have no LLVM, MLIR or lit. The GPU kit therefore takes its
programs from the same single-source tests that lit runs here: with
`--param gpu_kit=DIR`, test/lit.cfg.py enables the `cuda-execution` feature,
spells the GPU steps as markers (`%{gpu-pipeline}` is @SST-GPU@, `%{run-gpu}`
@RUN-GPU@) and the kit's tools as commands of the kit, and uses this format:
lit's own parser expands every RUN line (continuations, DEFINE/REDEFINE,
`%if`, substitutions); nothing is run through a shell except the part of a
command that writes a GPU program's source. Each command that runs a GPU
program becomes

- a program, compiled ahead of time by sst-compile from that source with the
  command's pipeline options (and the kit's sst-compile options), and
- a manifest line, `NAME<TAB>COMMAND`: the command's run and checks with the
  program in place of mlir-runner (`$SST_RUN "$KIT/bin/test-NAME"`) and the
  test file read from `$KIT/tests`.

Commands that do not run a GPU program (the CPU runs, compile-only checks)
are lit's business here, not the kit's.
"""
import os
import re
import shlex
import subprocess

import lit.formats
import lit.Test
import lit.TestRunner

PIPELINE = "@SST-GPU@"
RUNNER = "@RUN-GPU@"


def split_program(command):
    """(source command, pipeline options, run-and-check command) of a RUN
    command that compiles and runs a GPU program, or None."""
    if RUNNER not in command:
        return None
    if command.count(PIPELINE) != 1 or command.count(RUNNER) != 1:
        raise ValueError("expected one %{gpu-pipeline} and one %{run-gpu}: " +
                         command)
    head, _, tail = command.partition(PIPELINE)
    source = head.rstrip()
    if not source.endswith("|"):
        raise ValueError("the GPU pipeline must read its source from a pipe: " +
                         command)
    source = source[:-1].rstrip()
    options = ""
    if tail.startswith("="):
        options = shlex.split(tail[1:])[0]
    runner = tail.index(RUNNER)
    stage = tail.rfind("|", 0, runner)
    if stage < 0:
        raise ValueError("the program must read the pipeline's output: " +
                         command)
    return source, options, tail[stage + 1:].strip()


class RecordGPUPrograms(lit.formats.ShTest):
    def __init__(self, kit, target, compile_options):
        super().__init__(execute_external=True)
        self.kit = kit
        self.target = target
        self.compile_options = compile_options

    def execute(self, test, lit_config):
        if test.config.unsupported:
            return lit.Test.Result(lit.Test.UNSUPPORTED, "Test is unsupported")
        script = lit.TestRunner.parseIntegratedTestScript(test)
        if isinstance(script, lit.Test.Result):
            return script
        tmp_dir, tmp_base = lit.TestRunner.getTempPaths(test)
        substitutions = lit.TestRunner.getDefaultSubstitutions(
            test, tmp_dir, tmp_base, normalize_slashes=True)
        conditions = {feature: True for feature in test.config.available_features}
        script = lit.TestRunner.applySubstitutions(
            script, substitutions, conditions,
            recursion_limit=test.config.recursiveExpansionLimit)

        source_path = test.getSourcePath()
        name = os.path.basename(source_path)
        stem = os.path.splitext(name)[0]
        programs = []
        for line in script:
            match = re.fullmatch(lit.TestRunner.kPdbgRegex, line)
            command = match.group(2).strip() if match else line
            try:
                program = split_program(command)
            except ValueError as error:
                return lit.Test.Result(lit.Test.FAIL, str(error))
            if program:
                programs.append(program)
        if not programs:
            return lit.Test.Result(lit.Test.PASS, "no GPU program")

        sst_compile = os.path.join(test.config.spectral_tools_dir, "sst-compile")
        manifest, log = [], []
        for index, (source, options, run) in enumerate(programs, 1):
            label = stem if len(programs) == 1 else "%s-%d" % (stem, index)
            binary = "test-" + label
            text = subprocess.run(["bash", "-o", "pipefail", "-c", source],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if text.returncode != 0:
                return lit.Test.Result(lit.Test.FAIL, "%s: `%s` failed:\n%s" % (
                    label, source, text.stderr.decode()))
            compile_command = [sst_compile, "--target=" + self.target,
                               "--pipeline-options=" + options,
                               "-o", os.path.join(self.kit, "bin", binary)]
            compile_command += self.compile_options
            compiled = subprocess.run(compile_command, input=text.stdout,
                                      stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE)
            if compiled.returncode != 0:
                return lit.Test.Result(lit.Test.FAIL, "%s: %s failed:\n%s" % (
                    label, " ".join(shlex.quote(c) for c in compile_command),
                    compiled.stderr.decode()))
            run = run.replace(RUNNER, '$SST_RUN "$KIT/bin/%s"' % binary)
            run = run.replace(source_path, '"$KIT/tests/%s"' % name)
            if "%" in run or "@" in run:
                return lit.Test.Result(lit.Test.FAIL, "%s: not a kit command "
                                       "(unknown substitution): %s" % (label, run))
            manifest.append("%s\t%s\n" % (label, run))
            log.append("%s: %s\n" % (binary, run))
        with open(source_path) as src, \
                open(os.path.join(self.kit, "tests", name), "w") as dst:
            dst.write(src.read())
        with open(os.path.join(self.kit, "tests", stem + ".manifest"), "w") as f:
            f.writelines(manifest)
        return lit.Test.Result(lit.Test.PASS, "".join(log))
