"""Every area covered: the specialist help the site lists for each crime type in each area, and
what `forvictims report` tells staff about it."""

from __future__ import annotations

import pytest

from forvictims.cli import main
from forvictims.editors import coverage

# Crime types every area must have a local or West Midlands-wide specialist for (issue: "every
# one of the 7 areas has at least one local or sub-regional specialist service").
LOCAL_HELP_EVERYWHERE = ("domestic-abuse", "rape-and-sexual-violence")

# Where no specialist is known yet, and why: the report lists these first.
KNOWN_GAPS = {
    ("coventry", "anti-social-behaviour"): "no stored copy of Coventry City Council's case review page",
}


@pytest.mark.parametrize("crime", LOCAL_HELP_EVERYWHERE)
def test_every_area_keeps_a_local_or_west_midlands_specialist(library, crime):
    for area in library.areas:
        support = library.support(crime=crime, area=area)
        near = [doc.slug for doc in [*support.local, *support.regional]
                if doc.meta.crime_types != "all" and doc.meta.first_contact]
        assert near, f"{area} has lost its last local or West Midlands-wide {crime} specialist"
    # The sexual assault referral centres are part of that help, in every area.
    for area in library.areas:
        names = [doc.meta.name for doc in library.support(crime="rape-and-sexual-violence", area=area)]
        assert any("Sexual Assault" in name or "Blue Sky" in name for name in names), area


def test_every_crime_type_keeps_a_specialist(library):
    for crime in library.crime_types:
        if crime in coverage.GENERAL_IS_SPECIALIST:  # Victim Support is the specialist there
            assert library.support(crime=crime).contacts()[0].slug == "victim-support-supportline"
            continue
        specialists = [doc for doc in library.support(crime=crime)
                       if doc.meta.crime_types != "all" and doc.meta.first_contact]
        assert specialists, f"{crime} has lost its last specialist service"


def test_the_only_pairs_without_a_specialist_are_the_known_ones(library):
    gaps = {(cell.area_slug, cell.crime_slug) for cell in coverage.cells(library) if cell.gap}
    assert gaps == set(KNOWN_GAPS)


def test_the_report_shows_coverage_with_gaps_first(runner, tmp_path):
    result = runner.invoke(main, ["report", "--html", str(tmp_path / "report.html")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    header = next(index for index, line in enumerate(lines) if line.startswith("Crime type "))
    assert "Birmingham" in lines[header] and "Wolverhampton" in lines[header]
    assert lines[header + 2].startswith("Anti-social behaviour") and "NONE" in lines[header + 2]
    assert "Coverage: 1 of 119 area and crime type pairs have no specialist service" in result.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<h2 id="coverage">Coverage</h2>' in page and '<td class="missing">NONE</td>' in page
