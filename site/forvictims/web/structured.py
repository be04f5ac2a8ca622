"""What a service page says about itself to search engines and other tools: schema.org data
(JSON-LD, in a script block that browsers never run, so the Content-Security-Policy allows it),
with the service, who runs it, where, in which languages, and each number to call or text."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..content.model import tel_href

CHANNELS = {"voice": "Phone", "text": "Text message", "textphone": "Textphone", "video": "Video call"}


def service(meta, areas: list[str] | None, page_url: str | None) -> dict[str, Any]:
    """schema.org Service for a service's `meta`, serving `areas` (their names; None for a
    national or regional service), described at `page_url` when the site's address is known."""
    if meta.is_national():
        served: Any = {"@type": "Country", "name": "United Kingdom"}
    elif meta.is_regional():
        served = {"@type": "AdministrativeArea", "name": "West Midlands"}
    else:
        served = [{"@type": "AdministrativeArea", "name": name} for name in areas or []]
    contacts = [{
        "@type": "ContactPoint",
        "telephone": tel_href(phone.number),
        "contactType": phone.description or CHANNELS[phone.type],
        "availableLanguage": list(meta.languages),
    } for phone in meta.phones]
    if meta.email:
        contacts.append({"@type": "ContactPoint", "email": str(meta.email), "contactType": "Email"})
    provider: dict[str, Any] = {"@type": "Organization", "name": meta.organisation}
    if contacts:
        provider["contactPoint"] = contacts
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": meta.name,
        "description": meta.summary,
        "provider": provider,
        "areaServed": served,
        "availableLanguage": list(meta.languages),
    }
    if page_url:
        data["url"] = page_url
    if meta.web:
        data["sameAs"] = str(meta.web)
    return data


def script(data: dict[str, Any]) -> Markup:
    """`data` as the text of a JSON-LD script block: letters as they are (not \\u escapes, which
    would weigh six bytes each on an Arabic or Bengali page), and <, > and & escaped so that
    nothing in it can end the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
