"""The app behind the pages: languages from the URL, and the preview editors use."""

from __future__ import annotations

import os
import threading
import time

import pytest
import yaml
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from jinja2 import UndefinedError

from conftest import CONTENT, ROOT
from content_tree import SITE, SITE_WITH_POLISH, english_interface, write_tree
from forvictims.preview import preview_app
from forvictims.publish import build
from forvictims.content.structure import REQUIRED_PAGES
from forvictims.content.translation import source_version
from forvictims.editors import load_library
from forvictims.web.catalogues import CATALOGUES


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


def polish_site(tmp_path, reviewed_by: str | None = None, draft: bool = False):
    """A site with Polish, where the domestic abuse page is translated and the rest is not."""
    content = write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH})
    english_interface(tmp_path, "pl")  # so the notices read as their English source
    version = source_version(load_library(content).crime_types["domestic-abuse"])
    (content / "crime-types/domestic-abuse.pl.md").write_text(
        f'---\ntranslated_from: "{version}"\n'
        + (f"reviewed_by: {reviewed_by}\n" if reviewed_by else "")
        + ("draft: true\n" if draft else "")
        + "title: Przemoc domowa\nsummary: Gdy ktoś bliski cię krzywdzi.\n---\n"
        "## Co to jest\n\nKtoś bliski cię krzywdzi.\n", encoding="utf-8")
    return content


def test_a_translation_takes_the_place_of_the_english_and_says_it_awaits_review(tmp_path):
    build(polish_site(tmp_path), tmp_path / "build")

    def page(path):
        return BeautifulSoup((tmp_path / "build" / path / "index.html").read_text(encoding="utf-8"), "html.parser")

    polish, english, untranslated = page("pl/crime/domestic-abuse"), page("en/crime/domestic-abuse"), page("pl/privacy")
    assert polish.h1.get_text() == "Przemoc domowa"
    assert "Ktoś bliski cię krzywdzi." in polish.main.get_text()
    notice = polish.select_one(".fv-translation-notice")
    assert "A fluent speaker has not checked it yet" in notice.get_text()
    assert notice.a["href"] == "/en/crime/domestic-abuse/"
    assert english.h1.get_text() == "Domestic abuse" and not english.select(".fv-translation-notice")
    assert "has not been translated yet" in untranslated.select_one(".fv-translation-notice").get_text()
    assert untranslated.select_one("div[lang=en]").get_text().strip() == "Text."
    # Other pages name the crime type in Polish too.
    assert "Przemoc domowa" in page("pl/crime").main.get_text()


def test_a_reviewed_translation_needs_no_notice_and_a_draft_is_not_published(tmp_path):
    build(polish_site(tmp_path / "reviewed", reviewed_by="Anna Nowak"), tmp_path / "reviewed" / "build")
    build(polish_site(tmp_path / "draft", draft=True), tmp_path / "draft" / "build")

    reviewed = (tmp_path / "reviewed/build/pl/crime/domestic-abuse/index.html").read_text(encoding="utf-8")
    draft = (tmp_path / "draft/build/pl/crime/domestic-abuse/index.html").read_text(encoding="utf-8")
    assert "Przemoc domowa" in reviewed and "fv-translation-notice" not in reviewed
    assert "Przemoc domowa" not in draft and "has not been translated yet" in draft


def test_the_page_for_a_missing_address_is_in_the_first_language(tmp_path):
    build(polish_site(tmp_path), tmp_path / "build")
    root = BeautifulSoup((tmp_path / "build/404.html").read_text(encoding="utf-8"), "html.parser").html
    assert root["lang"] == "en"


def test_a_language_the_site_does_not_have_is_not_found(client):
    assert client.get("/xx/").status_code == 404
    assert client.get("/en/crime/not-a-crime/").status_code == 404


def test_the_preview_shows_content_errors_as_a_page_and_recovers(tmp_path):
    content = write_tree(tmp_path)
    client = preview_app(content).test_client()
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


def test_the_preview_shows_a_saved_change_even_while_another_request_is_reading_it(tmp_path, monkeypatch):
    # A browser asks for more than the page (its icon, its stylesheet), and the preview answers
    # them at the same time. Whichever request notices the saved file first reads the content
    # again; a page asked for meanwhile must wait for that, not be drawn from the old content.
    import forvictims.preview

    content = write_tree(tmp_path)
    reading = threading.Event()

    def slow_load(folder, drafts):
        reading.set()
        time.sleep(0.5)
        return load_library(folder, drafts=drafts)

    monkeypatch.setattr(forvictims.preview, "load_library", slow_load)
    app = preview_app(content)
    assert "Domestic abuse" in app.test_client().get("/en/crime/domestic-abuse/").get_data(as_text=True)

    crime = content / "crime-types" / "domestic-abuse.md"
    crime.write_text(crime.read_text().replace("title: Domestic abuse", "title: Domestic abuse and control"))
    reading.clear()
    icon = threading.Thread(target=lambda: app.test_client().get("/favicon.ico").close())
    icon.start()
    assert reading.wait(10)
    page = BeautifulSoup(app.test_client().get("/en/crime/domestic-abuse/").data, "html.parser")
    icon.join()

    assert page.h1.get_text(strip=True) == "Domestic abuse and control"


def test_the_preview_sends_the_security_headers():
    response = preview_app(CONTENT).test_client().get("/en/")
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_the_preview_marks_a_draft_translation_as_a_draft(tmp_path):
    content = polish_site(tmp_path, draft=True)
    page = preview_app(content).test_client().get("/pl/crime/domestic-abuse/")
    text = page.get_data(as_text=True)
    assert "Przemoc domowa" in text and "Draft: only this preview shows it." in text


def test_the_preview_shows_what_would_stop_a_build_even_when_it_involves_a_draft(tmp_path):
    content = write_tree(tmp_path, {"crime-types/stalking.md": (
        "---\ndraft: true\ntitle: Stalking\nsummary: Someone follows you.\n---\nText.\n")})
    crime = content / "crime-types/domestic-abuse.md"
    crime.write_text(crime.read_text().replace("related: []", "related: [stalking]"))
    response = preview_app(content).test_client().get("/en/")
    assert response.status_code == 500
    assert 'related: the crime type "stalking" is still a draft' in BeautifulSoup(response.data, "html.parser").get_text()


def test_a_translation_whose_english_has_changed_says_so(tmp_path):
    content = polish_site(tmp_path, reviewed_by="Anna Nowak")
    crime = content / "crime-types/domestic-abuse.md"
    crime.write_text(crime.read_text() + "\nA new sentence in English.\n")
    build(content, tmp_path / "build")
    page = BeautifulSoup((tmp_path / "build/pl/crime/domestic-abuse/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    notice = page.select_one(".fv-translation-notice")
    assert "The English version of this page has changed since it was translated" in notice.get_text()
    assert notice.a["href"] == "/en/crime/domestic-abuse/"


def test_the_preview_marks_the_translation_of_a_draft_as_a_draft(tmp_path):
    content = polish_site(tmp_path)
    crime = content / "crime-types/domestic-abuse.md"
    crime.write_text(crime.read_text().replace("---\ntitle", "---\ndraft: true\ntitle"))
    (content / "services/test-helpline.md").unlink()  # it is for domestic abuse, now a draft
    page = preview_app(content).test_client().get("/pl/crime/domestic-abuse/")
    assert "Draft: only this preview shows it." in page.get_data(as_text=True)


def test_a_misspelt_name_in_a_template_stops_the_page_instead_of_leaving_a_hole(app):
    with app.test_request_context("/en/"):
        with pytest.raises(UndefinedError):
            app.jinja_env.from_string("<p>Call {{ servce.phones }}</p>").render()
        # GOV.UK Frontend's macros test for parameters that were not given, and still may.
        optional = app.jinja_env.from_string("{% if params.classes %}{{ params.classes }}{% endif %}")
        assert optional.render(params={}) == ""


# Words from the small content tree: titles, summaries, places, eligibility and texts.
ENGLISH_WORDS = ["Domestic abuse", "When a partner or family member hurts or controls you.",
                 "Someone close to you hurts you.", "Sandwell", "West Bromwich", "Help in Sandwell.",
                 "Test Helpline", "Test Charity", "Free help, day or night.", "Anyone.", "What happens when you call.",
                 *(f"Page {slug}" for slug in REQUIRED_PAGES), *(f"About {slug}." for slug in REQUIRED_PAGES)]


def test_english_on_a_page_in_another_language_is_marked_english_wherever_it_shows(tmp_path):
    # Nothing is translated into Arabic yet, so its pages show the English words: each element
    # holding them says they are English and run left to right, inside a right-to-left page.
    site = SITE.replace("  en: English\n", "  en: English\n  ar: العربية\n")
    build(write_tree(tmp_path, {"site.yaml": site}), tmp_path / "build")
    pages = sorted((tmp_path / "build" / "ar").rglob("index.html"))
    marked_on = set()
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
        for text in page.body.find_all(string=True):
            if text.parent.name == "script" or not any(words in text for words in ENGLISH_WORDS):
                continue
            marked = text.find_parent(attrs={"lang": True})
            assert marked is not page.html, (path, str(text.parent))
            assert (marked["lang"], marked["dir"]) == ("en", "ltr"), (path, str(marked))
            marked_on.add(path)
    assert len(pages) == 19 and marked_on == set(pages)  # every page shows some English words
    english = BeautifulSoup((tmp_path / "build/en/crime/domestic-abuse/index.html").read_text(encoding="utf-8"),
                            "html.parser")
    assert not english.main.find_all(attrs={"lang": True})  # English pages mark nothing


def test_the_build_compiles_the_translations_of_the_buttons_and_menus(tmp_path):
    content = write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH})
    source = tmp_path / "translations/pl/LC_MESSAGES/messages.po"  # beside content/
    source.write_text(source.read_text(encoding="utf-8").replace(
        'msgstr "Szybkie wyjście"', 'msgstr "Wyjdź z tej strony"'), encoding="utf-8")
    build(content, tmp_path / "build", catalogues=tmp_path / "compiled")

    def page(path):
        return BeautifulSoup((tmp_path / "build" / path / "index.html").read_text(encoding="utf-8"), "html.parser")

    assert (tmp_path / "compiled/pl/LC_MESSAGES/messages.mo").is_file()
    polish, english = page("pl/crime/domestic-abuse"), page("en/crime/domestic-abuse")
    assert polish.select_one(".govuk-exit-this-page__button").get_text(" ", strip=True).endswith("Wyjdź z tej strony")
    assert polish.select_one(".govuk-breadcrumbs a").get_text() == "Strona główna"
    assert english.select_one(".govuk-breadcrumbs a").get_text() == "Home"


def test_a_translation_changed_after_a_build_shows_in_the_next_build(tmp_path):
    # Catalogues are compiled again only when their .po changed: a change must never be missed.
    content = write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH})
    source = tmp_path / "translations/pl/LC_MESSAGES/messages.po"

    def exit_button() -> str:
        build(content, tmp_path / "build", catalogues=tmp_path / "compiled")
        page = (tmp_path / "build/pl/crime/domestic-abuse/index.html").read_text(encoding="utf-8")
        return BeautifulSoup(page, "html.parser").select_one(".govuk-exit-this-page__button").get_text(" ", strip=True)

    assert exit_button().endswith("Szybkie wyjście")
    source.write_text(source.read_text(encoding="utf-8").replace(
        'msgstr "Szybkie wyjście"', 'msgstr "Wyjdź z tej strony"'), encoding="utf-8")
    assert exit_button().endswith("Wyjdź z tej strony")


def test_every_language_of_the_real_site_has_its_buttons_and_menus_compiled(built_site):
    # A fresh clone has no compiled catalogues: building the site (as make site does) must
    # compile one for every language after English, from translations/<language>/.
    languages = list(yaml.safe_load((CONTENT / "site.yaml").read_text(encoding="utf-8"))["languages"])
    sources = sorted(ROOT.joinpath("translations").glob("*/LC_MESSAGES/messages.po"))
    assert {path.parents[1].name for path in sources} >= set(languages[1:])
    for source in sources:
        compiled = CATALOGUES / source.parents[1].name / "LC_MESSAGES" / "messages.mo"
        with source.open("rb") as po, compiled.open("rb") as mo:
            expected = {message.id: message.string for message in read_po(po) if message.id and message.string}
            assert {message.id: message.string for message in read_mo(mo) if message.id} == expected
