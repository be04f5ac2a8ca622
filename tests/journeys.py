"""Walk the five journeys of a frightened visitor on a small phone, and print what they meet.

Run with `make journeys` (it builds the site first), or `python tests/journeys.py BUILD_FOLDER`
to measure a site already built. For each journey, and the crime pages it passes through, in
Debian's Chromium at 360 × 740 pixels:
how far down the page the first helpline number is (px from the top, and in screens), whose it
is, and whether "Exit this page" is still in view after scrolling to the bottom. Then the home
page: how far down the first "What happened?" choice is, and where stalking is in that list.

Prints figures; asserts nothing (the tests assert what must hold: tests/test_journeys.py).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 360, 740

JOURNEYS = [
    ("Stalking in Walsall", "/en/area/walsall/stalking-and-harassment/"),
    ("Boss took his passport, Wolverhampton", "/en/area/wolverhampton/modern-slavery/"),
    ("Child groomed online, Coventry", "/en/area/coventry/child-sexual-exploitation/"),
    ("Fake bank call, Solihull", "/en/area/solihull/fraud-and-scams/"),
    ("Support without the police", "/en/support-without-reporting/"),
    # The same crimes' own pages, where the journeys pass on the way.
    ("Crime page: stalking", "/en/crime/stalking-and-harassment/"),
    ("Crime page: modern slavery", "/en/crime/modern-slavery/"),
    ("Crime page: child sexual exploitation", "/en/crime/child-sexual-exploitation/"),
    ("Crime page: fraud and scams", "/en/crime/fraud-and-scams/"),
]

EMERGENCY = ("tel:999", "tel:101", "tel:18000", "tel:112")

# The first helpline number in the page's main content (the emergency numbers are on every page,
# so they are not what this measures), its distance from the top and the service it belongs to.
FIRST_HELPLINE = """(emergency) => {
  const link = [...document.querySelectorAll('main a[href^="tel:"], main a[href^="sms:"]')]
    .find((a) => !emergency.includes(a.getAttribute('href')));
  if (!link) return null;
  const box = link.closest('.fv-service, .fv-contact, li, p');
  const named = link.closest('.fv-service, .fv-contact');
  const name = named && named.querySelector('a:not([href^="tel:"]):not([href^="sms:"])');
  return {top: Math.round(link.getBoundingClientRect().top + window.scrollY),
          number: link.textContent.trim(),
          service: name ? name.textContent.trim() : (box ? box.textContent.trim().slice(0, 40) : '')};
}"""

EXIT_IN_VIEW = """() => {
  window.scrollTo(0, document.documentElement.scrollHeight);
  const button = document.querySelector('.govuk-exit-this-page__button');
  const box = button.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def chromium(playwright):
    """Debian's Chromium, with no background traffic of its own."""
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return playwright.chromium.launch(
        executable_path=executable,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run"])


def measure(folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    server, origin = serve(folder)
    with sync_playwright() as playwright:
        browser = chromium(playwright)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        print(f"At {WIDTH} × {HEIGHT} px; a screen is {HEIGHT} px.")
        print(f"{'journey':40} {'first helpline':>15}  {'number':16} {'service':44} exit in view at the bottom")
        for name, path in JOURNEYS:
            page.goto(origin + path)
            found = page.evaluate(FIRST_HELPLINE, list(EMERGENCY))
            height = page.evaluate("document.documentElement.scrollHeight")
            exit_in_view = page.evaluate(EXIT_IN_VIEW)
            where = (f"{found['top']:>5} px ({found['top'] / HEIGHT:.1f})" if found else "none")
            print(f"{name:40} {where:>15}  {(found or {}).get('number', ''):16} "
                  f"{(found or {}).get('service', '')[:44]:44} {'yes' if exit_in_view else 'no'}"
                  f"   (page {height / HEIGHT:.1f} screens)")
        page.goto(origin + "/en/")
        choices = page.evaluate("""() => [...document.querySelectorAll('[aria-labelledby="what-happened"] a')]
            .map((a) => ({text: a.textContent.trim(), top: Math.round(a.getBoundingClientRect().top + window.scrollY)}))""")
        stalking = next((i for i, c in enumerate(choices, 1) if "talking" in c["text"]), None)
        on_screen = sum(c["top"] < HEIGHT for c in choices)
        print(f"home page: first 'What happened?' choice at {choices[0]['top']} px; "
              f"{on_screen} of {len(choices)} choices start on the first screen; "
              f"stalking is {stalking} of {len(choices)}")
        browser.close()
    server.shutdown()


def main(argv: list[str]) -> None:
    if argv:
        measure(Path(argv[0]))
        return
    from forvictims.publish import build

    with tempfile.TemporaryDirectory() as folder:
        result = build(ROOT / "content", Path(folder) / "build")
        measure(result.destination)


if __name__ == "__main__":
    main(sys.argv[1:])
