"""The editors' guide tells the truth: its commands exist and its examples are what editors see."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import CONTENT
from forvictims.cli import main

GUIDE = (CONTENT / "README.md").read_text(encoding="utf-8")
SHOWN = {line.strip() for line in GUIDE.splitlines() if line.startswith("    ")}  # code blocks


@pytest.fixture
def content_copy(tmp_path, monkeypatch):
    """The real content in English only, as the guide's examples have it, copied where an
    editor's changes cannot hurt it (translations would repeat each example's message)."""
    shutil.copytree(CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns("*.*.md", "search-words.*.yaml"))
    site = tmp_path / "content" / "site.yaml"
    site.write_text(re.sub(r"(languages:\n  en: English\n)(  \w+: .*\n)+", r"\1",
                           site.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def test_every_command_in_the_guide_exists():
    used = set(re.findall(r"\.venv/bin/forvictims (\w+)", GUIDE))
    assert used == {"serve", "check", "new", "report", "search"}
    assert used <= set(main.commands)


def test_the_wrong_number_example_is_what_check_prints(content_copy, runner):
    galop = content_copy / "services/galop.md"
    galop.write_text(galop.read_text(encoding="utf-8").replace("0800 999 5428", "0800 999 54"), encoding="utf-8")
    result = runner.invoke(main, ["check"])
    error = next(line for line in result.output.splitlines() if ": warning: " not in line)
    assert error in SHOWN
    def any_count(line: str) -> str:  # the number of warnings changes as reviews fall due
        return re.sub(r"\b\d+ warnings?\b", "N warnings", line)
    assert any_count(result.output.splitlines()[-1]) in {any_count(line) for line in SHOWN}


def test_the_new_service_example_is_what_new_prints(content_copy, runner):
    result = runner.invoke(main, ["new", "service", "sandwell-domestic-abuse-service"])
    assert result.exit_code == 0
    assert set(result.output.splitlines()) <= SHOWN


def test_the_out_of_date_translation_example_is_what_check_prints(content_copy, runner):
    site = content_copy / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("  en: English\n", "  en: English\n  pl: Polski\n"),
                    encoding="utf-8")
    runner.invoke(main, ["new", "translation", "domestic-abuse", "--language", "pl"])
    english = content_copy / "crime-types/domestic-abuse.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    result = runner.invoke(main, ["check"])
    stale = next(line for line in result.output.splitlines() if "translated_from:" in line)
    without_version = re.compile(r'translated_from: "[0-9a-f]{8}"')
    assert without_version.sub("VERSION", stale) in {without_version.sub("VERSION", line) for line in SHOWN}
