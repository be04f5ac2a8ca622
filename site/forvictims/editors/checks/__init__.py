"""The rules between files, and what editors should act on soon, grouped by subject.

Reading (content/loading.py) checks each file on its own; these check what it read, as a whole.
Errors stop a build; warnings do not, but `forvictims check --strict` counts them too.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from ...content.loading import Contents
from ... import parallel
from ...content.problems import Problem
from . import honesty, references, reviews, search, texts, translations


def problems(contents: Contents, today: dt.date, interface: Path) -> list[Problem]:
    """Every problem across the files of `contents`, errors and warnings. `interface` is the
    folder of the translations of the buttons and menus."""
    english = [document for documents in contents.documents.values() for document in documents.values()]
    translated = [document for by_language in contents.translations.values() for document in by_language.values()]
    documents = english + translated
    targets = texts.Targets.of(contents)

    def share_problems(share: list, with_search: bool) -> list[Problem]:
        found = search.problems(contents) if with_search else []
        for document in share:  # one text after another: each is parsed once for all
            found += texts.problems(document, targets) + honesty.problems(document)
        return found

    # The search check builds each language's search index, as long a job as checking every
    # text: it runs here, in this process, which keeps the indexes for the build that follows
    # (search/index.py), while the texts are checked in shares beside it (see parallel.py).
    ways = parallel.ways(len(documents))
    shares = [documents] if ways == 1 else [[], *(documents[number::ways - 1] for number in range(ways - 1))]
    found = [*references.problems(contents), *translations.problems(contents, interface),
             *reviews.problems(english, today)]
    for problems_found in parallel.run([functools.partial(share_problems, share, number == 0)
                                        for number, share in enumerate(shares)]):
        found += problems_found
    return found
