#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the lit tests.

Every .mlir file under test/ is cut at its `// -----` markers (the way
--split-input-file reads it) and each chunk becomes one seed of
spectral-fuzz-ir, and pseudo-random inputs for the targets' program
generator are added. spectral-fuzz-passes reads a first byte that picks the
pass, so each chunk is written twice there: once for a pass picked by the
chunk's index and once for the CPU pipeline (the last choice; the targets
reduce the byte modulo the number of choices, so the byte is a hint that
the fuzzer corrects if the table grows). spectral-fuzz-runtime reads binary
choices, so its seeds are deterministic pseudo-random bytes.

usage: make-seeds.py <repository root> <output directory>
"""

import hashlib
import pathlib
import random
import sys

# Kept equal to kNumPipelines - 1 in tools/spectral-fuzz/FuzzPasses.cpp.
CPU_PIPELINE_CHOICE = 19
# kGeneratedProgramMarker in tools/spectral-fuzz/ProgramGenerator.h.
GENERATED_PROGRAM_MARKER = 0
# kExtendedProgramMarker.
EXTENDED_PROGRAM_MARKER = 1
GENERATED_SEEDS = 128


def chunks(root: pathlib.Path):
    for path in sorted((root / "test").rglob("*.mlir")):
        text = path.read_text(errors="replace")
        for chunk in text.split("// -----"):
            # Drop RUN/CHECK lines: they are comments to the parser, and
            # only make the seeds longer.
            lines = [line for line in chunk.splitlines()
                     if not line.lstrip().startswith("//")]
            body = "\n".join(lines).strip()
            if body:
                yield body.encode()


def write(directory: pathlib.Path, data: bytes) -> None:
    name = hashlib.sha1(data).hexdigest()
    (directory / name).write_bytes(data)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, output = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    ir, passes, runtime = (output / name for name in ("ir", "passes",
                                                        "runtime"))
    for directory in (ir, passes, runtime):
        directory.mkdir(parents=True, exist_ok=True)
    count = 0
    for index, chunk in enumerate(chunks(root)):
        write(ir, chunk)
        write(passes, bytes([index % 256]) + chunk)
        write(passes, bytes([CPU_PIPELINE_CHOICE]) + chunk)
        count += 1
    generator = random.Random(20261203)

    def random_bytes(low, high):
        return bytes(generator.getrandbits(8)
                     for _ in range(generator.randint(low, high)))

    for _ in range(256):
        write(runtime, random_bytes(8, 512))
    # Inputs that start with a NUL byte are read by the targets' program
    # generator (tools/spectral-fuzz/ProgramGenerator.h), not as text.
    for index in range(GENERATED_SEEDS):
        write(ir, bytes([GENERATED_PROGRAM_MARKER]) + random_bytes(4, 256))
        write(passes, bytes([index % 256, GENERATED_PROGRAM_MARKER]) +
              random_bytes(4, 256))
    # The extended generator (neural-operator ops, adjoints, gradients) has
    # its own marker; its seeds come after, so the earlier ones stay as they
    # were.
    for index in range(GENERATED_SEEDS):
        write(ir, bytes([EXTENDED_PROGRAM_MARKER]) + random_bytes(4, 256))
        write(passes, bytes([(index * 7) % 256, EXTENDED_PROGRAM_MARKER]) +
              random_bytes(4, 256))
    print(f"make-seeds: {count} IR chunks, {GENERATED_SEEDS} generated "
          f"programs, 256 runtime seeds in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
