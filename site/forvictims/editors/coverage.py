"""Coverage: for every area and crime type, how many specialist services help, and where from.

A specialist lists the crime type in its crime_types (a service for any crime, one that takes
reports, and one people turn to later, like restorative justice, are not counted). Pairs with no specialist at all come first: they are where help is
missing. Shown by `forvictims report`, in the terminal and in the staff HTML report.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content import ranking
from ..content.library import Library

GENERAL_IS_SPECIALIST = ("burglary-and-theft", "violence-and-assault")
"""Crime types for which Victim Support, a service for any crime, is the specialist: no other
service is expected, so the report does not list them as gaps."""


@dataclass(frozen=True)
class Cell:
    area: str  # titles, as editors read them
    crime: str
    area_slug: str
    crime_slug: str
    local: int
    regional: int
    national: int

    @property
    def total(self) -> int:
        return self.local + self.regional + self.national

    @property
    def gap(self) -> bool:
        """No specialist at all, where one is expected."""
        return self.total == 0 and self.crime_slug not in GENERAL_IS_SPECIALIST


def cells(library: Library) -> list[Cell]:
    """Every area × crime type (rows() orders them for reading)."""
    found = []
    for area in library.areas.values():
        for crime in library.crime_types.values():
            support = library.support(crime=crime.slug, area=area.slug)
            found.append(Cell(area.meta.title, crime.meta.title, area.slug, crime.slug,
                              _specialists(support.local, crime.slug),
                              _specialists(support.regional, crime.slug),
                              _specialists(support.national, crime.slug)))
    return found


def _specialists(documents, crime: str) -> int:
    return sum(ranking.specialism(document.meta, crime) < 2 and document.meta.first_contact
               for document in documents)


def summary(found: list[Cell]) -> str:
    gaps = sum(cell.gap for cell in found)
    no_local = sum(cell.local + cell.regional == 0 for cell in found)
    return (f"Coverage: {gaps} of {len(found)} area and crime type pairs have no specialist service; "
            f"{no_local} have no local or West Midlands-wide one.")


def rows(found: list[Cell]) -> list[tuple[str, list[Cell]]]:
    """The matrix: one row per crime type, one cell per area in the areas' order; crime types
    with the most pairs lacking a specialist first, then those with least local help."""
    by_crime: dict[str, list[Cell]] = {}
    for cell in sorted(found, key=lambda cell: cell.area):
        by_crime.setdefault(cell.crime, []).append(cell)
    return sorted(by_crime.items(), key=lambda item: (
        -sum(cell.gap for cell in item[1]), sum(cell.local + cell.regional > 0 for cell in item[1])))


def label(cell: Cell) -> str:
    """"1/2/3": local / West Midlands-wide / national specialists; "NONE" for a gap."""
    return "NONE" if cell.gap else f"{cell.local}/{cell.regional}/{cell.national}"


def table(found: list[Cell]) -> str:
    """The matrix as text for a terminal."""
    matrix = rows(found)
    areas = [cell.area for cell in matrix[0][1]] if matrix else []
    header = ["Crime type", *areas]
    body = [[crime, *(label(cell) for cell in cells)] for crime, cells in matrix]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = ["Specialist services for each crime type in each area: local / West Midlands-wide / "
             "national. NONE: no specialist at all."]
    lines += ["  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip()
              for row in [header, ["-" * width for width in widths], *body]]
    return "\n".join(lines)
