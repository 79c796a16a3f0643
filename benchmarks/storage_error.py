#!/usr/bin/python3
"""Bytes per element against relative error for each `!spectral.sst` storage
choice, next to int8/int4 quantization, on two 256 x 256 f32 tensors:
Gaussian noise and a smooth synthetic temperature-anomaly field.

The spectral errors come from the compiler: `emit` writes one module per data
set in which every storage choice and K is a `spectral.compress` of the same
`arith.constant`; `sst-opt -spectral-compress-constants` evaluates each at
compile time with the project's runtime and prints a remark with the storage
bytes and the relative Frobenius error of decompress(compress(x)) with the
coefficients rounded to the storage type. The smooth module also compresses
the field plus a 15-degree mean (an f16 range check), and each module has a
function @auto_NAME returning the bare constant, for the pass's own choice
under `error-budget=0.02`. `report` reads the remarks, cross-checks every
point against a numpy model of the same selection rule, computes the
quantization rows, prints Markdown tables and draws the plot.

Usage:
  storage_error.py emit WORK                 # WORK/{gaussian,smooth}.mlir
  storage_error.py report WORK PNG           # reads WORK/*.remarks, *.auto.remarks
"""
import json
import math
import re
import sys

import numpy as np

SHAPE = (256, 256)
ELEMENTS = SHAPE[0] * SHAPE[1]
DENSE_BYTES_PER_ELEMENT = 4.0
# Budgets: int8 (1 byte per element, 4x) and int4 (0.5 byte per element, 8x).
BUDGETS = (1.0, 0.5)
TARGET_ERROR = 0.02  # The project's target: smooth field, 8x, under 2%.
# Mean added to the smooth field for the f16 range check (degrees, not an
# anomaly any more).
OFFSET = 15.0

COEFF_BYTES = {"f32": 8, "f16": 4, "bf16": 4}
INDEX_BYTES = {"i16": 2, "i32": 4}


def make_choices():
    """(label, tile, coeff, index) for every storage choice measured."""
    choices = []
    for tile, index in (((64, 256), "i16"), ((64, 256), "i32"), (SHAPE, "i32")):
        for coeff in ("f32", "f16", "bf16"):
            choices.append({"tile": tile, "coeff": coeff, "index": index})
    for c in choices:
        r, n = c["tile"]
        c["tiles"] = ELEMENTS // (r * n)
        c["bytes"] = COEFF_BYTES[c["coeff"]] + INDEX_BYTES[c["index"]]
        # Non-redundant bins of an even r x n rfft tile (docs/dialect.md, 3).
        c["max_keep"] = r * n // 2 + 2
        c["label"] = "complex<%s> + %s, tile %dx%d" % (c["coeff"], c["index"], r, n)
        # Markdown: backticks keep <f32> from being read as an HTML tag.
        c["md"] = "`complex<%s>` + `%s`, tile %dx%d" % (c["coeff"], c["index"], r, n)
    return choices


CHOICES = make_choices()


def sst_type(choice, keep):
    r, n = choice["tile"]
    return (
        "!spectral.sst<%dx%dxf32, keep = %d, tile = [%d, %d], coeff = complex<%s>, index = %s>"
        % (SHAPE[0], SHAPE[1], keep, r, n, choice["coeff"], choice["index"])
    )


def bytes_per_element(choice, keep):
    return choice["tiles"] * keep * choice["bytes"] / ELEMENTS


def keeps_for(choice):
    """K per tile: a geometric sweep of 0.05 .. 2 bytes per element, plus the
    largest K within each budget."""
    per_byte = ELEMENTS / (choice["tiles"] * choice["bytes"])
    keeps = {int(round(b * per_byte)) for b in np.geomspace(0.05, 2.0, 17)}
    keeps |= {int(math.floor(b * per_byte)) for b in BUDGETS}
    return sorted(k for k in keeps if 1 <= k <= choice["max_keep"])


def budget_keep(choice, budget):
    return int(math.floor(budget * ELEMENTS / (choice["tiles"] * choice["bytes"])))


# ---------------------------------------------------------------- data sets


def gaussian():
    return np.random.default_rng(1).standard_normal(SHAPE).astype(np.float32)


def smooth():
    """A smooth temperature anomaly (kelvin) on a 256 x 256 grid over the unit
    square: three plane waves of 0.4 to 3.2 cycles per side (not periodic on
    the grid or the tiles), a warm Gaussian bump and 1e-3 sensor noise."""
    y, x = np.meshgrid(np.arange(SHAPE[0]) / SHAPE[0], np.arange(SHAPE[1]) / SHAPE[1],
                       indexing="ij")
    field = (
        1.0 * np.sin(2 * np.pi * (1.3 * x + 0.4 * y) + 0.7)
        + 0.6 * np.cos(2 * np.pi * (0.8 * x - 2.1 * y) + 1.9)
        + 0.3 * np.sin(2 * np.pi * (3.2 * x + 2.6 * y))
        + 2.0 * np.exp(-((x - 0.62) ** 2 + (y - 0.35) ** 2) / (2 * 0.08 ** 2))
    )
    noise = 1e-3 * np.random.default_rng(2).standard_normal(SHAPE)
    return (field + noise).astype(np.float32)


DATASETS = (("gaussian", "Gaussian N(0, 1) noise", gaussian),
            ("smooth", "smooth temperature-anomaly field", smooth))


# ------------------------------------------------------------------- emit


def constant(name, data):
    hexdata = data.astype("<f4").tobytes().hex().upper()
    return '  %%%s = arith.constant dense<"0x%s"> : tensor<%dx%dxf32>\n' % (
        name, hexdata, SHAPE[0], SHAPE[1])


def emit(work):
    for name, _, make in DATASETS:
        data = make()
        np.save("%s/%s.npy" % (work, name), data)
        lines = ["func.func @%s() {\n" % name, constant("w", data)]
        points = {}
        for ci, choice in enumerate(CHOICES):
            for keep in keeps_for(choice):
                points[len(lines) + 1] = {"choice": ci, "keep": keep, "data": name}
                lines.append("  %%s%d = spectral.compress %%w : tensor<%dx%dxf32> -> %s\n"
                             % (len(lines), SHAPE[0], SHAPE[1], sst_type(choice, keep)))
        if name == "smooth":
            # f16 range check: the same field with a 15-degree mean.
            lines.append(constant("o", data + np.float32(OFFSET)))
            for ci, choice in enumerate(CHOICES[:3]):
                keep = budget_keep(choice, 0.5)
                points[len(lines) + 1] = {"choice": ci, "keep": keep, "data": "offset"}
                lines.append("  %%o%d = spectral.compress %%o : tensor<%dx%dxf32> -> %s\n"
                             % (len(lines), SHAPE[0], SHAPE[1], sst_type(choice, keep)))
        lines.append("  return\n}\n")
        # The pass's own choice under a 2% budget, for the constant alone.
        lines.append("func.func @auto_%s() -> tensor<%dx%dxf32> {\n" % (name, SHAPE[0], SHAPE[1]))
        lines.append(constant("w", data).rstrip("\n") + ' loc("%s")\n' % name)
        lines.append("  return %%w : tensor<%dx%dxf32>\n}\n" % SHAPE)
        with open("%s/%s.mlir" % (work, name), "w") as f:
            f.writelines(lines)
        with open("%s/%s.points.json" % (work, name), "w") as f:
            json.dump(points, f)


# ----------------------------------------------------------------- report

REMARK = re.compile(r"^\S+?:(\d+):\d+: remark: compressed .* at compile time: "
                    r"(\d+) -> (\d+) bytes, relative error (\S+)$")


def read_remarks(work, name):
    with open("%s/%s.points.json" % (work, name)) as f:
        points = {int(k): v for k, v in json.load(f).items()}
    results = []
    with open("%s/%s.remarks" % (work, name)) as f:
        for line in f:
            m = REMARK.match(line.strip())
            if not m:
                continue
            point = dict(points.pop(int(m.group(1))))
            choice = CHOICES[point["choice"]]
            stored = int(m.group(3))
            expected = choice["tiles"] * point["keep"] * choice["bytes"]
            if int(m.group(2)) != ELEMENTS * 4 or stored != expected:
                sys.exit("unexpected byte counts in remark: " + line)
            point["bpe"] = stored / ELEMENTS
            point["error"] = float(m.group(4))
            results.append(point)
    if points:
        sys.exit("no remark for %d compress ops of %s" % (len(points), name))
    return results


def read_auto(work, name):
    """The remark of the pass's own decision for `name` under the budget."""
    with open("%s/%s.auto.remarks" % (work, name)) as f:
        for line in f:
            m = re.search(r"remark: loc\(\"%s\"\): (.*)$" % name, line.strip())
            if m:
                return m.group(1)
    sys.exit("no remark for the constant %s under the error budget" % name)


def round_to(values, coeff):
    """Rounds float32 values to the coefficient type and back (nearest, ties
    to even), as the compiler does before measuring."""
    values = values.astype(np.float32)
    if coeff == "f32":
        return values
    if coeff == "f16":
        with np.errstate(over="ignore"):
            return values.astype(np.float16).astype(np.float32)
    bits = values.view(np.uint32).astype(np.uint64)
    bits = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    return bits.astype(np.uint32).view(np.float32)


def numpy_error(data, choice, keep):
    """Independent model of compress + decompress: rfft2 per tile, the top-K
    candidate bins by |X|^2 * weight (ties to the lower position), the
    coefficients rounded to the storage type, the mirror bins of the k = 0 and
    k = n/2 columns restored by conjugation, irfft2."""
    r, n = choice["tile"]
    tiles = data.reshape(SHAPE[0] // r, r, SHAPE[1] // n, n).transpose(0, 2, 1, 3)
    tiles = tiles.reshape(-1, r, n)
    spectra = np.fft.rfft2(tiles).astype(np.complex64)
    cols = n // 2 + 1
    weight = np.full((r, cols), 2.0)
    for col in (0, n // 2):
        weight[r // 2 + 1:, col] = 0.0          # not canonical
        weight[0, col] = weight[r // 2, col] = 1.0  # self-conjugate
    weight = weight.ravel()
    positions = np.arange(r * cols)
    diff = norm = 0.0
    for tile, spectrum in zip(tiles, spectra):
        flat = spectrum.ravel()
        energy = (flat.real.astype(np.float64) ** 2 + flat.imag.astype(np.float64) ** 2) * weight
        order = np.lexsort((positions, -energy))
        order = order[weight[order] > 0][:keep]
        kept = np.zeros(r * cols, np.complex128)
        with np.errstate(invalid="ignore"):
            kept[order] = (round_to(flat.real[order], choice["coeff"])
                           + 1j * round_to(flat.imag[order], choice["coeff"]))
        kept = kept.reshape(r, cols)
        for col in (0, n // 2):
            kept[r - 1:r // 2:-1, col] = np.conj(kept[1:r // 2, col])
        with np.errstate(invalid="ignore"):
            restored = np.fft.irfft2(kept, s=(r, n))
            diff += np.sum((tile.astype(np.float64) - restored) ** 2)
        norm += np.sum(tile.astype(np.float64) ** 2)
    return math.sqrt(diff / norm) if math.isfinite(diff) else math.inf


def quantize(data, bits, per_row):
    """Symmetric quantize-dequantize to `bits` bits (levels -q .. q with
    q = 2^(bits-1) - 1), one scale per tensor or per row; relative error."""
    q = 2 ** (bits - 1) - 1
    x = data.astype(np.float64)
    peak = np.max(np.abs(x), axis=1, keepdims=True) if per_row else np.max(np.abs(x))
    scale = peak / q
    restored = np.clip(np.rint(x / scale), -q, q) * scale
    return float(np.linalg.norm(x - restored) / np.linalg.norm(x))


def fmt_error(e):
    if not math.isfinite(e):
        return "inf (f16 overflow)"
    return "%.2f%%" % (100 * e) if e >= 0.001 else "%.3f%%" % (100 * e)


def at_budget(results, ci, budget):
    """The point of choice `ci` whose bytes per element are closest to
    `budget` without exceeding it."""
    points = [p for p in results if p["choice"] == ci and p["bpe"] <= budget + 1e-12]
    return min(points, key=lambda p: budget - p["bpe"])


def report(work, png):
    all_results, quant, checks = {}, {}, []
    for name, title, _ in DATASETS:
        data = np.load("%s/%s.npy" % (work, name))
        results = read_remarks(work, name)
        for p in results:
            source = data + np.float32(OFFSET) if p["data"] == "offset" else data
            p["numpy"] = numpy_error(source, CHOICES[p["choice"]], p["keep"])
            a, b = p["error"], p["numpy"]
            if math.isfinite(a) and math.isfinite(b):
                checks.append(abs(a - b) / max(a, b))
            else:  # Both must overflow.
                checks.append(0.0 if a == b else math.inf)
        all_results[name] = [p for p in results if p["data"] == name]
        all_results[name + "-offset"] = [p for p in results if p["data"] == "offset"]
        quant[name] = {(bits, per_row): quantize(data, bits, per_row)
                       for bits in (8, 4) for per_row in (False, True)}

    for name, title, _ in DATASETS:
        results = all_results[name]
        print("%s, 256 x 256 f32 (dense: 4 bytes per element):" % title)
        print()
        print("| storage | bytes per kept coefficient | K per tile (B/elem), budget 1 B/elem = 4x "
              "| error | K per tile (B/elem), budget 0.5 B/elem = 8x | error |")
        print("|---|---|---|---|---|---|")
        for ci, choice in enumerate(CHOICES):
            cells = []
            for budget in BUDGETS:
                p = at_budget(results, ci, budget)
                cells += ["%d (%.4f)" % (p["keep"], p["bpe"]), fmt_error(p["error"])]
            print("| %s | %d | %s |" % (choice["md"], choice["bytes"], " | ".join(cells)))
        for per_row, what, scales in ((False, "one f32 scale per tensor", 1),
                                      (True, "one f32 scale per row", SHAPE[0])):
            extra = 4.0 * scales / ELEMENTS
            print("| int8 / int4, %s | - | int8 (%.4f) | %s | int4 (%.4f) | %s |"
                  % (what, 1 + extra, fmt_error(quant[name][(8, per_row)]),
                     0.5 + extra, fmt_error(quant[name][(4, per_row)])))
        print()

    smooth_results = all_results["smooth"]
    best = min((at_budget(smooth_results, ci, 0.5) for ci in range(len(CHOICES))),
               key=lambda p: p["error"])
    verdict = "met" if best["error"] < TARGET_ERROR else "NOT met"
    under = [p for p in smooth_results if p["error"] < TARGET_ERROR]
    top = max(under, key=lambda p: DENSE_BYTES_PER_ELEMENT / p["bpe"]) if under else None
    print("target (smooth field, 8x smaller than f32 at under 2%% relative error): %s; "
          "best at <= 0.5 B/elem: %s, K = %d, %s"
          % (verdict, CHOICES[best["choice"]]["label"], best["keep"], fmt_error(best["error"])))
    if top:
        print("highest compression in the sweep under 2%%: %.1fx (%s, K = %d, %s)"
              % (DENSE_BYTES_PER_ELEMENT / top["bpe"], CHOICES[top["choice"]]["label"],
                 top["keep"], fmt_error(top["error"])))
    for p in all_results["smooth-offset"]:
        print("f16 range check, smooth field + %g (a mean of %g degrees), %s, K = %d: %s"
              % (OFFSET, OFFSET, CHOICES[p["choice"]]["label"], p["keep"], fmt_error(p["error"])))
    for name, _, _ in DATASETS:
        print("spectral-compress-constants=error-budget=%g, %s: %s"
              % (TARGET_ERROR, name, read_auto(work, name)))
    print("numpy cross-check: %d points, largest relative difference from the remarks %.2g "
          "(the remarks print 4 significant digits)" % (len(checks), max(checks)))
    plot(all_results, quant, png)


def plot(all_results, quant, png):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    colors = {"f32": "tab:blue", "f16": "tab:orange", "bf16": "tab:green"}
    styles = {("i16", 64): "-", ("i32", 64): "--", ("i32", 256): ":"}
    import matplotlib.ticker
    fig, axes = plt.subplots(1, 2, figsize=(11, 5.6), sharey=True)
    for ax, (name, title, _) in zip(axes, DATASETS):
        results = all_results[name]
        for ci, choice in enumerate(CHOICES):
            points = sorted((p for p in results if p["choice"] == ci), key=lambda p: p["bpe"])
            ratio = [DENSE_BYTES_PER_ELEMENT / p["bpe"] for p in points]
            error = [p["error"] if math.isfinite(p["error"]) else np.nan for p in points]
            # f16 and bf16 nearly coincide: f16 wide underneath, bf16 narrow on top.
            ax.plot(ratio, error, styles[(choice["index"], choice["tile"][0])],
                    color=colors[choice["coeff"]], label=choice["label"],
                    lw=3.0 if choice["coeff"] == "f16" else 1.3)
        for bits, budget, marker in ((8, 1.0, "o"), (4, 0.5, "s")):
            ax.plot(4 / budget, quant[name][(bits, False)], marker, color="black", ms=7,
                    label="int%d, per-tensor scale" % bits)
            ax.plot(4 / (budget + 4 / 256), quant[name][(bits, True)], marker, color="black",
                    mfc="none", ms=7, label="int%d, per-row scales" % bits)
        ax.axhline(TARGET_ERROR, color="gray", lw=0.8)
        ax.axvline(8, color="gray", lw=0.8)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks([2, 4, 8, 16, 32, 64])
        ax.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%gx"))
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_title("%s, 256 x 256 f32" % title, fontsize=10)
        ax.set_xlabel("compression ratio (4 / bytes per element)")
        ax.grid(True, which="both", alpha=0.25)
    axes[0].set_ylabel("relative Frobenius error")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=4, fontsize=7.5, frameon=False)
    fig.tight_layout(rect=(0, 0.17, 1, 1))
    fig.savefig(png, dpi=120)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "emit":
        emit(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
