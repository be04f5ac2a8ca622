"""Measure the site: pages, build and check times, and the heaviest first load a visitor downloads.

Run with `make bench`. Prints figures; asserts nothing (this machine is shared and noisy, so
timings belong in a report, not in a test).
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from forvictims.publish import build
from forvictims.editors import inspect

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def first_load(site: Path, page: Path) -> tuple[int, int]:
    """(HTML, HTML + every CSS and JS file the page loads), in gzipped bytes."""
    html = page.read_text(encoding="utf-8")
    assets = set(re.findall(r'<(?:link rel="stylesheet"|script[^>]*) (?:href|src)="([^"?]+)', html))
    base = re.search(r'href="([^"]*)static/forvictims\.css', html)
    prefix = base.group(1) if base else "/"
    total = gzipped(page) + sum(gzipped(site / url.removeprefix(prefix)) for url in assets)
    return gzipped(page), total


def main() -> None:
    checks = []
    for _ in range(RUNS):  # what `forvictims check` does, without starting Python
        started = time.perf_counter()
        _, problems = inspect(ROOT / "content")
        checks.append(time.perf_counter() - started)
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(RUNS):
            started = time.perf_counter()
            result = build(ROOT / "content", Path(folder) / "build")
            times.append(time.perf_counter() - started)
        site = result.destination
        pages = sorted(site.rglob("*.html"))
        loads = {page: first_load(site, page) for page in pages}
        heaviest = max(loads, key=lambda page: loads[page][1])
        size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())

        print(f"pages built:            {result.pages} ({result.files} files, {size / 1024:.0f} KiB on disk)")
        print(f"build time:             median {statistics.median(times):.2f} s of {RUNS} "
              f"(min {min(times):.2f} s, max {max(times):.2f} s)")
        print(f"content check time:     median {statistics.median(checks):.2f} s of {RUNS} "
              f"({len(problems)} warnings on the content)")
        print(f"CSS + JS, gzipped:      {gzipped(site / 'static/forvictims.css') / 1024:.1f} KiB + "
              f"{gzipped(site / 'static/forvictims.js') / 1024:.1f} KiB")
        print(f"heaviest first load:    {loads[heaviest][1] / 1024:.1f} KiB gzipped "
              f"(HTML {loads[heaviest][0] / 1024:.1f} KiB + CSS + JS), {heaviest.relative_to(site)}")
        median = statistics.median(total for _, total in loads.values())
        print(f"median first load:      {median / 1024:.1f} KiB gzipped")
        print("goal:                   no page over 30 KiB gzipped on first load (DESIGN.md §6)")
        for index in sorted(site.glob("*/search/index.json")):
            search_page = first_load(site, index.with_name("index.html"))[1]
            print(f"first search, {index.parts[-3]}:      {(search_page + gzipped(index)) / 1024:.1f} KiB gzipped "
                  f"(the search page {search_page / 1024:.1f} KiB, then its index "
                  f"{gzipped(index) / 1024:.1f} KiB when the box is first used; make bench-search compares)")


if __name__ == "__main__":
    sys.exit(main())
