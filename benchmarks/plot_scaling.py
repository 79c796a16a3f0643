#!/usr/bin/python3
"""Plots run_scaling.sh's speed-ups against one thread.

Usage: plot_scaling.py CSV PNG TITLE. The CSV has the columns benchmark,
threads, spectral, reference (seconds); each benchmark's speed-up is its
one-thread time over its time at each thread count, for the project (solid)
and PyTorch (dashed).
"""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    source, target, title = sys.argv[1:4]
    times = defaultdict(dict)
    with open(source) as f:
        for row in csv.DictReader(f):
            times[row["benchmark"]][int(row["threads"])] = (
                float(row["spectral"]), float(row["reference"]))
    fig, ax = plt.subplots(figsize=(7, 4.5))
    colors = plt.get_cmap("tab20").colors
    for index, (name, series) in enumerate(sorted(times.items())):
        threads = sorted(series)
        base_mine, base_ref = series[threads[0]]
        color = colors[(2 * index) % 20 + (index // 10) % 2]
        ax.plot(threads, [base_mine / series[t][0] for t in threads], "o-",
                color=color, label=f"{name}: spectral")
        ax.plot(threads, [base_ref / series[t][1] for t in threads], "s--",
                color=color, alpha=0.6, label=f"{name}: PyTorch")
    ax.plot([1, max(max(s) for s in times.values())],
            [1, max(max(s) for s in times.values())], ":", color="grey",
            label="linear")
    ax.set_xlabel("threads")
    ax.set_ylabel("speed-up over one thread")
    ax.set_title(title, fontsize=8)
    ax.legend(fontsize=6, ncol=2)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(target, dpi=120)


if __name__ == "__main__":
    main()
