"""Content as editors and the build meet it: read every file, check them together, and gather
what may be published into a Library, or say what stops it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..content import loading
from ..content.library import Library
from ..content.loading import gather
from ..content.problems import ContentError, Problem, display_path
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


def load_library(content_dir: Path | str, today: dt.date | None = None,
                 drafts: bool = False) -> Library:
    """Read, validate and cross-check everything in `content_dir`, or raise ContentError."""
    library, problems = inspect(content_dir, today, drafts)
    if library is None:
        raise ContentError([problem for problem in problems if not problem.warning])
    return library
