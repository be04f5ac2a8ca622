"""The shape of the content, declared once: the four kinds of file, the general pages the site
itself links to, the names its own pages take, and the address of every page.

Everything else that lists kinds or pages (loading, the checks, the report, `forvictims new`,
the views) derives its list from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import Area, Content, CrimeType, Page, Service


@dataclass(frozen=True)
class Kind:
    """One kind of content file, kept in content/<folder>/."""

    folder: str
    model: type[Content]
    name: str
    """What editors call one, in messages: "crime type"."""

    @property
    def command(self) -> str:
        """Its name in `forvictims new KIND`: "crime-type"."""
        return self.name.replace(" ", "-")

    @property
    def label(self) -> str:
        """Its name at the start of a line or a table cell: "Crime type"."""
        return self.name.capitalize()


# In the order files are read and `forvictims new` lists them.
KINDS = (
    Kind("crime-types", CrimeType, "crime type"),
    Kind("areas", Area, "area"),
    Kind("services", Service, "service"),
    Kind("pages", Page, "page"),
)
FOLDERS = {kind.folder: kind for kind in KINDS}

# General pages the site's own templates link to: without them a visitor meets a dead link.
# tests/test_structure.py fails if the templates link to any other page, or to none of these.
REQUIRED_PAGES = (
    "get-help-now",
    "staying-safe-online",
    "your-rights",
    "reporting-a-crime",
    "support-without-reporting",
    "restorative-justice",
    "young-people",
    "accessibility",
    "privacy",
    "about",
)

OPEN_DATA_PAGE = "about"
"""The general page that says the list of services is open data, with links to the files, their
licence and how recently the services were checked."""

# The first part of the addresses of the site's own pages (/crime/, /area/…) and of what the
# site keeps beside them: a general page with one of these names could never be seen.
# tests/test_structure.py fails if a view's address starts with a name missing here.
RESERVED_PAGES = ("crime", "area", "services", "helplines", "search", "static", "open-data")


def site_paths(crime_types: Iterable[str], areas: Iterable[str], services: Iterable[str],
               pages: Iterable[str]) -> set[str]:
    """Every page path under a language prefix, like /crime/domestic-abuse/, for these slugs."""
    crime_types, areas = list(crime_types), list(areas)
    paths = {"/", "/crime/", "/area/", "/helplines/", "/search/"}
    paths |= {f"/crime/{crime}/" for crime in crime_types}
    paths |= {f"/area/{area}/" for area in areas}
    paths |= {f"/area/{area}/{crime}/" for area in areas for crime in crime_types}
    paths |= {f"/services/{service}/" for service in services}
    paths |= {f"/{page}/" for page in pages}
    return paths


WHAT_YOU_CAN_DO_NOW = "What you can do now"
"""The part of every crime type's text (## What you can do now) shown near the top of its own
page and of its page in every area."""
