"""The list of services as open data, for anyone to reuse: Open Referral UK / HSDS 3 JSON, and a
flat CSV with one row per service for spreadsheets.

Both are made from the English service files alone (the facts live there; translations only
translate words), never include a draft, and come out the same, byte for byte, from the same
content: no timestamps, and every list in a fixed order.

HSDS wants a UUID for every record. Each is made with uuid5 from one fixed namespace and the
record's own key (a service's file name, an organisation's name, a service's phone number…), so
a record keeps its id from one build to the next and re-users can follow it over time.

What the JSON holds, and why it is shaped so, is in README.md under "Open data".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from dataclasses import dataclass
from typing import Any, Callable

from ..content.document import Document
from ..content.library import Library
from ..content.model import DAYS, Service, english_name, tel_href

FOLDER = "open-data"
JSON_FILE = "services.json"
CSV_FILE = "services.csv"
"""Where the files are, at the top of the site in every language: /open-data/services.json and
/open-data/services.csv. Re-users link to these addresses, so they never change."""

HSDS_VERSION = "3.1"
NAMESPACE = uuid.UUID("0b4e8a52-3c1d-4f0e-9a6b-5d7f2e8c1a90")
"""Every id in the data is made from this: changing it would give every record a new id."""

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
UK_TIME = "Times are UK time (Europe/London)."
STILL_CHECKING = "We are still checking these details with the service."
PHONE_TYPES = {"voice": "call", "text": "text", "textphone": "textphone", "video": "video call"}


def identifier(kind: str, key: str) -> str:
    """The stable UUID of a record: the same `kind` and `key` give the same id in every build."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


@dataclass(frozen=True)
class Addresses:
    """Where things are on the site, as the web layer works them out: full addresses when the
    site's own address is known (base_url), otherwise from the top of the site."""

    service: Callable[[str], str]
    crime_type: Callable[[str], str]
    crime_types: str


def _absolute(url: str) -> str | None:
    """HSDS URIs must be full addresses: leave one out rather than publish half of it."""
    return url if url.startswith(("https://", "http://")) else None


def services(library: Library) -> list[Document[Service]]:
    """Every published service, in the site's order (by name)."""
    return [document for document in library.services.values() if not document.meta.draft]


def last_checked(library: Library) -> tuple[dt.date, dt.date] | None:
    """The earliest and the latest date a service's facts were checked; None without services."""
    dates = [document.meta.last_checked for document in services(library)]
    return (min(dates), max(dates)) if dates else None


# ---------------------------------------------------------------------------------------------
# Open Referral UK / HSDS 3


def dataset(library: Library, addresses: Addresses) -> dict[str, Any]:
    """The whole list as one JSON object: what it is, its licence and dates, then the services
    (each with everything about it nested inside, as HSDS asks), the organisations that run them
    and the crime types as one taxonomy."""
    site = library.site
    taxonomy = _taxonomy(addresses, site.name)
    terms = {slug: _term(crime, taxonomy, addresses) for slug, crime in library.crime_types.items()
             if not crime.meta.draft}
    listed = services(library)
    runs: dict[str, list[str]] = {}
    for document in listed:
        runs.setdefault(document.meta.organisation, []).append(document.meta.name)
    organizations = {name: _organization(name, names, site.name) for name, names in runs.items()}
    checked = last_checked(library)
    return {
        "title": f"{site.name}: services for people harmed by crime in the West Midlands",
        "description": (
            f"Every service listed on {site.name}, as Open Referral UK / HSDS {HSDS_VERSION} data: "
            "who runs it, what it offers, who it is for, how to reach it (phone numbers, opening "
            "times), where it helps, in which languages, and the crime types it helps with. Each "
            "service's assured_date is when its facts were last checked."
        ),
        "publisher": site.organisation,
        "license": {"name": site.open_data_licence.name, "url": site.open_data_licence.url},
        "hsds_version": HSDS_VERSION,
        "last_checked": {"earliest": checked[0].isoformat(), "latest": checked[1].isoformat()}
        if checked else None,
        "services": [_service(document, library, organizations, terms, addresses) for document in listed],
        "organizations": [organizations[name] for name in sorted(organizations, key=str.casefold)],
        "taxonomies": [taxonomy],
        "taxonomy_terms": list(terms.values()),
    }


def services_json(library: Library, addresses: Addresses) -> bytes:
    """The dataset as UTF-8 JSON, letters as they are rather than \\u escapes, with each
    record on a line of its own, so that people can read it and compare two versions line by
    line. (Indenting every value would need Python's slow JSON writer: seconds for a national
    directory, where this takes a fraction of one.)"""
    lines = []
    for key, value in dataset(library, addresses).items():
        if isinstance(value, list) and value:
            records = ",\n".join(f"    {_compact(record)}" for record in value)
            lines.append(f"  {_compact(key)}: [\n{records}\n  ]")
        else:
            lines.append(f"  {_compact(key)}: {_compact(value)}")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _taxonomy(addresses: Addresses, site_name: str) -> dict[str, Any]:
    taxonomy = {
        "id": identifier("taxonomy", "crime-types"),
        "name": f"{site_name} crime types",
        "description": f"The kinds of crime {site_name} sorts support by. Each has a page on the site "
                       "that says what it is and which services help.",
    }
    uri = _absolute(addresses.crime_types)
    return {**taxonomy, "uri": uri} if uri else taxonomy


def _term(crime: Document, taxonomy: dict[str, Any], addresses: Addresses) -> dict[str, Any]:
    term = {
        "id": identifier("crime-type", crime.slug),
        "code": crime.slug,
        "name": crime.meta.title,
        "description": crime.meta.summary,
        "taxonomy_id": taxonomy["id"],
        "taxonomy_detail": taxonomy,
        "language": "en",
    }
    uri = _absolute(addresses.crime_type(crime.slug))
    return {**term, "term_uri": uri} if uri else term


def _organization(name: str, runs: list[str], site_name: str) -> dict[str, Any]:
    # The content knows an organisation only by name: its description says just what the list holds.
    return {
        "id": identifier("organization", name),
        "name": name,
        "description": f"Runs {_joined(runs)}, listed on {site_name}.",
    }


def _service(document: Document[Service], library: Library, organizations: dict[str, dict],
             terms: dict[str, dict], addresses: Addresses) -> dict[str, Any]:
    meta, slug = document.meta, document.slug
    service_id = identifier("service", slug)
    organization = organizations[meta.organisation]
    data: dict[str, Any] = {
        "id": service_id,
        "organization_id": organization["id"],
        "name": meta.name,
        "description": meta.summary,
    }
    if meta.web:
        data["url"] = meta.web
    if meta.email:
        data["email"] = meta.email
    data["status"] = "active"
    if meta.interpreters:
        data["interpretation_services"] = "Can talk to you through an interpreter in other languages."
    if process := _process(meta):
        data["application_process"] = process
    data["eligibility_description"] = meta.eligibility + (f" Only for {meta.only_for}." if meta.only_for else "")
    if meta.minimum_age is not None:
        data["minimum_age"] = meta.minimum_age
    if meta.maximum_age is not None:
        data["maximum_age"] = meta.maximum_age
    data["assured_date"] = meta.last_checked.isoformat()
    if meta.verify:  # never present an unconfirmed fact as confirmed
        data["alert"] = STILL_CHECKING
    data["additional_urls"] = _urls(document, addresses, library.site.name)
    data["organization"] = organization
    data["phones"] = [_phone(phone, service_id, slug, meta.verify) for phone in meta.phones]
    data["schedules"] = _schedules(meta, service_id, slug)
    data["service_areas"] = _areas(document, library, service_id)
    data["languages"] = [{"id": identifier("language", f"{slug}:{code}"), "service_id": service_id,
                          "name": english_name(code), "code": code} for code in meta.languages]
    data["attributes"] = [{
        "id": identifier("attribute", f"{slug}:{crime}"),
        "link_id": service_id,
        "link_entity": "service",
        "taxonomy_term_id": terms[crime]["id"],
        "taxonomy_term": terms[crime],
    } for crime in library.index.crime_types_of[slug] if crime in terms]
    return data


def _process(meta: Service) -> str | None:
    """How people get to the service and take part, in the content's own words."""
    parts = []
    if meta.access:
        parts.append(f"Access: {', '.join(meta.access)}.")
    if meta.attending:
        parts.append(f"Attending: {', '.join(meta.attending)}.")
    return " ".join(parts) or None


def _urls(document: Document[Service], addresses: Addresses, site_name: str) -> list[dict[str, Any]]:
    meta, slug = document.meta, document.slug
    urls = []
    if meta.chat:
        urls.append(("chat", "Web chat", meta.chat))
    urls.append(("source", "Where these details were checked", meta.source))
    if page := _absolute(addresses.service(slug)):
        urls.append(("page", f"This service on {site_name}", page))
    return [{"id": identifier("url", f"{slug}:{key}"), "label": label, "url": url,
             "service_id": identifier("service", slug)} for key, label, url in urls]


def _phone(phone, service_id: str, slug: str, unconfirmed: bool) -> dict[str, Any]:
    data = {
        "id": identifier("phone", f"{slug}:{phone.type}:{tel_href(phone.number)}"),
        "service_id": service_id,
        "number": phone.number,
        "type": phone.type,
    }
    notes = [phone.description] if phone.description else []
    if phone.free:
        notes.append("Free to call from landlines and mobiles.")
    if unconfirmed:
        notes.append(f"Not yet confirmed: {STILL_CHECKING[0].lower()}{STILL_CHECKING[1:]}")
    if notes:
        data["description"] = " ".join(_sentence(note) for note in notes)
    return data


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _opening_lines(meta: Service) -> list[tuple[str, str, str, str]]:
    """Opening hours as (byday, opens_at, closes_at, description), in UK time. Open all day is
    00:00 to 23:59, as the HSDS schedules guidance advises, so that it reads as known and 24
    hours; unknown hours give no line at all."""
    if meta.hours is None:
        return []
    if meta.hours == "24/7":
        return [(",".join(DAYS), "00:00", "23:59", "24 hours a day, every day")]
    lines = []
    for line in meta.hours:
        days = [DAYS[day] for first, last in line.day_ranges() for day in range(first, last + 1)]
        closes = "23:59" if line.closes == "24:00" else line.closes
        lines.append((",".join(days), line.opens, closes,
                      f"{_day_text(line.day_ranges())}, {line.opens} to {line.closes}"))
    return lines


def _schedules(meta: Service, service_id: str, slug: str) -> list[dict[str, Any]]:
    return [{
        "id": identifier("schedule", f"{slug}:{byday}:{opens}-{closes}"),
        "service_id": service_id,
        "freq": "WEEKLY",
        "byday": byday,
        "opens_at": opens,
        "closes_at": closes,
        "description": description,
        "notes": UK_TIME,
    } for byday, opens, closes, description in _opening_lines(meta)]


def _day_text(ranges: list[tuple[int, int]]) -> str:
    """[(0, 4), (6, 6)] → "Monday to Friday and Sunday"."""
    return _joined([DAY_NAMES[first] if first == last else f"{DAY_NAMES[first]} to {DAY_NAMES[last]}"
                    for first, last in ranges])


def _joined(items: list[str]) -> str:
    """["a", "b", "c"] → "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def ons_uri(code: str) -> str:
    """The ONS linked-data address of a statistical geography, like a council area's code."""
    return f"http://statistics.data.gov.uk/id/statistical-geography/{code}"


def _areas(document: Document[Service], library: Library, service_id: str) -> list[dict[str, Any]]:
    meta, slug = document.meta, document.slug
    if meta.is_national():
        return [{"id": identifier("service-area", f"{slug}:national"), "service_id": service_id,
                 "name": "United Kingdom", "description": "National: for people anywhere in the country."}]
    regional = meta.is_regional()
    areas = []
    for area in library.areas_of(document):
        record = {"id": identifier("service-area", f"{slug}:{area.slug}"), "service_id": service_id,
                  "name": area.meta.title}
        if regional:
            record["description"] = "West Midlands-wide: the service covers every area of the West Midlands."
        areas.append({**record, "uri": ons_uri(area.meta.ons_code)})
    return areas


# ---------------------------------------------------------------------------------------------
# CSV: one row per service


COLUMNS = (
    "ID", "Name", "Organisation", "Summary", "Crime types", "Coverage", "Areas", "Phone numbers",
    "Opening hours", "Website", "Web chat", "Email", "Who it is for", "Only for", "Minimum age",
    "Maximum age", "Languages", "Interpreters", "Access", "Attending", "Details confirmed",
    "Source", "Last checked", "Page address",
)
"""The columns, named as a comms officer or an analyst would; lists in a cell are joined by "; "."""

LIST = "; "


def rows(library: Library, addresses: Addresses) -> list[dict[str, str]]:
    """One row per published service, in the site's order, each a column → text mapping."""
    table = []
    for document in services(library):
        meta, slug = document.meta, document.slug
        coverage = "National" if meta.is_national() else "West Midlands-wide" if meta.is_regional() else "Local"
        table.append({
            "ID": identifier("service", slug),
            "Name": meta.name,
            "Organisation": meta.organisation,
            "Summary": meta.summary,
            "Crime types": LIST.join(crime.meta.title for crime in library.crime_types_of(document)),
            "Coverage": coverage,
            "Areas": "United Kingdom" if meta.is_national() else LIST.join(
                area.meta.title for area in library.areas_of(document)),
            "Phone numbers": LIST.join(_phone_text(phone) for phone in meta.phones),
            "Opening hours": LIST.join(line[3] for line in _opening_lines(meta)),
            "Website": meta.web or "",
            "Web chat": meta.chat or "",
            "Email": meta.email or "",
            "Who it is for": meta.eligibility,
            "Only for": meta.only_for or "",
            "Minimum age": "" if meta.minimum_age is None else str(meta.minimum_age),
            "Maximum age": "" if meta.maximum_age is None else str(meta.maximum_age),
            "Languages": LIST.join(f"{english_name(code)} ({code})" for code in meta.languages),
            "Interpreters": "yes" if meta.interpreters else "no",
            "Access": LIST.join(meta.access),
            "Attending": LIST.join(meta.attending),
            "Details confirmed": f"no: {STILL_CHECKING[0].lower()}{STILL_CHECKING[1:]}" if meta.verify else "yes",
            "Source": meta.source,
            "Last checked": meta.last_checked.isoformat(),
            "Page address": addresses.service(slug),
        })
    return table


def _phone_text(phone) -> str:
    """"0808 2000 247 (call, free)": the number, then how to use it."""
    notes = [PHONE_TYPES[phone.type]] + (["free"] if phone.free else []) + (
        [phone.description] if phone.description else [])
    return f"{phone.number} ({', '.join(notes)})"


def services_csv(library: Library, addresses: Addresses) -> bytes:
    """The rows as CSV (RFC 4180: commas, quotes where needed, CRLF line ends) in UTF-8 with a
    byte order mark: without it, Excel on Windows reads the file as Windows-1252 and garbles
    every letter outside ASCII (curly quotes, accents, a £); with it, Excel, LibreOffice and
    Python (encoding="utf-8-sig") all read it right."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(library, addresses))
    return ("\ufeff" + text.getvalue()).encode("utf-8")
