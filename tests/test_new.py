"""`forvictims new`: a new file explains itself, passes check, and cannot be published half-written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content_tree import SITE_WITH_POLISH, write_tree
from forvictims.preview import preview_app
from forvictims.cli import main
from forvictims.content.problems import command
from forvictims.content.translation import source_version
from forvictims.content import structure
from forvictims.editors import load_library
from forvictims.editors.scaffold import FOLDERS

NEW_FILES = {
    "service": "services/sandwell-helpline.md",
    "crime-type": "crime-types/cyber-stalking.md",
    "area": "areas/walsall.md",
    "page": "pages/coping-after-crime.md",
}


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A small content tree in the folder an editor works in."""
    content = write_tree(tmp_path, {"site.yaml": SITE_WITH_POLISH})
    monkeypatch.chdir(tmp_path)
    return content


@pytest.mark.parametrize("kind", FOLDERS)
def test_a_new_file_passes_check_as_a_draft(project, runner, kind):
    slug = Path(NEW_FILES[kind]).stem
    made = runner.invoke(main, ["new", kind, slug])
    checked = runner.invoke(main, ["check"])

    assert made.exit_code == 0, made.output
    assert made.output.splitlines()[0] == f"Wrote content/{NEW_FILES[kind]}."
    assert checked.exit_code == 0, checked.output
    assert f"content/{NEW_FILES[kind]}" in checked.output
    assert "draft: this is not on the site yet" in checked.output


@pytest.mark.parametrize("kind", FOLDERS)
def test_a_new_file_explains_every_field(project, runner, kind):
    runner.invoke(main, ["new", kind, Path(NEW_FILES[kind]).stem])
    text = (project / NEW_FILES[kind]).read_text(encoding="utf-8")
    front_matter = text.split("---\n")[1]
    lines = front_matter.splitlines()
    for field in structure.FOLDERS[FOLDERS[kind]].model.model_fields:
        written = [i for i, line in enumerate(lines) if line.startswith(f"{field}:")]
        commented = [i for i, line in enumerate(lines) if re.match(rf"^#\s*{field}:", line)]
        assert written or commented, f"{field} is not in the new {kind}"
        index = (written or commented)[0]
        assert any(line.startswith("# ") for line in lines[max(0, index - 3):index]), (
            f"{field} has no note above it")


@pytest.mark.parametrize("kind", FOLDERS)
def test_a_draft_is_in_the_preview_but_not_published(project, runner, kind):
    slug = Path(NEW_FILES[kind]).stem
    runner.invoke(main, ["new", kind, slug])
    url = {"service": f"/en/services/{slug}/", "crime-type": f"/en/crime/{slug}/",
           "area": f"/en/area/{slug}/", "page": f"/en/{slug}/"}[kind]

    preview = preview_app(project).test_client().get(url)
    built = runner.invoke(main, ["build"])

    assert preview.status_code == 200
    assert "Draft: only this preview shows it." in preview.get_data(as_text=True)
    assert built.exit_code == 0, built.output
    assert not Path("build", url.lstrip("/"), "index.html").exists()
    assert Path("build/en/index.html").exists()


@pytest.mark.parametrize("kind", FOLDERS)
def test_words_still_to_write_stop_a_file_going_live(project, runner, kind):
    runner.invoke(main, ["new", kind, Path(NEW_FILES[kind]).stem])
    path = project / NEW_FILES[kind]
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")

    checked = runner.invoke(main, ["check"])
    built = runner.invoke(main, ["build"])

    assert checked.exit_code == 1 and built.exit_code == 1
    assert f"content/{NEW_FILES[kind]}:" in checked.output
    assert "REPLACE THIS marks words from forvictims new that still need writing" in checked.output
    assert not Path("build").exists()


def test_a_new_translation_carries_the_words_and_the_version(project, runner):
    made = runner.invoke(main, ["new", "translation", "domestic-abuse", "--language", "pl"])
    checked = runner.invoke(main, ["check"])
    text = (project / "crime-types/domestic-abuse.pl.md").read_text(encoding="utf-8")
    translation = load_library(project, drafts=True).translations[("crime-types", "domestic-abuse")]["pl"]

    assert made.exit_code == 0, made.output
    assert checked.exit_code == 0, checked.output
    assert "title: Domestic abuse\n" in text and "Someone close to you hurts you." in text
    assert not [line for line in checked.output.splitlines()  # current, so not out of date
                if line.startswith("content/crime-types/domestic-abuse.pl.md") and "translated_from:" in line]
    assert f'translated_from: "{source_version(load_library(project).crime_types["domestic-abuse"])}"' in text
    assert translation.meta.draft is True


@pytest.mark.parametrize(("arguments", "message"), [
    (["page", "My Page"], 'Error: "My Page" cannot be a file name: the name becomes the web '
                          "address, so use lower-case words joined by -, like my-page"),
    (["page", "about"], "Error: content/pages/about.md already exists: open it to edit it, or "
                        "choose another name"),
    (["page", "helplines"], 'Error: "helplines" is already the address of one of the site\'s own '
                            "pages: choose another name"),
    (["translation", "domestic-abuse"], "Error: Say which language to translate into, like: --language pl"),
    (["translation", "domestic-abuse", "--language", "fr"],
     'Error: "fr" is not one of the site\'s languages yet (it has English and Polish (pl)). Adding '
     "a language is a job for the developers, because the site's buttons and menus need translating "
     "too: ask them"),
    (["translation", "domestic-abuse", "--language", "en"],
     "Error: English is the language every page is written in first: choose the language to "
     "translate into, like --language pl"),
    (["page", "coping", "--language", "pl"],
     "Error: --language is only for a translation, like: .venv/bin/forvictims new translation "
     "domestic-abuse --language pl"),
    (["translation", "domestic-abus", "--language", "pl"],
     "Error: There is no file called domestic-abus.md in content to translate: use the name of an "
     "English file without .md, like domestic-abuse"),
])
def test_new_refuses_clearly(project, runner, arguments, message):
    result = runner.invoke(main, ["new", *arguments])
    assert result.exit_code == 1
    assert result.output.strip() == message


@pytest.mark.parametrize("name", ["yes", "2024", "null", "on"])
def test_a_new_page_whose_name_yaml_would_misread_still_passes_check(project, runner, name):
    assert runner.invoke(main, ["new", "page", name]).exit_code == 0
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0, result.output


def test_new_translation_can_name_the_folder_when_two_files_share_a_name(project, runner):
    (project / "pages/domestic-abuse.md").write_text(
        "---\ntitle: About domestic abuse\nsummary: A page.\n---\nText.\n", encoding="utf-8")
    unsure = runner.invoke(main, ["new", "translation", "domestic-abuse", "--language", "pl"])
    sure = runner.invoke(main, ["new", "translation", "pages/domestic-abuse", "--language", "pl"])
    assert unsure.output.strip() == (
        "Error: More than one file is called domestic-abuse.md: say which to translate, like "
        "crime-types/domestic-abuse or pages/domestic-abuse")
    assert sure.exit_code == 0 and (project / "pages/domestic-abuse.pl.md").is_file()


def test_example_details_left_in_a_new_service_stop_it_going_live(project, runner):
    runner.invoke(main, ["new", "service", "sandwell-helpline"])
    path = project / "services/sandwell-helpline.md"
    # An editor writes over every REPLACE THIS but forgets the example details.
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", "")
                    .replace("REPLACE THIS", "Sandwell Helpline"), encoding="utf-8")
    result = runner.invoke(main, ["check"])
    messages = [line.split(": ", 1)[1] for line in result.output.splitlines()
                if line.startswith("content/services/sandwell-helpline.md") and ": warning: " not in line]
    assert result.exit_code == 1
    assert messages == [
        "crime_types: replace-this marks what forvictims new left for you to write: name the crime "
        "types by file name, like [domestic-abuse]",
        "areas: replace-this marks what forvictims new left for you to write: name the areas by "
        "file name, like [sandwell]",
        "number: 020 7946 0000 is the example number from forvictims new, and it never connects: "
        "write the service's real number",
        "web: https://example.org/ is the example address from forvictims new: write the real one",
        "source: https://example.org/contact is the example address from forvictims new: write the "
        "real one",
    ]


def test_new_translation_waits_until_the_english_has_no_errors(project, runner):
    runner.invoke(main, ["new", "page", "coping"])
    page = project / "pages/coping.md"
    page.write_text(page.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    result = runner.invoke(main, ["new", "translation", "coping", "--language", "pl"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "Error: Fix these first, then try again:"
    assert "content/pages/coping.md:15: summary: REPLACE THIS" in result.output
    assert not (project / "pages/coping.pl.md").exists()


@pytest.mark.parametrize("option", ["chat", "email", "minimum_age", "maximum_age", "hours"])
def test_an_optional_detail_switched_on_but_not_written_stops_a_service(project, runner, option):
    runner.invoke(main, ["new", "service", "sandwell-helpline"])
    path = project / "services/sandwell-helpline.md"
    path.write_text(path.read_text(encoding="utf-8").replace(f"# {option}: REPLACE THIS", f"{option}: REPLACE THIS"),
                    encoding="utf-8")
    result = runner.invoke(main, ["check"])
    errors = [line for line in result.output.splitlines()
              if line.startswith("content/services/sandwell-helpline.md:") and ": warning: " not in line]
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in errors] == [option]  # even in a draft, it cannot be read


def test_an_example_code_left_in_a_new_area_stops_it_going_live(project, runner):
    runner.invoke(main, ["new", "area", "walsall"])
    path = project / "areas/walsall.md"
    text = path.read_text(encoding="utf-8").replace("draft: true\n", "").replace("REPLACE THIS", "Walsall")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1
    assert ("ons_code: E08000000 is the example code from forvictims new: write the area's real ONS code"
            in result.output)
    assert "council: https://example.org/ is the example address from forvictims new" in result.output


def test_hints_name_the_command_as_it_can_be_typed(tmp_path, monkeypatch):
    # After `make site` the command is .venv/bin/forvictims, not on the PATH: hints say so.
    program = tmp_path / ".venv" / "bin" / "forvictims"
    program.parent.mkdir(parents=True)
    program.write_text("")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [str(program), "check"])
    monkeypatch.setenv("PATH", "/usr/bin")
    assert command("check") == ".venv/bin/forvictims check"
    # With the environment activated, plain forvictims works, and that is what hints say.
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{program.parent}:/usr/bin")
    assert command("report") == "forvictims report"
