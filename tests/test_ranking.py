"""The one ranking behind "Who to contact now" and every list of services (content/ranking.py),
rule by rule, on made-up services."""

from __future__ import annotations

import datetime as dt

from forvictims.content import ranking
from forvictims.content.document import Document
from forvictims.content.model import Service


def service(slug: str, **facts) -> Document[Service]:
    fields = dict(name=slug, organisation="A charity", summary="Help.", crime_types=["stalking"],
                  areas="national", phones=[{"number": "0121 496 0000"}], eligibility="Anyone.",
                  source="https://www.example.org.uk", last_checked=dt.date(2026, 12, 1))
    fields.update(facts)
    return Document(slug=slug, source=f"content/services/{slug}.md", meta=Service(**fields), body="",
                    body_line=1, folder="services")


FREE_ALWAYS = {"phones": [{"number": "0808 2000 247", "free": True}], "hours": "24/7"}
FLAGGED = {"verify": True, "verify_reason": "Seen only on a council page."}


def order(*documents, crime="stalking"):
    return [document.slug for document in ranking.ranked(documents, crime)]


def test_a_specialist_comes_before_a_service_that_also_helps_and_a_general_one():
    general = service("general", crime_types="all", **FREE_ALWAYS)
    also = service("also", crime_types=["online-abuse", "stalking"], **FREE_ALWAYS)
    main = service("main")  # a paid line, office hours: still first, it knows stalking
    assert order(general, also, main) == ["main", "also", "general"]


def test_a_service_for_anyone_comes_before_one_for_a_group_even_a_specialist():
    group = service("group", only_for="men", **FREE_ALWAYS)
    general = service("general", crime_types="all")
    assert order(group, general) == ["general", "group"]


def test_a_confirmed_number_comes_before_one_still_being_checked():
    assert order(service("flagged", **FREE_ALWAYS, **FLAGGED), service("confirmed")) == ["confirmed", "flagged"]


def test_a_line_you_can_reach_now_comes_first():
    paid = service("paid")
    free = service("free", phones=[{"number": "0808 2000 247", "free": True}])
    always = service("always", **FREE_ALWAYS)
    chat = service("chat", phones=[], chat="https://www.example.org.uk/chat")
    website = service("website", phones=[], web="https://www.example.org.uk")
    assert order(website, chat, paid, free, always) == ["always", "free", "paid", "chat", "website"]


def test_nearest_first_only_when_all_else_is_equal_and_national_when_both_are_unsure():
    local = service("local", areas=["walsall"])
    national = service("national")
    assert order(national, local) == ["local", "national"]
    assert order(service("local", areas=["walsall"], **FLAGGED), service("national", **FLAGGED)) == ["national", "local"]


def test_services_for_later_come_last_and_are_never_contacts():
    later = service("later", first_contact=False, **FREE_ALWAYS)
    now = service("now", phones=[], web="https://www.example.org.uk")
    ranked = ranking.ranked([later, now], "stalking")
    assert [doc.slug for doc in ranked] == ["now", "later"]
    assert [doc.slug for doc in ranking.contacts(ranked, "stalking")] == ["now"]


def test_contacts_are_the_best_fits_then_one_general_service():
    specialists = [service(f"s{n}") for n in range(4)]
    assert len(ranking.contacts(specialists, "stalking")) == 3
    also = service("also", crime_types=["online-abuse", "stalking"], **FREE_ALWAYS)
    general = [service("g1", crime_types="all", **FREE_ALWAYS), service("g2", crime_types="all")]
    ranked = ranking.ranked([specialists[0], also, *general], "stalking")
    # The service that only also helps with stalking is listed, but not in the box.
    assert [doc.slug for doc in ranked] == ["s0", "also", "g1", "g2"]
    assert [doc.slug for doc in ranking.contacts(ranked, "stalking")] == ["s0", "g1"]
    # With no specialist at all, the general services, best first.
    assert [doc.slug for doc in ranking.contacts(ranking.ranked(general, "stalking"), "stalking")] == ["g1", "g2"]
