"""Service cards, drawn once per service and language.

The same card (a national helpline, a service for the whole West Midlands) shows on hundreds
of pages; drawing it again for each would make every page cost more as the site grows.
"""

from __future__ import annotations

from flask import current_app
from markupsafe import Markup

from ..content.document import Document
from .languages import page_language

CARDS = "forvictims.cards"
"""Where the app keeps the cards it has drawn: cleared whenever its content is replaced."""


def service_card(document: Document) -> Markup:
    """The card for one service, in the page's language (components/service.html draws it)."""
    cards = current_app.extensions.setdefault(CARDS, {})
    key = (page_language(), document.slug)
    if key not in cards:
        template = current_app.jinja_env.get_template("components/service.html")
        cards[key] = template.module.draw_service_card(document)
    return cards[key]
