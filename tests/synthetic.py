"""A synthetic content tree of any number of areas, for measuring how the build grows.

The site's own crime types, general pages and West Midlands-wide and national services are
copied as they are; the areas and their local services are made up: N areas, each with five
local services. Every number comes from Ofcom's ranges kept for drama, which never connect.
The tree passes `forvictims check`, so it builds like real content.

    python tests/synthetic.py --areas 300 national/content
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"

# Ofcom's telephone numbers for drama (never allocated to anyone), 1,000 in each range.
DRAMA_RANGES = ["0121 496 0{:03d}", "0113 496 0{:03d}", "0114 496 0{:03d}", "0116 496 0{:03d}",
                "0117 496 0{:03d}", "0118 496 0{:03d}", "0131 496 0{:03d}", "0141 496 0{:03d}",
                "0151 496 0{:03d}", "0161 496 0{:03d}", "0191 498 0{:03d}", "0808 157 0{:03d}"]

PREFIXES = ["Ash", "Bram", "Carl", "Dun", "Elm", "Fair", "Glen", "Hart", "Ivy", "Kings", "Lang",
            "Mill", "North", "Oak", "Pen", "Queens", "Red", "Stan", "Thorn", "Up", "Wick", "Yew"]
SUFFIXES = ["bury", "field", "ford", "ham", "ley", "mouth", "stead", "ton", "wick", "worth", "by",
            "dale", "gate", "hurst", "more"]

# Five local services in every area: (name, how many crime types, or "all").
LOCAL_SERVICES = [("Domestic Abuse Service", 3), ("Sexual Violence Support", 3),
                  ("Victims' Hub", "all"), ("Hate Crime Support", 2), ("Young People's Service", 4)]

AREA = """\
---
title: {title}
ons_code: E06{number:06d}
places: [{title} Centre, North {title}, {title} Green, Upper {title}]
council: https://www.{slug}.gov.uk
---
{title} has its own services for people harmed by crime. You can also use every service across the
West Midlands and every national helpline.

You can get support whether or not you report the crime to the police.
"""

SERVICE = """\
---
name: {area} {name}
organisation: {area} Community Trust
summary: Free, private support for people in {area}, from people who understand.
crime_types: {crime_types}
areas: [{slug}]
phones:
  - number: {phone}
    free: {free}
hours:
  - days: MO-FR
    opens: "09:00"
    closes: "17:00"
  - days: SA
    opens: "10:00"
    closes: "13:00"
web: https://www.{slug}-{index}.org.uk
eligibility: Anyone who lives in {area}, and people worried about them.
{ages}languages: [en, pl, ur]
interpreters: true
attending: [phone, venue]
access: [self-referral, referral]
source: https://www.{slug}-{index}.org.uk/contact
last_checked: {checked}
---
When you call, a support worker listens and asks what would help you most. You do not have to
give your name.

They can:

- talk through what happened, at your pace
- help you make a plan to feel safer
- go with you to appointments, if you want them to

You can call them on {phone}. If you are in danger now, call 999.
"""


def area_names(count: int) -> list[str]:
    names = [prefix + suffix for prefix in PREFIXES for suffix in SUFFIXES]
    if count > len(names):
        names += [f"{name} {n}" for n in range(2, 2 + count // len(names)) for name in names]
    return names[:count]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def english_files(folder: Path) -> list[Path]:
    """The English files of a content folder (translations are named <slug>.<language>.md)."""
    return [path for path in sorted(folder.glob("*.md")) if "." not in path.stem]


def write(destination: Path, areas: int, english_only: bool = False) -> Path:
    """Write a content tree with `areas` made-up areas into `destination` and return it: in
    every language the site has (every page but the interface in English), or `english_only`."""
    if destination.exists():
        shutil.rmtree(destination)
    for folder in ("crime-types", "pages"):
        (destination / folder).mkdir(parents=True)
        for path in english_files(CONTENT / folder):
            shutil.copy(path, destination / folder / path.name)
    site = (CONTENT / "site.yaml").read_text(encoding="utf-8")
    if english_only:  # the languages block, down to English alone
        site = re.sub(r"^(languages:\n  en: .*\n)(  [a-z]{2}: .*\n)+", r"\1", site, flags=re.MULTILINE)
    (destination / "site.yaml").write_text(site, encoding="utf-8")
    # The buttons and menus of every language the site has, where the build looks for them.
    shutil.copytree(CONTENT.parent / "translations", destination.parent / "translations", dirs_exist_ok=True)
    (destination / "services").mkdir()
    for path in english_files(CONTENT / "services"):
        if re.search(r"^areas: (national|all)$", path.read_text(encoding="utf-8"), re.MULTILINE):
            shutil.copy(path, destination / "services" / path.name)
    # The real areas' own services are left out: a link to one becomes its words alone.
    kept = {path.stem for path in (destination / "services").glob("*.md")}
    for path in (destination / folder / name for folder in ("crime-types", "pages", "services")
                 for name in os.listdir(destination / folder)):
        text = path.read_text(encoding="utf-8")
        unlinked = re.sub(r"\[([^\]]+)\]\(/services/([a-z0-9-]+)/\)",
                          lambda link: link[0] if link[2] in kept else link[1], text)
        if unlinked != text:
            path.write_text(unlinked, encoding="utf-8")
    contacts = re.compile(r"^contacts: \[(.*)\]$", re.MULTILINE)
    for path in (destination / "pages").glob("*.md"):  # the same for a page's first contacts
        text = path.read_text(encoding="utf-8")
        path.write_text(contacts.sub(lambda line: "contacts: [{}]".format(", ".join(
            slug for slug in line[1].split(", ") if slug in kept)), text), encoding="utf-8")

    crime_types = [path.stem for path in english_files(CONTENT / "crime-types")]
    checked = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    (destination / "areas").mkdir()
    for number, title in enumerate(area_names(areas), start=1):
        slug = slugify(title)
        (destination / "areas" / f"{slug}.md").write_text(
            AREA.format(title=title, slug=slug, number=number), encoding="utf-8")
        for index, (name, how_many) in enumerate(LOCAL_SERVICES):
            serial = (number - 1) * len(LOCAL_SERVICES) + index
            chosen = "all" if how_many == "all" else "[{}]".format(", ".join(
                crime_types[(serial + step) % len(crime_types)] for step in range(how_many)))
            young = name.startswith("Young")
            (destination / "services" / f"{slug}-{slugify(name)}.md").write_text(SERVICE.format(
                area=title, name=name, slug=slug, index=index, crime_types=chosen,
                phone=DRAMA_RANGES[serial % len(DRAMA_RANGES)].format(serial // len(DRAMA_RANGES) % 1000),
                free=str(serial % 2 == 0).lower(), checked=checked,
                ages="minimum_age: 11\nmaximum_age: 25\n" if young else "",
            ), encoding="utf-8")
    return destination


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=300, help="how many areas to make up")
    parser.add_argument("destination", type=Path, help="the content folder to write")
    arguments = parser.parse_args()
    write(arguments.destination, arguments.areas)
    print(f"Wrote {arguments.areas} areas into {arguments.destination}.")


if __name__ == "__main__":
    main()
