"""Each language's search index, built once from the content the site serves (again in the
preview whenever the content changes), with the titles the site gives its pages."""

from __future__ import annotations

import hashlib

from flask import Flask, current_app

from ..content.library import Library
from ..search.documents import Helplines, documents
from ..search.index import SearchIndex
from .languages import begin_page
from .languages import gettext as _

INDEXES = "forvictims.search"


def search_index(library: Library, language: str) -> SearchIndex:
    """The index of `library` (already in `language`), kept until the content changes."""
    indexes = current_app.extensions.setdefault(INDEXES, {})
    if language not in indexes:
        indexes[language] = SearchIndex(
            documents(library, language, _helplines()), language,
            pair_title=_("%(crime)s: support in %(area)s", crime="{crime}", area="{area}"))
    return indexes[language]


def _helplines() -> Helplines:
    return Helplines(_("Helplines and services"), _("Every helpline and service on one page, ready to print."),
                     (_("phone numbers"),))


def helplines_in(app: Flask, language: str) -> Helplines:
    """The words of the page of every helpline in `language`, as its search index has them."""
    with app.test_request_context(f"/{language}/search/"):
        begin_page(language)
        return _helplines()


def digest(index: SearchIndex) -> str:
    """Changes whenever the index does, so a browser never keeps an old one."""
    return hashlib.sha256(index.exported).hexdigest()[:10]


def index_outside_a_page(app: Flask, library: Library, language: str) -> SearchIndex:
    """The index `language`'s search page would use, for `forvictims search` and the tests: in
    that language's context, so the titles it gives (a crime's page in an area) are translated."""
    with app.test_request_context(f"/{language}/search/"):
        begin_page(language)
        return search_index(library.in_language(language), language)
