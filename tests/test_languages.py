"""Moving between languages: every page links to itself in each language of the site, says so
to search engines, and the language chooser offers the visitor's own language first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import declared_languages
from content_tree import SITE, write_tree
from forvictims.editors.checks.translations import catalogue_strings
from forvictims.publish import build

LANGUAGES = "  en: English\n  pl: Polski\n  ar: العربية\n"
PAGES = ["", "crime/domestic-abuse/", "area/sandwell/domestic-abuse/", "services/test-helpline/", "privacy/",
         "search/"]


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory):
    """A small site in English, Polish and Arabic, built for https://www.example.org.uk/help/."""
    root = tmp_path_factory.mktemp("languages")
    content = write_tree(root, {"site.yaml": SITE.replace("  en: English\n", LANGUAGES)})
    build(content, root / "build", base_url="https://www.example.org.uk/help/")
    return root / "build"


@pytest.fixture(scope="module")
def at_the_root(tmp_path_factory):
    """The same site, built to be served from the top of a web site."""
    root = tmp_path_factory.mktemp("languages-at-the-root")
    build(write_tree(root, {"site.yaml": SITE.replace("  en: English\n", LANGUAGES)}), root / "build")
    return root / "build"


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["en", "pl", "ar"])
def test_every_page_links_to_itself_in_every_language(three_languages, lang, path):
    html = page(three_languages, f"{lang}/{path}")
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate]")}
    assert alternates == {
        **{code: f"https://www.example.org.uk/help/{code}/{path}" for code in ("en", "pl", "ar")},
        "x-default": "https://www.example.org.uk/help/",
    }
    bar = html.select_one("nav.fv-language-bar")
    items = [(item["lang"], item["dir"], item.get_text(strip=True)) for item in bar.select("li")]
    assert items == [("en", "ltr", "English"), ("pl", "ltr", "Polski"), ("ar", "rtl", "العربية")]
    links = {link["hreflang"]: link["href"] for link in bar.select("a")}
    assert links == {code: f"/help/{code}/{path}" for code in ("en", "pl", "ar") if code != lang}
    assert bar.select_one("[aria-current=page]").get_text() == dict(
        en="English", pl="Polski", ar="العربية")[lang]


def test_the_sitemap_lists_each_page_with_its_other_languages(three_languages):
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(three_languages / "sitemap-pl.xml")
    entry = next(url for url in sitemap.findall("s:url", names)
                 if url.find("s:loc", names).text == "https://www.example.org.uk/help/pl/crime/domestic-abuse/")
    assert {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", names)} == {
        code: f"https://www.example.org.uk/help/{code}/crime/domestic-abuse/" for code in ("en", "pl", "ar")}


def test_a_site_in_one_language_has_no_language_bar(tmp_path):
    build(write_tree(tmp_path), tmp_path / "build")
    html = page(tmp_path / "build", "en/crime/domestic-abuse/")
    assert html.select("nav.fv-language-bar") == [] and html.select("link[rel=alternate]") == []


@pytest.mark.browser
@pytest.mark.parametrize("locale, first", [("pl-PL", "pl"), ("ar-EG", "ar"), ("fr-FR", "en"), ("en-GB", "en")])
def test_the_language_chooser_offers_the_browsers_language_first(browser, at_the_root, locale, first):
    from journeys import serve

    server, origin = serve(at_the_root)
    context = browser.new_context(locale=locale)
    chooser = context.new_page()
    requests = []
    chooser.on("request", lambda request: requests.append(request.url))
    chooser.goto(origin + "/", wait_until="networkidle")
    assert chooser.eval_on_selector_all("[data-languages] li", "items => items.map(i => i.dataset.lang)")[0] == first
    assert chooser.url == origin + "/"  # offered, never sent there
    assert chooser.evaluate("localStorage.length + sessionStorage.length + document.cookie.length") == 0
    context.close()
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------------------------------------
# The translations of the buttons and menus

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"
LANGUAGES_PLANNED = ["pa", "ur", "pl", "ro", "bn", "ar"]


def test_the_list_of_interface_texts_is_up_to_date(tmp_path):
    # Translators work from translations/messages.pot: a text missing from it is never translated.
    extracted = tmp_path / "messages.pot"
    subprocess.run([str(Path(sys.executable).with_name("pybabel")), "--quiet", "extract", "--no-location",
                    "--sort-output", "--omit-header", "-F", "translations/babel.cfg", "-k", "lazy_gettext",
                    "-o", str(extracted), "."], cwd=ROOT, check=True)
    assert catalogue_strings(extracted).keys() == catalogue_strings(TRANSLATIONS / "messages.pot").keys(), (
        "run `make translations`, then translate the new texts in every translations/<language>/")


@pytest.mark.parametrize("language", LANGUAGES_PLANNED)
def test_every_interface_text_is_translated_with_its_placeholders_kept(language):
    from forvictims.editors.checks.translations import _catalogue

    path = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    assert path.is_file()
    assert _catalogue(path, language, catalogue_strings(TRANSLATIONS / "messages.pot")) == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/ar/area/sandwell/domestic-abuse/", "/pl/crime/domestic-abuse/", "/ar/search/", "/"])
def test_nothing_scrolls_sideways_at_320_pixels_with_the_language_bar(browser, at_the_root, path):
    from journeys import serve

    server, origin = serve(at_the_root)
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.goto(origin + path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------------------------------------
# The real site, in every language it declares


OTHER_LANGUAGES = declared_languages()[1:]


def interface(language: str) -> dict[str, str]:
    """English interface text → its translation, for `language`."""
    from babel.messages.pofile import read_po

    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return {message.id: message.string for message in read_po(file, locale=language)
                if message.id and isinstance(message.id, str) and message.string}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_page_in_a_language_says_so_and_speaks_it(built_site, language):
    from babel import Locale

    direction = Locale.parse(language).text_direction
    skip = interface(language)["Skip to main content"]
    pages = sorted((built_site / language).rglob("index.html"))
    assert len(pages) == len(sorted((built_site / "en").rglob("index.html")))
    for path in pages:
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert (html.html["lang"], html.html["dir"]) == (language, direction), path
        assert html.select_one(".govuk-skip-link").get_text() == skip, path


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_english_interface_text_is_left_on_a_page_in_another_language(built_site, language):
    translated = interface(language)
    # Every English text of the interface of two words or more, unless its translation is the same.
    english = {text for text in catalogue_strings(TRANSLATIONS / "messages.pot")
               if translated.get(text) != text and len(text.split()) >= 2 and "%(" not in text and "{" not in text}
    for path in sorted((built_site / language).rglob("index.html")):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for text in html.body.find_all(string=True):
            if text.parent.name in ("script", "style") or text.find_parent(attrs={"lang": "en"}):
                continue
            left = [phrase for phrase in english if phrase in text]
            assert not left, (path, left, str(text.parent)[:200])


# A translation of a crime type, with a phone number inside right-to-left text.
RIGHT_TO_LEFT = {
    "ar": ("العربية", "title: العنف المنزلي\nsummary: عندما يؤذيك شخص قريب منك.\nkeywords: [العنف المنزلي]\n---\n"
           "## ما هو\n\nشخص قريب منك يؤذيك.\n\n## ما يمكنك فعله الآن\n\n"
           "- تحدث إلى شخص تثق به، أو اتصل بالرقم 0808 2000 247 في أي وقت.\n", "في أي وقت"),
    "ur": ("اردو", "title: گھریلو تشدد\nsummary: جب کوئی قریبی شخص آپ کو تکلیف دے۔\nkeywords: [گھریلو تشدد]\n---\n"
           "## یہ کیا ہے\n\nکوئی قریبی شخص آپ کو تکلیف دیتا ہے۔\n\n## آپ ابھی کیا کر سکتے ہیں\n\n"
           "- کسی قابلِ اعتماد شخص سے بات کریں، یا کسی بھی وقت 0808 2000 247 پر کال کریں۔\n", "کسی بھی وقت"),
}


@pytest.mark.browser
@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_a_phone_number_inside_right_to_left_text_reads_in_order(browser, tmp_path, language):
    from content_tree import CRIME
    from forvictims.content.translation import source_version
    from forvictims.editors import load_library
    from journeys import serve

    name, translation, nearby = RIGHT_TO_LEFT[language]
    english = CRIME.replace("- Talk to someone you trust.", "- Talk to someone you trust, or call 0808 2000 247.")
    content = write_tree(tmp_path, {"site.yaml": SITE.replace("  en: English\n", f"  en: English\n  {language}: {name}\n"),
                                    "crime-types/domestic-abuse.md": english})
    version = source_version(load_library(content).crime_types["domestic-abuse"])
    (content / f"crime-types/domestic-abuse.{language}.md").write_text(
        f'---\ntranslated_from: "{version}"\n{translation}', encoding="utf-8")
    build(content, tmp_path / "build")
    server, origin = serve(tmp_path / "build")
    page = browser.new_page()
    page.goto(origin + f"/{language}/crime/domestic-abuse/", wait_until="networkidle")
    groups = page.evaluate("""(nearby) => {
      const link = [...document.querySelectorAll('main a[href="tel:+448082000247"]')]
        .find((a) => a.parentElement.textContent.includes(nearby));
      const text = link.firstChild;
      return ['0808', '2000', '247'].map((group) => {
        const range = document.createRange();
        const start = text.data.indexOf(group);
        range.setStart(text, start);
        range.setEnd(text, start + group.length);
        return range.getBoundingClientRect().left;
      });
    }""", nearby)
    assert groups == sorted(groups), groups  # 0808, then 2000, then 247, left to right
    page.close()
    server.shutdown()
    server.server_close()
