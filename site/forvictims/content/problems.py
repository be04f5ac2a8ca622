"""Problems found in content, reported to editors all at once, naming files as editors type them."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import click


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to where they are, when that is short."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def command(args: str) -> str:
    """`forvictims ARGS` as someone can type it in this terminal: plain `forvictims` when that is
    the program running now, otherwise its path from here (like .venv/bin/forvictims after
    `make site`, which does not put it on the PATH)."""
    program = Path(sys.argv[0])
    if program.name == "forvictims":
        found = shutil.which("forvictims")
        if found and Path(found).resolve() == program.resolve():
            return f"forvictims {args}"
        return f"{display_path(program)} {args}"
    return f".venv/bin/forvictims {args}"  # run some other way: the setup `make site` gives


def plural(count: int, word: str) -> str:
    """(0, "warning") → "no warnings"; (1, "error") → "1 error"."""
    return f"{'no' if count == 0 else count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where it is, what is wrong and how to fix it.

    An error stops the build. A warning does not: the site still builds, but an editor should
    act on it soon (a review date has passed, a number still needs confirming).
    """

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


class ContentError(click.ClickException):
    """Content that cannot be built. Lists every problem, so editors fix them in one pass."""

    def __init__(self, problems: list[Problem], outcome: str = "Nothing was built."):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        heading = f"Found {plural(count, 'problem')} in the content. {outcome}"
        super().__init__("\n".join([heading, *map(str, self.problems)]))

    def format_message(self) -> str:
        return self.message
