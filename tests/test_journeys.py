"""The journeys of frightened visitors on a small phone: the right help first, on the first
screen, with Exit this page always in reach, and honest words about when a service is open."""

from __future__ import annotations

import pytest

from conftest import declared_languages
from test_browser import EXIT_URL, Visit

pytestmark = pytest.mark.browser

SCREEN = {"width": 360, "height": 740}
EMERGENCY = ("tel:999", "tel:101", "tel:18000")

# (page, the service that must be first in "Who to contact now"), the five journeys first.
FIRST_CONTACT = [
    ("/en/area/walsall/stalking-and-harassment/", "black-country-womens-aid-stalking-service"),
    ("/en/area/wolverhampton/modern-slavery/", "modern-slavery-helpline"),  # boss took his passport
    ("/en/area/coventry/child-sexual-exploitation/", "nspcc-helpline"),  # a parent, a groomed child
    ("/en/area/solihull/fraud-and-scams/", "stop-scams-uk-159"),  # a fake call from the bank
    ("/en/support-without-reporting/", "victim-support-supportline"),
    ("/en/area/walsall/domestic-abuse/", "national-domestic-abuse-helpline"),  # not the Men's Advice Line
    ("/en/area/wolverhampton/domestic-abuse/", "national-domestic-abuse-helpline"),  # local one still being checked
    ("/en/area/dudley/domestic-abuse/", "national-domestic-abuse-helpline"),
    ("/en/area/birmingham/rape-and-sexual-violence/", "rape-crisis-support-line"),
    ("/en/area/coventry/rape-and-sexual-violence/", "rape-crisis-support-line"),
    ("/en/area/sandwell/violence-and-assault/", "victim-support-supportline"),
    ("/en/area/dudley/burglary-and-theft/", "victim-support-supportline"),  # never restorative justice
    ("/en/area/walsall/hate-crime/", "stop-hate-uk"),
    ("/en/area/birmingham/hate-crime/", "victim-support-supportline"),  # before lines for one faith
    ("/en/area/coventry/murder-and-manslaughter/", "victim-support-national-homicide-service"),
    ("/en/area/dudley/road-deaths-and-serious-injury/", "brake"),
    ("/en/area/birmingham/forced-marriage-and-honour-based-abuse/", "karma-nirvana"),
    ("/en/area/sandwell/online-abuse/", "revenge-porn-helpline"),
    ("/en/area/wolverhampton/female-genital-mutilation/", "nspcc-fgm-helpline"),
    ("/en/area/solihull/terrorism-and-major-incidents/", "victim-support-terrorism-support"),
    ("/en/crime/stalking-and-harassment/", "black-country-womens-aid-stalking-service"),
    ("/en/crime/fraud-and-scams/", "stop-scams-uk-159"),
]

FIRST_HELPLINE = """(emergency) => {
  const link = [...document.querySelectorAll('main a[href^="tel:"]')]
    .find((a) => !emergency.includes(a.getAttribute('href')));
  const box = link.getBoundingClientRect();
  return {top: box.top + window.scrollY, bottom: box.bottom + window.scrollY};
}"""


@pytest.fixture
def small_phone(browser, site_url):
    context = browser.new_context(viewport=SCREEN, is_mobile=True, has_touch=True)
    yield Visit(context, site_url)
    context.close()


@pytest.mark.parametrize("path, slug", FIRST_CONTACT, ids=[path for path, _ in FIRST_CONTACT])
def test_the_best_contact_comes_first_and_its_number_is_on_the_first_screen(small_phone, library, path, slug):
    page = small_phone.open(path)
    box = page.locator(".fv-contact-now")
    assert box.locator("h2").inner_text() == "Who to contact now"
    assert box.locator(".fv-contact__name").first.inner_text() == library.services[slug].meta.name
    helpline = page.evaluate(FIRST_HELPLINE, list(EMERGENCY))
    assert helpline["bottom"] <= SCREEN["height"], f"the first number to call is {helpline['top']} px down"


@pytest.mark.parametrize("path", [path for path, _ in FIRST_CONTACT[:5]])
def test_exit_this_page_is_in_view_at_the_bottom_of_the_page_and_still_leaves(small_phone, path):
    page = small_phone.open(path)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("window.scrollY > 1000")  # a long page, scrolled to its end
    button = page.get_by_role("button", name="Emergency Exit this page")
    box = button.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN["height"]
    button.click()
    page.wait_for_url(EXIT_URL)


def test_exit_this_page_does_not_cover_the_heading_before_scrolling(small_phone):
    page = small_phone.open("/en/area/walsall/stalking-and-harassment/")
    exit_box = page.get_by_role("button", name="Emergency Exit this page").bounding_box()
    heading = page.locator("h1").bounding_box()
    assert exit_box["y"] + exit_box["height"] <= heading["y"]


def test_what_happened_is_on_the_home_pages_first_screen(small_phone):
    page = small_phone.open("/en/")
    choices = page.locator("[aria-labelledby='what-happened'] a")
    first = choices.first.bounding_box()
    assert first["y"] + first["height"] <= SCREEN["height"]
    assert choices.first.inner_text() == "Domestic abuse"
    # The emergency numbers are on the first screen too, in two short lines.
    call = page.locator(".fv-emergency--compact a[href='tel:999']").bounding_box()
    assert call["y"] + call["height"] <= SCREEN["height"]
    names = choices.all_inner_texts()
    assert names.index("Stalking and harassment") < 3


# ---------------------------------------------------------------------------------------------
# Open now: from the visitor's clock, in UK time, whatever their phone's own time zone.

def open_words(browser, site_url, london_time: str, path: str) -> dict[str, str]:
    context = browser.new_context(timezone_id="America/New_York", viewport=SCREEN)
    visit = Visit(context, site_url)
    visit.page.clock.set_fixed_time(london_time)
    page = visit.open(path)
    words = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.fv-service, .fv-contact')]
        .filter((card) => card.querySelector('.fv-open:not([hidden])'))
        .map((card) => [card.querySelector('h2, h3').textContent.trim(),
                        card.querySelector('.fv-open').textContent.trim()]))""")
    context.close()
    return words


def test_on_a_weekday_night_services_say_when_they_open(browser, site_url):
    words = open_words(browser, site_url, "2026-12-08T23:30:00+00:00", "/en/area/coventry/child-sexual-abuse/")
    assert words["NSPCC Helpline"] == "Closed now. Usually opens tomorrow at 8am"  # a Tuesday night


def test_on_a_saturday_afternoon_services_say_whether_they_are_open(browser, site_url):
    words = open_words(browser, site_url, "2026-12-05T14:00:00+00:00", "/en/area/coventry/child-sexual-abuse/")
    assert words["NSPCC Helpline"] == "Open now, usually until 6pm"
    words = open_words(browser, site_url, "2026-12-05T14:00:00+00:00", "/en/area/solihull/fraud-and-scams/")
    assert words["Report Fraud"] == "Closed now. Usually opens on Monday at 8am"


def test_in_summer_time_the_uk_clock_is_used(browser, site_url):
    # 07:30 in UTC is 08:30 in London in July: the NSPCC line has just opened.
    words = open_words(browser, site_url, "2026-07-07T07:30:00+00:00", "/en/area/coventry/child-sexual-abuse/")
    assert words["NSPCC Helpline"] == "Open now, usually until 10pm"


def test_without_javascript_the_hours_show_as_written(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    visit = Visit(context, site_url)
    page = visit.open("/en/services/nspcc-helpline/")
    assert "Monday to Friday, 8am to 10pm" in page.locator("main").inner_text()
    assert not page.locator(".fv-open").is_visible()
    context.close()


# ---------------------------------------------------------------------------------------------
# Every helpline on one page: found by what happened, printed across the whole page.

def test_the_helplines_page_jumps_to_each_crime_type(small_phone, library):
    page = small_phone.open("/en/helplines/")
    jumps = page.locator(".fv-jump a")
    titles = jumps.all_inner_texts()
    assert titles[:len(library.crime_types)] == [crime.meta.title for crime in library.crime_types.values()]
    page.get_by_role("link", name="Fraud and scams", exact=True).click()
    section = page.locator("#fraud-and-scams")
    assert 0 <= section.bounding_box()["y"] < 100  # the section is at the top of the screen
    assert "159" in section.locator("xpath=following-sibling::ul[1]").inner_text()


def test_the_helplines_page_prints_across_the_whole_page(browser, site_url):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    visit = Visit(context, site_url)
    page = visit.open("/en/helplines/")
    screen = page.locator("main .govuk-grid-column-two-thirds").bounding_box()["width"]
    page.emulate_media(media="print")
    printed = page.locator("main .govuk-grid-column-two-thirds").bounding_box()["width"]
    row = page.locator("main .govuk-grid-row").bounding_box()["width"]
    assert printed > screen * 1.3 and printed >= row - 30
    assert not page.get_by_role("button", name="Emergency Exit this page").is_visible()
    context.close()


@pytest.mark.parametrize("language", declared_languages()[1:])
def test_the_first_number_is_on_the_first_screen_in_every_language(small_phone, language):
    # Titles and headings run longer in translation: the number must still come first.
    for path, _ in FIRST_CONTACT:
        page = small_phone.open(path.replace("/en/", f"/{language}/", 1))
        helpline = page.evaluate(FIRST_HELPLINE, list(EMERGENCY))
        assert helpline["bottom"] <= SCREEN["height"], (path, f"{helpline['top']} px down")
