"""Facts turned into words for the current language: opening hours, dates, languages."""

from __future__ import annotations

import datetime as dt
import json

from babel import Locale
from babel.dates import format_date, format_time, get_day_names
from babel.lists import format_list

from ..content.model import day_ranges
from .cards import kept
from .languages import gettext as _
from .languages import locale as _locale


def clock(value: str) -> str:
    """"17:30" → "5:30pm" in English (GOV.UK style), the locale's short form elsewhere."""
    hour, minute = (int(part) for part in value.split(":"))
    locale = _locale()
    if locale.language == "en":
        if hour in (0, 24) and minute == 0:
            return _("midnight")
        if hour == 12 and minute == 0:
            return _("midday")
        suffix = "am" if hour < 12 else "pm"
        twelve = hour % 12 or 12
        return f"{twelve}:{minute:02d}{suffix}" if minute else f"{twelve}{suffix}"
    return format_time(dt.time(hour % 24, minute), "short", locale=locale)


def days(written: str) -> str:
    """"MO-FR" → "Monday to Friday"; "MO,WE" → "Monday and Wednesday"."""
    locale = _locale()
    names = get_day_names("wide", locale=locale)  # 0 = Monday
    parts = [
        names[first] if first == last else _("%(first)s to %(last)s", first=names[first], last=names[last])
        for first, last in day_ranges(written)
    ]
    return format_list(parts, locale=locale)


def opening_hours(hours) -> list[str]:
    """Lines of opening hours for people to read; empty when the hours are not known."""
    if hours is None:
        return []
    if hours == "24/7":
        return [_("24 hours a day, every day")]
    lines = tuple((line.days, line.opens, line.closes) for line in hours)
    # The same hours are on every page that lists the service: worked out once a language.
    return list(kept(("hours", lines), lambda: [
        _("%(days)s, %(opens)s to %(closes)s", days=days(written), opens=clock(opens), closes=clock(closes))
        for written, opens, closes in lines]))


def schedule(hours) -> str | None:
    """Opening hours for the browser to say "open now" or when it opens, as JSON:
    [[first day, last day, opens, closes], …], Monday being 0. None for 24/7 or unknown hours."""
    if hours is None or hours == "24/7":
        return None
    return json.dumps([[first, last, line.opens, line.closes]
                       for line in hours for first, last in line.day_ranges()], separators=(",", ":"))


def long_date(value: dt.date) -> str:
    """A date as people write it: 1 December 2026."""
    return format_date(value, "d MMMM y", locale=_locale())


def language_name(code: str) -> str:
    """A language's name in the current language: "pl" → "Polish"."""
    return Locale.parse(code).get_display_name(_locale()) or code


def web_label(url: str) -> str:
    """A web address as people read it: https://www.example.org.uk/help → example.org.uk/help."""
    label = url.split("://", 1)[-1].removeprefix("www.")
    return label.rstrip("/")
