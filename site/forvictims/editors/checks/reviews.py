"""Reviews: when each file should next be read through or checked against its source, and what
is still waiting to be confirmed or finished. Warnings: the site still builds.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterable

from ...content.document import Document
from ...content.model import Service
from ...content.problems import Problem

SERVICE_REVIEW_MONTHS = 6
"""Facts about a service (numbers, hours) are checked on the provider's site this often."""


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


def problems(documents: Iterable[Document], today: dt.date) -> list[Problem]:
    """Warnings for English files: a draft, a review that is due, a fact still to confirm."""
    found = []
    for document in documents:
        meta = document.meta
        if meta.draft:
            found.append(Problem(document.source, document.line_of("draft"), (
                "draft: this is not on the site yet (the preview shows it): when it is ready, "
                "delete the line draft: true"), warning=True))
        due = review_due(document)
        if due is not None and due < today and isinstance(meta, Service):
            found.append(Problem(document.source, document.line_of("last_checked"), (
                f"last_checked: these facts were checked on {meta.last_checked.isoformat()}, more "
                f"than {SERVICE_REVIEW_MONTHS} months ago: check them on the provider's own "
                "website, then set last_checked to the day you did"), warning=True))
        elif due is not None and due < today:
            found.append(Problem(document.source, document.line_of("review_by"), (
                f"review_by: this was due to be read through by {due.isoformat()}: check it is "
                "still right, then set last_checked to today and review_by to a date in the future"
            ), warning=True))
        if getattr(meta, "verify", False):
            found.append(Problem(document.source, document.line_of("verify"), (
                "verify: a number or fact here still needs confirming on the provider's own "
                "website: when it is confirmed, set verify: false and last_checked to the day you "
                "checked"), warning=True))
    return found
