"""Read a content folder, every file parsed and checked on its own, and gather what may be
published into a Library.

Rules between files (references, links, translations against their English) are the editors'
checks, which run on what this reads. Every problem names the file and line, says what is
wrong and how to fix it; reading goes on after a problem, so editors fix them all in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import search_words, translation
from .document import FRONT_MATTER_LINE, Document
from .frontmatter import FrontMatterError, load_yaml, locate, split
from .library import Library
from .model import SLUG, TRANSLATIONS, Site, Translation, english_name
from .placeholders import placeholders
from .problems import Problem, display_path
from .structure import FOLDERS, KINDS, RESERVED_PAGES, Kind
from .validation import closest, suggest_slug, validate

# A translation sits beside its English file: domestic-abuse.pl.md translates domestic-abuse.md.
TRANSLATION_NAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<language>[A-Za-z_-]+)$")


@dataclass(frozen=True)
class Contents:
    """Everything read from a content folder, drafts included, and the problems of each file."""

    folder: Path
    site: Site | None
    site_source: str
    site_node: Any = field(repr=False)
    documents: dict[str, dict[str, Document]]
    """Folder → slug → the English file, for every file that could be read."""
    translations: dict[tuple[str, str], dict[str, Document[Translation]]]
    """(folder, slug) → language → the translation of that English file."""
    unreadable: dict[str, set[str]]
    """Folder → slugs of English files whose own problems stopped them being read."""
    problems: tuple[Problem, ...]
    search_words: dict[str, list[search_words.SearchWord]] = field(default_factory=dict)
    """Language → the words people type that its search words file sends to pages."""

    def live(self) -> dict[str, dict[str, Document]]:
        """The English files that are published: the documents less the drafts."""
        return {folder: {slug: doc for slug, doc in documents.items() if not doc.meta.draft}
                for folder, documents in self.documents.items()}

    def site_line(self, *loc: Any) -> int:
        """The line of site.yaml a setting is on, like site_line("languages", "pl")."""
        return locate(self.site_node, loc, 1)[0]


def read_text(path: Path) -> str:
    """The text of a content file, or a FrontMatterError saying why it cannot be read as text."""
    data = path.read_bytes()
    if b"\x00" in data:
        raise FrontMatterError(1, "this is not a text file: content files must be plain text (Markdown)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FrontMatterError(
            line,
            "this line has characters that are not UTF-8 text: save the file again as UTF-8 "
            "(in most editors: Save As, then choose UTF-8)",
        ) from None


SITE_ADVICE = {
    "open_data_licence": (
        "is missing: the list of services is published as open data, so say which licence people "
        "may use it under. Add a line `open_data_licence:` and, under it, each starting with two "
        "spaces, `name: Open Government Licence v3.0` and "
        "`url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/`"
    ),
}
"""Better advice than "add a line like…" for a setting of site.yaml that is missing."""


def read_site(content_dir: Path) -> tuple[Site | None, Any, list[Problem]]:
    """content/site.yaml, checked: (the settings or None, its YAML nodes, its problems)."""
    path = content_dir / "site.yaml"
    source = display_path(path)
    if not path.is_file():
        return None, None, [Problem(source, 1, "is missing: the site settings (name, languages, "
                                               "emergency numbers) live here")]
    try:
        node, data = load_yaml(read_text(path).removeprefix("\ufeff"))
    except FrontMatterError as error:
        return None, None, [Problem(source, error.line, error.message)]
    if not isinstance(data, dict):
        return None, node, [Problem(source, 1, "must be a set of `name: value` lines")]
    site, problems = validate(Site, data, node, first_line=1, missing=SITE_ADVICE)
    return site, node, [Problem(source, line, message) for line, message in problems]


def read_document(path: Path, kind: Kind, model: type | None = None, language: str = "en",
                  english_only: dict[str, str] | None = None,
                  missing: dict[str, str] | None = None) -> tuple[Document | None, list[Problem]]:
    """One file of `kind`, checked against its model (or `model`, for a translation): the
    Document, or None when its problems stop it being read, and its problems.

    Fields named in `english_only` are reported with the message given there (a translation
    naming a fact that only English may hold); `missing` gives advice for missing fields.
    """
    source = display_path(path)
    try:
        text = read_text(path)
        parsed = split(text)
    except FrontMatterError as error:
        return None, [Problem(source, error.line, error.message)]
    problems = []
    if parsed.data.get("draft") is not True:
        problems += [Problem(source, line, message) for line, message in placeholders(text, parsed.body_line)]
    data = dict(parsed.data)
    for name in set(data) & set(english_only or {}):
        problems.append(Problem(source, locate(parsed.node, (name,), FRONT_MATTER_LINE)[0],
                                f"{name}: {english_only[name]}"))
        del data[name]
    meta, invalid = validate(model or kind.model, data, parsed.node, FRONT_MATTER_LINE, missing)
    problems += [Problem(source, line, message) for line, message in invalid]
    if meta is None:
        return None, problems
    return Document(path.stem.split(".")[0], source, meta, parsed.body, parsed.body_line,
                    kind.folder, language, node=parsed.node), problems


def _name_problem(path: Path, kind: Kind) -> str | None:
    """What is wrong with the name of a file in a content folder, if anything."""
    if path.suffix != ".md":
        return "is not a Markdown file: content files must end in .md"
    if kind.folder == "pages" and path.stem in RESERVED_PAGES:
        return (f"/{path.stem}/ is already the address of one of the site's own pages, so this "
                f"page could never be seen: rename the file, like {path.stem}-help.md")
    if not SLUG.match(path.stem) and not TRANSLATION_NAME.match(path.stem):
        return ("the file name becomes the web address, so it must be lower-case words joined "
                f"by - with no spaces or capitals: rename it {suggest_slug(path.stem)}.md")
    return None


def files_in(content_dir: Path, kind: Kind) -> tuple[list[Path], list[Path], list[Problem]]:
    """The English files and the translations in a kind's folder, and problems with the rest."""
    directory = content_dir / kind.folder
    if not directory.is_dir():
        return [], [], [Problem(display_path(directory), 1, f"is missing: the {kind.folder} files live in this folder")]
    english, translations, problems = [], [], []
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if (message := _name_problem(path, kind)):
            problems.append(Problem(display_path(path), 1, message))
        elif SLUG.match(path.stem):
            english.append(path)
        else:
            translations.append(path)
    return english, translations, problems


def read_translation(path: Path, kind: Kind, site: Site | None,
                     english: Document | None, known: set[str]) -> tuple[Document | None, list[Problem]]:
    """One translation, checked on its own and against the site's languages: `english` is its
    English file if that could be read, `known` the slugs of every English file in its folder."""
    source = display_path(path)
    slug, language = TRANSLATION_NAME.match(path.stem).group("slug", "language")
    english_source = display_path(path.with_name(f"{slug}.md"))
    if language == "en":
        return None, [Problem(source, 1, f"English is written in {english_source}, not in a .en.md "
                                         "file: move the text there and delete this file")]
    if site is not None and language not in site.languages:
        return None, [Problem(source, 1, (
            f'"{language}" is not one of the site\'s languages ({other_languages(site)}): check '
            "the two letters before .md. Adding a language is a job for the developers"
        ))]
    if slug not in known:
        close = closest(slug, known)
        hint = f": did you mean {close}.{language}.md?" if close else ": check the file name"
        return None, [Problem(source, 1, f"is a translation of {english_source}, which does not exist{hint}")]
    missing = {"translated_from": (
        f'is missing: add the line translated_from: "{translation.source_version(english)}" '
        f"if this translates {english_source} as it is now"
    )} if english else None
    return read_document(path, kind, TRANSLATIONS[kind.model], language,
                         english_only=translation.english_only(kind.model, english_source), missing=missing)


def other_languages(site: Site) -> str:
    """"it has English and Polish (pl)", for messages about languages."""
    others = [f"{english_name(code)} ({code})" for code in list(site.languages)[1:]]
    return f"it has English and {', '.join(others)}" if others else "it has only English so far"


def read(content_dir: Path | str) -> Contents:
    """Read every file in `content_dir`, each checked on its own."""
    content_dir = Path(content_dir)
    site, site_node, problems = read_site(content_dir)
    documents: dict[str, dict[str, Document]] = {}
    unreadable: dict[str, set[str]] = {}
    translations: dict[tuple[str, str], dict[str, Document]] = {}
    for kind in KINDS:
        english, translated, found = files_in(content_dir, kind)
        problems += found
        documents[kind.folder] = {}
        for path in english:
            document, found = read_document(path, kind)
            problems += found
            if document is None:
                unreadable.setdefault(kind.folder, set()).add(path.stem)
            else:
                documents[kind.folder][path.stem] = document
        known = {path.stem for path in english}
        for path in translated:
            slug, language = TRANSLATION_NAME.match(path.stem).group("slug", "language")
            document, found = read_translation(path, kind, site, documents[kind.folder].get(slug), known)
            problems += found
            if document is not None and slug in documents[kind.folder]:  # compared with its English
                translations.setdefault((kind.folder, slug), {})[language] = document
    words, found = read_search_words(content_dir, site)
    return Contents(
        folder=content_dir, site=site, site_source=display_path(content_dir / "site.yaml"),
        site_node=site_node, documents=documents,
        translations={key: dict(sorted(by_language.items())) for key, by_language in sorted(translations.items())},
        unreadable=unreadable, problems=tuple(problems + found), search_words=words,
    )


def read_search_words(content_dir: Path, site: Site | None) -> tuple[dict[str, list], list[Problem]]:
    """Each language's search words file (see search_words.py), and what is wrong with them."""
    words, problems = {}, []
    for language, path in search_words.files(content_dir).items():
        if site is not None and language not in site.languages:
            problems.append(Problem(display_path(path), 1, (
                f'this file is for a language the site does not have ("{language}"): '
                f"{other_languages(site)}. Add the language to languages in content/site.yaml, "
                "or rename the file")))
            continue
        try:
            text = read_text(path)
        except FrontMatterError as error:
            problems.append(Problem(display_path(path), error.line, error.message))
            continue
        words[language], found = search_words.read(path, text)
        problems += found
    return words, problems


def read_one(content_dir: Path, folder: str, slug: str) -> tuple[Site | None, Document | None, list[Problem]]:
    """The site settings and one English file, each checked on its own (for forvictims new)."""
    site, _, problems = read_site(content_dir)
    document, found = read_document(content_dir / folder / f"{slug}.md", FOLDERS[folder])
    return site, document, problems + found


def gather(contents: Contents, warnings: Iterable[Problem] = (), drafts: bool = False) -> Library:
    """The Library of what `contents` publishes: drafts too if `drafts` (for the preview)."""
    shown = contents.documents if drafts else contents.live()
    translations = {key: chosen for key, by_language in contents.translations.items()
                    if key[1] in shown[key[0]]
                    and (chosen := {language: doc for language, doc in by_language.items()
                                    if drafts or not doc.meta.draft})}
    return Library(
        site=contents.site,
        crime_types=dict(sorted(shown["crime-types"].items(), key=_crime_type_order(contents.site))),
        areas=dict(sorted(shown["areas"].items(), key=lambda item: item[1].meta.title)),
        services=dict(sorted(shown["services"].items(), key=lambda item: item[1].meta.name.casefold())),
        pages=shown["pages"],
        translations=translations,
        search_words={language: tuple(words) for language, words in contents.search_words.items()},
        warnings=tuple(warnings),
    )


def _crime_type_order(site: Site | None):
    """Sort key for crime types: the site's order (commonest needs first), then by title."""
    first = {slug: position for position, slug in enumerate(site.crime_type_order if site else [])}
    return lambda item: (first.get(item[0], len(first)), item[1].meta.title)
