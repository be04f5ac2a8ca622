"""The language of the page being made, and text in another language marked as such.

English shows where a translation is missing; screen readers must read it as English, and on a
right-to-left page it must run left to right (WCAG 3.1.2). Every element that holds words in
another language than the page's says so.
"""

from __future__ import annotations

import functools

import flask_babel
from babel import Locale
from flask import current_app, g
from markupsafe import Markup

from ..content.document import Document


def page_language() -> str:
    """The language of the page being made: from its address, or the site's first language
    for pages outside a language (/, /404.html)."""
    return g.get("lang") or current_app.extensions["forvictims"].languages[0]


def translations():
    """Flask-Babel's catalogue for this page's language. Finding it asks the request context
    several times, and a page asks for dozens of strings: so it is kept for the page (the app
    forgets it when the page is done)."""
    found = g.get("translations")
    if found is None:
        found = g.translations = flask_babel.get_translations()
    return found


def gettext(string: str, **variables) -> str:
    """Flask-Babel's gettext, from the page's catalogue (see translations)."""
    text = translations().ugettext(string)
    return text % variables if variables else text


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
