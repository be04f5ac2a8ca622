"""`forvictims report`: the health of the content, for staff, never for the public.

For every page and service: when it was last checked, when its review is due, whether a fact
still needs confirming, and how each translation stands. As a table in the terminal, and as
an HTML page to keep or share.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from ..content.document import Document
from ..content.library import Library
from ..content.model import Service, english_name
from ..content.problems import plural
from ..content.structure import FOLDERS
from ..content.translation import source_version
from . import coverage
from .checks.reviews import review_due

# How a translation stands, worst first.
MISSING, DRAFT, STALE, TO_REVIEW, DONE = "missing", "draft", "out of date", "to review", "done"
MEANINGS = {
    MISSING: "There is no translation: the page shows in English.",
    DRAFT: "Being translated: not on the site yet.",
    STALE: "The English has changed since it was translated: update it.",
    TO_REVIEW: "Up to date, and waiting for a fluent speaker to check it.",
    DONE: "Up to date and checked by a fluent speaker.",
}


@dataclass(frozen=True)
class Row:
    source: str
    kind: str
    title: str
    draft: bool
    last_checked: dt.date | None
    review_due: dt.date | None
    overdue: bool
    verify: bool
    version: str
    translations: dict[str, str]  # language → one of MISSING … DONE
    reviewers: dict[str, str]  # language → who checked it, when someone has


def rows(library: Library, today: dt.date) -> list[Row]:
    """One row per English file, in the order of the site: pages, crime types, areas, services."""
    languages = library.languages[1:]
    found = []
    for document in library.documents():
        meta = document.meta
        due = review_due(document)
        statuses, reviewers = {}, {}
        for language in languages:
            translation = library.translation(document, language)
            statuses[language] = translation_status(document, translation)
            if translation is not None and translation.meta.reviewed_by:
                reviewers[language] = translation.meta.reviewed_by
        found.append(Row(
            source=document.source,
            kind=FOLDERS[document.folder].label,
            title=meta.name if isinstance(meta, Service) else meta.title,
            draft=meta.draft,
            last_checked=meta.last_checked,
            review_due=due,
            overdue=due is not None and due < today,
            verify=getattr(meta, "verify", False),
            version=source_version(document),
            translations=statuses,
            reviewers=reviewers,
        ))
    return found


def translation_status(english: Document, translation: Document | None) -> str:
    if translation is None:
        return MISSING
    if translation.meta.draft:
        return DRAFT
    if translation.meta.translated_from != source_version(english):
        return STALE
    return DONE if translation.meta.reviewed_by else TO_REVIEW


def summary(found: list[Row], languages: list[str]) -> list[str]:
    """A few lines that say what needs doing."""
    drafts = sum(row.draft for row in found)
    lines = [
        f"{len(found)} pages and services: {sum(row.overdue for row in found)} overdue for review, "
        f"{sum(row.verify for row in found)} with a fact to confirm, {plural(drafts, 'draft')}."
    ]
    live = [row for row in found if not row.draft]  # a draft's translations can wait for it
    for language in languages:
        counts = {status: sum(row.translations[language] == status for row in live) for status in MEANINGS}
        lines.append(
            f"{english_name(language)}: {counts[DONE]} done, {counts[TO_REVIEW]} to review, "
            f"{counts[STALE]} out of date, {plural(counts[DRAFT], 'draft')}, "
            f"{counts[MISSING]} missing."
        )
    return lines


def table(found: list[Row], languages: list[str]) -> str:
    """The rows as a plain-text table that fits a terminal, most urgent first."""
    header = ["File", "Last checked", "Review due", "Confirm", *languages]
    body = [
        [
            row.source.removeprefix("content/").removesuffix(".md") + (" (draft)" if row.draft else ""),
            _date(row.last_checked),
            _date(row.review_due) + (" OVERDUE" if row.overdue else ""),
            "YES" if row.verify else "",
            *(row.translations[language] for language in languages),
        ]
        for row in sorted(found, key=urgency)
    ]
    widths = [max(len(cells[i]) for cells in [header, *body]) for i in range(len(header))]
    limit = shutil.get_terminal_size((120, 24)).columns
    if sum(widths) + 2 * len(widths) > limit:  # long file names give way first
        widths[0] = max(20, widths[0] - (sum(widths) + 2 * len(widths) - limit))
    lines = []
    for cells in [header, ["-" * width for width in widths], *body]:
        cells = [cell if len(cell) <= width else cell[: width - 1] + "…" for cell, width in zip(cells, widths)]
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip())
    return "\n".join(lines)


def urgency(row: Row) -> tuple:
    return (not row.overdue, not row.verify, row.review_due or dt.date.max, row.source)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "not set"


def html(found: list[Row], library: Library, today: dt.date) -> str:
    """A page to open in a browser: the same facts, with the meaning of each status."""
    environment = Environment(loader=PackageLoader("forvictims.editors"), autoescape=select_autoescape(),
                              trim_blocks=True, lstrip_blocks=True)
    languages = library.languages[1:]
    cells = coverage.cells(library)
    return environment.get_template("report.html").render(
        rows=sorted(found, key=urgency), languages=languages, language_name=english_name,
        summary=summary(found, languages), today=today, site=library.site, meanings=MEANINGS,
        coverage=coverage.rows(cells), coverage_summary=coverage.summary(cells), coverage_label=coverage.label,
    )
