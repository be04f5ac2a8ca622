"""Content as editors and the build meet it: read every file, check them together, and gather
what may be published into a Library, or say what stops it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import click

from ..content import loading
from ..content.library import Library
from ..content.loading import gather
from ..content.problems import ContentError, Problem, display_path
from ..search.documents import Helplines
from . import checks


def interface_folder(content_dir: Path) -> Path:
    """Where the translations of the site's buttons and menus are kept: translations/, beside
    the content folder."""
    return Path(content_dir).resolve().parent / "translations"


def require_folder(content_dir: Path) -> None:
    if not Path(content_dir).is_dir():
        raise click.ClickException(
            f"There is no content folder at {display_path(Path(content_dir))}: run this in the "
            "project folder (the one with the Makefile in it), or give the folder with --content"
        )


def inspect(content_dir: Path | str, today: dt.date | None = None,
            drafts: bool = False) -> tuple[Library | None, list[Problem]]:
    """Read, validate and cross-check everything in `content_dir`.

    Returns the Library (None if any error stops it) and every problem found: errors, and
    warnings for what did load. Drafts are in the Library only if `drafts` (for the preview);
    every file is checked as the published site will have it, so the preview shows what would
    stop a build.
    """
    require_folder(Path(content_dir))
    contents = loading.read(content_dir)
    # In order of file and line; a problem found twice is said once.
    problems = sorted({*contents.problems, *checks.problems(
        contents, today or dt.date.today(), interface_folder(content_dir))})
    if contents.site is None or any(not problem.warning for problem in problems):
        return None, problems
    warnings = [problem for problem in problems if problem.warning]
    return gather(contents, warnings, drafts), warnings


@dataclass(frozen=True)
class Started:
    """Content read for a build and given the quick checks: its Library, ready for pages to be
    drawn from, the problems found so far, and what was read, for the long checks still to run
    as jobs beside the pages (long_checks). `finish` says whether it may be published."""

    library: Library
    problems: list[Problem]
    contents: loading.Contents

    def long_checks(self, helplines: Callable[[str], Helplines] | None = None) -> checks.LongChecks:
        """The long checks still to run (for `helplines`, see checks.search.by_language)."""
        texts = len(checks.texts_of(self.contents))
        return checks.long_checks(self.contents, max(1, texts // TEXTS_A_CHECK), helplines)


TEXTS_A_CHECK = 200  # texts checked in one job of the long checks


def start(content_dir: Path | str, today: dt.date | None = None) -> Started:
    """Read `content_dir` for a build and give it the quick checks, or raise ContentError with
    every problem, as load_library would: no page is drawn from content they find wrong."""
    require_folder(Path(content_dir))
    contents = loading.read(content_dir)
    today = today or dt.date.today()
    found = [*contents.problems, *checks.first_problems(contents, today, interface_folder(content_dir))]
    if contents.site is None or any(not problem.warning for problem in found):
        finish([*found, *checks.problems(contents, today, interface_folder(content_dir))])
    return Started(gather(contents), found, contents)


def finish(problems: list[Problem]) -> list[Problem]:
    """The warnings among `problems`, in order of file and line, each once; ContentError if
    there are errors."""
    problems = sorted(set(problems))
    errors = [problem for problem in problems if not problem.warning]
    if errors:
        raise ContentError(errors)
    return problems


def load_library(content_dir: Path | str, today: dt.date | None = None,
                 drafts: bool = False) -> Library:
    """Read, validate and cross-check everything in `content_dir`, or raise ContentError."""
    library, problems = inspect(content_dir, today, drafts)
    if library is None:
        raise ContentError([problem for problem in problems if not problem.warning])
    return library
