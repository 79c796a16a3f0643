// The executed GPU tests (test/Integration/GPU) mirror the CPU ones: this
// fails when a CPU test changed and its mirror was not regenerated.
// RUN: /usr/bin/python3 %S/../Integration/GPU/generate.py --check
