"""How the build grows with the site: build time, pages a second and peak memory on synthetic
content trees of 7, 100 and 300 areas (see synthetic.py), so cost growth is visible.

Run with `make bench-scale`. Each build runs `forvictims build` as its own process, as an editor
would; peak memory is that process's. Prints figures; asserts nothing (this machine is shared
and noisy, so timings belong in a report, not in a test).

To compare with another version of the code, give its `forvictims` command with --vs: both
build the same trees in turn, in the same run, and the ratio is printed.

    python tests/scale.py --areas 7 100 300 --runs 3 --vs ../old-checkout/.venv/bin/forvictims
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synthetic

FORVICTIMS = Path(sys.executable).with_name("forvictims")


def measure(command: Path, content: Path, output: Path) -> tuple[float, int, int]:
    """(seconds, peak memory in KiB, pages) for one `forvictims build` of `content`."""
    if output.exists():
        shutil.rmtree(output)
    started = time.perf_counter()
    process = subprocess.Popen([str(command), "build", "--content", str(content), "--output", str(output)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    printed = process.stdout.read()
    if status != 0:
        sys.exit(f"{command} build failed on {content}:\n{printed}")
    pages = int(printed.split()[1])  # "Built 6652 pages (…)"
    return seconds, usage.ru_maxrss, pages  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, nargs="+", default=[7, 100, 300],
                        help="sizes of tree to build, in areas (default: 7 100 300)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each tree (the median is shown)")
    parser.add_argument("--vs", type=Path, help="another version's forvictims command, to compare")
    arguments = parser.parse_args()
    commands = {"this": FORVICTIMS, **({"other": arguments.vs} if arguments.vs else {})}

    print(f"{'areas':>6} {'services':>9} {'pages':>6}  {'code':<6} {'build s':>8} {'min':>6} {'max':>6}"
          f" {'pages/s':>8} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for areas in arguments.areas:
            content = synthetic.write(Path(folder) / f"areas-{areas}" / "content", areas)
            services = len(list((content / "services").glob("*.md")))
            figures: dict[str, list[tuple[float, int, int]]] = {name: [] for name in commands}
            for _ in range(arguments.runs):  # in turn, so both meet the same load on the machine
                for name, command in commands.items():
                    figures[name].append(measure(command, content, Path(folder) / f"build-{name}"))
            medians = {}
            for name, runs in figures.items():
                seconds = [run[0] for run in runs]
                medians[name] = statistics.median(seconds)
                pages = runs[0][2]
                print(f"{areas:>6} {services:>9} {pages:>6}  {name:<6} {medians[name]:>8.2f} {min(seconds):>6.2f}"
                      f" {max(seconds):>6.2f} {pages / medians[name]:>8.0f} {max(run[1] for run in runs) / 1024:>9.0f}")
            if "other" in medians:
                print(f"{'':>33}this / other: {medians['this'] / medians['other']:.2f}")


if __name__ == "__main__":
    main()
