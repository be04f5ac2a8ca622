"""What editors are told about content beyond its schema.

Warnings do not stop a build but need doing soon: a review date has passed, a number still
waits to be confirmed, a translation is out of date or missing, a link is not private (http://),
a page is hard to read. `forvictims check` lists them; with --strict they count as errors. One
error lives here too, because it is about honesty rather than form: a sentence promising that a
visit can be hidden. So do the review dates the report and `forvictims new` share.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator


from . import markdown, readability
from .translation import same_sentences, source_version
from .frontmatter import locate
from .model import Service, Site, english_name
from .problems import Problem

if TYPE_CHECKING:
    from .library import Document

SERVICE_REVIEW_MONTHS = 6
"""Facts about a service (numbers, hours) are checked on the provider's site this often."""

WEB_FIELDS = ("web", "chat", "source", "council")
NOT_PRIVATE = "starts http://, which others on the network can watch: use https:// if the site has it"


# A claim that this site, its exit button or leaving it hides a visit: "Exit this page deletes
# your history", "this site will not show in your history", "nobody will know you were here",
# "this site leaves no trace". Each form names this site, the button or the visit, so honest
# advice about browsers ("it removes the list of sites you visited", "pages you open there will
# not show in your history") and other sentences ("no one can tell you what to do") pass.
_SITE = r"(exit this page|the exit (button|link)|this (button|site|website|page)|the button|leaving this (site|website|page))"
_ERASING = r"(erases?|deletes?|removes?|clears?|wipes?|hides?)"
_WITHOUT_NOT = r"(?:(?!\bnot\b)[^.!?]){0,40}"
CLAIMS_TO_ERASE_HISTORY = re.compile(
    rf"\b{_SITE}( button| link)? (will |can |also |then |automatically )*{_ERASING}\b{_WITHOUT_NOT}"
    r"\b(history|your visit|you were here|you visited)"
    rf"|\b(press|click|tap|use)\w* {_SITE}[^.!?]{{0,30}}\bit (will |can |also |then )*{_ERASING}\b"
    rf"{_WITHOUT_NOT}\bhistory"
    r"|\bhistory (is|will be|gets) (deleted|cleared|erased|wiped|removed) when you"
    r"|\b(this site|this website|this page|your visit)( will|'ll)? (not|never|n't) (show|appear|be)( up)?"
    r" in (your|the) (browsing |search )?history"
    r"|\b(nobody|no one|no-one) (will|can|would) (ever )?(know|see|find out|tell)"
    r" (that )?(you (were|have been) (here|on this site)|you visited)"
    rf"|\b({_SITE}|your visit)[^.!?]{{0,20}}\bleaves? no trace",
    re.IGNORECASE,
)


def false_claims(body: str, first_line: int) -> list[tuple[int, str]]:
    """Errors for sentences that promise a visit can be hidden: nothing on this site can."""
    return [
        (line, (
            f'"{sentence}" says a visit can be hidden, which is not true: Exit this page only opens '
            "another website, and the visit stays in the browser's history. Say instead that "
            "people can delete their history themselves, as the staying safe online page explains"
        ))
        for line, sentence in markdown.sentences(body, first_line)
        if CLAIMS_TO_ERASE_HISTORY.search(" ".join(sentence.split()))
    ]


def add_months(date: dt.date, months: int) -> dt.date:
    year, month = divmod(date.month - 1 + months, 12)
    year += date.year
    return date.replace(year=year, month=month + 1,
                        day=min(date.day, calendar.monthrange(year, month + 1)[1]))


def review_due(document: Document) -> dt.date | None:
    """When an editor should next check a file: its review_by, or for a service six months
    after its facts were last checked."""
    meta = document.meta
    if isinstance(meta, Service):
        return add_months(meta.last_checked, SERVICE_REVIEW_MONTHS)
    return getattr(meta, "review_by", None)


def warnings(site: Site | None, site_source: str, loaded: dict[str, dict[str, Document]],
             translations: dict[tuple[str, str], dict[str, Document]], nodes: dict[str, Any],
             today: dt.date, interface: Path) -> list[Problem]:
    """Every warning for the files that loaded."""
    found: list[Problem] = []
    for documents in loaded.values():
        for document in documents.values():
            node = nodes.get(document.source)
            for loc, message in _document_warnings(document, today):
                line = locate(node, loc, 2)[0] if loc else document.body_line
                found.append(Problem(document.source, line, message, warning=True))
            for line, message in _body_warnings(document, english=True):
                found.append(Problem(document.source, line, message, warning=True))
    for (folder, slug), by_language in translations.items():
        english = loaded[folder][slug]
        current = source_version(english)
        for translation in by_language.values():
            if translation.meta.draft:
                line = locate(nodes.get(translation.source), ("draft",), 2)[0]
                found.append(Problem(translation.source, line, (
                    "draft: this translation is not on the site yet: when all of it is translated, "
                    "delete the line draft: true"
                ), warning=True))
            if translation.meta.translated_from != current:
                line = locate(nodes.get(translation.source), ("translated_from",), 2)[0]
                found.append(Problem(translation.source, line, (
                    f"translated_from: {english.source} has changed since this was translated: "
                    f"bring the translation up to date, then set translated_from: \"{current}\""
                ), warning=True))
            for line, message in _body_warnings(translation, english=False):
                found.append(Problem(translation.source, line, message, warning=True))
            if not translation.meta.draft:
                for line, sentence in same_sentences(english, translation):
                    found.append(Problem(translation.source, line, (
                        f'"{sentence}" is as it is in English: translate it'), warning=True))
    if site is not None:
        found += _missing_translations(site, site_source, loaded, translations, nodes)
        for language in list(site.languages)[1:]:
            if not (interface / language / "LC_MESSAGES" / "messages.mo").is_file():
                line = locate(nodes.get(site_source), ("languages", language), 1)[0]
                found.append(Problem(site_source, line, (
                    f"languages.{language}: the site's buttons and menus are not translated into "
                    f"{english_name(language)} yet, so its pages show them "
                    f"in English: ask the developers (they go in translations/{language}/)"
                ), warning=True))
    return sorted(found)


def _document_warnings(document: Document, today: dt.date) -> Iterator[tuple[tuple, str]]:
    meta = document.meta
    if meta.draft:
        yield ("draft",), (
            "draft: this is not on the site yet (the preview shows it): when it is ready, delete "
            "the line draft: true"
        )
    due = review_due(document)
    if due is not None and due < today:
        if isinstance(meta, Service):
            yield ("last_checked",), (
                f"last_checked: these facts were checked on {meta.last_checked.isoformat()}, more "
                f"than {SERVICE_REVIEW_MONTHS} months ago: check them on the provider's own "
                "website, then set last_checked to the day you did"
            )
        else:
            yield ("review_by",), (
                f"review_by: this was due to be read through by {due.isoformat()}: check it is "
                "still right, then set last_checked to today and review_by to a date in the future"
            )
    if getattr(meta, "verify", False):
        yield ("verify",), (
            "verify: a number or fact here still needs confirming on the provider's own website: "
            "when it is confirmed, set verify: false and last_checked to the day you checked"
        )
    for name in WEB_FIELDS:
        value = getattr(meta, name, None)
        if isinstance(value, str) and value.startswith("http://"):
            yield (name,), (
                f"{name}: {value} {NOT_PRIVATE}"
            )


def _body_warnings(document: Document, english: bool) -> Iterator[tuple[int, str]]:
    for line, href in markdown.http_links(document.body, document.body_line):
        yield line, (
            f'the link "{href}" {NOT_PRIVATE}'
        )
    if english:
        yield from readability.problems(document.body, document.body_line)


def _missing_translations(site: Site, source: str, loaded: dict[str, dict[str, Document]],
                          translations: dict[tuple[str, str], dict[str, Document]],
                          nodes: dict[str, Any]) -> list[Problem]:
    """One warning per language: listing every untranslated file would drown the rest."""
    found = []
    published = {(doc.folder, doc.slug) for documents in loaded.values()
                 for doc in documents.values() if not doc.meta.draft}
    total = len(published)
    for language in list(site.languages)[1:]:
        name = english_name(language)
        done = sum(key in published and language in by_language and not by_language[language].meta.draft
                   for key, by_language in translations.items())
        if done < total:
            line = locate(nodes.get(source), ("languages", language), 1)[0]
            found.append(Problem(source, line, (
                f"languages.{language}: {total - done} of {total} files have no {name} translation "
                "yet, so those pages show in English: forvictims report lists them"
            ), warning=True))
    return found
