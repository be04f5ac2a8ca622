"""The rules between files, and what editors should act on soon, grouped by subject.

Reading (content/loading.py) checks each file on its own; these check what it read, as a whole.
Errors stop a build; warnings do not, but `forvictims check --strict` counts them too.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ...content.document import Document
from ...content.loading import Contents
from ... import parallel
from ...content.problems import Problem
from ...search.documents import Helplines
from . import honesty, references, reviews, search, texts, translations


def problems(contents: Contents, today: dt.date, interface: Path) -> list[Problem]:
    """Every problem across the files of `contents`, errors and warnings. `interface` is the
    folder of the translations of the buttons and menus."""
    # The search check builds each language's search index, as long a job as checking every
    # text: it runs here, in this process, which keeps the indexes for what follows (the
    # preview's search page), while the texts are checked in shares beside it (see parallel.py).
    documents = texts_of(contents)
    ways = parallel.ways(len(documents))
    shares = [documents] if ways == 1 else [[], *(documents[number::ways - 1] for number in range(ways - 1))]
    found = first_problems(contents, today, interface)
    targets = texts.Targets.of(contents)
    for problems_found in parallel.run([functools.partial(_problems_of, contents, targets, share, number == 0)
                                        for number, share in enumerate(shares)]):
        found += problems_found
    return found


def first_problems(contents: Contents, today: dt.date, interface: Path) -> list[Problem]:
    """The quick checks, which the content must pass before any page is drawn from it: every
    file, page and service it names exists, every translation has its English."""
    english = [document for documents in contents.documents.values() for document in documents.values()]
    return [*references.problems(contents), *translations.problems(contents, interface),
            *reviews.problems(english, today)]


def texts_of(contents: Contents) -> list[Document]:
    """Every text the long checks read: English files, then translations."""
    english = [document for documents in contents.documents.values() for document in documents.values()]
    translated = [document for by_language in contents.translations.values() for document in by_language.values()]
    return english + translated


@dataclass(frozen=True)
class LongChecks:
    """The checks that take seconds at scale, as jobs that can run in any order, in any process,
    beside the build (publish.py): the search check of each language, which builds the index
    that language's search pages need, and the texts' checks, in parts."""

    search: dict[str, Callable[[], list[Problem]]]
    texts: list[Callable[[], list[Problem]]]


def long_checks(contents: Contents, shares: int, helplines: Callable[[str], Helplines] | None = None) -> LongChecks:
    """The long checks, the texts in `shares` parts (for `helplines`, see search.by_language)."""
    documents, targets = texts_of(contents), texts.Targets.of(contents)
    return LongChecks(search.by_language(contents, helplines), [
        functools.partial(_problems_of, contents, targets, documents[number::shares], False)
        for number in range(shares)])


def _problems_of(contents: Contents, targets: texts.Targets, documents: list[Document],
                 with_search: bool) -> list[Problem]:
    found = search.problems(contents) if with_search else []
    for document in documents:  # one text after another: each is parsed once for all
        found += texts.problems(document, targets) + honesty.problems(document)
    return found
