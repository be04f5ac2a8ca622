"""Search: the pages each search words file sends people to must exist, each word once; and a
crime type's own keywords must find its page, or a victim using those words would not."""

from __future__ import annotations

import functools
from typing import Callable

from ...content.library import Library
from ...content.loading import Contents, gather
from ...content.problems import Problem
from ...content.search_words import NAME, SEARCHED_FOLDERS, resolve
from ...content.validation import closest
from ...search.documents import Helplines, documents
from ...search.index import SearchIndex

TOP = 3  # a keyword finds its crime type when the page is among the first this many results


def problems(contents: Contents) -> list[Problem]:
    return [problem for check in by_language(contents).values() for problem in check()]


def by_language(contents: Contents, helplines: Callable[[str], Helplines] | None = None,
                ) -> dict[str, Callable[[], list[Problem]]]:
    """The search check as a job for each language, which builds that language's search index
    (kept for the build's search pages, see search/index.py): the first language's also checks
    the search words files. `helplines` gives the words of the page of every helpline in a
    language, as the site has them (in English if not given)."""
    if contents.site is None:
        return {"": functools.partial(_references, contents)}
    library = functools.cache(lambda: gather(contents))
    words = helplines or (lambda language: Helplines())
    first, *others = contents.site.languages
    return {first: lambda: [*_references(contents), *_keywords(library, first, words(first))],
            **{language: lambda language=language: _keywords(library, language, words(language))
               for language in others}}


def _references(contents: Contents) -> list[Problem]:
    """Errors for pages that do not exist or need their folder, and words listed twice."""
    found = []
    every = {folder: {**contents.documents.get(folder, {}),
                      **dict.fromkeys(contents.unreadable.get(folder, ()))}
             for folder in SEARCHED_FOLDERS}
    names = sorted({slug for folder in every.values() for slug in folder})
    for words in contents.search_words.values():
        seen: dict[str, int] = {}
        for word in words:
            key = " ".join(word.words.casefold().split())
            if key in seen:
                found.append(Problem(word.path, word.line, (
                    f'"{word.words}" is already on line {seen[key]}: put all its pages on one line')))
            seen.setdefault(key, word.line)
            for page in word.pages:
                matches = resolve(page, every)
                if len(matches) > 1:
                    folders = " or ".join(f"{folder}/{slug}" for folder, slug in matches)
                    found.append(Problem(word.path, word.line, (
                        f'"{page}" is the name of more than one file: write {folders}')))
                elif not matches:
                    close = closest(page.rpartition("/")[2], names)
                    hint = f'did you mean "{close}"?' if close else (
                        "use a file name from content/crime-types, content/areas, content/pages "
                        "or content/services, without .md")
                    found.append(Problem(word.path, word.line, f'there is no page called "{page}": {hint}'))
    return found


def _keywords(library: Callable[[], Library], language: str, helplines: Helplines) -> list[Problem]:
    """Warnings for crime type keywords that do not bring up their own page near the top, in
    `language`'s search (`library` gives the content's Library)."""
    localised = library().in_language(language)
    # An English page in another language is checked in English.
    translated = [crime for crime in localised.crime_types.values() if crime.language == language]
    if not translated:
        return []
    index = SearchIndex(documents(localised, language, helplines), language)
    found = []
    for crime in translated:
        own = (f"/crime/{crime.slug}/", f"/{crime.slug}/")
        for number, keyword in enumerate(crime.meta.keywords):
            results = index.search(keyword, TOP)
            if not any(result.path.endswith(own) for result in results):
                shown = "; ".join(result.title for result in results) or "nothing"
                found.append(Problem(crime.source, crime.line_of("keywords", number), (
                    f'searching for "{keyword}" does not show this page in the first {TOP} '
                    f"results (it shows {shown}): make the keyword say more about this crime, "
                    f"or send its words here in content/{NAME}.yaml"), warning=True))
    return found
