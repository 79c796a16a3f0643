#!/usr/bin/env python3
"""A small FileCheck for the GPU kit, where LLVM's is not installed.

Reads the text to check on stdin and the directives from CHECK_FILE, as
FileCheck does, for the subset the executed GPU tests use: PREFIX:,
PREFIX-NEXT:, PREFIX-NOT: and PREFIX-DAG:, with {{regex}} in patterns and
runs of whitespace matching any whitespace. Any other directive of the
prefix (or a [[variable]]) is an error, never silently ignored.

  filecheck.py CHECK_FILE [--check-prefix=PREFIX] < input
"""
import re
import sys


def pattern_regex(pattern):
    """The regular expression of a FileCheck pattern."""
    out = []
    pos = 0
    while pos < len(pattern):
        if pattern.startswith("{{", pos):
            end = pattern.find("}}", pos + 2)
            if end < 0:
                sys.exit("filecheck.py: unterminated {{ in: " + pattern)
            out.append("(?:" + pattern[pos + 2:end] + ")")
            pos = end + 2
        elif pattern.startswith("[[", pos):
            sys.exit("filecheck.py: [[variables]] are not supported: " + pattern)
        elif pattern[pos].isspace():
            while pos < len(pattern) and pattern[pos].isspace():
                pos += 1
            out.append(r"\s+")
        else:
            out.append(re.escape(pattern[pos]))
            pos += 1
    return re.compile("".join(out))


def read_directives(path, prefix):
    directive = re.compile(re.escape(prefix) + r"(-[A-Z]+)?:(.*)$")
    directives = []
    for number, line in enumerate(open(path), 1):
        match = directive.search(line)
        if not match:
            continue
        kind = (match.group(1) or "")[1:] or "CHECK"
        if kind not in ("CHECK", "NEXT", "NOT", "DAG"):
            sys.exit(f"filecheck.py: {path}:{number}: {prefix}-{kind} is not supported")
        directives.append((kind, pattern_regex(match.group(2).strip()),
                           f"{path}:{number}: {match.group(0).strip()}"))
    if not directives:
        sys.exit(f"filecheck.py: no {prefix}: directives in {path}")
    return directives


def check(text, directives):
    """Returns None, or the directive that failed and why."""
    lines = text.splitlines()
    line = 0          # first line the next positive match may use
    last_match = -1   # line of the last positive match
    pending_not = []
    dag_lines = set()
    for kind, regex, where in directives:
        if kind == "NOT":
            pending_not.append((regex, where))
            continue
        if kind == "DAG":
            start = last_match + 1 if last_match >= 0 else 0
            found = next((i for i in range(start, len(lines))
                          if i not in dag_lines and regex.search(lines[i])), None)
            if found is None:
                return where, "not found"
            dag_lines.add(found)
            line = max(line, found + 1)
            continue
        candidates = [line] if kind == "NEXT" else range(line, len(lines))
        if kind == "NEXT" and last_match < 0:
            return where, "NEXT without a previous match"
        found = next((i for i in candidates
                      if i < len(lines) and regex.search(lines[i])), None)
        if found is None:
            return where, "not found" if kind == "CHECK" else "not on the next line"
        for not_regex, not_where in pending_not:
            for i in range(last_match + 1, found):
                if not_regex.search(lines[i]):
                    return not_where, "found on line %d: %s" % (i + 1, lines[i])
        pending_not = []
        dag_lines = set()
        last_match = found
        line = found + 1
    for not_regex, not_where in pending_not:
        for i in range(last_match + 1, len(lines)):
            if not_regex.search(lines[i]):
                return not_where, "found on line %d: %s" % (i + 1, lines[i])
    return None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--check-prefix=")]
    prefixes = [a.split("=", 1)[1] for a in sys.argv[1:]
                if a.startswith("--check-prefix=")]
    if len(args) != 1:
        sys.exit(__doc__)
    text = sys.stdin.read()
    failure = check(text, read_directives(args[0], prefixes[-1] if prefixes else "CHECK"))
    if failure:
        where, why = failure
        sys.stderr.write(f"filecheck.py: {where}: {why}\ninput was:\n{text}")
        sys.exit(1)


if __name__ == "__main__":
    main()
