"""Translations against their English: the same numbers, words really translated, up to date;
and for each language, how much is still in English, buttons and menus included.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

from babel.messages.pofile import read_po

from ...content import markdown
from ...content.document import Document
from ...content.loading import Contents
from ...content.model import TRANSLATABLE, Area, Service, Site, Translation, english_name
from ...content.problems import Problem, command, display_path
from ...content.translation import source_version

# A sentence this long, word for word as in English, has not been translated.
SAME_SENTENCE_WORDS = 4
# Words that are often the same in every language: a service's name, an area's name.
KEPT_AS_IT_IS = {(Service, "name"), (Area, "title")}
# Any number of two digits or more, however it is spaced: 0808 2000 247, 0808-2000-247, 1 000.
NUMBER = re.compile(r"(?<![\d])\d(?:[\s\u00a0\u202f,-]?\d)+(?![\d])")


def problems(contents: Contents, interface: Path) -> list[Problem]:
    """Every problem of every translation, and per language what is not translated yet.
    `interface` is the folder of the translations of the buttons and menus (translations/)."""
    found = []
    for (folder, slug), by_language in contents.translations.items():
        english = contents.documents[folder][slug]
        for translation in by_language.values():
            found += [Problem(translation.source, line, message)
                      for line, message in compare(english, translation, contents.site)]
            found += _warnings(english, translation)
    if contents.site is not None:
        found += _missing(contents)
        found += _interface(contents, interface)
    return found


def compare(english: Document, translation: Document[Translation], site: Site | None) -> list[tuple[int, str]]:
    """(line, message) for each way a translation does not match its English file that must
    stop it being published."""
    problems = []
    if english.body.strip() and not translation.body.strip():
        problems.append((translation.body_line,
                         f"has no text after the front matter: translate the text of {english.source} too"))
    if not translation.meta.draft:
        problems += _words_left_in_english(english, translation)
    allowed = {_digits(number) for text in _texts_with_numbers(english, site) for number in NUMBER.findall(text)}
    for line, number in _numbers(translation):
        if _digits(number) not in allowed:
            problems.append((line, (
                f"the number {number} is not in {english.source}: copy numbers exactly from the "
                "English, so nobody is sent to a wrong number"
            )))
    return problems


def _warnings(english: Document, translation: Document[Translation]) -> list[Problem]:
    """A translation still being written, one whose English has changed since, and each
    sentence left in English."""
    found = []
    if translation.meta.draft:
        found.append(Problem(translation.source, translation.line_of("draft"), (
            "draft: this translation is not on the site yet: when all of it is translated, "
            "delete the line draft: true"), warning=True))
    current = source_version(english)
    if translation.meta.translated_from != current:
        found.append(Problem(translation.source, translation.line_of("translated_from"), (
            f"translated_from: {english.source} has changed since this was translated: "
            f"bring the translation up to date, then set translated_from: \"{current}\""), warning=True))
    if not translation.meta.draft:
        found += [Problem(translation.source, line, f'"{sentence}" is as it is in English: translate it', warning=True)
                  for line, sentence in same_sentences(english, translation)]
    return found


def _missing(contents: Contents) -> list[Problem]:
    """One warning per language: listing every untranslated file would drown the rest."""
    found = []
    published = {(folder, slug) for folder, documents in contents.live().items() for slug in documents}
    total = len(published)
    for language in list(contents.site.languages)[1:]:
        done = sum(key in published and language in by_language and not by_language[language].meta.draft
                   for key, by_language in contents.translations.items())
        if done < total:
            found.append(Problem(contents.site_source, contents.site_line("languages", language), (
                f"languages.{language}: {total - done} of {total} files have no "
                f"{english_name(language)} translation yet, so those pages show in English: "
                f"{command('report')} lists them"), warning=True))
    return found


def _interface(contents: Contents, interface: Path) -> list[Problem]:
    """Errors for a language of the site whose buttons and menus are not all translated: its
    pages would mix English into every screen. translations/messages.pot lists the strings."""
    found = []
    template = interface / "messages.pot"
    strings = catalogue_strings(template) if template.is_file() else None
    for language in list(contents.site.languages)[1:]:
        where = contents.site_source, contents.site_line("languages", language)
        name = english_name(language)
        path = interface / language / "LC_MESSAGES" / "messages.po"
        if not path.is_file():
            found.append(Problem(*where, (
                f"languages.{language}: the site's buttons and menus are not translated into {name}, "
                f"so its pages cannot be built: translations/{language}/LC_MESSAGES/messages.po is "
                "missing (the developers add it)")))
            continue
        found += _catalogue(path, language, strings)
    return found


def catalogue_strings(path: Path) -> dict[str, int]:
    """The interface strings of a catalogue (.pot or .po): text → line, for every entry that is
    translated (a .pot's entries all count)."""
    with path.open("rb") as file:
        catalog = read_po(file)
    template = path.suffix == ".pot"
    return {message.id: message.lineno for message in catalog
            if message.id and isinstance(message.id, str)
            and (template or (message.string and not message.fuzzy))}


PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


def _catalogue(path: Path, language: str, strings: dict[str, int] | None) -> list[Problem]:
    """Errors for strings the catalogue leaves out, and for translations that drop or change a
    placeholder like %(number)s or {time}, which would break the sentence on every page."""
    name, source = english_name(language), display_path(path)
    with path.open("rb") as file:
        catalog = read_po(file, locale=language)
    found = []
    for message in catalog:
        if message.id and isinstance(message.id, str) and isinstance(message.string, str) and message.string:
            wanted, written = sorted(set(PLACEHOLDER.findall(message.id))), sorted(set(PLACEHOLDER.findall(message.string)))
            if wanted != written:
                found.append(Problem(source, message.lineno, (
                    f'the {name} for "{message.id}" must keep {", ".join(wanted) or "no placeholders"} '
                    f'exactly as in English, and add none: it has {", ".join(written) or "none"}')))
    if strings is not None:
        translated = catalogue_strings(path)
        missing = [text for text in strings if text not in translated]
        if missing:
            shown = "; ".join(f'"{text}"' for text in missing[:5]) + ("; …" if len(missing) > 5 else "")
            found.append(Problem(source, 1, (
                f"{len(missing)} of the site's {len(strings)} button and menu texts are not "
                f"translated into {name} (or are marked fuzzy): {shown}. Translate them here")))
    return found


def same_sentences(english: Document, translation: Document) -> list[tuple[int, str]]:
    """(line, sentence) for each sentence of the translation's text that is word for word as in
    English. Headings are left out: they are often a name."""
    english_sentences = {text for _, text in markdown.sentences(english.body, 1)}
    return [(line, text) for line, text in _long_sentences(translation)
            if text in english_sentences]


def _long_sentences(document: Document) -> list[tuple[int, str]]:
    return [(line, text) for line, text in markdown.sentences(document.body, document.body_line, headings=False)
            if len(text.split()) >= SAME_SENTENCE_WORDS]


def _words_left_in_english(english: Document, translation: Document) -> list[tuple[int, str]]:
    """Errors for a translation, no longer a draft, that is still mostly in English."""
    problems = []
    for name in TRANSLATABLE[type(english.meta)]:
        value = getattr(translation.meta, name)
        if (type(english.meta), name) not in KEPT_AS_IT_IS and value and value == getattr(english.meta, name):
            problems.append((translation.line_of(name), (
                f"{name}: is the same as in {english.source}: translate it (or put back the line "
                "draft: true until the translation is done)"
            )))
    same, total = same_sentences(english, translation), len(_long_sentences(translation))
    if same and len(same) * 2 >= total:
        problems.append((same[0][0], (
            f"{len(same)} of the {total} sentences are as they are in {english.source}: translate "
            "them (or put back the line draft: true until the translation is done)"
        )))
    return problems


def _numbers(translation: Document) -> Iterator[tuple[int, str]]:
    """(line, number) for every number in a translation's words and text."""
    for name, value in translation.meta:
        for text in _texts(value) if name not in Translation.model_fields else ():
            for number in NUMBER.findall(text):
                yield translation.line_of(name), number
    for match in NUMBER.finditer(translation.body):
        yield translation.body_line + translation.body.count("\n", 0, match.start()), match[0]


def _texts_with_numbers(english: Document, site: Site | None) -> list[str]:
    """The texts whose numbers a translation of `english` may give: its English words, its
    phone numbers and the emergency numbers."""
    texts = [english.body, *(text for name in TRANSLATABLE[type(english.meta)]
                             for text in _texts(getattr(english.meta, name)))]
    if isinstance(english.meta, Service):
        texts += [phone.number for phone in english.meta.phones]
    if site is not None:
        texts += [number for _, number in site.emergency]
    return texts


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)
