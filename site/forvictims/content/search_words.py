"""The words people type when they search that are not on the page they need ("he beats me",
"nicked", "brum"), kept by comms staff in content/search-words.yaml, and in
content/search-words.<language>.yaml for each other language:

    beats me: [domestic-abuse, violence-and-assault]
    brum: [birmingham]

Each file is read and checked on its own here; whether the pages exist is checked with the
other references between files (editors/checks/search.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .frontmatter import FrontMatterError, check_duplicate_keys, load_yaml
from .problems import Problem, display_path

NAME = "search-words"
FILE_NAME = re.compile(rf"^{NAME}(?:\.(?P<language>[A-Za-z_-]+))?\.yaml$")
EXAMPLE = "beats me: [domestic-abuse, violence-and-assault]"


@dataclass(frozen=True)
class SearchWord:
    """Words, and the pages they should find: by file name ("domestic-abuse"), or by folder and
    file name where two folders have a file of that name ("crime-types/domestic-abuse")."""

    words: str
    pages: tuple[str, ...]
    path: str
    line: int


def files(content_dir: Path) -> dict[str, Path]:
    """Language → its search words file, for the files there are."""
    found = {}
    for path in sorted(Path(content_dir).glob(f"{NAME}*.yaml")):
        if (match := FILE_NAME.match(path.name)):
            found[match["language"] or "en"] = path
    return found


def read(path: Path, text: str) -> tuple[list[SearchWord], list[Problem]]:
    """The words of one file, and what is wrong with it (each with its line)."""
    name = display_path(path)
    try:
        node, _ = load_yaml(text.removeprefix("\ufeff"))
        if node is not None:
            check_duplicate_keys(node, first_line=1)
    except FrontMatterError as error:
        return [], [Problem(name, error.line, error.message)]
    if node is None:
        return [], []
    if not isinstance(node, MappingNode):
        return [], [Problem(name, 1, f"write one line for each word, like `{EXAMPLE}`")]
    words, problems = [], []
    for key, value in node.value:
        line = key.start_mark.line + 1
        problem = _problem(key, value)
        if problem:
            problems.append(Problem(name, line, problem))
        else:
            words.append(SearchWord(key.value.strip(), tuple(item.value.strip() for item in value.value), name, line))
    return words, problems


def _problem(key, value) -> str | None:
    if not isinstance(key, ScalarNode) or not key.value.strip():
        return f"each line starts with the words people type, then a colon, like `{EXAMPLE}`"
    words = key.value.strip()
    if not re.search(r"\w", words):
        return f'"{words}" has no letters in it: write words people type'
    if isinstance(value, ScalarNode) and value.value.strip():
        return f'"{words}": put the pages in [ ], like `{words}: [{value.value.strip()}]`'
    if not isinstance(value, SequenceNode) or not value.value:
        return f'"{words}" leads to no page: add the pages it should find in [ ] after the colon'
    if not all(isinstance(item, ScalarNode) and item.value.strip() for item in value.value):
        return f'"{words}": list the pages by file name, like [domestic-abuse, birmingham]'
    pages = [item.value.strip() for item in value.value]
    twice = next((page for index, page in enumerate(pages) if page in pages[:index]), None)
    if twice:
        return f'"{words}" lists {twice} twice: keep one'
    return None


SEARCHED_FOLDERS = ("crime-types", "areas", "pages", "services")


def resolve(page: str, documents: dict[str, dict]) -> list[tuple[str, str]]:
    """(folder, file name) of every file `page` can mean, given folder → file name → document:
    one when all is well, none when there is no such file, two when it needs its folder."""
    if "/" in page:
        folder, _, slug = page.partition("/")
        return [(folder, slug)] if folder in SEARCHED_FOLDERS and slug in documents.get(folder, {}) else []
    return [(folder, page) for folder in SEARCHED_FOLDERS if page in documents.get(folder, {})]
