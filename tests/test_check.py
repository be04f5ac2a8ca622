"""`forvictims check`: warnings that do not stop a build, and --strict, which makes them count."""

from __future__ import annotations

import re

import pytest

import synthetic
from conftest import CONTENT
from content_tree import CHECKED, CRIME, SERVICE, SITE_WITH_POLISH, crime_with, write_tree
from forvictims.cli import main
from forvictims.editors.checks.honesty import false_claims
from forvictims.content.translation import source_version
from forvictims.editors import inspect, load_library

CRIME_FILE = "crime-types/domestic-abuse.md"
SERVICE_FILE = "services/test-helpline.md"

HARD_PAGE = " ".join([
    "Victims experiencing domestic abuse are encouraged to access the comprehensive range of "
    "specialist provision commissioned by the Police and Crime Commissioner.",
    "Eligibility is determined following an individualised assessment of vulnerability, "
    "undertaken by an appropriately qualified practitioner.",
    "Organisations delivering interventions operate in accordance with statutory guidance and "
    "established safeguarding procedures.",
] * 3)
LONG_SENTENCE = "You can " + " ".join(["talk to us"] * 11) + "."


def polish_crime(version: str) -> str:
    return (f'---\ntranslated_from: "{version}"\ntitle: Przemoc domowa\n'
            "summary: Gdy ktoś bliski cię krzywdzi.\n---\nKtoś bliski cię krzywdzi.\n")


WARNINGS = [
    pytest.param(
        {CRIME_FILE: CRIME.replace("related: []", "related: []\nreview_by: 2020-01-01")},
        "content/crime-types/domestic-abuse.md:6: warning: review_by: this was due to be read "
        "through by 2020-01-01: check it is still right, then set last_checked to today and "
        "review_by to a date in the future",
        id="review-date-passed",
    ),
    pytest.param(
        {SERVICE_FILE: SERVICE.replace(f"last_checked: {CHECKED}", "last_checked: 2020-01-31")},
        "content/services/test-helpline.md:14: warning: last_checked: these facts were checked on "
        "2020-01-31, more than 6 months ago: check them on the provider's own website, then set "
        "last_checked to the day you did",
        id="service-facts-checked-long-ago",
    ),
    pytest.param(
        {SERVICE_FILE: SERVICE.replace("---\nWhat", "verify: true\nverify_reason: Seen only on a council page.\n---\nWhat")},
        "content/services/test-helpline.md:15: warning: verify: a number or fact here still needs "
        "confirming on the provider's own website: when it is confirmed, set verify: false and "
        "last_checked to the day you checked",
        id="number-awaiting-confirmation",
    ),
    pytest.param(
        {SERVICE_FILE: SERVICE.replace("web: https://", "web: http://")},
        "content/services/test-helpline.md:11: warning: web: http://www.example.org.uk starts "
        "http://, which others on the network can watch: use https:// if the site has it",
        id="web-address-not-private",
    ),
    pytest.param(
        {CRIME_FILE: crime_with("See [the charity](http://www.example.org.uk).")},
        'content/crime-types/domestic-abuse.md:11: warning: the link "http://www.example.org.uk" '
        "starts http://, which others on the network can watch: use https:// if the site has it",
        id="link-not-private",
    ),
    pytest.param(
        {CRIME_FILE: crime_with(LONG_SENTENCE)},
        'content/crime-types/domestic-abuse.md:11: warning: this sentence has 35 words ("You can '
        'talk to us talk …"): aim for 25 or fewer, so split it into two or three shorter sentences',
        id="sentence-too-long",
    ),
    pytest.param(
        {"pages/about.md": "---\ntitle: About\nsummary: Us.\n---\n" + HARD_PAGE + "\n"},
        "content/pages/about.md:5: warning: this page needs a reading age of about 25: aim for 9 "
        'to 11, with shorter sentences and everyday words (say "help", not "assistance")',
        id="page-too-hard-to-read",
    ),
    pytest.param(
        {"site.yaml": SITE_WITH_POLISH},
        "content/site.yaml:5: warning: languages.pl: 13 of 13 files have no Polish translation "
        "yet, so those pages show in English: .venv/bin/forvictims report lists them",
        id="translations-missing",
    ),
]


def test_a_language_without_translated_buttons_and_menus_cannot_be_built(tmp_path, monkeypatch, runner):
    write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH}, interface=False)
    monkeypatch.chdir(tmp_path)
    error = ("content/site.yaml:5: languages.pl: the site's buttons and menus are not translated "
             "into Polish, so its pages cannot be built: translations/pl/LC_MESSAGES/messages.po is "
             "missing (the developers add it)")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 1 and error in result.output.splitlines()


def test_an_incomplete_catalogue_names_its_language_and_the_strings_it_lacks(tmp_path, monkeypatch, runner):
    write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH})
    monkeypatch.chdir(tmp_path)
    catalogue = tmp_path / "translations/pl/LC_MESSAGES/messages.po"
    text = catalogue.read_text(encoding="utf-8")
    text = re.sub(r'(msgstr "[^"]*)\{count\}', r"\1{liczba}", text.replace('msgstr "Szukaj"', 'msgstr ""'))
    catalogue.write_text(text, encoding="utf-8")
    lines = runner.invoke(main, ["build"]).output.splitlines()
    assert any(line.startswith(
        "translations/pl/LC_MESSAGES/messages.po:1: 1 of the site's ") and line.endswith(
        'button and menu texts are not translated into Polish (or are marked fuzzy): "Search". '
        "Translate them here") for line in lines), lines
    assert any(line.startswith("translations/pl/LC_MESSAGES/messages.po:") and
               '"Pages found: {count}. The best come first." must keep {count} exactly as in English, '
               "and add none: it has {liczba}" in line for line in lines), lines


@pytest.mark.parametrize(("changes", "warning"), WARNINGS)
def test_warnings_do_not_stop_a_build_but_strict_does(tmp_path, monkeypatch, runner, changes, warning):
    write_tree(tmp_path, changes)
    monkeypatch.chdir(tmp_path)

    checked = runner.invoke(main, ["check"])
    strict = runner.invoke(main, ["check", "--strict"])

    assert checked.exit_code == 0, checked.output
    *warnings, summary = checked.output.splitlines()
    assert warning in warnings
    assert len(warnings) == 1
    assert summary == f"Checked 14 files: no errors, {len(warnings)} warning{'s' * (len(warnings) > 1)}."
    assert strict.exit_code == 1
    assert strict.output.splitlines()[-1] == f"Error: {summary} With --strict, warnings count as errors."


def test_clean_content_passes_even_strict(tmp_path, monkeypatch, runner):
    write_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["check", "--strict"])
    assert (result.exit_code, result.output) == (0, "Checked 14 files: no errors, no warnings.\n")


def test_errors_and_warnings_are_listed_together_and_fail(tmp_path, monkeypatch, runner):
    write_tree(tmp_path, {
        SERVICE_FILE: SERVICE.replace("0808 2000 247", "0121 49").replace("---\nWhat", "verify: true\nverify_reason: Seen only on a council page.\n---\nWhat"),
        CRIME_FILE: CRIME.replace("related: []", "related: []\nreview_by: 2020-01-01"),
    })
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in result.output.splitlines()] == [
        "content/crime-types/domestic-abuse.md:6",  # the warning for a file that loaded
        "content/services/test-helpline.md:8",  # the error; a file with errors has no warnings
        "Error",
    ]
    assert result.output.splitlines()[-1] == (
        "Error: 1 error and 1 warning. The site cannot be built until the errors are fixed: each "
        "line above says which file, which line, and what to do.")


def test_a_translation_goes_stale_when_its_english_changes(tmp_path, monkeypatch, runner):
    content = write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH})
    version = source_version(load_library(content).crime_types["domestic-abuse"])
    (content / "crime-types/domestic-abuse.pl.md").write_text(polish_crime(version), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "domestic-abuse.pl.md" not in runner.invoke(main, ["check"]).output

    (content / CRIME_FILE).write_text(CRIME.replace("hurts you", "hurts or scares you"), encoding="utf-8")
    changed = source_version(load_library(content).crime_types["domestic-abuse"])
    result = runner.invoke(main, ["check"])

    assert changed != version
    assert (
        "content/crime-types/domestic-abuse.pl.md:2: warning: translated_from: "
        "content/crime-types/domestic-abuse.md has changed since this was translated: bring the "
        f'translation up to date, then set translated_from: "{changed}"'
    ) in result.output.splitlines()


def test_a_change_to_facts_alone_leaves_translations_current(tmp_path):
    content = write_tree(tmp_path)
    before = source_version(load_library(content).services["test-helpline"])
    (content / SERVICE_FILE).write_text(SERVICE.replace("0808 2000 247", "0808 2000 248"), encoding="utf-8")
    assert source_version(load_library(content).services["test-helpline"]) == before


def test_the_real_content_has_no_errors(runner):
    result = runner.invoke(main, ["check", "--content", str(CONTENT)])
    assert result.exit_code == 0, result.output
    *problems, summary = result.output.splitlines()
    assert all(": warning: " in line for line in problems)
    assert summary.startswith("Checked ") and ": no errors, " in summary


@pytest.mark.parametrize(("sentence", "claim"), [
    ("Exit this page deletes your browsing history.", True),
    ("Press the button and it will clear your history.", True),
    ("Leaving this site removes it from your history.", True),
    ("Your history is deleted when you leave.", True),
    ("This site leaves no trace.", True),
    ("Nobody will know you were here.", True),
    ("The Exit this page button deletes your browsing history.", True),
    ("Exit this page hides your visit.", True),
    ("Using Exit this page means nobody will know you were here.", True),
    ("Press Exit this page and this site will not show in your history.", True),
    ("Exit this page does not stop this site from showing in your history.", False),
    ("They may say no one will find out.", False),
    ("No one can tell you whether to report it.", False),
    ("Nobody can see your messages unless they have your phone.", False),
    ("Some abuse leaves no trace on your body, but it is still abuse.", False),
    ("The button hides your screen, not your history.", False),
    ("Pages you open there will not show in your history after you close the window.", False),
    ("It removes the list of sites you visited.", False),
    ("It can also delete single pages from your history.", False),
    ("You can delete your browsing history.", False),
    ("To be safe, clear your history after your visit.", False),
    ("This site never deletes your history.", False),
    ("Exit this page will not automatically delete your history.", False),
    ("It does not delete this site from your history.", False),
    ("Learn how to remove this site from your history.", False),
    ("We keep no record of your visit.", False),
])
def test_only_claims_that_a_visit_is_hidden_are_errors(sentence, claim):
    assert bool(false_claims(sentence, 1)) is claim


def test_a_sentence_left_in_english_is_a_warning_and_most_of_them_an_error(tmp_path, monkeypatch, runner):
    english = CRIME + "\nYou can call us at any time.\n\nWe will listen to you.\n"
    polish = ('---\ntranslated_from: "0000abcd"\ntitle: Przemoc domowa\nsummary: Gdy ktoś cię krzywdzi.\n'
              "---\nKtoś bliski bardzo cię krzywdzi. Przeczytaj o bezpieczeństwie w sieci.\n\n"
              "Możesz zadzwonić o każdej porze.\n\nWe will listen to you.\n")
    write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH, CRIME_FILE: english,
                          "crime-types/domestic-abuse.pl.md": polish})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert ('content/crime-types/domestic-abuse.pl.md:10: warning: "We will listen to you." is as it '
            "is in English: translate it") in result.output.splitlines()

    (tmp_path / "content/crime-types/domestic-abuse.pl.md").write_text(
        polish.replace("Możesz zadzwonić o każdej porze.", "You can call us at any time."), encoding="utf-8")
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1
    assert ("content/crime-types/domestic-abuse.pl.md:8: 2 of the 4 sentences are as they are in "
            "content/crime-types/domestic-abuse.md: translate them (or put back the line draft: true "
            "until the translation is done)") in result.output.splitlines()


def test_the_made_up_site_that_measures_scale_has_no_errors(tmp_path):
    # make bench-scale builds it: it must stay valid content as the rules grow.
    content = synthetic.write(tmp_path / "content", areas=3)
    library, problems = inspect(content)
    assert [str(problem) for problem in problems if not problem.warning] == []
    assert len(library.areas) == 3 and len(library.support(area=next(iter(library.areas))).local) == 5


def test_an_english_sentence_after_a_panjabi_or_urdu_full_stop_is_found(tmp_path, monkeypatch, runner):
    english = CRIME + "\nYou can call us at any time.\n"
    site = SITE_WITH_POLISH.replace("  pl: Polski\n", "  pa: ਪੰਜਾਬੀ\n  ur: اردو\n")
    panjabi = ('---\ntranslated_from: "0000abcd"\ntitle: ਘਰੇਲੂ ਹਿੰਸਾ\nsummary: ਜਦੋਂ ਕੋਈ ਨੇੜਲਾ ਤੁਹਾਨੂੰ ਦੁੱਖ ਦਿੰਦਾ ਹੈ।\n'
               "---\nਕੋਈ ਨੇੜਲਾ ਤੁਹਾਨੂੰ ਦੁੱਖ ਦਿੰਦਾ ਹੈ। You can call us at any time.\n")
    urdu = ('---\ntranslated_from: "0000abcd"\ntitle: گھریلو تشدد\nsummary: جب کوئی قریبی آپ کو تکلیف دے۔\n'
            "---\nکوئی قریبی آپ کو تکلیف دیتا ہے۔ You can call us at any time.\n")
    write_tree(tmp_path, {"site.yaml": site, CRIME_FILE: english,
                          "crime-types/domestic-abuse.pa.md": panjabi, "crime-types/domestic-abuse.ur.md": urdu})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["check"])
    for language in ("pa", "ur"):
        assert (f'content/crime-types/domestic-abuse.{language}.md:6: warning: "You can call us at any time." '
                "is as it is in English: translate it") in result.output.splitlines(), result.output
