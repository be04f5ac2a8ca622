"""Read every content file, check it, and gather what is sound into a Library.

Loading gathers every problem in every file before it stops, so editors fix them all in one
pass; every message names the file and line, says what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from pathlib import Path
from typing import Any, Iterable

import click
from pydantic import BaseModel, ValidationError

from . import checks, markdown, translation
from .frontmatter import FrontMatterError, load_yaml, locate, split
from .library import KINDS, REQUIRED_PAGES, WHAT, Document, Library, M, site_paths
from .model import (RESERVED_PAGES, SLUG, TRANSLATABLE, TRANSLATIONS, Emergency, OpeningTime, Phone, Site,
                    english_name)
from .problems import ContentError, Problem

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INTERFACE_TRANSLATIONS = PROJECT_ROOT / "translations"
"""Compiled translations of the site's buttons and menus, by language, as the app loads them."""

# forvictims new writes these where an editor has details to write; they are never published.
PLACEHOLDER = "REPLACE THIS"
EXAMPLE_ADDRESS = re.compile(r"(https?://(www\.)?|[\w.+-]+@)example\.(org|com)(?![.\w])[^\s#]*")
EXAMPLE_NUMBER = "020 7946 0000"  # an Ofcom number for drama: it never connects
EXAMPLE_CODE = "E08000000"  # no local authority has it


def _placeholders(line: str) -> list[str]:
    """What on one line of a file (not a draft) is still as forvictims new wrote it."""
    field = re.match(r"^\s*(?:- )?(\w+):", line)
    return [f"{field[1]}: {message}" if field else message for message in _placeholder_messages(line)]


def _placeholder_messages(line: str) -> list[str]:
    found = []
    if PLACEHOLDER in line:
        found.append(f"{PLACEHOLDER} marks words from forvictims new that still need writing: "
                     "write the real details here (or put back the line draft: true until they are ready)")
    if (address := EXAMPLE_ADDRESS.search(line)):
        found.append(f"{address[0]} is the example address from forvictims new: write the real one")
    if EXAMPLE_CODE in line:
        found.append(f"{EXAMPLE_CODE} is the example code from forvictims new: write the area's real ONS code")
    if EXAMPLE_NUMBER in line:
        found.append(f"{EXAMPLE_NUMBER} is the example number from forvictims new, and it never "
                     "connects: write the service's real number")
    return found


# Words that stand for every area or crime type, written without [ ] (not in a list).
EVERYWHERE = {"crime_types": ("all",), "areas": ("all", "national")}

# A translation sits beside its English file: domestic-abuse.pl.md translates domestic-abuse.md.
TRANSLATION_NAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<language>[A-Za-z_-]+)$")


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to where they are, when that is short."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


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


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice an editor most likely meant: "stalkng" → "stalking-and-harassment"."""
    def score(choice: str) -> float:
        return max(difflib.SequenceMatcher(None, word, choice).ratio(),
                   difflib.SequenceMatcher(None, word, choice[: len(word)]).ratio())
    best = max(choices, key=score, default=None)
    return best if best is not None and score(best) >= 0.75 else None


def suggest_slug(name: str) -> str:
    """A file name an editor could use instead: "Domestic Abuse" → "domestic-abuse"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "new-page"


def describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    """An editor-friendly sentence for one pydantic error."""
    kind, ctx = error["type"], error.get("ctx") or {}
    name = next((part for part in reversed(error["loc"]) if isinstance(part, str)), "")
    if kind == "missing":
        return f"is missing: add a line like `{name}: …`"
    if error.get("input", "") is None:
        return "is empty: write something after the colon, or remove the line"
    if kind == "extra_forbidden" and error.get("guess"):
        return f"is not a field we know: did you mean {error['guess']}?"
    if kind == "extra_forbidden":
        known = ", ".join(model.model_fields) if len(error["loc"]) == 1 else ""
        return "is not a field we know: check the spelling" + (f" (the fields are: {known})" if known else "")
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind == "literal_error" and error["loc"][:1] == ("areas",):
        return "must be national, all, or a list of areas by file name, like [sandwell, dudley]"
    if kind == "literal_error" and error["loc"][:1] == ("crime_types",):
        return "must be all, or a list of crime types by file name, like [domestic-abuse]"
    if kind == "literal_error":
        return f"must be one of: {ctx.get('expected', '').replace(chr(39), '')}"
    if kind == "string_type" and isinstance(error.get("input"), dict):
        return 'has a colon in it, so put the whole text in "quotes"'
    if kind in ("string_type", "string_sub_type"):
        return "must be text (put it in \"quotes\" if it looks like a number or a date)"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number, like 16"
    if kind in ("greater_than_equal", "less_than_equal"):
        return "must be between 0 and 120"
    if kind.startswith("date"):
        return "must be a date written like 2026-11-20"
    if kind == "too_short":
        return "is empty: list at least one"
    if kind in ("list_type", "tuple_type"):
        return "must be a list: write [first, second], or each item on its own line starting with -"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "must be a set of `name: value` lines"
    if kind == "string_pattern_mismatch":
        return {
            "ons_code": "must be an ONS code like E08000028",
            "silent_solution": "must be two digits, like 55",
        }.get(name, f"is not in the expected form ({ctx.get('pattern')})")
    return error["msg"]


# Fields made of smaller sets of fields, by the name they are written under.
NESTED: dict[str, type[BaseModel]] = {"phones": Phone, "hours": OpeningTime, "emergency": Emergency}


def _guess_misspelt_fields(details: list[dict[str, Any]], model: type[BaseModel]) -> set[tuple]:
    """Mark each unknown field with the field it was most likely meant to be (as "guess"), and
    return the locations of missing fields that a guess explains."""
    missing = {tuple(detail["loc"]) for detail in details if detail["type"] == "missing"}
    explained = set()
    for detail in details:
        if detail["type"] != "extra_forbidden":
            continue
        parent, key = tuple(detail["loc"][:-1]), str(detail["loc"][-1])
        owner = model if not parent else NESTED.get(str(parent[0]))
        known = [name for (*where, name) in missing if tuple(where) == parent]
        guess = closest(key, known) or (closest(key, owner.model_fields) if owner else None)
        if guess:
            detail["guess"] = guess
            explained.add((*parent, guess))
    return explained


def dotted(loc: tuple[Any, ...]) -> str:
    """("phones", 0, "number") → "phones[0].number"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class _Loader:
    """Collects documents and problems while reading a content folder."""

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self.problems: list[Problem] = []
        self.nodes: dict[str, Any] = {}  # source → YAML node tree, for cross-reference lines
        self.translation_paths: list[tuple[str, Path]] = []  # (folder, file), checked last
        self.unreadable: dict[str, set[str]] = {}  # folder → slugs of files with errors of their own

    def problem(self, source: str, line: int, message: str) -> None:
        self.problems.append(Problem(source, line, message))

    def validate(self, model: type[M], data: Any, node: Any, source: str, first_line: int,
                 missing: dict[str, str] | None = None) -> M | None:
        """The checked front matter, or None after reporting every problem in it. `missing`
        gives better advice than "add a line like…" for a missing field."""
        try:
            return model.model_validate(data)
        except ValidationError as error:
            details = error.errors()
            guessed = _guess_misspelt_fields(details, model)
            for detail in details:
                if detail["type"] == "missing" and tuple(detail["loc"]) in guessed:
                    continue  # "last_cheked: did you mean last_checked?" says it all
                line, loc = locate(node, detail["loc"], first_line)
                name = dotted(loc)
                message = describe(detail, model)
                if detail["type"] == "missing" and name in (missing or {}):
                    message = missing[name]
                self.problem(source, line, f"{name}: {message}" if name else message)
            return None

    def load_site(self) -> Site | None:
        path = self.content_dir / "site.yaml"
        source = display_path(path)
        if not path.is_file():
            self.problem(source, 1, "is missing: the site settings (name, languages, emergency numbers) live here")
            return None
        try:
            node, data = load_yaml(read_text(path).removeprefix("\ufeff"))
        except FrontMatterError as error:
            self.problem(source, error.line, error.message)
            return None
        self.nodes[source] = node
        if not isinstance(data, dict):
            self.problem(source, 1, "must be a set of `name: value` lines")
            return None
        return self.validate(Site, data, node, source, first_line=1)

    def load_kind(self, folder: str, model: type[M]) -> dict[str, Document[M]]:
        documents: dict[str, Document[M]] = {}
        directory = self.content_dir / folder
        if not directory.is_dir():
            self.problem(display_path(directory), 1, f"is missing: the {folder} files live in this folder")
            return documents
        for path in sorted(directory.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            source = display_path(path)
            if path.suffix != ".md":
                self.problem(source, 1, "is not a Markdown file: content files must end in .md")
                continue
            if folder == "pages" and path.stem in RESERVED_PAGES:
                self.problem(source, 1, (
                    f"/{path.stem}/ is already the address of one of the site's own pages, so this "
                    f"page could never be seen: rename the file, like {path.stem}-help.md"
                ))
                continue
            if TRANSLATION_NAME.match(path.stem):
                self.translation_paths.append((folder, path))
                continue
            if not SLUG.match(path.stem):
                self.problem(
                    source, 1,
                    "the file name becomes the web address, so it must be lower-case words joined "
                    f"by - with no spaces or capitals: rename it {suggest_slug(path.stem)}.md",
                )
                continue
            document = self.load_document(path, source, model, folder)
            if document is not None:
                documents[path.stem] = document
            else:  # its own problems are reported; links to it are not wrong as well
                self.unreadable.setdefault(folder, set()).add(path.stem)
        return documents

    def load_document(self, path: Path, source: str, model: type[M], folder: str,
                      language: str = "en", english_only: dict[str, str] | None = None,
                      missing: dict[str, str] | None = None) -> Document[M] | None:
        """One file, checked against `model`. Fields named in `english_only` are reported with
        the message given there (a translation naming a fact that only English may hold)."""
        try:
            text = read_text(path)
            parsed = split(text)
        except FrontMatterError as error:
            self.problem(source, error.line, error.message)
            return None
        self.nodes[source] = parsed.node
        if parsed.data.get("draft") is not True:
            for number, line in enumerate(text.splitlines(), start=1):
                if number < parsed.body_line and line.lstrip().startswith("#"):
                    continue  # a note for editors, never published
                for message in _placeholders(line):
                    self.problem(source, number, message)
        data = dict(parsed.data)
        for name in set(data) & set(english_only or {}):
            line, _ = locate(parsed.node, (name,), 2)
            self.problem(source, line, f"{name}: {english_only[name]}")
            del data[name]
        meta = self.validate(model, data, parsed.node, source, first_line=2, missing=missing)
        if meta is None:
            return None
        return Document(path.stem.split(".")[0], source, meta, parsed.body, parsed.body_line,
                        folder, language)

    def load_translations(self, site: Site | None,
                          loaded: dict[str, dict[str, Document]]) -> dict[tuple[str, str], dict[str, Document]]:
        """Check each translation against its English file and the site's languages."""
        translations: dict[tuple[str, str], dict[str, Document]] = {}
        for folder, path in self.translation_paths:
            source = display_path(path)
            slug, language = TRANSLATION_NAME.match(path.stem).group("slug", "language")
            english = display_path(path.with_name(f"{slug}.md"))
            if language == "en":
                self.problem(source, 1, f"English is written in {english}, not in a .en.md file: "
                                        "move the text there and delete this file")
                continue
            if site is not None and language not in site.languages:
                self.problem(source, 1, (
                    f'"{language}" is not one of the site\'s languages ({other_languages(site)}): check '
                    "the two letters before .md. Adding a language is a job for the developers"
                ))
                continue
            if not path.with_name(f"{slug}.md").exists():
                close = closest(slug, loaded[folder])
                hint = f": did you mean {close}.{language}.md?" if close else ": check the file name"
                self.problem(source, 1, f"is a translation of {english}, which does not exist{hint}")
                continue
            original = loaded[folder].get(slug)
            model = KINDS[folder]
            missing = {"translated_from": (
                f'is missing: add the line translated_from: "{translation.source_version(original)}" '
                f"if this translates {english} as it is now"
            )} if original else None
            document = self.load_document(path, source, TRANSLATIONS[model], folder, language,
                                          english_only=translation.english_only(model, english),
                                          missing=missing)
            if document is None or original is None:  # the English has problems of its own
                continue
            for line, message in translation.compare(original, document, self.nodes[source], site):
                self.problem(source, line, message)
            translations.setdefault((folder, slug), {})[language] = document
        return {key: dict(sorted(by_language.items())) for key, by_language in sorted(translations.items())}

    def check_texts(self, documents: list[Document], everything: dict[str, dict[str, Document]],
                    live: dict[str, dict[str, Document]]) -> None:
        """The Markdown of every file, and its words, checked as readers will meet them."""
        # A link to a file with errors of its own is not wrong as well.
        def paths(documents: dict[str, dict[str, Document]]) -> set[str]:
            slugs = {folder: set(docs) | self.unreadable.get(folder, set())
                     for folder, docs in documents.items()}
            return site_paths(crime_types=slugs["crime-types"], areas=slugs["areas"],
                              services=slugs["services"], pages=slugs["pages"])
        live_paths, all_paths = paths(live), paths(everything)
        for doc in documents:
            is_live = not doc.meta.draft and doc.slug in live[doc.folder]  # a translation's English too
            for line, message in markdown.check(doc.body, doc.body_line, live_paths if is_live else all_paths,
                                                drafts=all_paths - live_paths):
                self.problem(doc.source, line, message)
            for line, message in checks.false_claims(doc.body, doc.body_line):
                self.problem(doc.source, line, message)
            for name in TRANSLATABLE[KINDS[doc.folder]]:  # the title and summary show on the page too
                value = getattr(doc.meta, name)
                if isinstance(value, str):
                    for _, message in checks.false_claims(value, 1):
                        self.problem(doc.source, locate(self.nodes[doc.source], (name,), 2)[0], f"{name}: {message}")

    def check_reference(self, document: Document, loc: tuple[Any, ...], slug: str,
                        everything: dict[str, Any], published: dict[str, Any], folder: str) -> None:
        what = WHAT[folder]
        line, _ = locate(self.nodes.get(document.source), loc, first_line=2)
        if slug == PLACEHOLDER.lower().replace(" ", "-"):  # from forvictims new
            if not document.meta.draft:
                self.problem(document.source, line, (
                    f"{dotted(loc[:1])}: replace-this marks what forvictims new left for you to "
                    f"write: name the {what}s by file name, like [{next(iter(everything), 'name')}]"
                ))
        elif slug in everything and slug not in published and not document.meta.draft:
            self.problem(document.source, line, (
                f'{dotted(loc[:1])}: the {what} "{slug}" is still a draft, so it is not on the site: '
                "publish it first (delete draft: true in its file), or remove it here"
            ))
        elif slug in EVERYWHERE.get(loc[0], ()):
            self.problem(document.source, line, (
                f"{dotted(loc[:1])}: write `{loc[0]}: {slug}` on its own, without the [ ]: a list "
                f"is for naming {what}s, like [{next(iter(everything), 'name')}]"
            ))
        elif slug not in everything and slug not in self.unreadable.get(folder, ()):
            close = closest(slug, everything)
            hint = f'did you mean "{close}"?' if close else f"the {what}s are: {', '.join(everything) or 'none yet'}"
            self.problem(document.source, line, f'{dotted(loc[:1])}: there is no {what} called "{slug}": {hint}')

    def check_references(self, everything: dict[str, dict[str, Document]],
                         published: dict[str, dict[str, Document]]) -> None:
        def check(doc, field_name, folder):
            for index, slug in enumerate(getattr(doc.meta, field_name)):
                self.check_reference(doc, (field_name, index), slug, everything[folder],
                                     published[folder], folder)
        for doc in everything["services"].values():
            if isinstance(doc.meta.crime_types, list):
                check(doc, "crime_types", "crime-types")
            if isinstance(doc.meta.areas, list):
                check(doc, "areas", "areas")
        for doc in everything["crime-types"].values():
            check(doc, "related", "crime-types")

    def check_required_pages(self, everything: dict[str, Document], published: dict[str, Document]) -> None:
        if not (self.content_dir / "pages").is_dir():
            return
        for slug in REQUIRED_PAGES:
            source = display_path(self.content_dir / "pages" / f"{slug}.md")
            if slug in everything and slug not in published:
                self.problem(source, 1, "is a draft, but every page of the site links to it: "
                                        "delete the line draft: true")
            elif slug not in everything and slug not in self.unreadable.get("pages", ()):
                self.problem(source, 1, "is missing: every page of the site links to it, so it must exist")


def other_languages(site: Site) -> str:
    """"it has English and Polish (pl)", for messages about languages."""
    others = [f"{english_name(code)} ({code})" for code in list(site.languages)[1:]]
    return f"it has English and {', '.join(others)}" if others else "it has only English so far"


def require_folder(content_dir: Path) -> None:
    if not content_dir.is_dir():
        raise click.ClickException(
            f"There is no content folder at {display_path(content_dir)}: run this in the "
            "project folder (the one with the Makefile in it), or give the folder with --content"
        )


def read_one(content_dir: Path, folder: str, slug: str) -> tuple[Site | None, Document | None, list[Problem]]:
    """The site settings and one English file, each checked on its own (for forvictims new)."""
    loader = _Loader(content_dir)
    site = loader.load_site()
    path = content_dir / folder / f"{slug}.md"
    document = loader.load_document(path, display_path(path), KINDS[folder], folder)
    return site, document, loader.problems


def inspect(content_dir: Path | str, today: dt.date | None = None,
            drafts: bool = False) -> tuple[Library | None, list[Problem]]:
    """Read, validate and cross-check everything in `content_dir`.

    Returns the Library (None if any error stops it) and every problem found: errors, and
    warnings for what did load. Drafts are in the Library only if `drafts` (for the preview).
    """
    require_folder(Path(content_dir))
    loader = _Loader(Path(content_dir))
    site = loader.load_site()
    everything = {folder: loader.load_kind(folder, model) for folder, model in KINDS.items()}
    all_translations = loader.load_translations(site, everything)
    # Drafts are checked like everything else, but only the preview shows them. Every file is
    # checked as the published site will have it, so the preview shows what would stop a build.
    live = {folder: {slug: doc for slug, doc in documents.items() if not doc.meta.draft}
            for folder, documents in everything.items()}
    loader.check_references(everything, live)
    loader.check_required_pages(everything["pages"], live["pages"])
    loader.check_texts([*(doc for docs in everything.values() for doc in docs.values()),
                        *(doc for docs in all_translations.values() for doc in docs.values())],
                       everything, live)
    warnings = checks.warnings(site, display_path(loader.content_dir / "site.yaml"), everything,
                               all_translations, loader.nodes, today or dt.date.today(),
                               interface=INTERFACE_TRANSLATIONS)
    if loader.problems or site is None:
        return None, sorted({*loader.problems, *warnings})
    shown = everything if drafts else live
    translations = {key: chosen for key, by_language in all_translations.items()
                    if key[1] in shown[key[0]]
                    and (chosen := {language: doc for language, doc in by_language.items()
                                    if drafts or not doc.meta.draft})}
    library = Library(
        site=site,
        crime_types=dict(sorted(shown["crime-types"].items(), key=lambda item: item[1].meta.title)),
        areas=dict(sorted(shown["areas"].items(), key=lambda item: item[1].meta.title)),
        services=dict(sorted(shown["services"].items(), key=lambda item: item[1].meta.name.casefold())),
        pages=shown["pages"],
        translations=translations,
        warnings=tuple(warnings),
    )
    return library, warnings


def load_library(content_dir: Path | str, today: dt.date | None = None,
                 drafts: bool = False) -> Library:
    """Read, validate and cross-check everything in `content_dir`, or raise ContentError."""
    library, problems = inspect(content_dir, today, drafts)
    if library is None:
        raise ContentError([problem for problem in problems if not problem.warning])
    return library
