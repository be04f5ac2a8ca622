"""Markdown bodies as visitors get them: safe, styled, and with tappable phone numbers."""

from __future__ import annotations

from bs4 import BeautifulSoup

from forvictims.content import markdown


def render(body: str) -> BeautifulSoup:
    html = markdown.render(body, internal=lambda path: f"/base/en{path}")
    return BeautifulSoup(str(html), "html.parser")


def test_raw_html_and_scripts_are_shown_as_text_never_run():
    page = render('<script>alert("hi")</script>\n\nHello <b onclick="x()">there</b>')
    assert page.find("script") is None and page.find("b") is None
    assert '<script>alert("hi")</script>' in page.get_text()


def test_links_inside_the_site_get_the_language_and_base_path():
    link = render("See [your rights](/your-rights/#victims-code).").find("a")
    assert link["href"] == "/base/en/your-rights/#victims-code"
    assert "rel" not in link.attrs


def test_links_to_other_sites_send_no_referrer():
    link = render("See [GOV.UK](https://www.gov.uk/victims-code).").find("a")
    assert link["href"] == "https://www.gov.uk/victims-code"
    assert link["rel"] == ["noopener", "noreferrer"]


def test_phone_numbers_in_text_become_tel_links_in_e164():
    page = render("Call 0808 2000 247 or Samaritans on 116 123. In danger, call 999, then press 55.")
    links = {a.get_text(): a["href"] for a in page.find_all("a")}
    assert links == {"0808 2000 247": "tel:+448082000247", "116 123": "tel:116123", "999": "tel:999"}


def test_numbers_already_in_a_link_are_left_alone():
    links = render("[Call 0808 2000 247](tel:08082000247)").find_all("a")
    assert [(a.get_text(), a["href"]) for a in links] == [("Call 0808 2000 247", "tel:+448082000247")]


def test_a_link_that_check_would_refuse_is_never_made_live():
    link = render("[click](javascript:alert(1))").find("a")
    assert link["href"] == "#"


def test_govuk_typography_classes():
    page = render("## Signs\n\nText.\n\n- one\n- two\n\n1. first\n")
    assert page.find("h2")["class"] == ["govuk-heading-m"]
    assert page.find("p")["class"] == ["govuk-body"]
    assert page.find("ul")["class"] == ["govuk-list", "govuk-list--bullet"]
    assert page.find("ol")["class"] == ["govuk-list", "govuk-list--number"]


def test_a_picture_is_never_loaded():
    page = render("![A photo](https://images.example.com/photo.jpg)")
    assert page.find("img") is None and page.get_text(strip=True) == "A photo"
