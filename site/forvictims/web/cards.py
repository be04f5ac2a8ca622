"""Parts of pages drawn once per language: the header and footer, service cards, contacts, a
crime type's text.

The header, footer, exit button and emergency numbers are on every page; the same card (a national helpline, a service for the whole West Midlands) shows on hundreds
of pages, and a crime type's "What you can do now" on its page in every area; drawing them again
for each page would make every page cost more as the site grows.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from flask import current_app, request, url_for
from jinja2 import Environment
from markupsafe import Markup

from ..content.document import Document
from .languages import drawn_in_page_language

T = TypeVar("T")


def kept(key: tuple, draw: Callable[[], T]) -> T:
    """What `draw` gives, drawn the first time `key` is asked for in the page's language only."""
    found = drawn_in_page_language()
    if key not in found:
        found[key] = draw()
    return found[key]


def address(endpoint: str, **values) -> str:
    """Flask's url_for, worked out once for each language: pages link to the same few hundred
    addresses thousands of times, and Flask takes much longer to work one out than to find it."""
    if current_app.extensions["forvictims"] is None:  # the preview's page of content errors
        return url_for(endpoint, **values)
    return kept(("address", request.script_root, endpoint, *sorted(values.items())),
                lambda: url_for(endpoint, **values))


def drawn(kind: str, document: Document, draw: Callable[[], T]) -> T:
    """What `draw` gives for `document` in the page's language, drawn the first time only."""
    return kept((kind, document.slug), draw)


def component(environment: Environment, template: str, name: str) -> Callable[..., Markup]:
    """Macro `name` of `template` (one of components/), for pages to call by name: a page that
    imports it ({% from … import %}) has Jinja compare all the site's globals with the
    template's every time the page is drawn. Found the first time it is called."""
    found: list[Callable[..., Markup]] = []

    def call(*arguments, **keywords) -> Markup:
        if not found:
            found.append(getattr(environment.get_template(template).module, name))
        return found[0](*arguments, **keywords)
    return call


def _macro(name: str, *arguments) -> Markup:
    template = current_app.jinja_env.get_template("components/service.html")
    return getattr(template.module, name)(*arguments)


def service_card(document: Document) -> Markup:
    """The card for one service in a list (components/service.html draws it)."""
    return drawn("card", document, lambda: _macro("draw_service_card", document))


def contact_card(document: Document) -> Markup:
    """One service in "Who to contact now": its best way in, big (components/service.html)."""
    return drawn("contact", document, lambda: _macro("draw_contact_card", document))


def reporting(crime: Document, services: list[Document]) -> Markup:
    """Where to report `crime` (components/service.html's report_it), `services` being those
    that take its reports: the same on the crime's page in every area."""
    return drawn("report it", crime, lambda: _macro("report_it", services))


def service_row(document: Document) -> Markup:
    """One service in the directory of every helpline (components/service.html)."""
    return drawn("row", document, lambda: _macro("draw_service_row", document))


FRAME = "components/frame.html"


def once(part: str, *arguments) -> Markup:
    """A part of components/frame.html that is the same on every page of a language (the
    header, the footer, the exit button), drawn the first time only. Its arguments are the
    site's settings, the same for the whole site."""
    return kept(("frame", request.script_root, part),
                lambda: getattr(current_app.jinja_env.get_template(FRAME).module, part)(*arguments))


def trail(items: list[dict]) -> Markup:
    """Breadcrumbs (components/frame.html): the same for every page under one area, so drawn
    once for each trail and language."""
    key = tuple((item["text"], item["href"], *sorted(item.get("attributes", {}).items())) for item in items)
    return kept(("trail", *key), lambda: current_app.jinja_env.get_template(FRAME).module.breadcrumbs(items))
