"""Which service a visitor should see first: one ranking for the "Who to contact now" box and for
every list of services on a crime page.

The order, from what matters most to what matters least, for someone who has just been harmed by
a crime and may be frightened:

1. **Services to turn to first before the rest** (`first_contact: false` for restorative
   justice, which is for later, and a listening line that is not about crime).
2. **A specialist for this crime before a general service, and a service for anyone affected
   before a service for one group** (`only_for`: men, LGBT+ people, children), in this order:
   a service whose main crime type (the first in its `crime_types`) is this one; one that lists
   it among others; one for any crime; then services for one group, in the same order. The first
   contact must fit whoever is reading: after a racist attack, a line for Jewish people is not
   the first to call, though it comes next for the people it is for.
3. **Confirmed before still being checked** (`verify`): a number we are sure of comes first.
4. **One you can reach now before one you cannot**: a free phone line open day and night, then
   a free line or one open day and night, then any phone line, then text or web chat, then a
   website or email alone.
5. **Nearest first, only where all of that is equal**: local, then West Midlands-wide, then
   national. Where we are unsure of both (both still being checked), the well-known national
   line comes first instead.
6. **The most focused**: the fewest crime types.
7. Otherwise the order of the services' names.

"Who to contact now" shows the best service and up to two more that fit the reader as well
(rule 2), then, if there is room, the best service for any crime: one to three in all. Services that take reports
rather than give support (Crimestoppers, Report Fraud) are never ranked with support: pages list
them apart, under "Report it".
"""

from __future__ import annotations

from typing import Iterable

from .document import Document
from .model import Service

CONTACTS_AT_MOST = 3
"""How many contacts the "Who to contact now" box shows."""


def reach(service: Service) -> int:
    """How soon someone can talk to the service: 0 is best (free and open day and night)."""
    voice = [phone for phone in service.phones if phone.type in ("voice", "video")]
    always = service.hours == "24/7"
    free = any(phone.free for phone in voice)
    if voice and always and free:
        return 0
    if voice and (always or free):
        return 1
    if voice:
        return 2
    if service.phones or service.chat:  # text, textphone or web chat
        return 3
    return 4


def nearness(service: Service) -> int:
    """0 for a service in some areas only, 1 for every West Midlands area, 2 for national."""
    return 2 if service.is_national() else 1 if service.is_regional() else 0


def focus(service: Service) -> float:
    """How broad a service is: the number of crime types it is for (any crime is broadest)."""
    return float("inf") if service.crime_types == "all" else len(service.crime_types)


def specialism(service: Service, crime: str | None) -> int:
    """0 when `crime` is the service's main crime type (or no crime is asked about), 1 when it
    is among its others, 2 when the service is for any crime."""
    if crime is None:
        return 0
    if service.crime_types == "all":
        return 2
    return 0 if service.crime_types[0] == crime else 1


def fit(service: Service, crime: str | None) -> int:
    """Rule 2 above: 0 to 2 for services for anyone (main crime type, also this one, any crime),
    3 to 5 for services for one group, in the same order."""
    return specialism(service, crime) + (3 if service.only_for else 0)


def order(service: Service, crime: str | None = None) -> tuple:
    """The ranking above as a sort key: lower comes first."""
    near = nearness(service)
    return (not service.first_contact, fit(service, crime), service.verify, reach(service),
            -near if service.verify else near, focus(service))


def ranked(documents: Iterable[Document[Service]], crime: str | None = None) -> list[Document[Service]]:
    """Services best first for `crime` (for any crime if None); equals keep their given order."""
    return sorted(documents, key=lambda document: order(document.meta, crime))


def contacts(documents: list[Document[Service]], crime: str | None = None) -> list[Document[Service]]:
    """The one to three services for "Who to contact now", from a list ranked for `crime`: the
    best, and the others that fit as well as it does (so a specialist for this crime is not
    followed by one that only also helps with it), then the best general service if there is
    room. Never a service for later (`first_contact: false`)."""
    ranked = [document for document in documents if document.meta.first_contact]
    if not ranked:
        return []
    best = fit(ranked[0].meta, crime)
    chosen = [document for document in ranked if fit(document.meta, crime) == best][:CONTACTS_AT_MOST]
    general = next((document for document in ranked if fit(document.meta, crime) == 2), None)
    if best < 2 and general is not None and len(chosen) < CONTACTS_AT_MOST:
        chosen.append(general)
    return chosen
