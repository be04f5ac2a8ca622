"""Lighthouse over the built site, served by nginx with the server block the site ships.

Run with `make lighthouse`, or `python tests/lighthouse.py [--build DIR] [--reports DIR]`.
It builds the site as it is published (for a web address with a domain: with "/" alone the
pages' links to their other languages are relative, which Lighthouse's SEO check fails), serves
it with `forvictims hosting nginx`'s block on 127.0.0.1, and runs Lighthouse, with its mobile
settings, in Debian's Chromium over the home page, a crime's page in one area, the search page
with results and a right-to-left page. It prints the four category scores of each page, every
audit that fails as Lighthouse's report counts them (with the savings it estimates), and any
request that left 127.0.0.1, and keeps each page's JSON report in the reports folder.

Performance depends on the machine and what else it is doing; tests/test_lighthouse.py asserts
only what does not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nginx_host import served

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "site" / "assets" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "reports" / "lighthouse"
# An address as the site is published at; the build is served from 127.0.0.1 all the same.
PUBLISHED = "https://www.example.org.uk/"

PAGES = {
    "home": "/en/",
    "crime in an area": "/en/area/birmingham/domestic-abuse/",
    "search": "/en/search/#q=he%20hits%20me",
    "right to left": "/ar/area/birmingham/domestic-abuse/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# Headless, with no traffic of Chromium's own, and no host but this one resolved: nothing the
# page asks for can leave the machine, and the report lists anything it tried.
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run "
                "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'")


class LighthouseError(Exception):
    """Lighthouse is missing, or could not audit a page; the message says which."""


def chromium() -> str:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


ATTEMPTS = 3  # Lighthouse asks to be run again when Chromium's trace of a load comes out broken


def audit(url: str, report: Path) -> dict:
    """Run Lighthouse, mobile settings, over `url`; keep its JSON report in `report`, and return it.
    When Lighthouse says its own recording failed and asks to be run again (NO_NAVSTART on a
    busy machine), it is, up to ATTEMPTS times in all; any other failure is reported at once."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _audit(url, report)
        except LighthouseError as error:
            if attempt == ATTEMPTS or "run Lighthouse again" not in str(error):
                raise
            print(f"Lighthouse asked to be run again over {url} ({error}): running it again.", file=sys.stderr)
            report.unlink(missing_ok=True)
    raise AssertionError("unreachable")


def _audit(url: str, report: Path) -> dict:
    if not LIGHTHOUSE.exists():
        raise LighthouseError("Lighthouse is not installed: run `make lighthouse`, or `npm ci` in site/assets.")
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}"],
        env={**os.environ, "CHROME_PATH": chromium()}, capture_output=True, text=True)
    if result.returncode != 0 or not report.exists():
        raise LighthouseError(f"Lighthouse could not audit {url}:\n{result.stderr.strip()}")
    found = json.loads(report.read_text(encoding="utf-8"))
    if found.get("runtimeError"):
        raise LighthouseError(f"Lighthouse could not audit {url}: {found['runtimeError']['message']}")
    return found


def scores(report: dict) -> dict[str, int | None]:
    """Each category's score out of 100 (None if an audit it needs could not run)."""
    found = {name: report["categories"][name]["score"] for name in CATEGORIES}
    return {name: None if score is None else round(score * 100) for name, score in found.items()}


def failing(report: dict) -> dict[str, str]:
    """Audit id → what it found and the savings Lighthouse estimates, for each audit that failed
    as Lighthouse's own report shows it: scored under 0.9, and not hidden from the report."""
    shown = {ref["id"] for category in report["categories"].values() for ref in category["auditRefs"]
             if ref.get("group") != "hidden"}
    found = {}
    for name in sorted(shown):
        result = report["audits"][name]
        if result["scoreDisplayMode"] not in ("binary", "numeric", "metricSavings") or result["score"] >= 0.9:
            continue
        details = result.get("details") or {}
        savings = [result.get("displayValue") or "",
                   f"{details['overallSavingsBytes'] / 1024:.1f} KiB" if details.get("overallSavingsBytes") else "",
                   f"{details['overallSavingsMs']:.0f} ms" if details.get("overallSavingsMs") else ""]
        found[name] = ", ".join(part for part in savings if part)
    return found


def broken(report: dict) -> dict[str, str]:
    """Audit id → Lighthouse's error, for each audit it could not run. Lighthouse 12.2.3 cannot
    read the frame events in the trace of a Chromium newer than itself, so a few diagnostics of
    the performance category (which element was the largest paint, what shifted) do not run;
    no score uses them."""
    return {name: result.get("errorMessage", "") for name, result in report["audits"].items()
            if result["scoreDisplayMode"] == "error"}


def elsewhere(report: dict, origin: str) -> list[str]:
    """Every request the page made to anywhere but `origin`."""
    items = report["audits"]["network-requests"]["details"]["items"]
    return [item["url"] for item in items if not item["url"].startswith((origin + "/", "data:"))]


def run(site: Path, reports: Path) -> tuple[str, dict[str, dict]]:
    """Serve `site` with nginx and audit every page; (the origin it had, page name → report)."""
    reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, served(site, "/", Path(folder)) as origin:
        return origin, {name: audit(origin + path, reports / f"{name.replace(' ', '-')}.json")
                        for name, path in PAGES.items()}


def table(found: dict[str, dict], origin: str) -> str:
    """The scores of each page, then its failing audits and any request that left the machine."""
    lines = [f"{'page':18} " + " ".join(f"{name:>14}" for name in CATEGORIES)]
    for name, report in found.items():
        lines.append(f"{name:18} " + " ".join(f"{'none' if score is None else score:>14}"
                                              for score in scores(report).values()))
    for name, report in found.items():
        for audit_id, savings in failing(report).items():
            lines.append(f"  {name}: {audit_id} fails" + (f" ({savings})" if savings else ""))
        for url in elsewhere(report, origin):
            lines.append(f"  {name}: a request left 127.0.0.1: {url}")
    unrun = sorted({audit_id for report in found.values() for audit_id in broken(report)})
    if unrun:
        lines.append(f"Lighthouse could not run, in this Chromium: {', '.join(unrun)}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, metavar="DIR", help="a site already built for the top of a web address "
                        "(default: build the content, for a published address)")
    parser.add_argument("--reports", type=Path, metavar="DIR", default=REPORTS, help="where to keep the JSON reports "
                        f"(default: {REPORTS.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        site, what = args.build, f"{args.build}"
        if site is None:
            from forvictims.publish import build

            site = build(ROOT / "content", Path(folder) / "build", base_url=PUBLISHED).destination
            what = f"the site built for {PUBLISHED}"
        started = time.perf_counter()
        origin, found = run(site.resolve(), args.reports.resolve())
        took = time.perf_counter() - started
    print(f"Lighthouse {next(iter(found.values()))['lighthouseVersion']}, mobile settings, over {len(found)} "
          f"pages of {what}, served by nginx on 127.0.0.1:")
    print(table(found, origin))
    print(f"Lighthouse took {took:.0f} s; its JSON reports are in {args.reports}")
    return 1 if any(elsewhere(report, origin) for report in found.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
