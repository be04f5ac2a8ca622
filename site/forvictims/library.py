"""All the content of the site, checked, in memory: the one source of truth for the preview
server, the freezer and the editors' tools. `loading.py` reads and checks the files into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Generic, Iterable, TypeVar

from pydantic import BaseModel

from . import translation
from .model import Area, CrimeType, Page, Service, Site, Translation
from .problems import Problem

M = TypeVar("M", bound=BaseModel)

KINDS: dict[str, type[BaseModel]] = {
    "crime-types": CrimeType,
    "areas": Area,
    "services": Service,
    "pages": Page,
}

WHAT = {"crime-types": "crime type", "areas": "area", "services": "service", "pages": "page"}

# General pages the site's own navigation links to: without them a visitor meets a dead link.
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


@dataclass(frozen=True)
class Document(Generic[M]):
    """One content file: its slug (the file name), its checked front matter and its body."""

    slug: str
    source: str  # the file, as editors see it in messages
    meta: M
    body: str
    body_line: int  # line of the file on which the body starts
    folder: str = ""  # crime-types, areas, services or pages
    language: str = "en"
    awaiting_review: bool = False  # a translation no fluent speaker has checked yet
    out_of_date: bool = False  # a translation made before its English last changed


@dataclass(frozen=True)
class Support:
    """Services for one crime type in one area, nearest first."""

    local: list[Document[Service]]
    regional: list[Document[Service]]
    national: list[Document[Service]]

    def __iter__(self):
        return iter((*self.local, *self.regional, *self.national))


@dataclass(frozen=True)
class Library:
    """All content, checked. Dictionaries are ordered for display (by title or name)."""

    site: Site
    crime_types: dict[str, Document[CrimeType]]
    areas: dict[str, Document[Area]]
    services: dict[str, Document[Service]]
    pages: dict[str, Document[Page]]
    translations: dict[tuple[str, str], dict[str, Document[Translation]]] = field(default_factory=dict)
    """(folder, slug) → language → the translation of that English file."""
    warnings: tuple[Problem, ...] = ()
    """Things that do not stop a build but need doing soon (see checks.py)."""
    _localised: dict[str, Library] = field(default_factory=dict, repr=False, compare=False)

    @property
    def languages(self) -> list[str]:
        return list(self.site.languages)

    def documents(self) -> Iterable[Document]:
        """Every English file, kind by kind."""
        for documents in (self.pages, self.crime_types, self.areas, self.services):
            yield from documents.values()

    def translation(self, document: Document, language: str) -> Document[Translation] | None:
        return self.translations.get((document.folder, document.slug), {}).get(language)

    def in_language(self, language: str) -> Library:
        """This Library as a visitor reading `language` sees it: translated where a translation
        exists, English elsewhere (each Document says which it is)."""
        if language == self.languages[0]:
            return self
        if language not in self._localised:
            def translated(documents: dict[str, Document]) -> dict[str, Document]:
                return {slug: translation.localise(doc, found) if (found := self.translation(doc, language)) else doc
                        for slug, doc in documents.items()}
            self._localised[language] = replace(
                self, crime_types=translated(self.crime_types), areas=translated(self.areas),
                services=translated(self.services), pages=translated(self.pages), _localised={},
            )
        return self._localised[language]

    def support(self, crime: str | None = None, area: str | None = None) -> Support:
        """Support for `crime` (any crime if None) in `area` (any area if None).

        Services that take reports rather than give support are left out (see `reporting`).
        With a crime, the most focused services come first within each group: those for fewest
        crime types, then those for any crime.
        """
        chosen = [
            doc
            for doc in self.services.values()
            if not doc.meta.reporting
            and (crime is None or doc.meta.covers_crime(crime))
            and (area is None or doc.meta.covers_area(area))
        ]
        if crime is not None:
            chosen.sort(key=focus)  # stable: equally focused services stay in order of name
        return Support(
            local=[doc for doc in chosen if not doc.meta.is_national() and not doc.meta.is_regional()],
            regional=[doc for doc in chosen if doc.meta.is_regional()],
            national=[doc for doc in chosen if doc.meta.is_national()],
        )

    def reporting(self, crime: str | None = None) -> list[Document[Service]]:
        """Services that take reports of `crime` (of any crime if None), specialists first."""
        chosen = [doc for doc in self.services.values()
                  if doc.meta.reporting and (crime is None or doc.meta.covers_crime(crime))]
        return sorted(chosen, key=focus)

    def areas_of(self, service: Service) -> list[Document[Area]]:
        """The areas a local service covers, in display order."""
        if isinstance(service.areas, str):
            return list(self.areas.values())
        return [doc for doc in self.areas.values() if doc.slug in service.areas]

    def crime_types_of(self, service: Service) -> list[Document[CrimeType]]:
        if service.crime_types == "all":
            return list(self.crime_types.values())
        return [doc for doc in self.crime_types.values() if doc.slug in service.crime_types]

    def site_paths(self) -> set[str]:
        """Every page path under a language prefix, like /crime/domestic-abuse/."""
        return site_paths(self.crime_types, self.areas, self.services, self.pages)


def focus(document: Document[Service]) -> float:
    """How broad a service is: the number of crime types it is for (any crime is broadest)."""
    crime_types = document.meta.crime_types
    return float("inf") if crime_types == "all" else len(crime_types)


def site_paths(crime_types: Iterable[str], areas: Iterable[str], services: Iterable[str],
               pages: Iterable[str]) -> set[str]:
    crime_types, areas = list(crime_types), list(areas)
    paths = {"/", "/crime/", "/area/", "/helplines/"}
    paths |= {f"/crime/{crime}/" for crime in crime_types}
    paths |= {f"/area/{area}/" for area in areas}
    paths |= {f"/area/{area}/{crime}/" for area in areas for crime in crime_types}
    paths |= {f"/services/{service}/" for service in services}
    paths |= {f"/{page}/" for page in pages}
    return paths
