"""All the content of the site, checked, in memory: the one source of truth for the preview
server, the freezer and the editors' tools. `loading.py` reads the files and gathers what may
be shown into a Library.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable

from . import ranking, translation
from .document import Document
from .model import Area, CrimeType, Page, Service, Site, Translation
from .problems import Problem
from .search_words import SearchWord
from .structure import site_paths


@dataclass(frozen=True)
class Support:
    """Services for one crime type in one area, in three groups by how near they are, each
    group best first (see ranking.py)."""

    local: list[Document[Service]]
    regional: list[Document[Service]]
    national: list[Document[Service]]
    crime: str | None = None
    order: dict[str, tuple] | None = field(default=None, repr=False, compare=False)
    """Each service's ranking.order for `crime`, by slug, when known."""

    def __iter__(self):
        return iter((*self.local, *self.regional, *self.national))

    def ranked(self) -> list[Document[Service]]:
        """Every service, best first, whatever its group."""
        if self.order is None:
            return ranking.ranked(self, self.crime)
        order = self.order
        return sorted(self, key=lambda document: order[document.slug])

    def contacts(self) -> list[Document[Service]]:
        """The one to three services for "Who to contact now"."""
        return self.contacts_and_others()[0]

    def contacts_and_others(self) -> tuple[list[Document[Service]], list[Document[Service]]]:
        """"Who to contact now", then every other service, best first: what a crime's page lists."""
        ranked = self.ranked()
        contacts = ranking.contacts(ranked, self.crime)
        return contacts, [document for document in ranked if document not in contacts]


class ServiceIndex:
    """Which services help with which crime, where: worked out once, when the content loads, so
    a page asks a dictionary instead of reading every service. It holds slugs, so one index
    serves the Library in every language.

    Services that take reports rather than give support are kept apart (`reporting`). Every
    list is in the order of ranking.py, best first; equals keep the services' own order.
    """

    def __init__(self, services: Iterable[Document[Service]], crime_types: Iterable[str],
                 areas: Iterable[str]):
        services, crime_types, areas = list(services), list(crime_types), list(areas)
        # Keyed by crime (None for any crime); local services by (area, crime), None for any.
        self.local: dict[tuple[str | None, str | None], list[str]] = defaultdict(list)
        self.regional: dict[str | None, list[str]] = defaultdict(list)
        self.national: dict[str | None, list[str]] = defaultdict(list)
        self.reporting: dict[str | None, list[str]] = defaultdict(list)
        self.crime_types_of: dict[str, list[str]] = {}
        self.areas_of: dict[str, list[str]] = {}
        position = {area: number for number, area in enumerate(areas)}
        for document in services:
            meta = document.meta
            self.crime_types_of[document.slug] = (
                crime_types if meta.crime_types == "all" else [crime for crime in crime_types if crime in meta.crime_types])
            self.areas_of[document.slug] = (
                areas if meta.is_national() or meta.is_regional()
                else sorted((area for area in set(meta.areas) if area in position), key=position.__getitem__))
            if not meta.reporting:
                self._file(document, crime=None)
        for document in services:
            if document.meta.reporting:
                self.reporting[None].append(document.slug)
            for crime in self.crime_types_of[document.slug]:
                if document.meta.reporting:
                    self.reporting[crime].append(document.slug)
                else:
                    self._file(document, crime)
        # Each service's place in the ranking for each crime (None: any crime), worked out once
        # here rather than for every page that lists it.
        self.order: dict[str | None, dict[str, tuple]] = {
            crime: {document.slug: ranking.order(document.meta, crime) for document in services
                    if crime is None or crime in self.crime_types_of[document.slug]}
            for crime in (None, *crime_types)}
        for lists in (self.local, self.regional, self.national, self.reporting):
            for key, slugs in lists.items():
                slugs.sort(key=self.order[key[1] if isinstance(key, tuple) else key].__getitem__)

    def _file(self, document: Document[Service], crime: str | None) -> None:
        meta = document.meta
        if meta.is_national():
            self.national[crime].append(document.slug)
        elif meta.is_regional():
            self.regional[crime].append(document.slug)
        else:
            self.local[(None, crime)].append(document.slug)
            for area in meta.areas:
                self.local[(area, crime)].append(document.slug)


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
    search_words: dict[str, tuple[SearchWord, ...]] = field(default_factory=dict)
    """Language → the words people type that should find pages (see search_words.py)."""
    warnings: tuple[Problem, ...] = ()
    """Things that do not stop a build but need doing soon (see editors/checks)."""
    index: ServiceIndex | None = field(default=None, repr=False, compare=False)
    """Built from the services when the Library is made; shared by its other languages."""
    _localised: dict[str, Library] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        if self.index is None:
            object.__setattr__(self, "index", ServiceIndex(
                self.services.values(), self.crime_types, self.areas))

    @property
    def languages(self) -> list[str]:
        return list(self.site.languages)

    def documents(self) -> Iterable[Document]:
        """Every English file, in the order of the site: pages, crime types, areas, services."""
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

    def _services(self, slugs: list[str]) -> list[Document[Service]]:
        return [self.services[slug] for slug in slugs]

    def support(self, crime: str | None = None, area: str | None = None) -> Support:
        """Support for `crime` (any crime if None) in `area` (any area if None), best first.

        Services that take reports rather than give support are left out (see `reporting`).
        """
        index = self.index
        return Support(
            local=self._services(index.local.get((area, crime), [])),
            regional=self._services(index.regional.get(crime, [])),
            national=self._services(index.national.get(crime, [])),
            crime=crime,
            order=index.order.get(crime),
        )

    def reporting(self, crime: str | None = None) -> list[Document[Service]]:
        """Services that take reports of `crime` (of any crime if None), best first."""
        return self._services(self.index.reporting.get(crime, []))

    def areas_of(self, service: Document[Service]) -> list[Document[Area]]:
        """The areas a service covers, in display order."""
        return [self.areas[slug] for slug in self.index.areas_of[service.slug]]

    def crime_types_of(self, service: Document[Service]) -> list[Document[CrimeType]]:
        """The crime types a service helps with, in display order."""
        return [self.crime_types[slug] for slug in self.index.crime_types_of[service.slug]]

    def related(self, crime: Document[CrimeType]) -> list[Document[CrimeType]]:
        """The crime types to suggest beside `crime`, as its editor listed them."""
        return [self.crime_types[slug] for slug in crime.meta.related]

    def site_paths(self) -> set[str]:
        """Every page path under a language prefix, like /crime/domestic-abuse/."""
        return site_paths(self.crime_types, self.areas, self.services, self.pages)
