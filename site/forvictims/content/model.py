"""The content schema: what editors may write in the front matter of each kind of file.

Field names follow Open Referral UK (HSDS) where one exists, so services can be exported as open
data. Every model forbids unknown fields: an unknown field is almost always a typo, and a typo
must never hide a fact. Messages raised here are read by editors, so they say how to fix things.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated, Literal, Union

import phonenumbers
from babel import Locale
from phonenumbers import shortnumberinfo
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    Tag,
    create_model,
    model_validator,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REGION = "GB"


class Model(BaseModel):
    """Base for every content model: unknown fields are errors, values are never changed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Content(Model):
    """Base for every file an editor writes in a content folder."""

    draft: StrictBool = False
    """True while the file is being written: it is checked and shows in the preview, but is
    not published. Delete the line when it is ready."""


def english_name(code: str) -> str:
    """"pl" → "Polish": language names for editors' messages."""
    return Locale("en").languages.get(code, code)


def _text(value: str) -> str:
    if not value:
        raise ValueError("is empty: write something here, or remove the line")
    return value


def _web_address(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
        raise ValueError(f'"{value}" is not a web address: write it in full, like https://www.example.org.uk')
    return value


def _base_url(value: str) -> str:
    if not (value.startswith("/") or re.match(r"^https?://[^\s/]+\.[^\s/]+(/[^\s]*)?$", value)):
        raise ValueError(
            f'"{value}" is not an address: write it like https://www.example.org.uk/ or '
            "https://www.example.org.uk/for-victims/, or / until the address is known"
        )
    return value


def _email(value: str) -> str:
    if not re.match(r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$", value, re.IGNORECASE):
        raise ValueError(f'"{value}" is not an email address: write it like help@example.org.uk')
    return value


def _language(value: str) -> str:
    if len(value) != 2 or value not in Locale("en").languages:
        raise ValueError(
            f'"{value}" is not a language code: use the two-letter code, like en, pl, ur or pa'
        )
    return value


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f'"{value}" is not a file name we can use: use lower-case words joined by -')
    return value


def _not_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"{value.isoformat()} is in the future: write the date the facts were checked")
    return value


@functools.lru_cache(maxsize=16384)
def parse_phone(number: str) -> phonenumbers.PhoneNumber | None:
    """The parsed number if `number` is a valid UK number or short code (999, 116 123), else None.

    Kept once worked out (do not change what it gives): reading the content parses every
    number, and the pages then link the same numbers again."""
    try:
        parsed = phonenumbers.parse(number, REGION)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(parsed) or shortnumberinfo.is_valid_short_number(parsed):
        return parsed
    return None


@functools.lru_cache(maxsize=4096)
def tel_href(number: str) -> str:
    """A `tel:` target: E.164 (+448082000247) for full numbers, digits alone for short codes.

    Kept once worked out: the same numbers are on thousands of pages, and parsing is slow."""
    parsed = parse_phone(number)
    if parsed is None:
        raise ValueError(f"not a phone number: {number!r}")
    if phonenumbers.is_valid_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.national_significant_number(parsed)


def _phone_number(value: str) -> str:
    if parse_phone(value) is None:
        raise ValueError(
            f'"{value}" is not a valid UK phone number: write it like 0121 496 0000, or a short '
            "number like 116 123"
        )
    return value


_POSTCODE_DISTRICT = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")


def _postcode_district(value: str) -> str:
    if not _POSTCODE_DISTRICT.match(value):
        raise ValueError(
            f'"{value}" is not a postcode district: write the first half of a postcode, in '
            "capitals, like WS3 or B23"
        )
    return value


Text = Annotated[str, AfterValidator(_text)]
PostcodeDistrict = Annotated[str, AfterValidator(_postcode_district)]
WebAddress = Annotated[str, AfterValidator(_web_address)]
Email = Annotated[str, AfterValidator(_email)]
Language = Annotated[str, AfterValidator(_language)]
Slug = Annotated[str, AfterValidator(_slug)]
PhoneNumber = Annotated[str, AfterValidator(_phone_number)]
CheckedDate = Annotated[dt.date, AfterValidator(_not_future)]


# ---------------------------------------------------------------------------------------------
# Site-wide settings: content/site.yaml


class Emergency(Model):
    """The numbers in the emergency panel on every page."""

    police: PhoneNumber
    """999: when someone is in danger now."""
    silent_solution: Annotated[str, Field(pattern=r"^\d{2}$")]
    """55: pressed on a mobile after calling 999 when you cannot speak."""
    textphone: PhoneNumber
    """18000: emergency text relay for people who are deaf or cannot speak."""
    non_emergency: PhoneNumber
    """101: to report a crime that is not an emergency."""


class Licence(Model):
    """The licence the directory of services is published under as open data."""

    name: Text
    """As people know it, like Open Government Licence v3.0."""
    url: WebAddress
    """Where its terms are, in full, like
    https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"""


class Site(Model):
    """Site-wide settings."""

    name: Text
    organisation: Text
    """Who publishes the site."""
    languages: dict[Language, Text]
    """Language code → that language's name in its own script. The first is the default."""
    base_url: Annotated[str, AfterValidator(_base_url)] = "/"
    """Where the site is published, like https://www.example.org.uk/for-victims/, or / until
    that is known."""
    exit_url: WebAddress
    """Where "Exit this page" goes: a neutral site that shows nothing about this one."""
    emergency: Emergency
    crime_type_order: list[Slug] = []
    """Crime types by file name, the commonest needs first: every list of crime types follows
    it. Crime types left out come after, by title."""
    open_data_licence: Licence
    """The licence anyone may use the directory of services under: the about page names it,
    and the open data files carry it."""

    @model_validator(mode="after")
    def _english_first(self) -> "Site":
        if next(iter(self.languages), None) != "en":
            raise ValueError("languages: English (en) must be listed first: it is the source language")
        return self


# ---------------------------------------------------------------------------------------------
# Crime types, areas and general pages


class CrimeType(Content):
    """What happened: content/crime-types/<slug>.md. The body says what it is, signs, what you
    can do now, and that support does not depend on reporting to the police."""

    title: Text
    summary: Text
    """One sentence in everyday words, shown in lists of crime types."""
    keywords: list[Text] = []
    """Words people use for this, like "my partner hits me": they help search find the page."""
    related: list[Slug] = []
    """Other crime types to suggest, by file name."""
    last_checked: CheckedDate | None = None
    """When an editor last read the page through and found it right."""
    review_by: dt.date | None = None
    """When an editor should next read the page through."""


class Area(Content):
    """A local authority area: content/areas/<slug>.md."""

    title: Text
    ons_code: Annotated[str, Field(pattern=r"^E0[6-9]\d{6}$")]
    """The ONS code of the local authority, like E08000028."""
    places: Annotated[list[Text], Field(min_length=1)]
    """Towns and neighbourhoods people name when they say where they live."""
    neighbourhoods: list[Text] = []
    """More neighbourhoods and estates, for search only: not shown on the page."""
    postcode_districts: list[PostcodeDistrict] = []
    """The postcode districts wholly or partly in the area, like WS3, for search: a district
    in two areas is listed in both."""
    council: WebAddress | None = None
    """The council's website."""
    last_checked: CheckedDate | None = None
    review_by: dt.date | None = None


class Page(Content):
    """A general page: content/pages/<slug>.md."""

    title: Text
    summary: Text
    contacts: Annotated[list[Slug], Field(max_length=3)] = []
    """Up to three services, by file name, shown first on the page under "Who to contact now",
    best first."""
    last_checked: CheckedDate | None = None
    review_by: dt.date | None = None


# ---------------------------------------------------------------------------------------------
# Services


class Phone(Model):
    """A way to call or text a service (HSDS phone)."""

    number: PhoneNumber
    """As people should see it, like 0808 2000 247."""
    type: Literal["voice", "text", "textphone", "video"] = "voice"
    free: bool = False
    """True when it is free to call from landlines and mobiles."""
    description: Text | None = None
    """What this number is for, when a service has more than one, like "Out of hours"."""


DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAYS_PATTERN = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)(?:-(MO|TU|WE|TH|FR|SA|SU))?$")
_TIME = re.compile(r"^(\d{1,2}):([0-5]\d)$")


def day_ranges(value: str) -> list[tuple[int, int]]:
    """"MO-FR,SU" → [(0, 4), (6, 6)]: first and last day of each range, Monday being 0."""
    ranges = []
    for part in value.split(","):
        match = _DAYS_PATTERN.match(part.strip())
        if match:
            ranges.append((DAYS.index(match[1]), DAYS.index(match[2] or match[1])))
        if not match or ranges[-1][1] < ranges[-1][0]:  # unknown day, or a range like FR-MO
            raise ValueError(
                f'"{value}" is not a set of days: write them like MO-FR, SA, or MO,WE,FR '
                "(MO TU WE TH FR SA SU)"
            )
    return ranges


def _days(value: str) -> str:
    day_ranges(value)
    return value


def _time(value: str) -> str:
    """A time of day as "HH:MM" (so times compare in order); 9:00 is read as 09:00."""
    match = _TIME.match(value)
    if not match or int(match[1]) > 24 or (int(match[1]) == 24 and match[2] != "00"):
        raise ValueError(f'"{value}" is not a time of day: write it like "09:00" or "17:30"')
    return f"{int(match[1]):02d}:{match[2]}"


class OpeningTime(Model):
    """One line of opening hours (HSDS schedule): days with opening and closing times."""

    days: Annotated[str, AfterValidator(_days)]
    opens: Annotated[str, AfterValidator(_time)]
    closes: Annotated[str, AfterValidator(_time)]

    @model_validator(mode="after")
    def _closes_after_opening(self) -> "OpeningTime":
        if self.closes <= self.opens:
            raise ValueError(
                f"closes at {self.closes}, which is not after it opens at {self.opens}: "
                "check the times (use 24:00 for midnight)"
            )
        return self

    def day_ranges(self) -> list[tuple[int, int]]:
        return day_ranges(self.days)


def _always(value: str) -> str:
    if value != "24/7":
        raise ValueError(
            f'"{value}" is not opening hours we can read: write 24/7, or a list of days with '
            "opens and closes times"
        )
    return value


Hours = Annotated[
    Union[
        Annotated[str, AfterValidator(_always), Tag("always")],
        Annotated[list[OpeningTime], Tag("schedule")],
    ],
    Discriminator(lambda value: "always" if isinstance(value, str) else "schedule"),
]

ServiceAreas = Annotated[
    Union[
        Annotated[Literal["national", "all"], Tag("everywhere")],
        Annotated[list[Slug], Field(min_length=1), Tag("list")],
    ],
    Discriminator(lambda value: "everywhere" if isinstance(value, str) else "list"),
]

CrimeTypes = Annotated[
    Union[
        Annotated[Literal["all"], Tag("all")],
        Annotated[list[Slug], Field(min_length=1), Tag("some")],
    ],
    Discriminator(lambda value: "all" if isinstance(value, str) else "some"),
]


class Service(Content):
    """A service that helps victims: content/services/<slug>.md. The body says what happens
    when you get in touch, in plain words."""

    name: Text
    organisation: Text
    """Who runs it."""
    summary: Text
    """One sentence: what it offers."""
    crime_types: CrimeTypes
    """The crime types it helps with, by file name, the one it is most for first; or `all`."""
    areas: ServiceAreas
    """`national`, `all` (every West Midlands area), or a list of areas by file name."""
    phones: list[Phone] = []
    hours: Hours | None = None
    """`24/7`, or a list of {days, opens, closes}. Leave out when the hours are not known."""
    web: WebAddress | None = None
    chat: WebAddress | None = None
    """Where its web chat is."""
    email: Email | None = None
    eligibility: Text
    """Who it is for, in plain words (HSDS eligibility_description)."""
    only_for: Text | None = None
    """When it helps only a group narrower than most people affected by its crimes, who, in a
    few words: "men", "LGBT+ people", "children and young people under 19". Pages then show it,
    and list services for anyone before it. Leave out when anyone affected can get in touch (or,
    like most domestic abuse services, it is for women)."""
    first_contact: bool = True
    """False for a service people turn to later rather than first, like restorative justice,
    or one that is not about crime, like a listening line: it is never in "Who to contact now",
    and comes after the others in lists."""
    minimum_age: Annotated[int, Field(ge=0, le=120)] | None = None
    maximum_age: Annotated[int, Field(ge=0, le=120)] | None = None
    languages: Annotated[list[Language], Field(min_length=1)] = ["en"]
    """Languages its staff speak, as two-letter codes."""
    interpreters: bool = False
    """True when it can talk to you through an interpreter in other languages."""
    attending: list[Literal["phone", "online", "venue", "home visit"]] = []
    """How people take part (HSDS attending_type)."""
    access: list[Literal["self-referral", "referral", "appointment", "drop-in"]] = []
    """How people get to it (HSDS attending_access)."""
    source: WebAddress
    """Where these facts were checked."""
    last_checked: CheckedDate
    """When these facts were last checked (HSDS assured_date)."""
    verify: bool = False
    """True while a number or fact still needs confirming on the provider's own website."""
    verify_reason: Text | None = None
    """Why it still needs confirming, like "The number is only on a council page from 2020,
    not on the charity's own website". Needed while verify is true."""
    reporting: bool = False
    """True for services that take reports of crime rather than give support (like
    Crimestoppers): pages list them apart, under "Report it"."""

    @model_validator(mode="after")
    def _reachable(self) -> "Service":
        if not (self.phones or self.web or self.chat or self.email):
            raise ValueError("has no way to get in touch: add phones, web, chat or email")
        if self.verify and not self.verify_reason:
            raise ValueError(
                "verify is true but verify_reason is missing: add verify_reason: and say in a "
                "sentence what still needs confirming and why, or set verify: false once it is "
                "confirmed on the provider's own website")
        if self.minimum_age is not None and self.maximum_age is not None:
            if self.maximum_age < self.minimum_age:
                raise ValueError("maximum_age is lower than minimum_age: check the ages")
        return self

    def is_national(self) -> bool:
        return self.areas == "national"

    def is_regional(self) -> bool:
        """Covers every West Midlands area."""
        return self.areas == "all"

    def covers_area(self, area: str) -> bool:
        return self.areas in ("national", "all") or area in self.areas

    def covers_crime(self, crime: str) -> bool:
        return self.crime_types == "all" or crime in self.crime_types


# ---------------------------------------------------------------------------------------------
# Translations: content/<kind>/<slug>.<language>.md beside the English file


TRANSLATABLE: dict[type[Model], tuple[str, ...]] = {
    CrimeType: ("title", "summary", "keywords"),
    Area: ("title",),
    Page: ("title", "summary"),
    Service: ("name", "summary", "eligibility", "only_for"),
}
"""The words a translation may change. Facts (numbers, hours, areas) live only in English."""

VERSION = re.compile(r"^[0-9a-f]{8}$")


def _version(value: str) -> str:
    if not VERSION.match(value):
        raise ValueError(
            f'"{value}" is not a version: copy the 8 letters and numbers that forvictims report '
            'shows for the English file, in quotes, like "3f2a9c1b"'
        )
    return value


class Translation(Content):
    """What every translation says about itself, besides the translated words."""

    translated_from: Annotated[str, AfterValidator(_version)]
    """The version of the English file it was translated from (`forvictims report` shows it), so
    a translation whose English has changed since is found."""
    reviewed_by: Text | None = None
    """Who checked it, a fluent speaker. Until then the page tells visitors it awaits review."""


def translation_model(model: type[Model]) -> type[Translation]:
    """The model for translations of `model`: its translatable fields, as optional or required
    as in English (a service's name may stay as it is)."""
    fields = {}
    for name in TRANSLATABLE[model]:
        info = model.model_fields[name]
        optional = name == "name" or not info.is_required()
        fields[name] = (info.rebuild_annotation() | None if optional else info.rebuild_annotation(),
                        None if optional else ...)
    return create_model(f"{model.__name__}Translation", __base__=Translation, **fields)


TRANSLATIONS = {model: translation_model(model) for model in TRANSLATABLE}
