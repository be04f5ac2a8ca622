"""The app behind the pages: languages from the URL, and the preview editors use."""

from __future__ import annotations

import os

from bs4 import BeautifulSoup

from content_tree import SITE, write_tree
from forvictims.app import create_app
from forvictims.freeze import build


def test_every_language_gets_its_own_lang_and_direction_in_the_frozen_site(tmp_path):
    # Frozen-Flask keeps one app context for the whole freeze, so a cached locale would leak
    # from one page to the next; each page must come out in its own language.
    site = SITE.replace("  en: English\n", "  en: English\n  ar: العربية\n  pl: Polski\n")
    build(write_tree(tmp_path, {"site.yaml": site}), tmp_path / "build")
    for lang, direction in [("en", "ltr"), ("ar", "rtl"), ("pl", "ltr"), ("en", "ltr")]:
        for page in ["", "crime/domestic-abuse/", "area/sandwell/domestic-abuse/", "privacy/"]:
            html = (tmp_path / "build" / lang / page / "index.html").read_text(encoding="utf-8")
            root = BeautifulSoup(html, "html.parser").html
            assert (root["lang"], root["dir"]) == (lang, direction), f"/{lang}/{page}"


def test_a_language_the_site_does_not_have_is_not_found(client):
    assert client.get("/xx/").status_code == 404
    assert client.get("/en/crime/not-a-crime/").status_code == 404


def test_the_preview_shows_content_errors_as_a_page_and_recovers(tmp_path):
    content = write_tree(tmp_path)
    client = create_app(content_dir=content, preview=True).test_client()
    assert client.get("/en/area/sandwell/").status_code == 200

    area = content / "areas" / "sandwell.md"
    good = area.read_text()
    area.write_text(good.replace("E08000028", "E080"))
    os.utime(area, ns=(1, 1))  # a new modification time, however fast the test runs
    response = client.get("/en/area/sandwell/")
    page = BeautifulSoup(response.data, "html.parser")
    assert response.status_code == 500
    assert page.h1.get_text() == "The content has problems"
    assert "areas/sandwell.md, line 3: ons_code: must be an ONS code like E08000028" in page.main.get_text()
    assert "Traceback" not in response.get_data(as_text=True)

    area.write_text(good.replace("Help in Sandwell.", "Help for everyone in Sandwell."))
    response = client.get("/en/area/sandwell/")
    assert response.status_code == 200
    assert "Help for everyone in Sandwell." in response.get_data(as_text=True)


def test_the_preview_sends_the_security_headers(client):
    response = client.get("/en/")
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
