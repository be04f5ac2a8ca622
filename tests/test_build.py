"""The frozen site as a static host serves it: every file expected, every page sound."""

from __future__ import annotations

import filecmp
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import phonenumbers
import pytest
from babel import Locale
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from click.testing import CliRunner

from content_tree import SERVICE, write_tree
from conftest import declared_languages
from forvictims import publish
from forvictims.editors.checks.honesty import CLAIMS_TO_ERASE_HISTORY
from forvictims.cli import main
from forvictims.content.model import parse_phone, tel_href
from forvictims.content.problems import ContentError

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = declared_languages()


def interface(language: str, text: str) -> str:
    """`text` of the buttons and menus as a page in `language` shows it."""
    if language == "en":
        return text
    with (ROOT / "translations" / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=language)[text].string
STATIC = {"static/forvictims.css", "static/forvictims.js", "static/search.js", "static/favicon.svg",
          "static/favicon.ico"}


def published(folder: str) -> list[str]:
    """The names of the English files in a content folder that are not drafts."""
    return [path.stem for path in (ROOT / "content" / folder).glob("*.md")
            if "." not in path.stem and not re.search(r"^draft: true$", path.read_text(encoding="utf-8"), re.M)]


def expected_files() -> set[str]:
    """Every file a build of the real content must hold, worked out from the content files
    themselves (not from the code that decides what to build)."""
    languages = declared_languages()
    crimes, areas = published("crime-types"), published("areas")
    paths = ["", "crime/", "area/", "helplines/", "search/"]
    paths += [f"crime/{crime}/" for crime in crimes] + [f"area/{area}/" for area in areas]
    paths += [f"area/{area}/{crime}/" for area in areas for crime in crimes]
    paths += [f"services/{service}/" for service in published("services")]
    paths += [f"{page}/" for page in published("pages")]
    pages = {"index.html", "404.html"} | {f"{lang}/{path}index.html" for lang in languages for path in paths}
    pages |= {f"{lang}/search/index.json" for lang in languages}  # each language's search index
    open_data = {"open-data/services.json", "open-data/services.csv"}  # the list of services, for reuse
    sitemaps = {f"sitemap-{language}.xml" for language in declared_languages()}
    return pages | STATIC | open_data | sitemaps | {"sitemap.xml", "robots.txt", "favicon.ico", "_headers",
                                                    ".forvictims-build"}


def files_in(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def html_pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_the_build_holds_exactly_the_expected_files(built_site, library):
    assert files_in(built_site) == expected_files()
    # each language's pages, search index and sitemap; then the files of the whole site
    assert len(expected_files()) == (len(library.site_paths()) + 2) * len(library.languages) + 14


def test_every_crime_type_has_a_page_in_every_area(built_site, library):
    assert len(library.crime_types) == 17 and len(library.areas) == 7
    for area in library.areas:
        for crime in library.crime_types:
            assert (built_site / "en" / "area" / area / crime / "index.html").is_file()


# ---------------------------------------------------------------------------------------------
# The same checks on every page


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pages(built_site):
    return {path.relative_to(built_site).as_posix(): soup(path) for path in html_pages(built_site)}


def test_every_page_is_well_formed_html(built_site):
    parser = html5lib.HTMLParser(strict=True)
    for path in html_pages(built_site):
        parser.parse(path.read_bytes())  # raises on the first parse error


def test_every_page_has_one_h1_and_a_title_that_starts_with_it(pages, library):
    for name, page in pages.items():
        (h1,) = page.find_all("h1")
        title = page.title.get_text()
        assert title.startswith(h1.get_text(strip=True)), name
        assert title.endswith(library.site.name), name


def language_of_page(name: str) -> str:
    """The language a built page is in: its address's first part, English outside a language."""
    first = name.split("/")[0]
    return first if "/" in name and first in LANGUAGES else "en"


def test_every_page_says_its_language_and_direction(pages):
    for name, page in pages.items():
        language = language_of_page(name)
        assert (page.html["lang"], page.html["dir"]) == (language, Locale.parse(language).text_direction), name


def test_every_page_has_exit_this_page_working_without_javascript(pages, library):
    for name, page in pages.items():
        button = page.select_one(".govuk-exit-this-page a.govuk-exit-this-page__button")
        assert button["href"] == library.site.exit_url, name
        assert interface(language_of_page(name), "Exit this page") in button.get_text(), name
        skip = page.select_one("a.govuk-js-exit-this-page-skiplink")
        assert skip["href"] == library.site.exit_url, name
        # The skip links come first, before anything else a keyboard reaches.
        first_links = page.body.find_all("a", limit=2)
        assert first_links[0]["href"] == "#main-content" and first_links[1] is skip, name


def test_every_page_has_the_emergency_numbers(pages):
    for name, page in pages.items():
        panel = page.select_one("section.fv-emergency")
        hrefs = [a["href"] for a in panel.find_all("a")]
        assert hrefs == ["tel:999", "tel:999", "tel:18000", "tel:101"], name
        assert "55" in panel.get_text().replace("555", ""), name


def test_every_asset_address_carries_a_fingerprint_of_the_file(pages, built_site):
    # Browsers and CDNs keep CSS and JavaScript; a new fingerprint makes them fetch a changed file.
    for name, page in pages.items():
        assets = page.select("link[rel=stylesheet], link[rel=icon], script[src]")
        assert len(assets) == (4 if name.endswith("search/index.html") else 3), name
        for tag in assets:
            path, _, query = (tag.get("href") or tag.get("src")).partition("?")
            digest = hashlib.sha256((built_site / path.lstrip("/")).read_bytes()).hexdigest()[:10]
            assert query == f"v={digest}", (name, str(tag))


GOVUK_FRONTEND_CSS = ROOT / "site" / "assets" / "node_modules" / "govuk-frontend" / "dist" / "govuk" / "govuk-frontend.min.css"


def styled_classes(css: str) -> set[str]:
    """The GOV.UK classes a stylesheet styles: those of the element each selector picks, not the
    classes around it (`.govuk-frontend-supported .govuk-tabs` styles govuk-tabs only)."""
    selectors = [selector for block in re.findall(r"([^{}]+)\{", css) if not block.startswith("@")
                 for selector in block.split(",")]
    return {name for selector in selectors
            for name in re.findall(r"\.(govuk-[\w-]+)", re.split(r"[\s>+~]+", selector.strip())[-1])}


def test_every_gov_uk_class_the_site_uses_has_its_styles(pages, built_site):
    """The stylesheet takes only the GOV.UK Frontend components the site uses: a page, the
    Markdown of the content or a script using another one would meet a class without styles."""
    if not GOVUK_FRONTEND_CSS.is_file():
        pytest.fail("This needs GOV.UK Frontend from npm: run `make test`, which installs it.")
    from forvictims.content import markdown

    used = {name for page in pages.values() for tag in page.find_all(class_=True) for name in tag["class"]}
    used |= {name for classes in [*markdown.CLASSES.values(), *markdown.HEADING_CLASSES.values()]
             for name in classes.split()}
    for script in (built_site / "static").glob("*.js"):  # classes the scripts add, like the overlay
        used |= set(re.findall(r"govuk-[\w-]+", script.read_text(encoding="utf-8")))
    styled_by_govuk = styled_classes(GOVUK_FRONTEND_CSS.read_text(encoding="utf-8"))
    ours = styled_classes((built_site / "static" / "forvictims.css").read_text(encoding="utf-8"))
    assert {name for name in used if name.startswith("govuk-")} & styled_by_govuk - ours == set()


def test_every_page_blocks_other_origins_and_referrers(pages):
    for name, page in pages.items():
        csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "default-src 'none'" in csp and "script-src 'self' 'sha256-" in csp, name
        assert page.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer", name


def test_no_page_loads_anything_from_another_origin(pages):
    for name, page in pages.items():
        for tag in page.find_all(["script", "img", "iframe", "link", "source", "video", "audio", "embed", "object"]):
            for attribute in ("src", "href", "data", "srcset"):
                value = tag.get(attribute)
                if value:
                    assert not urlsplit(value).netloc and not value.startswith("//"), (name, str(tag))
        assert not page.find(style=True), name


def test_every_link_to_another_site_sends_no_referrer(pages):
    for name, page in pages.items():
        for link in page.find_all("a", href=re.compile(r"^https?://")):
            assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), (name, str(link))


def test_every_internal_link_resolves(built_site, pages):
    for name, page in pages.items():
        for link in page.find_all(["a", "link", "script"]):
            target = link.get("href") or link.get("src")
            if not target or not target.startswith("/"):
                continue
            path = unquote(urlsplit(target).path)
            file = built_site / path.lstrip("/")
            if path.endswith("/"):
                file = file / "index.html"
            assert file.is_file(), (name, target)


# Numbers that no longer reach the service (FACTS.md, LOCAL-SERVICES.md): never on a page.
OBSOLETE_NUMBERS = ["0845 30 30 900", "08457 90 90 90", "0808 802 9999", "0845 603 8570",
                    "0845 603 8572", "0845 4500 355", "0808 169 9604"]


def test_no_page_gives_a_number_that_no_longer_works(pages):
    obsolete = {number.replace(" ", "") for number in OBSOLETE_NUMBERS}
    for name, page in pages.items():
        for text in page.stripped_strings:
            digits = re.sub(r"\D", "", text)
            assert not [number for number in obsolete if number in digits], (name, text)
        links = {re.sub(r"^\+44", "0", link["href"].split(":", 1)[1]) for link in page.find_all("a", href=re.compile(r"^tel:"))}
        assert not links & obsolete, (name, links & obsolete)


def test_every_tel_link_is_a_valid_number(pages):
    for name, page in pages.items():
        for link in page.find_all("a", href=re.compile(r"^(tel|sms):")):
            number = link["href"].split(":", 1)[1]
            if number.startswith("+"):
                assert phonenumbers.is_valid_number(phonenumbers.parse(number)), (name, number)
                assert number == phonenumbers.format_number(
                    phonenumbers.parse(number), phonenumbers.PhoneNumberFormat.E164)
            else:
                assert number.isdigit() and parse_phone(number) is not None, (name, number)
            # The number in the link's text (among words in any language) is the one it calls.
            shown = re.findall(r"\+?\d[\d ]*\d", link.get_text(strip=True))
            assert shown and parse_phone(max(shown, key=len)) == parse_phone(number), (name, str(link))


def test_every_phone_number_a_visitor_reads_can_be_tapped(pages):
    for name, page in pages.items():
        for text in page.body.find_all(string=True):
            if text.find_parent(["a", "script", "title"]):
                continue
            found = [m.raw_string for m in phonenumbers.PhoneNumberMatcher(str(text), "GB")]
            assert not found, (name, found)


def test_every_page_but_the_home_pages_has_breadcrumbs(pages):
    for name, page in pages.items():
        crumbs = page.select_one("nav.govuk-breadcrumbs")
        if name == "index.html" or name.count("/") == 1 and name.endswith("/index.html"):
            assert crumbs is None  # the home pages are the top of the trail
        else:
            assert crumbs is not None, name
            assert crumbs.find("a")["href"] == f"/{language_of_page(name)}/", name


def test_no_page_has_duplicate_ids(pages):
    for name, page in pages.items():
        ids = [tag["id"] for tag in page.find_all(id=True)]
        assert len(ids) == len(set(ids)), name


def test_numbers_still_being_checked_carry_a_visible_flag(built_site, library):
    flagged = [doc for doc in library.services.values() if doc.meta.verify and doc.meta.phones]
    assert flagged, "FACTS.md marks several numbers 'check'"
    for doc in flagged:
        page = soup(built_site / "en" / "services" / doc.slug / "index.html")
        assert "We are still checking this number" in page.select_one(".fv-verify").get_text()
    unflagged = next(doc for doc in library.services.values() if not doc.meta.verify)
    page = soup(built_site / "en" / "services" / unflagged.slug / "index.html")
    assert page.select_one(".fv-verify") is None


def service_names_under(page: BeautifulSoup, heading: str) -> list[str]:
    """The services listed under one h2, in order."""
    section = page.find("h2", string=heading)
    names = []
    for tag in section.find_all_next(["h2", "h3"]):
        if tag.name == "h2":
            break
        names.append(tag.get_text(strip=True))
    return names


def test_the_area_page_for_a_crime_puts_who_to_contact_and_what_to_do_first(built_site):
    page = soup(built_site / "en" / "area" / "birmingham" / "domestic-abuse" / "index.html")
    headings = [h2.get_text(strip=True) for h2 in page.main.find_all("h2")]
    assert headings[:4] == ["Who to contact now", "What you can do now", "More support", "Report it"]
    assert service_names_under(page, "Who to contact now") == [
        "National Domestic Abuse Helpline", "Birmingham and Solihull Women's Aid", "Victim Support Supportline"]
    more = service_names_under(page, "More support")
    # Services for one group come after those for anyone; a listening line not about crime last.
    assert more.index("Revenge Porn Helpline") < more.index("Men's Advice Line")
    assert more[-1] == "Samaritans"
    # "What you can do now" is the crime type's own, on its page for every area.
    crime = soup(built_site / "en" / "crime" / "domestic-abuse" / "index.html")
    assert (page.find("h2", string="What you can do now").find_next("ul").get_text()
            == crime.find("h2", string="What you can do now").find_next("ul").get_text())


def test_opening_hours_read_as_people_say_them(built_site):
    def hours(slug):
        page = soup(built_site / "en" / "services" / slug / "index.html")
        return page.find("h2", string="Opening times").find_next("p").get_text(strip=True)

    assert hours("report-fraud") == "Monday to Friday, 8am to 8pm"
    assert hours("national-domestic-abuse-helpline") == "24 hours a day, every day"
    assert hours("karma-nirvana") == "We do not know their opening times. Their website will tell you."


def test_services_that_take_reports_are_listed_apart_from_support(built_site, library):
    page = soup(built_site / "en" / "area" / "coventry" / "fraud-and-scams" / "index.html")
    assert service_names_under(page, "Report it") == ["Report Fraud", "Crimestoppers"]
    support = [name for heading in ("Who to contact now", "More support")
               for name in service_names_under(page, heading)]
    assert "Crimestoppers" not in support and "Victim Support Supportline" in support
    area_page = soup(built_site / "en" / "area" / "coventry" / "murder-and-manslaughter" / "index.html")
    assert "Restorative Justice in the West Midlands" not in area_page.get_text()


# Numbers FACTS.md marks "check": each must carry a visible flag until confirmed on the provider's
# own site. Remove a number from here only when its service file says where it was confirmed.
# 01384 455411 (Dudley) and 0800 456 1226 (Tell MAMA) were confirmed on the providers' own pages;
# 0808 169 9604 was dropped as out of date. Numbers seen only on others' pages since (LOCAL-SERVICES.md §1, §4) join them.
NUMBERS_TO_CHECK = [
    "0300 303 1977", "020 7008 0151", "020 7008 1500", "0808 802 0300", "0800 028 3550",
    "0808 801 0327", "0800 138 1625", "0808 800 0028", "08000 194 400",
    "0808 500 2222", "0121 552 6448", "0121 776 7744", "0800 970 0370", "0800 035 5309",
    "01902 421904",
]


def test_every_number_still_to_be_checked_is_flagged(library):
    to_check = {tel_href(number) for number in NUMBERS_TO_CHECK}
    found = set()
    for doc in library.services.values():
        for phone in doc.meta.phones:
            if tel_href(phone.number) in to_check:
                found.add(tel_href(phone.number))
                assert doc.meta.verify, f"{doc.source}: {phone.number} still needs checking"
    assert found == to_check


def test_staying_safe_online_never_claims_history_is_erased(built_site):
    text = " ".join(soup(built_site / "en" / "staying-safe-online" / "index.html").main.get_text(" ").lower().split())
    assert "does not delete" in text or "does not remove" in text or "does not erase" in text
    for path in html_pages(built_site):
        words = " ".join(soup(path).get_text(" ").lower().split())
        assert not CLAIMS_TO_ERASE_HISTORY.search(words), (path, CLAIMS_TO_ERASE_HISTORY.search(words))


def test_sitemap_and_robots(built_site, library):
    # sitemap.xml is an index of one sitemap for each language, which lists that language's pages.
    index = (built_site / "sitemap.xml").read_text()
    assert index.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex ')
    sitemaps = re.findall(r"<loc>([^<]+)</loc>", index)
    assert sitemaps == [f"/sitemap-{language}.xml" for language in library.languages]
    locations = {language: re.findall(r"<loc>([^<]+)</loc>", (built_site / f"sitemap-{language}.xml").read_text())
                 for language in library.languages}
    for language, found in locations.items():
        chooser = ["/"] if language == library.languages[0] else []
        assert sorted(found) == sorted(chooser + [f"/{language}{path}" for path in library.site_paths()])
    assert "/en/area/sandwell/hate-crime/" in locations["en"]
    assert (built_site / "robots.txt").read_text().startswith("User-agent: *\nAllow: /\n")


def test_headers_file_repeats_the_policy_for_static_hosts(built_site):
    headers = (built_site / "_headers").read_text()
    assert headers.startswith("/*\n")
    assert "  Referrer-Policy: no-referrer\n" in headers
    assert "frame-ancestors 'none'" in headers
    assert "  Strict-Transport-Security: max-age=31536000; includeSubDomains\n" in headers
    assert "/static/*\n  Cache-Control: public, max-age=31536000, immutable\n" in headers


# ---------------------------------------------------------------------------------------------
# Building


def tree_files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in files_in(folder)}


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, built_site):
    publish.build(ROOT / "content", tmp_path / "again")
    comparison = filecmp.dircmp(built_site, tmp_path / "again")
    assert tree_files(built_site) == tree_files(tmp_path / "again"), comparison.report()


def test_a_build_in_two_processes_is_byte_identical_to_one_in_one(tmp_path):
    publish.build(ROOT / "content", tmp_path / "one", jobs=1)
    publish.build(ROOT / "content", tmp_path / "two", jobs=2)
    comparison = filecmp.dircmp(tmp_path / "one", tmp_path / "two")
    assert tree_files(tmp_path / "one") == tree_files(tmp_path / "two"), comparison.report()


def test_bad_content_leaves_the_previous_build_exactly_as_it_was(tmp_path):
    content = write_tree(tmp_path)
    publish.build(content, tmp_path / "build")
    before = tree_files(tmp_path / "build")
    write_tree(tmp_path, {"services/test-helpline.md": SERVICE.replace("0808 2000 247", "0121 49")})
    with pytest.raises(ContentError):
        publish.build(content, tmp_path / "build")
    assert tree_files(tmp_path / "build") == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["build", "content", "translations"]


BROKEN_LINK = {"services/test-helpline.md": SERVICE.replace(
    "What happens when you call.", "Read [this](/crime/no-such-crime/).")}
BROKEN_LINK_PROBLEM = ('test-helpline.md:16: the link "/crime/no-such-crime/" goes to a page that '
                       "does not exist")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_problem_the_checks_beside_the_pages_find_stops_the_build(tmp_path, jobs):
    # The texts are checked while the pages are drawn: an error there must still stop the
    # build, name the file and line, and leave the last build as it was.
    content = write_tree(tmp_path)
    publish.build(content, tmp_path / "build", jobs=jobs)
    before = tree_files(tmp_path / "build")
    write_tree(tmp_path, BROKEN_LINK)

    with pytest.raises(ContentError) as raised:
        publish.build(content, tmp_path / "build", jobs=jobs)

    assert [str(problem).partition("/content/services/")[2] for problem in raised.value.problems] == [
        BROKEN_LINK_PROBLEM + ": check the spelling (pages of this site are written like "
        "/crime/domestic-abuse/ or /staying-safe-online/)"]
    assert tree_files(tmp_path / "build") == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["build", "content", "translations"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_cannot_be_drawn_is_explained_by_the_content_problem_behind_it(tmp_path, monkeypatch, jobs):
    # If bad content also breaks a page, the editor hears about the content, not a traceback;
    # with good content, the page's own error comes out whole, from whichever process met it.
    # The search page is drawn right after the search check, before the texts are checked: so
    # the page fails before the check that finds the broken link has even run.
    content = write_tree(tmp_path, BROKEN_LINK)

    def broken_page():
        raise RuntimeError("cannot draw the search page")

    def app_with_a_broken_page(*arguments, **keywords):
        app = create_app(*arguments, **keywords)
        app.view_functions["site.search"] = broken_page
        return app

    create_app = publish.create_app
    monkeypatch.setattr(publish, "create_app", app_with_a_broken_page)
    with pytest.raises(ContentError) as raised:
        publish.build(content, tmp_path / "build", jobs=jobs)
    assert BROKEN_LINK_PROBLEM in str(raised.value.problems[0])

    write_tree(tmp_path)
    with pytest.raises(ValueError, match="500 INTERNAL SERVER ERROR' on URL /en/search/"):
        publish.build(content, tmp_path / "build", jobs=jobs)
    assert not (tmp_path / "build").exists()


def test_a_build_that_fails_while_freezing_leaves_the_previous_build(tmp_path, monkeypatch):
    content = write_tree(tmp_path)
    publish.build(content, tmp_path / "build")
    before = tree_files(tmp_path / "build")

    def broken_freeze(self):
        (Path(self.app.config["FREEZER_DESTINATION"]) / "half-written.html").write_text("…")
        raise OSError("disk full")

    monkeypatch.setattr(publish.Freezer, "freeze", broken_freeze)
    with pytest.raises(OSError):
        publish.build(content, tmp_path / "build")
    assert tree_files(tmp_path / "build") == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["build", "content", "translations"]


def test_base_url_puts_the_site_under_a_sub_path(tmp_path):
    content = write_tree(tmp_path)
    publish.build(content, tmp_path / "build", base_url="https://www.example.org.uk/for-victims/")
    page = soup(tmp_path / "build" / "en" / "crime" / "domestic-abuse" / "index.html")
    local = [tag.get("href") or tag.get("src") for tag in page.find_all(["a", "link", "script"])]
    local = [url for url in local if url and url.startswith("/")]
    assert local and all(url.startswith("/for-victims/") for url in local)
    assert "/for-victims/en/staying-safe-online/" in local  # a link written in Markdown
    index = (tmp_path / "build" / "sitemap.xml").read_text()
    assert "<loc>https://www.example.org.uk/for-victims/sitemap-en.xml</loc>" in index
    sitemap = (tmp_path / "build" / "sitemap-en.xml").read_text()
    assert "<loc>https://www.example.org.uk/for-victims/en/crime/domestic-abuse/</loc>" in sitemap
    robots = (tmp_path / "build" / "robots.txt").read_text()
    assert "Sitemap: https://www.example.org.uk/for-victims/sitemap.xml" in robots


def test_build_command_says_how_many_pages_and_where(tmp_path, monkeypatch):
    write_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"Built 21 pages \(35 files\) into build/ in \d+\.\d seconds\.\n"
        r"Note: sitemap.xml and robots.txt give page addresses without the site's domain, because "
        r"base_url in content/site.yaml has none. Set it to the address the site is published at "
        r"before it goes live.\n",
        result.output,
    )


def test_build_command_with_bad_content_prints_the_problems_not_a_traceback(tmp_path, monkeypatch):
    write_tree(tmp_path, {"services/test-helpline.md": SERVICE.replace("0808 2000 247", "0121 49")})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: Found 1 problem in the content. Nothing was built.\n"
        'content/services/test-helpline.md:8: phones[0].number: "0121 49" is not a valid UK phone '
        "number: write it like 0121 496 0000, or a short number like 116 123\n"
    )
    assert "Traceback" not in result.output
    assert not (tmp_path / "build").exists()


def test_build_command_rejects_a_base_url_that_is_not_an_address(tmp_path, monkeypatch):
    write_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--base-url", "ftp://example.org"])
    assert result.exit_code == 1
    assert result.output == (
        'Error: The base address "ftp://example.org" is not an address: write it like '
        "https://www.example.org.uk/ or /for-victims/\n"
    )
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("output", ["content", ".", "..", "my-documents"])
def test_build_never_replaces_a_folder_it_did_not_make(tmp_path, monkeypatch, output):
    write_tree(tmp_path)
    (tmp_path / "my-documents").mkdir()
    (tmp_path / "my-documents" / "notes.txt").write_text("keep me")
    monkeypatch.chdir(tmp_path)
    before = tree_files(tmp_path)
    result = CliRunner().invoke(main, ["build", "--output", output])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "like --output build" in result.output
    assert tree_files(tmp_path) == before


def test_build_makes_missing_parent_folders(tmp_path, monkeypatch):
    write_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--output", "out/site"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "site" / "en" / "index.html").is_file()


@pytest.mark.parametrize("command", [["build"], ["check"], ["serve"], ["report"], ["new", "page", "x"]])
def test_every_command_in_the_wrong_folder_says_where_to_run_it(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    assert result.output == (
        "Error: There is no content folder at content: run this in the project folder (the one "
        "with the Makefile in it), or give the folder with --content\n"
    )


def test_each_service_page_describes_the_service_for_search_engines(pages):
    services = {name: page for name, page in pages.items() if "/services/" in name and name.count("/") == 3}
    assert len(services) >= 7 * 50
    for name, page in services.items():
        blocks = page.find_all("script", type="application/ld+json")
        assert len(blocks) == 1, name
        data = json.loads(blocks[0].string)
        assert (data["@context"], data["@type"]) == ("https://schema.org", "Service")
        assert data["name"] == page.h1.get_text(strip=True), name
        # Every number it gives is one the page offers to call or text.
        offered = {link["href"].split(":", 1)[1] for link in page.find_all("a", href=re.compile(r"^(tel|sms):"))}
        given = {point["telephone"] for point in data["provider"].get("contactPoint", []) if "telephone" in point}
        assert given <= offered, name
    helpline = json.loads(services["en/services/national-domestic-abuse-helpline/index.html"]
                          .find("script", type="application/ld+json").string)
    assert helpline["provider"]["contactPoint"][0]["telephone"] == "+448082000247"
    assert helpline["areaServed"] == {"@type": "Country", "name": "United Kingdom"}
