"""References between files: the crime types and areas a service names, the crime types a crime
type suggests, and the general pages the site's own templates link to. Each must exist and be
published; a name that is close to a real one gets "did you mean".
"""

from __future__ import annotations

from typing import Any

from ...content.document import Document
from ...content.loading import Contents
from ...content.placeholders import PLACEHOLDER_SLUG
from ...content.problems import Problem, display_path
from ...content.structure import FOLDERS, REQUIRED_PAGES
from ...content.validation import closest, dotted

# Words that stand for every area or crime type, written without [ ] (not in a list).
EVERYWHERE = {"crime_types": ("all",), "areas": ("all", "national")}

# The fields that name other files, by the folder of the files they name.
REFERENCES = {
    "services": {"crime_types": "crime-types", "areas": "areas"},
    "crime-types": {"related": "crime-types"},
    "pages": {"contacts": "services"},
}


def problems(contents: Contents) -> list[Problem]:
    """Errors for every reference to a file that does not exist or is not published, and for
    every page the site links to that is missing or a draft."""
    live = contents.live()
    found = []
    for folder, fields in REFERENCES.items():
        for document in contents.documents[folder].values():
            for name, target in fields.items():
                slugs = getattr(document.meta, name)
                if isinstance(slugs, list):
                    found += [problem for index, slug in enumerate(slugs)
                              if (problem := _reference(document, (name, index), slug, contents,
                                                        live[target], target))]
    return found + _required_pages(contents, live) + _crime_type_order(contents, live)


def _crime_type_order(contents: Contents, live: dict[str, dict[str, Document]]) -> list[Problem]:
    """Each crime type in site.yaml's crime_type_order must exist, once."""
    if contents.site is None:
        return []
    everything, found, seen = contents.documents["crime-types"], [], set()
    for index, slug in enumerate(contents.site.crime_type_order):
        where = contents.site_source, contents.site_line("crime_type_order", index)
        if slug in seen:
            found.append(Problem(*where, f'crime_type_order: "{slug}" is listed twice: remove one'))
        elif slug not in everything and slug not in contents.unreadable.get("crime-types", ()):
            close = closest(slug, everything)
            hint = f'did you mean "{close}"?' if close else "check the file names in content/crime-types"
            found.append(Problem(*where, f'crime_type_order: there is no crime type called "{slug}": {hint}'))
        seen.add(slug)
    return found


def _reference(document: Document, loc: tuple[Any, ...], slug: str, contents: Contents,
               published: dict[str, Document], folder: str) -> Problem | None:
    everything = contents.documents[folder]
    what = FOLDERS[folder].name
    field, example = dotted(loc[:1]), next(iter(everything), "name")

    def problem(message: str) -> Problem:
        return Problem(document.source, document.line_of(*loc), f"{field}: {message}")

    if slug == PLACEHOLDER_SLUG:  # from forvictims new
        return None if document.meta.draft else problem(
            f"replace-this marks what forvictims new left for you to write: name the {what}s by "
            f"file name, like [{example}]")
    if slug in everything and slug not in published and not document.meta.draft:
        return problem(f'the {what} "{slug}" is still a draft, so it is not on the site: publish '
                       "it first (delete draft: true in its file), or remove it here")
    if slug in EVERYWHERE.get(loc[0], ()):
        return problem(f"write `{loc[0]}: {slug}` on its own, without the [ ]: a list is for "
                       f"naming {what}s, like [{example}]")
    if slug not in everything and slug not in contents.unreadable.get(folder, ()):
        close = closest(slug, everything)
        hint = f'did you mean "{close}"?' if close else f"the {what}s are: {', '.join(everything) or 'none yet'}"
        return problem(f'there is no {what} called "{slug}": {hint}')
    return None


def _required_pages(contents: Contents, live: dict[str, dict[str, Document]]) -> list[Problem]:
    folder = contents.folder / "pages"
    if not folder.is_dir():
        return []  # reading the folder said so
    found = []
    for slug in REQUIRED_PAGES:
        source = display_path(folder / f"{slug}.md")
        if slug in contents.documents["pages"] and slug not in live["pages"]:
            found.append(Problem(source, 1, "is a draft, but every page of the site links to it: "
                                            "delete the line draft: true"))
        elif slug not in contents.documents["pages"] and slug not in contents.unreadable.get("pages", ()):
            found.append(Problem(source, 1, "is missing: every page of the site links to it, so it must exist"))
    return found
