"""Measure search on the built site beside Pagefind over the very same pages: index bytes per
language, bytes fetched for the first search, median query time in Chromium, and how often an
expected page is in the top three for the query files.

Run with `make bench-search` (it installs Pagefind 1.5 into .venv first). Prints figures;
asserts nothing. Pass a folder to measure an existing build instead of building afresh.
"""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from journeys import chromium, serve
from test_search import queries

from forvictims.publish import build

ROOT = Path(__file__).resolve().parents[1]

OURS_QUERY = """async (queries) => {
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  const found = [], times = [];
  for (const query of queries) {
    input.value = query;
    const started = performance.now();
    form.requestSubmit();  // the search and the drawing of the results happen in the handler
    times.push(performance.now() - started);
    found.push([...document.querySelectorAll("#search-results a")].slice(0, 3)
      .map((a) => new URL(a.href).pathname));
  }
  return {found, times};
}"""

PAGEFIND_QUERY = """async (queries) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const found = [], times = [];
  for (const query of queries) {
    const started = performance.now();
    const search = await pagefind.search(query);
    const top = await Promise.all(search.results.slice(0, 3).map((result) => result.data()));
    times.push(performance.now() - started);
    found.push(top.map((data) => new URL(data.url, location.href).pathname));
  }
  return {found, times};
}"""


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def kib(count: float) -> str:
    return f"{count / 1024:.1f} KiB"


class Fetched:
    """Every response a tab receives: its path and its bytes."""

    def __init__(self, page):
        self.responses: list = []
        page.on("requestfinished", lambda request: self.responses.append(request.response()))

    def total(self, part: str = "") -> tuple[int, int, int]:
        """(requests, bytes as sent, bytes gzipped) for responses whose URL contains `part`."""
        chosen = [response.body() for response in self.responses if response and part in response.url]
        return len(chosen), sum(map(len, chosen)), sum(map(gzipped, chosen))


def run(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    lines = queries()
    texts = [query for query, _ in lines]
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "site"
        shutil.copytree(site, copy)
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy), "--quiet"], check=True)
        # A bare page to drive Pagefind's own API from (the site's pages forbid WebAssembly).
        (copy / "pagefind-bench.html").write_text("<!DOCTYPE html><title>Pagefind</title>", encoding="utf-8")
        server, origin = serve(copy)
        with sync_playwright() as playwright:
            browser = chromium(playwright)
            results = {}
            for name, path, script, part in [
                ("ours", "/en/search/", OURS_QUERY, "/search"),
                ("Pagefind", "/pagefind-bench.html", PAGEFIND_QUERY, "/pagefind/"),
            ]:
                context = browser.new_context()
                page = context.new_page()
                fetched = Fetched(page)
                page.goto(origin + path, wait_until="networkidle")
                if name == "ours":  # the index loads when the box is first used
                    page.focus("#search-input")
                    page.wait_for_load_state("networkidle")
                first = page.evaluate(script, texts[:1])
                page.wait_for_load_state("networkidle")
                first_search = fetched.total(part)
                every = page.evaluate(script, texts)
                hits = sum(bool(set(expected) & set(found))
                           for (_, expected), found in zip(lines, every["found"]))
                results[name] = (first_search, statistics.median(every["times"]), hits, first)
                context.close()
            browser.close()
        server.shutdown()
        pagefind_files = [path for path in (copy / "pagefind").rglob("*") if path.is_file()]
        pagefind_bytes = sum(path.stat().st_size for path in pagefind_files)

    indexes = sorted(site.glob("*/search/index.json"))
    print(f"Search over {len(list(site.rglob('*.html')))} built pages; {len(lines)} English queries "
          "(tests/search_queries_development.tsv and tests/search_queries.tsv).")
    for index in indexes:
        data = index.read_bytes()
        print(f"our index, {index.parts[-3]}:        {kib(len(data))} raw, {kib(gzipped(data))} gzipped "
              f"({len(json.loads(data)['documents'])} pages indexed)")
    print(f"Pagefind's index:         {len(pagefind_files)} files, {kib(pagefind_bytes)} in all")
    print()
    print(f"{'':28}{'ours':>22}{'Pagefind':>22}")
    rows = [
        ("first search fetches", lambda r: f"{r[0][0]} files, {kib(r[0][2])}"),
        ("  (as sent, no gzip)", lambda r: kib(r[0][1])),
        ("median query time", lambda r: f"{r[1]:.2f} ms"),
        ("top-3 hit rate", lambda r: f"{r[2]}/{len(lines)} = {r[2] / len(lines):.0%}"),
    ]
    for label, show in rows:
        print(f"{label:28}{show(results['ours']):>22}{show(results['Pagefind']):>22}")
    print()
    print("First search: the search page's own files and the index for ours (gzipped, as a host "
          "with compression sends JSON), everything under /pagefind/ for Pagefind (its index files "
          "are compressed already). Query time: ours from Enter to the results drawn; Pagefind's "
          "search() plus the data of the top three results.")


def main() -> None:
    if len(sys.argv) > 1:
        run(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        result = build(ROOT / "content", Path(folder) / "build")
        run(result.destination)


if __name__ == "__main__":
    main()
