"""Search: the pages each search words file sends people to must exist, each word once; and a
crime type's own keywords must find its page, or a victim using those words would not."""

from __future__ import annotations

from ...content.loading import Contents, gather
from ...content.problems import Problem
from ...content.search_words import NAME, SEARCHED_FOLDERS, resolve
from ...content.validation import closest
from ...search.documents import documents
from ...search.index import SearchIndex

TOP = 3  # a keyword finds its crime type when the page is among the first this many results


def problems(contents: Contents) -> list[Problem]:
    return [*_references(contents), *_keywords(contents)]


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


def _keywords(contents: Contents) -> list[Problem]:
    """Warnings for crime type keywords that do not bring up their own page near the top."""
    if contents.site is None:
        return []
    library = gather(contents)
    found = []
    for language in library.languages:
        localised = library.in_language(language)
        # An English page in another language is checked in English.
        translated = [crime for crime in localised.crime_types.values() if crime.language == language]
        if not translated:
            continue
        index = SearchIndex(documents(localised, language), language)
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
