"""Small content trees for tests, written into a temporary folder from a dict of files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from forvictims.content.structure import REQUIRED_PAGES

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"

# Recent enough that no review is due whenever the tests run.
CHECKED = (dt.date.today() - dt.timedelta(days=10)).isoformat()

SITE = """\
name: For Victims
organisation: West Midlands Police and Crime Commissioner
languages:
  en: English
base_url: /
exit_url: https://www.bbc.co.uk/weather
open_data_licence:
  name: Open Government Licence v3.0
  url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
emergency:
  police: "999"
  silent_solution: "55"
  textphone: "18000"
  non_emergency: "101"
"""

CRIME = """\
---
title: Domestic abuse
summary: When a partner or family member hurts or controls you.
keywords: [my partner hits me]
related: []
---
## What it is

Someone close to you hurts you. Read [staying safe online](/staying-safe-online/).

## What you can do now

- Talk to someone you trust.
"""

AREA = """\
---
title: Sandwell
ons_code: E08000028
places: [West Bromwich, Oldbury]
---
Help in Sandwell.
"""

SERVICE = f"""\
---
name: Test Helpline
organisation: Test Charity
summary: Free help, day or night.
crime_types: [domestic-abuse]
areas: national
phones:
  - number: 0808 2000 247
    free: true
hours: 24/7
web: https://www.example.org.uk
eligibility: Anyone.
source: https://www.example.org.uk/contact
last_checked: {CHECKED}
---
What happens when you call.
"""

def crime_with(extra: str) -> str:
    """CRIME with `extra` written where its text would end before "What you can do now" was
    added (on line 11), so that the lines messages name stay where they were."""
    return CRIME.replace("## What you can do now", extra.strip("\n") + "\n\n## What you can do now")


SITE_WITH_POLISH = SITE.replace("  en: English\n", "  en: English\n  pl: Polski\n")

MINIMAL: dict[str, str] = {
    "site.yaml": SITE,
    "crime-types/domestic-abuse.md": CRIME,
    "areas/sandwell.md": AREA,
    "services/test-helpline.md": SERVICE,
    **{f"pages/{slug}.md": f"---\ntitle: Page {slug}\nsummary: About {slug}.\n---\nText.\n"
       for slug in REQUIRED_PAGES},
}


def english_interface(root: Path, language: str) -> None:
    """Buttons and menus for `language` left in English (every string "translated" as itself),
    for tests about translated content that read the interface in English."""
    from babel.messages.pofile import read_po, write_po

    with (TRANSLATIONS / "messages.pot").open("rb") as file:
        catalog = read_po(file, locale=language)
    for message in catalog:
        if message.id:
            message.string = message.id
    path = root / "translations" / language / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog)


def write_tree(root: Path, changes: dict[str, str | bytes | None] | None = None,
               interface: bool = True) -> Path:
    """Write MINIMAL with `changes` applied (None deletes a file) into root/content, and beside
    it (unless not `interface`) the site's real translations of its buttons and menus."""
    if interface and not (root / "translations").exists():
        shutil.copytree(TRANSLATIONS, root / "translations")
    files: dict[str, str | bytes | None] = {**MINIMAL, **(changes or {})}
    content = root / "content"
    for name, text in files.items():
        if text is None:
            continue
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return content
