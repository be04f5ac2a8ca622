"""`forvictims serve` in a real Chromium: an editor saves a file and reloads the page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from content_tree import AREA, CRIME, write_tree

pytestmark = pytest.mark.browser

FORVICTIMS = Path(sys.executable).with_name("forvictims")


@pytest.fixture
def preview(tmp_path):
    """`forvictims serve` running on a small content tree: (its address, the content folder)."""
    content = write_tree(tmp_path)
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(FORVICTIMS), "serve", "--content", str(content), "--port", "0"],
            stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    deadline = time.monotonic() + 30
    while not (match := re.search(r"Previewing on (http://127\.0\.0\.1:\d+)/en/ ", log.read_text())):
        assert server.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)
    yield match[1], content
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def page(browser):
    """A fresh tab."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_a_saved_change_shows_when_the_page_is_reloaded(preview, page):
    url, content = preview
    page.goto(f"{url}/en/crime/domestic-abuse/")
    assert page.locator("h1").inner_text() == "Domestic abuse"

    (content / "crime-types/domestic-abuse.md").write_text(
        CRIME.replace("title: Domestic abuse", "title: Domestic abuse and control"), encoding="utf-8")
    page.reload()

    assert page.locator("h1").inner_text() == "Domestic abuse and control"


def test_a_content_error_shows_as_a_page_naming_file_and_line(preview, page):
    url, content = preview
    area = content / "areas/sandwell.md"
    area.write_text(AREA.replace("ons_code: E08000028", "ons_code: E080"), encoding="utf-8")

    response = page.goto(f"{url}/en/area/sandwell/")

    assert response.status == 500
    assert page.locator("h1").inner_text() == "The content has problems"
    problems = page.locator("main li").all_inner_texts()
    assert len(problems) == 1 and problems[0].endswith(
        "areas/sandwell.md, line 3: ons_code: must be an ONS code like E08000028")
    assert "Traceback" not in page.content()

    area.write_text(AREA, encoding="utf-8")  # fixed: the page comes back
    assert page.reload().status == 200
    assert page.locator("h1").inner_text() == "Support in Sandwell"


def test_the_preview_search_answers_with_whoosh_and_learns_new_search_words(preview, page):
    url, content = preview
    page.goto(f"{url}/en/search/?q=glassed")
    assert page.locator("#search-status").inner_text().startswith("No pages match those words.")
    assert page.locator("#search-results a").count() == 0  # no page has the word yet
    assert page.input_value("#search-input") == "glassed"

    (content / "search-words.yaml").write_text("glassed: [domestic-abuse]\n", encoding="utf-8")
    page.reload()

    first = page.locator("#search-results a").first
    assert first.inner_text() == "Domestic abuse" and first.get_attribute("href") == "/en/crime/domestic-abuse/"
    assert page.locator("#search-status").inner_text().startswith("Pages found: 1.")
