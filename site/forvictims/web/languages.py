"""The language of the page being made, and text in another language marked as such.

English shows where a translation is missing; screen readers must read it as English, and on a
right-to-left page it must run left to right (WCAG 3.1.2). Every element that holds words in
another language than the page's says so.
"""

from __future__ import annotations

import functools
from contextvars import ContextVar

import flask_babel
from babel import Locale
from flask import current_app
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

from ..content.document import Document


class _Page:
    """The page being made: its language, and what the app keeps for that language. Kept in a
    context variable, which is much quicker to reach than Flask's `g` and asked for dozens of
    times a page; like `g`, each request (and each thread of the preview) has its own."""

    __slots__ = ("lang", "kept")

    def __init__(self, lang: str):
        self.lang = lang
        self.kept: _Kept | None = None


class _Kept:
    """What the app keeps for one language, for every page in it: Flask-Babel's catalogue, the
    translated buttons and menus pages have used, and what it has drawn (cards.py)."""

    __slots__ = ("catalogue", "strings", "drawn")

    def __init__(self):
        self.catalogue = None
        self.strings: dict[str, str] = {}
        self.drawn: dict = {}


_PAGE: ContextVar[_Page | None] = ContextVar("forvictims.page", default=None)

KEPT = "forvictims.kept"
"""Where the app keeps a _Kept for each language: cleared whenever its content is replaced."""


def begin_page(lang: str) -> None:
    """The page being made is in `lang` (from its address)."""
    _PAGE.set(_Page(lang))


def end_page() -> None:
    """The page is done: what comes next (Frozen-Flask's /404.html) is outside a language."""
    _PAGE.set(None)


def current_language() -> str | None:
    """The language of the page being made, from its address; None outside a language."""
    page = _PAGE.get()
    return page.lang if page is not None else None


def page_language() -> str:
    """The language of the page being made: from its address, or the site's first language
    for pages outside a language (/, /404.html)."""
    page = _PAGE.get()
    return page.lang if page is not None else current_app.extensions["forvictims"].languages[0]


def _kept(page: _Page | None) -> _Kept:
    if page is not None and page.kept is not None:
        return page.kept
    by_language = current_app.extensions.setdefault(KEPT, {})
    lang = page.lang if page is not None else page_language()
    kept = by_language.get(lang)
    if kept is None:
        kept = by_language[lang] = _Kept()
    if page is not None:
        page.kept = kept
    return kept


def drawn_in_page_language() -> dict:
    """Where the app keeps what it has drawn in the page's language (see cards.py)."""
    return _kept(_PAGE.get()).drawn


def translations():
    """Flask-Babel's catalogue for this page's language: found once a language, as finding it
    asks the request context several times."""
    page = _PAGE.get()
    if page is None:  # outside a language: Flask-Babel's choice
        return flask_babel.get_translations()
    kept = _kept(page)
    if kept.catalogue is None:
        kept.catalogue = flask_babel.get_translations()
    return kept.catalogue


def _translated(string: str) -> str:
    page = _PAGE.get()
    if page is None:
        return translations().ugettext(string)
    strings = _kept(page).strings
    text = strings.get(string)
    if text is None:
        text = strings[string] = translations().ugettext(string)
    return text


def gettext(string: str, **variables) -> str:
    """Flask-Babel's gettext, each text looked up once a language."""
    text = _translated(string)
    return text % variables if variables else text


@pass_eval_context
def template_gettext(context: EvalContext, string: str, **variables) -> str:
    """`_()` and `{% trans %}` in templates: Jinja's "newstyle" gettext (the text escaped in
    HTML, its %(variables)s filled in), each text looked up once a language."""
    text = _translated(string)
    if context.autoescape:
        text = Markup(text)
    return text % variables


def locale() -> Locale:
    """The page's language as a Babel Locale, for dates, days and times."""
    return _locale(page_language())


@functools.cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


@functools.cache
def direction(language: str) -> str:
    """"rtl" for a language written right to left, like Arabic and Urdu; "ltr" for the others."""
    return Locale.parse(language).text_direction


def _marks(language: str) -> dict[str, str]:
    """{"lang": "en", "dir": "ltr"} for words in `language`, when it is not the page's."""
    if language == page_language():
        return {}
    return {"lang": language, "dir": direction(language)}


def attributes_of(document: Document) -> dict[str, str]:
    """{"lang": "en", "dir": "ltr"} for an element holding `document`'s words, when they are not
    in the page's language; nothing when they are (for macros that take attributes)."""
    return _marks(document.language)


def _attributes(language: str) -> Markup:
    return _attributes_on(language, page_language())


@functools.cache
def _attributes_on(language: str, page: str) -> Markup:
    """` lang="en" dir="ltr"` for `language`'s words on a page in `page`'s: on thousands of
    pages, so made once."""
    if language == page:
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(language, direction(language))


def _span(text: str, language: str) -> Markup:
    attributes = _attributes(language)
    return Markup("<span{}>{}</span>").format(attributes, text) if attributes else Markup.escape(text)


def language_of(document: Document) -> Markup:
    """` lang="en" dir="ltr"` for an element holding `document`'s words, when they are not in
    the page's language; nothing when they are."""
    return _attributes(document.language)


def in_its_language(text: str, document: Document) -> Markup:
    """`text` from `document` inside a sentence of the page: in a <span> marked with its own
    language when that is not the page's."""
    return _span(text, document.language)


def in_source_language(text: str) -> Markup:
    """`text` kept only in the English file (a fact, like what a phone number is for), marked
    as English on a page in another language."""
    return _span(text, current_app.extensions["forvictims"].languages[0])
