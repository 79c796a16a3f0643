#!/usr/bin/env python3
"""Compiles the executed GPU tests for the GPU kit and writes their manifest.

Every RUN command of test/Integration/GPU/*.mlir that runs a program
(`cat FILES [| sed -e '...'] | sst-opt -spectral-gpu-pipeline[="OPTIONS"]
| ... %{run-gpu} ...`; a sed stage edits the input, e.g. to make it wrong)
becomes one executable, compiled ahead of time by sst-compile with the same
pipeline options, and one manifest line: the test's name, a tab, and the
RUN command with the program in place of mlir-runner and the kit's own
check_numpy.py, filecheck.py and `not` in place of lit's tools. RUN
commands that only compile (remarks checked by FileCheck) run in this
project's CI and are not part of the kit.

  collect_tests.py [--cpu] SST_COMPILE KIT_DIR [sst-compile options...]

--cpu compiles the same RUN lines for the CPU (and FileChecks against the
CPU tests' lines), so that the translation of RUN lines into kit commands
is tested where there is no GPU (scripts/gpu-kit/check-translation.sh).
"""
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GPU_TESTS = os.path.join(ROOT, "test", "Integration", "GPU")

PROGRAM = re.compile(
    r"^cat (?P<files>[^|]+?)(?: \| sed (?P<sed>(?:-e '[^']*' ?)+))?"
    r" \| sst-opt -spectral-gpu-pipeline"
    r"(?:=\"(?P<options>[^\"]*)\")?(?: 2>/dev/null)? \| "
    r"(?P<before>.*?)%\{run-gpu\}(?P<after>.*)$")


def run_commands(path):
    """The RUN commands of a lit test, continuation lines joined."""
    commands, current = [], ""
    for line in open(path):
        match = re.match(r"\s*//\s*RUN:\s?(.*)$", line.rstrip("\n"))
        if not match:
            continue
        text = match.group(1).rstrip()
        if text.endswith("\\"):
            current += text[:-1].rstrip() + " "
        else:
            commands.append(re.sub(r"\s+", " ", current + text).strip())
            current = ""
    return commands


def kit_command(before, after, binary, test_file):
    """The RUN command's run and check, with the kit's tools."""
    def tools(text):
        text = text.replace("%{check}", '"$PYTHON" "$KIT/checks/check_numpy.py"')
        text = re.sub(r"\bFileCheck %s\b",
                      '"$PYTHON" "$KIT/checks/filecheck.py" "$KIT/tests/%s"' % test_file,
                      text)
        text = re.sub(r"(^|\| )not ", r'\1"$KIT/checks/not" ', text)
        if "%" in text.replace("%s", ""):
            sys.exit("collect_tests.py: %s: unknown substitution in: %s" % (test_file, text))
        return text
    return tools(before) + '$SST_RUN "$KIT/bin/%s"' % binary + tools(after)


def main():
    args = sys.argv[1:]
    cpu = bool(args) and args[0] == "--cpu"
    if cpu:
        args = args[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    sst_compile, kit = args[0], args[1]
    extra = args[2:]
    manifest = []
    os.makedirs(os.path.join(kit, "bin"), exist_ok=True)
    os.makedirs(os.path.join(kit, "tests"), exist_ok=True)
    for name in sorted(os.listdir(GPU_TESTS)):
        if not name.endswith(".mlir"):
            continue
        path = os.path.join(GPU_TESTS, name)
        programs = [PROGRAM.match(c) for c in run_commands(path) if "%{run-gpu}" in c]
        if any(p is None for p in programs):
            sys.exit("collect_tests.py: %s: a RUN command that runs a program "
                     "is not of the form this script compiles" % name)
        stem = name[:-len(".mlir")]
        for index, program in enumerate(programs, 1):
            test = stem if len(programs) == 1 else "%s-%d" % (stem, index)
            binary = "test-" + test
            sources = [f.replace("%S", GPU_TESTS) for f in program.group("files").split()]
            source = b"".join(open(f, "rb").read() for f in sources)
            if program.group("sed"):
                source = subprocess.run(["sed"] + shlex.split(program.group("sed")),
                                        input=source, stdout=subprocess.PIPE,
                                        check=True).stdout
            command = [sst_compile, "--target=" + ("cpu" if cpu else "gpu"), "-o", os.path.join(kit, "bin", binary),
                       "--pipeline-options=" + (program.group("options") or "")] + extra
            result = subprocess.run(command, input=source, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
            if result.returncode != 0:
                sys.stderr.write(result.stderr.decode())
                sys.exit("collect_tests.py: %s: sst-compile failed: %s" %
                         (test, " ".join(shlex.quote(c) for c in command)))
            manifest.append("%s\t%s" % (test, kit_command(program.group("before"),
                                                          program.group("after"),
                                                          binary, name)))
        if programs:
            checked = os.path.join(GPU_TESTS, "..", "CPU", name) if cpu else path
            with open(checked) as src, open(os.path.join(kit, "tests", name), "w") as dst:
                dst.write(src.read())
    with open(os.path.join(kit, "tests", "manifest.tsv"), "w") as f:
        f.write("\n".join(manifest) + "\n")
    print("collect_tests.py: %d test programs compiled" % len(manifest))


if __name__ == "__main__":
    main()
