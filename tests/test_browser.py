"""The frozen site in a real Chromium: what a visitor on a phone actually meets."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import declared_languages

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "site" / "assets" / "node_modules" / "axe-core" / "axe.min.js"
EXIT_URL = "https://www.bbc.co.uk/weather"

# One page of every type, including a service whose number is still being checked.
PAGE_TYPES = {
    "language chooser": "/",
    "home": "/en/",
    "crime types": "/en/crime/",
    "crime type": "/en/crime/domestic-abuse/",
    "areas": "/en/area/",
    "area": "/en/area/wolverhampton/",
    "crime in an area": "/en/area/birmingham/domestic-abuse/",
    "service": "/en/services/national-domestic-abuse-helpline/",
    "service being checked": "/en/services/victim-support-west-midlands/",
    "helplines": "/en/helplines/",
    "general page": "/en/staying-safe-online/",
    "search": "/en/search/",
    "not found": "/404.html",
}

# The same pages in each language of the site that is written right to left or in a script
# of its own, and in Latin letters once for English.
SCRIPTS = [language for language in declared_languages() if language in ("en", "ur", "ar", "pa", "bn")]


def in_languages(languages: list[str]) -> list:
    return [pytest.param(path.replace("/en/", f"/{language}/"), id=f"{language} {name}")
            for language in languages for name, path in PAGE_TYPES.items()
            if "/en/" in path or language == "en"]


class Visit:
    """A browser tab that records every request to another origin and every console error."""

    def __init__(self, context, site_url: str):
        self.context = context
        self.site_url = site_url
        self.outside: list[str] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            # Nothing may leave this machine: record it, and stand in for the exit destination.
            self.outside.append(url)
            route.fulfill(status=200, content_type="text/html",
                          body="<!DOCTYPE html><title>Weather</title><h1>Weather</h1>")

    def open(self, path: str):
        self.page.goto(self.site_url + path, wait_until="networkidle")
        return self.page


@pytest.fixture
def visit(browser, site_url):
    context = browser.new_context()
    yield Visit(context, site_url)
    context.close()


@pytest.fixture
def audit(browser, site_url):
    """A tab that lets the test inject axe-core despite the page's Content-Security-Policy."""
    context = browser.new_context(bypass_csp=True)
    yield Visit(context, site_url)
    context.close()


@pytest.fixture
def phone(browser, site_url):
    """A small, cheap phone: 320 CSS pixels wide."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    yield Visit(context, site_url)
    context.close()


# ---------------------------------------------------------------------------------------------
# Exit this page


def test_clicking_exit_this_page_leaves_for_the_exit_destination(visit):
    page = visit.open("/en/crime/domestic-abuse/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(EXIT_URL)
    assert page.title() == "Weather"


@pytest.mark.parametrize("language", ["en"] + [language for language in SCRIPTS if language in ("ar", "ur")])
def test_pressing_shift_three_times_leaves_the_page(visit, language):
    from test_languages import interface

    one_more = "Shift, press 1 more time to exit."
    page = visit.open(f"/{language}/area/sandwell/domestic-abuse/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    said = one_more if language == "en" else interface(language)[one_more]
    assert page.get_by_role("status").filter(has_text=said).count() == 1
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)


def test_shift_used_to_type_a_capital_does_not_count(visit):
    page = visit.open("/en/")
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.url == visit.site_url + "/en/"


def test_keyboard_users_reach_exit_this_page_second(visit):
    page = visit.open("/en/helplines/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Exit this page"
    page.keyboard.press("Enter")
    page.wait_for_url(EXIT_URL)


def test_coming_back_after_exit_shows_the_page_not_a_blank_screen(visit):
    page = visit.open("/en/crime/stalking-and-harassment/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(EXIT_URL)
    page.go_back(wait_until="load")
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.locator(".govuk-exit-this-page-overlay").count() == 0


def test_exit_this_page_is_a_plain_link_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    visit = Visit(context, site_url)
    page = visit.open("/en/services/karma-nirvana/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(EXIT_URL)
    context.close()


# ---------------------------------------------------------------------------------------------
# Privacy: nothing leaves the machine, nothing is kept


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_request_leaves_and_nothing_is_stored(visit, path):
    page = visit.open(path)
    page.mouse.wheel(0, 4000)
    page.wait_for_load_state("networkidle")
    assert visit.outside == []
    assert visit.context.cookies() == []
    stored = page.evaluate(
        "async () => [document.cookie, localStorage.length, sessionStorage.length,"
        " (await indexedDB.databases()).length, (await caches.keys()).length]"
    )
    assert stored == ["", 0, 0, 0, 0]


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_console_errors(visit, path):
    visit.open(path)
    assert visit.errors == []


# ---------------------------------------------------------------------------------------------
# Access


@pytest.mark.parametrize("path", in_languages(SCRIPTS))
def test_no_accessibility_violations(audit, path):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `make test`, which installs it.")
    page = audit.open(path)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})).violations"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    assert violations == []


@pytest.mark.parametrize("path", in_languages(declared_languages()))
def test_nothing_scrolls_sideways_on_a_320_pixel_screen(phone, path):
    page = phone.open(path)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1] == 320


def test_a_phone_number_is_one_tap_from_the_crime_and_area_page(phone):
    page = phone.open("/en/")
    page.get_by_role("link", name="Domestic abuse", exact=True).first.click()
    page.get_by_role("link", name="Support in Sandwell").click()
    page.wait_for_url("**/en/area/sandwell/domestic-abuse/")
    call = page.locator("main a[href^='tel:']").first
    call.wait_for(state="visible")
    assert call.get_attribute("href").startswith("tel:+44")


# Letters drawn by a font that has them, not as empty boxes: Gurmukhi, Bengali and Arabic script
# come from the fonts phones and computers have (make test installs Debian's Noto fonts).
SCRIPT_TEXT = {"pa": "[\\u0a00-\\u0a7f]", "bn": "[\\u0980-\\u09ff]", "ur": "[\\u0600-\\u06ff]",
               "ar": "[\\u0600-\\u06ff]"}


@pytest.mark.parametrize("language", [language for language in SCRIPTS if language in SCRIPT_TEXT])
def test_every_script_is_drawn_in_a_font_that_has_its_letters(visit, language):
    import re
    import subprocess

    def has_letters(family: str) -> bool:
        listed = subprocess.run(["fc-list", f":family={family}:lang={language}", "family"],
                                capture_output=True, text=True, check=True).stdout
        return bool(listed.strip())

    page = visit.open(f"/{language}/crime/")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    document = cdp.send("DOM.getDocument")["root"]["nodeId"]
    for selector in ("h1", ".govuk-exit-this-page__button", ".fv-emergency__title", "main p"):
        node = cdp.send("DOM.querySelector", {"nodeId": document, "selector": selector})["nodeId"]
        text = page.locator(selector).first.inner_text()
        letters = len(re.findall(SCRIPT_TEXT[language], text))
        assert letters > 5, (selector, text)  # the text is in the language's script
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        # A font without the script's letters may draw spaces, digits and punctuation, never more.
        others = sum(font["glyphCount"] for font in fonts if not has_letters(font["familyName"]))
        assert others <= len(text) - letters, (selector, fonts)
