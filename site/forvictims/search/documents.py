"""What each page offers search, in one language: its title and summary to show, and the text
of each field to index.

Crime types, areas, general pages and services are indexed. A crime's page in an area is found
through the two it joins ("stalked in Bilston": the crime type and the area both match), so
the index does not grow with the number of areas times crime types.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..content import markdown
from ..content.library import Library
from ..content.search_words import SearchWord, resolve

KINDS = ("crime", "area", "page", "service")


@dataclass(frozen=True)
class SearchDocument:
    path: str
    """Under the language prefix, like /crime/domestic-abuse/."""
    kind: str
    slug: str
    title: str
    summary: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    """Field name → its texts (see index.FIELDS)."""


@dataclass(frozen=True)
class Helplines:
    """The page of every helpline, which has no content file: its words in this language."""

    title: str = "Helplines and services"
    summary: str = "Every helpline and service on one page, ready to print."
    keywords: tuple[str, ...] = ("phone numbers",)


def documents(library: Library, language: str, helplines: Helplines = Helplines()) -> list[SearchDocument]:
    """Every searchable page of `library` (already in `language`), in a fixed order."""
    extra = words_for(library, library.search_words.get(language, ()))
    found = []
    for slug, crime in library.crime_types.items():
        meta = crime.meta
        found.append(SearchDocument(
            f"/crime/{slug}/", "crime", slug, meta.title, meta.summary, {
                "title": [meta.title],
                "keywords": [*meta.keywords, *extra[("crime-types", slug)]],
                "summary": [meta.summary],
                "body": [plain_text(crime.body)],
            }))
    for slug, area in library.areas.items():
        meta = area.meta
        found.append(SearchDocument(
            f"/area/{slug}/", "area", slug, meta.title, ", ".join(meta.places), {
                "title": [meta.title],
                "places": [meta.title, *meta.places, *meta.neighbourhoods, *meta.postcode_districts,
                           *extra[("areas", slug)]],
            }))
    for slug, page in library.pages.items():
        meta = page.meta
        found.append(SearchDocument(
            f"/{slug}/", "page", slug, meta.title, meta.summary, {
                "title": [meta.title],
                "keywords": list(extra[("pages", slug)]),
                "summary": [meta.summary],
                "body": [plain_text(page.body)],
            }))
    for slug, service in library.services.items():
        meta = service.meta
        found.append(SearchDocument(
            f"/services/{slug}/", "service", slug, meta.name, meta.summary, {
                "name": [meta.name, meta.organisation],
                "keywords": list(extra[("services", slug)]),
                "summary": [meta.summary, meta.eligibility],
                "body": [plain_text(service.body)],
            }))
    found.append(SearchDocument("/helplines/", "page", "helplines", helplines.title, helplines.summary,
                                {"title": [helplines.title], "keywords": list(helplines.keywords)}))
    return found


def words_for(library: Library, words: tuple[SearchWord, ...]) -> dict[tuple[str, str], list[str]]:
    """(folder, file name) → the search words that lead there."""
    documents = {"crime-types": library.crime_types, "areas": library.areas,
                 "pages": library.pages, "services": library.services}
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for word in words:
        for page in word.pages:
            for target in resolve(page, documents)[:1]:  # the checks report unknown pages
                found[target].append(word.words)
    return found


@lru_cache(maxsize=16384)
def plain_text(body: str) -> str:
    """The words of a Markdown text, headings and list items included. Kept once worked out:
    the check and the build read the same texts."""
    return "\n".join(sentence for _, sentence in markdown.sentences(body, 1))
