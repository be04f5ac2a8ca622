"""The list of services as open data: what someone who reuses it downloads from /open-data/, checked
against the HSDS 3 schema (tests/hsds/), against the content, and against the pages of the site."""

from __future__ import annotations

import copy
import csv
import json
import os
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from conftest import CONTENT, declared_languages
from content_tree import SERVICE, SITE, write_tree
from forvictims.content.model import tel_href
from forvictims.publish import build

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((Path(__file__).parent / "hsds" / "service_with_definitions.json").read_text(encoding="utf-8"))
LICENCE = ("Open Government Licence v3.0", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")

# The columns of the CSV, as a comms officer or an analyst reads them.
COLUMNS = [
    "ID", "Name", "Organisation", "Summary", "Crime types", "Coverage", "Areas", "Phone numbers",
    "Opening hours", "Website", "Web chat", "Email", "Who it is for", "Only for", "Minimum age",
    "Maximum age", "Languages", "Interpreters", "Access", "Attending", "Details confirmed", "Source",
    "Last checked", "Page address",
]


# ---------------------------------------------------------------------------------------------
# The HSDS 3 schema, applied as the specification's own example checks apply it


def strictly(schema: dict) -> dict:
    """`schema` with fields it does not define forbidden (as the specification's example checks
    do, with --set-additional-properties-false-everywhere), so that a misspelt field fails, and
    with the fields HSDS marks as dates (datapackage_type) checked as dates."""
    schema = copy.deepcopy(schema)

    def tighten(node):
        if isinstance(node, dict):
            if node.get("type") == "object" and isinstance(node.get("properties"), dict):
                node.setdefault("additionalProperties", False)
                for field in node["properties"].values():
                    if field.get("datapackage_type") == "date":
                        field.setdefault("format", "date")
            for value in node.values():
                tighten(value)
        elif isinstance(node, list):
            for value in node:
                tighten(value)

    tighten(schema)
    return schema


STRICT = strictly(SCHEMA)


@lru_cache
def validator(definition: str | None = None) -> Draft202012Validator:
    """A service is checked against the whole schema; an organisation, a taxonomy term or a
    taxonomy against its definition. HSDS's OpenAPI file declares JSON Schema 2020-12."""
    schema = STRICT if definition is None else {"$ref": f"#/definitions/{definition}",
                                                "definitions": STRICT["definitions"]}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(record: dict, definition: str | None = None) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path)) or '(record)'}: {error.message}"
            for error in validator(definition).iter_errors(record)]


# ---------------------------------------------------------------------------------------------
# The files of the real build


@pytest.fixture(scope="module")
def data(built_site) -> dict:
    """services.json of the real content, as a re-user downloads it."""
    return json.loads((built_site / "open-data" / "services.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def table(built_site) -> list[dict[str, str]]:
    """services.csv of the real content, read as Python's csv module reads it."""
    with (built_site / "open-data" / "services.csv").open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def slugs(table) -> dict[str, str]:
    """Each service's id in the data → the file name of its service, from its page's address."""
    return {row["ID"]: re.fullmatch(r"/en/services/([a-z0-9-]+)/", row["Page address"])[1] for row in table}


def published_services() -> set[str]:
    """The English service files that are not drafts, read from the content folder itself."""
    return {path.stem for path in (CONTENT / "services").glob("*.md")
            if "." not in path.stem and not re.search(r"^draft: true$", path.read_text(encoding="utf-8"), re.M)}


def test_every_published_service_is_in_both_files_once(data, table, slugs, library):
    assert len(published_services()) > 40
    assert sorted(slugs.values()) == sorted(published_services())
    assert [service["id"] for service in data["services"]] == [row["ID"] for row in table]
    assert sorted(service["name"] for service in data["services"]) == sorted(
        library.services[slug].meta.name for slug in published_services())


def test_every_record_validates_against_the_hsds_3_schema(data):
    found = [f"service {service['name']}: {problem}" for service in data["services"] for problem in problems(service)]
    found += [f"organisation {org['name']}: {problem}" for org in data["organizations"]
              for problem in problems(org, "organization")]
    found += [f"term {term['name']}: {problem}" for term in data["taxonomy_terms"]
              for problem in problems(term, "taxonomy_term")]
    found += [f"taxonomy: {problem}" for taxonomy in data["taxonomies"] for problem in problems(taxonomy, "taxonomy")]
    assert found == []
    assert len(data["organizations"]) > 30 and len(data["taxonomy_terms"]) == 17


def test_the_schema_check_knows_the_formats_it_is_asked_for():
    # Without rfc3986-validator and rfc3339-validator, "uri" and "date-time" would pass anything.
    assert {"uuid", "uri", "email", "date", "date-time"} <= set(Draft202012Validator.FORMAT_CHECKER.checkers)


def first_service_with_a_phone(data: dict) -> dict:
    return copy.deepcopy(next(service for service in data["services"] if service["phones"]))


@pytest.mark.parametrize(("breakage", "expected"), [
    (lambda s: s.update(id="galop"), "id: 'galop' is not a 'uuid'"),
    (lambda s: s.pop("name"), "(record): 'name' is a required property"),
    (lambda s: s.update(status="open"), "status: 'open' is not one of"),
    (lambda s: s.update(url="www.example.org.uk"), "url: 'www.example.org.uk' is not a 'uri'"),
    (lambda s: s.update(email="help at example.org.uk"), "email: 'help at example.org.uk' is not a 'email'"),
    (lambda s: s.update(assured_date="4 December 2026"), "assured_date: '4 December 2026' is not a 'date'"),
    (lambda s: s.update(assurred_date="2026-12-04"), "(record): Additional properties are not allowed ('assurred_date'"),
    (lambda s: s.update(minimum_age="16"), "minimum_age: '16' is not of type 'number'"),
    (lambda s: s["phones"][0].pop("number"), "phones/0: 'number' is a required property"),
    (lambda s: s["phones"][0].update(id="0808 2000 247"), "phones/0/id: '0808 2000 247' is not a 'uuid'"),
    (lambda s: s["organization"].pop("description"), "organization: 'description' is a required property"),
], ids=["id-not-a-uuid", "no-name", "unknown-status", "url-without-https", "bad-email", "date-in-words",
        "misspelt-field", "age-as-text", "phone-without-number", "phone-id-not-a-uuid", "organisation-without-description"])
def test_a_broken_record_fails_the_schema_check(data, breakage, expected):
    service = first_service_with_a_phone(data)
    assert problems(service) == []
    breakage(service)
    assert any(problem.startswith(expected) for problem in problems(service)), problems(service)


def test_a_taxonomy_term_without_its_description_fails_the_schema_check(data):
    term = copy.deepcopy(data["taxonomy_terms"][0])
    del term["description"]
    assert problems(term, "taxonomy_term") == ["(record): 'description' is a required property"]


def test_every_id_is_a_different_record(data):
    ids: dict[str, object] = {}

    def record(kind: str, item: dict) -> None:
        known = ids.setdefault(item["id"], (kind, item))
        assert known == (kind, item), f"{item['id']} is both {known[0]} and {kind}"

    for service in data["services"]:
        record("service", service)
        record("organization", service["organization"])
        for kind in ("phones", "schedules", "service_areas", "languages", "additional_urls", "attributes"):
            for item in service[kind]:
                record(kind, item)
        for attribute in service["attributes"]:
            record("term", attribute["taxonomy_term"])
    for organization in data["organizations"]:
        record("organization", organization)
    assert len(ids) > 500


def service_page(built_site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / "en" / "services" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_phone_number_in_the_data_is_one_the_service_page_offers(built_site, data, table, slugs):
    numbers = 0
    for service, row in zip(data["services"], table):
        main = service_page(built_site, slugs[service["id"]]).find("main")
        offered = {link["href"].split(":", 1)[1] for link in main.select('a[href^="tel:"], a[href^="sms:"]')}
        in_csv = re.findall(r"(?:^|; )([0-9 ]+) \(", row["Phone numbers"])
        assert sorted(in_csv) == sorted(phone["number"] for phone in service["phones"]), service["name"]
        for phone in service["phones"]:
            assert tel_href(phone["number"]) in offered, (service["name"], phone["number"])
            numbers += 1
    assert numbers > 30


def test_a_service_still_being_checked_says_so_wherever_its_details_are(data, table, slugs, library):
    unconfirmed = 0
    for service, row in zip(data["services"], table):
        if library.services[slugs[service["id"]]].meta.verify:
            unconfirmed += 1
            assert service["alert"] == "We are still checking these details with the service."
            assert all("Not yet confirmed" in phone["description"] for phone in service["phones"])
            assert row["Details confirmed"].startswith("no: ")
        else:
            assert "alert" not in service
            assert not any("Not yet confirmed" in phone.get("description", "") for phone in service["phones"])
            assert row["Details confirmed"] == "yes"
    assert unconfirmed > 0


def test_crime_types_are_one_taxonomy_linked_to_the_services_that_help_with_them(data, slugs, library):
    [taxonomy] = data["taxonomies"]
    terms = data["taxonomy_terms"]
    assert [term["code"] for term in terms] == list(library.crime_types)
    assert [term["name"] for term in terms] == [crime.meta.title for crime in library.crime_types.values()]
    assert {term["taxonomy_id"] for term in terms} == {taxonomy["id"]}
    for service in data["services"]:
        meta = library.services[slugs[service["id"]]].meta
        linked = [attribute["taxonomy_term"]["code"] for attribute in service["attributes"]]
        if meta.crime_types == "all":
            assert linked == list(library.crime_types), service["name"]
        else:
            assert sorted(linked) == sorted(meta.crime_types), service["name"]
        assert all(attribute["link_id"] == service["id"] and attribute["taxonomy_term_id"] in
                   {term["id"] for term in terms} for attribute in service["attributes"])


def test_the_facts_come_from_the_english_service_file(data, slugs, library):
    for service in data["services"]:
        meta = library.services[slugs[service["id"]]].meta
        assert service["assured_date"] == meta.last_checked.isoformat()
        assert service.get("url") == meta.web and service.get("email") == meta.email
        assert [(phone["number"], phone["type"]) for phone in service["phones"]] == [
            (phone.number, phone.type) for phone in meta.phones]
        assert [language["code"] for language in service["languages"]] == meta.languages
        assert any(url["url"] == meta.source for url in service["additional_urls"])
        if meta.is_national():
            assert [area["name"] for area in service["service_areas"]] == ["United Kingdom"]
        else:
            names = [area["name"] for area in service["service_areas"]]
            assert names == [area.meta.title for area in library.areas_of(library.services[slugs[service["id"]]])]
            assert all(re.fullmatch(r"http://statistics\.data\.gov\.uk/id/statistical-geography/E0\d{7}", area["uri"])
                       for area in service["service_areas"])
            assert all("West Midlands-wide" in area.get("description", "") for area in service["service_areas"]) \
                == meta.is_regional()


def test_opening_hours_are_structured_where_the_content_is(data, slugs, library):
    for service in data["services"]:
        hours = library.services[slugs[service["id"]]].meta.hours
        schedules = service["schedules"]
        if hours is None:
            assert schedules == []
        elif hours == "24/7":
            assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in schedules] == [
                ("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")]
        else:
            assert [(s["opens_at"], s["closes_at"]) for s in schedules] == [(line.opens, line.closes) for line in hours]
        assert all(s["freq"] == "WEEKLY" and "UK time" in s["notes"] for s in schedules)


def test_the_csv_opens_in_a_spreadsheet_and_agrees_with_the_json(built_site, data, table):
    raw = (built_site / "open-data" / "services.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    assert raw.count(b"\r\n") >= len(table) + 1
    assert list(table[0]) == COLUMNS
    for service, row in zip(data["services"], table):
        assert (row["ID"], row["Name"], row["Organisation"], row["Summary"]) == (
            service["id"], service["name"], service["organization"]["name"], service["description"])
        assert row["Crime types"].split("; ") == [a["taxonomy_term"]["name"] for a in service["attributes"]]
        assert row["Areas"].split("; ") == [area["name"] for area in service["service_areas"]]
        assert re.findall(r"\((\w+)\)", row["Languages"]) == [language["code"] for language in service["languages"]]
        assert row["Opening hours"] == "; ".join(schedule["description"] for schedule in service["schedules"])
        assert (row["Website"], row["Email"]) == (service.get("url", ""), service.get("email", ""))
        assert row["Last checked"] == service["assured_date"]


def test_the_data_names_its_licence_and_the_dates_the_services_were_checked(data, library):
    assert data["license"] == {"name": LICENCE[0], "url": LICENCE[1]}
    dates = sorted(document.meta.last_checked.isoformat() for document in library.services.values())
    assert data["last_checked"] == {"earliest": dates[0], "latest": dates[-1]}
    assert data["hsds_version"].startswith("3.")


def interface(language: str, text: str) -> str:
    """`text` of the buttons and menus as a page in `language` shows it."""
    if language == "en":
        return text
    with (ROOT / "translations" / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=language)[text].string


@pytest.mark.parametrize("language", declared_languages())
def test_the_about_page_links_to_both_files_with_their_licence_and_dates(built_site, library, language):
    page = BeautifulSoup((built_site / language / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    heading = page.find(id="open-data")
    assert heading.get_text(strip=True) == interface(language, "Open data")
    section = " ".join(str(element) for element in heading.find_next_siblings())
    links = BeautifulSoup(section, "html.parser").find_all("a")
    hrefs = [link["href"] for link in links]
    assert "/open-data/services.json" in hrefs and "/open-data/services.csv" in hrefs
    assert all((built_site / href.lstrip("/")).is_file() for href in hrefs if href.startswith("/"))
    licence = next(link for link in links if link["href"] == LICENCE[1])
    assert licence.get_text(strip=True) == LICENCE[0]
    latest = max(document.meta.last_checked for document in library.services.values())
    assert format_date(latest, "d MMMM y", locale=language) in BeautifulSoup(section, "html.parser").get_text()


def test_another_build_in_a_fresh_python_writes_the_same_bytes(built_site, tmp_path):
    """Built again in another process, with another hash seed (so no set or dict order can
    leak in): the same bytes, so re-users and caches see a change only when the content changes."""
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from forvictims.editors import load_library\nfrom forvictims.web.app import create_app\n"
        "client = create_app(library=load_library(sys.argv[1])).test_client()\n"
        "for name in ('services.json', 'services.csv'):\n"
        "    Path(sys.argv[2], name).write_bytes(client.get('/open-data/' + name).data)\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(CONTENT), str(tmp_path)], check=True, env=env, cwd=ROOT)
    for name in ("services.json", "services.csv"):
        assert (tmp_path / name).read_bytes() == (built_site / "open-data" / name).read_bytes(), name


# ---------------------------------------------------------------------------------------------
# A small site, published in a folder, with a licence of its own


FOLDER_SITE = "https://www.example.org.uk/for-victims/"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    """The small test site with another licence and a second service, built for a folder of
    www.example.org.uk."""
    root = tmp_path_factory.mktemp("open-data")
    site = SITE.replace(LICENCE[0], "Creative Commons Attribution 4.0").replace(
        LICENCE[1], "https://creativecommons.org/licenses/by/4.0/")
    second = SERVICE.replace("name: Test Helpline", "name: Another Helpline").replace(
        "0808 2000 247", "0121 496 0000").replace("hours: 24/7", 'hours:\n  - days: MO-FR\n    opens: "09:00"\n'
                                                   '    closes: "17:00"\n  - days: SA\n    opens: "10:00"\n    closes: "24:00"')
    build(write_tree(root, {"site.yaml": site, "services/another-helpline.md": second}), root / "build",
          base_url=FOLDER_SITE)
    return root / "build"


def test_the_licence_is_the_one_site_yaml_names(small_site):
    data = json.loads((small_site / "open-data" / "services.json").read_bytes())
    assert data["license"] == {"name": "Creative Commons Attribution 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    about = (small_site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert '<a class="govuk-link" href="https://creativecommons.org/licenses/by/4.0/" rel="noopener noreferrer">' \
           "Creative Commons Attribution 4.0</a>" in about


def test_a_site_in_a_folder_links_to_its_data_there_and_the_data_to_its_pages(small_site):
    about = BeautifulSoup((small_site / "en" / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {link["href"] for link in about.find_all("a")}
    assert {"/for-victims/open-data/services.json", "/for-victims/open-data/services.csv"} <= hrefs
    data = json.loads((small_site / "open-data" / "services.json").read_bytes())
    pages = {url["url"] for service in data["services"] for url in service["additional_urls"] if url["label"].startswith("This service")}
    assert pages == {FOLDER_SITE + "en/services/another-helpline/", FOLDER_SITE + "en/services/test-helpline/"}
    assert [term["term_uri"] for term in data["taxonomy_terms"]] == [FOLDER_SITE + "en/crime/domestic-abuse/"]
    assert data["taxonomies"][0]["uri"] == FOLDER_SITE + "en/crime/"
    with (small_site / "open-data" / "services.csv").open(encoding="utf-8-sig", newline="") as file:
        assert [row["Page address"] for row in csv.DictReader(file)] == [
            FOLDER_SITE + "en/services/another-helpline/", FOLDER_SITE + "en/services/test-helpline/"]
    # The addresses in it are full ones, so the schema checks them as URIs too.
    assert [problem for service in data["services"] for problem in problems(service)] == []


def test_opening_hours_by_day_are_weekly_rules_in_uk_time(small_site):
    data = json.loads((small_site / "open-data" / "services.json").read_bytes())
    service = next(service for service in data["services"] if service["name"] == "Another Helpline")
    assert [(s["byday"], s["opens_at"], s["closes_at"], s["description"]) for s in service["schedules"]] == [
        ("MO,TU,WE,TH,FR", "09:00", "17:00", "Monday to Friday, 09:00 to 17:00"),
        ("SA", "10:00", "23:59", "Saturday, 10:00 to 24:00"),  # midnight as HSDS advises
    ]
    with (small_site / "open-data" / "services.csv").open(encoding="utf-8-sig", newline="") as file:
        row = next(row for row in csv.DictReader(file) if row["Name"] == "Another Helpline")
    assert row["Opening hours"] == "Monday to Friday, 09:00 to 17:00; Saturday, 10:00 to 24:00"
    assert row["Phone numbers"] == "0121 496 0000 (call, free)"


def test_a_record_keeps_its_id_when_other_services_come_and_go(small_site, tmp_path):
    before = json.loads((small_site / "open-data" / "services.json").read_bytes())
    build(write_tree(tmp_path), tmp_path / "build")  # without Another Helpline, nor the folder
    after = json.loads((tmp_path / "build" / "open-data" / "services.json").read_bytes())
    [kept] = after["services"]
    same = next(service for service in before["services"] if service["name"] == kept["name"])
    assert kept["id"] == same["id"] and kept["organization"]["id"] == same["organization"]["id"]
    assert [phone["id"] for phone in kept["phones"]] == [phone["id"] for phone in same["phones"]]
    assert kept["attributes"][0]["taxonomy_term_id"] == same["attributes"][0]["taxonomy_term_id"]
