"""`forvictims report`: content health for staff, in the terminal and as a page kept out of build/."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from content_tree import CHECKED, CRIME, SERVICE, SITE_WITH_POLISH, write_tree
from forvictims.cli import main
from forvictims.content.translation import source_version
from forvictims.editors import load_library

POLISH_PAGE = '---\ntranslated_from: "{version}"\n{reviewed}title: O nas\nsummary: Kim jesteśmy.\n---\nTekst po polsku.\n'


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """Content with Polish: about is translated and checked, privacy is translated but awaits
    review, accessibility is out of date, get-help-now is a draft; a service is overdue."""
    content = write_tree(tmp_path, {
        "site.yaml": SITE_WITH_POLISH,
        "services/test-helpline.md": SERVICE.replace(f"last_checked: {CHECKED}", "last_checked: 2020-01-31")
                                            .replace("---\nWhat", "verify: true\nverify_reason: Seen only on a council page.\n---\nWhat"),
        "crime-types/domestic-abuse.md": CRIME.replace("related: []", "related: []\nreview_by: 2099-01-01"),
    })
    library = load_library(content)
    version = {slug: source_version(doc) for slug, doc in library.pages.items()}
    translations = {
        "about": POLISH_PAGE.format(version=version["about"], reviewed="reviewed_by: Anna Nowak\n"),
        "privacy": POLISH_PAGE.format(version=version["privacy"], reviewed=""),
        "accessibility": POLISH_PAGE.format(version="0000abcd", reviewed=""),
        "get-help-now": "---\ndraft: true\n" + POLISH_PAGE.format(version=version["get-help-now"], reviewed="")[4:],
    }
    for slug, text in translations.items():
        (content / "pages" / f"{slug}.pl.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return content


def test_report_prints_a_table_most_urgent_first(project, runner):
    result = runner.invoke(main, ["report"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["File", "Last", "checked", "Review", "due", "Confirm", "pl"]
    assert lines[2].split() == ["services/test-helpline", "2020-01-31", "2020-07-31", "OVERDUE", "YES", "missing"]
    rows = {line.split()[0]: line for line in lines[2:15]}
    assert rows["pages/about"].split()[-1] == "done"
    assert rows["pages/privacy"].endswith("to review")
    assert rows["pages/accessibility"].endswith("out of date")
    assert rows["pages/get-help-now"].split()[-1] == "draft"
    assert rows["crime-types/domestic-abuse"].split()[1:3] == ["not", "set"]  # never checked
    summary = lines.index("13 pages and services: 1 overdue for review, 1 with a fact to confirm, no drafts.")
    assert lines[summary + 1] == "Polish: 1 done, 1 to review, 1 out of date, 1 draft, 9 missing."
    assert lines[-1] == "The same report, as a web page: content-report.html"
    # Then coverage: each crime type's specialists in each area (here one national helpline).
    assert lines[summary + 3].startswith("Specialist services for each crime type in each area")
    assert lines[summary + 6].split() == ["Domestic", "abuse", "0/0/1"]


def test_report_writes_a_page_for_staff_outside_the_site(project, runner):
    runner.invoke(main, ["build"])
    result = runner.invoke(main, ["report"])
    page = BeautifulSoup(Path("content-report.html").read_text(encoding="utf-8"), "html.parser")

    assert result.exit_code == 0, result.output
    assert not list(Path("build").rglob("content-report.html"))
    rows = page.select("table")[0].select("tbody tr")
    assert len(rows) == 13
    first = [cell.get_text(" ", strip=True) for cell in rows[0].find_all(["th", "td"])]
    assert first[0] == "content/services/test-helpline.md"
    assert first[3] == "2020-07-31 (overdue)"
    assert first[4] == "Yes: confirm on the provider's site"
    assert first[6] == "missing"
    about = next(row for row in rows if row.th.get_text(strip=True) == "content/pages/about.md")
    assert about.find_all("td")[-1].get_text(" ", strip=True) == "done (checked by Anna Nowak)"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not page.select("script, link, img")  # one file, nothing fetched


def test_report_will_not_write_into_the_site(project, runner):
    result = runner.invoke(main, ["report", "--html", "build/report.html"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: build/report.html is inside the built site, which is published: write the report "
        "somewhere else, like --html content-report.html")


def test_report_will_not_write_into_a_site_built_elsewhere(project, runner):
    assert runner.invoke(main, ["build", "--output", "out/site"]).exit_code == 0
    result = runner.invoke(main, ["report", "--html", "out/site/en/report.html"])
    assert result.exit_code == 1 and "is inside the built site" in result.output
    assert not Path("out/site/en/report.html").exists()


def test_report_says_plainly_when_it_cannot_write(project, runner):
    Path("taken").write_text("a file, not a folder", encoding="utf-8")
    result = runner.invoke(main, ["report", "--html", "taken/report.html"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output.splitlines()[-1].startswith("Error: Could not write taken/report.html (")


def test_report_on_broken_content_lists_the_problems(project, runner):
    (project / "areas/sandwell.md").write_text("---\ntitle: Sandwell\n", encoding="utf-8")
    result = runner.invoke(main, ["report"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: Found 1 problem in the content. Fix them (.venv/bin/forvictims check lists them too), then "
        "run the report again.",
        "content/areas/sandwell.md:1: the details at the top start with --- but never end: add a "
        "line with only --- after them",
    ]


def test_a_drafts_missing_translations_are_not_counted_yet(project, runner):
    runner.invoke(main, ["new", "page", "coping"])
    result = runner.invoke(main, ["report"])
    lines = result.output.splitlines()
    summary = lines.index("14 pages and services: 1 overdue for review, 1 with a fact to confirm, 1 draft.")
    assert lines[summary + 1] == "Polish: 1 done, 1 to review, 1 out of date, 1 draft, 9 missing."
