#!/usr/bin/env python3
"""Writes a libFuzzer dictionary of the spectral dialect's syntax.

The tokens come from the sources, so the dictionary follows the dialect:
op mnemonics and assembly-format literals from the ODS files, enum cases
from the attribute definitions, and the !spectral.sst parameter keys that
the type parser compares against. A few builtin tokens that every spectral
program uses (tensor and complex types, func.func) are added by hand.

usage: make-dictionary.py <repository root> <output file>
"""

import pathlib
import re
import sys

BUILTIN_TOKENS = [
    "func.func", "return", "tensor<", "complex<f32>", "complex<f64>", "f32",
    "f64", "f16", "bf16", "index", "i64", "i32", "->", "x", "?", "%", ":",
    "!spectral.sst<", "arith.constant", "tensor.empty", "tensor.cast",
    "dense<", "dense_resource<", "#spectral.", "{", "}", "[", "]", "<", ">",
    "(", ")", "=", ",", "\"", "0", "1", "-1",
]


def tokens(root: pathlib.Path):
    ir = root / "include" / "SpectralDialect" / "IR"
    found = set(BUILTIN_TOKENS)
    for td in ir.glob("*.td"):
        text = td.read_text()
        for name in re.findall(r'Spectral_\w*Op<"(\w+)"', text):
            found.add("spectral." + name)
        formats = re.findall(r"assemblyFormat\s*=\s*\[\{(.*?)\}\]", text,
                             re.S)
        formats += re.findall(r'assemblyFormat\s*=\s*"(.*?)"', text)
        for format in formats:
            for literal in re.findall(r"`([^`\s]+)`", format):
                found.add(literal)
        for case in re.findall(r'I32EnumAttrCase<"(\w+)"', text):
            found.add(case)
    types = (root / "lib" / "IR" / "SpectralTypes.cpp").read_text()
    for key in re.findall(r'key == "(\w+)"', types):
        found.add(key)
        found.add(key + " =")
    return sorted(found)


def quote(token: str) -> str:
    escaped = token.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, output = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    entries = tokens(root)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("".join(quote(token) + "\n" for token in entries))
    print(f"make-dictionary: {len(entries)} tokens in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
