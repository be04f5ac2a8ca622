"""Translations: content/<kind>/<slug>.<language>.md, compared with the English file they translate.

A translation carries only words (title, summary, body…); facts such as phone numbers live once,
in English. These pure functions say what a translation may hold, what is wrong with one, and
how a page reads once translated.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import markdown
from .checks import source_version
from .frontmatter import locate
from .model import TRANSLATABLE, Content, Service, Site, Translation

if TYPE_CHECKING:
    from .library import Document

# A sentence this long, word for word as in English, has not been translated.
SAME_SENTENCE_WORDS = 4
# A phone number, or any number of three digits or more, as people write them: 0808 2000 247.
NUMBER = re.compile(r"(?<![\d])\d(?:[\d ]*\d){2,}(?![\d])")


def english_only(english: type[Content], source: str) -> dict[str, str]:
    """For each fact a translation must not carry, what to tell the editor who wrote one."""
    return {
        name: (f"facts like this are kept only in the English file, {source}: remove this line "
               "(a translation has only words to translate)")
        for name in english.model_fields
        if name not in TRANSLATABLE[english] and name not in Translation.model_fields
    }


def compare(english: Document, translation: Document[Translation], node: Any,
            site: Site | None) -> list[tuple[int, str]]:
    """(line, message) for each way a translation does not match its English file."""
    problems = []
    if english.body.strip() and not translation.body.strip():
        problems.append((translation.body_line,
                         f"has no text after the front matter: translate the text of {english.source} too"))
    if not translation.meta.draft:
        problems += _untranslated(english, translation, node)
    allowed = _numbers_of(english, site)
    lines = [(line, text) for name in TRANSLATABLE[type(english.meta)]
             for line in [locate(node, (name,), 2)[0]] for text in _texts(getattr(translation.meta, name))]
    lines += [(translation.body_line + offset, text) for offset, text in enumerate(translation.body.split("\n"))]
    for line, text in lines:
        for number in NUMBER.findall(text):
            if _digits(number) not in allowed:
                problems.append((line, (
                    f"the number {number} is not in {english.source}: copy numbers exactly from the "
                    "English, so nobody is sent to a wrong number"
                )))
    return problems


def _untranslated(english: Document, translation: Document, node: Any) -> list[tuple[int, str]]:
    """Words still in English in a translation that is no longer a draft."""
    problems = []
    for name in TRANSLATABLE[type(english.meta)]:
        if name == "name":
            continue  # a service's name often stays as it is
        value = getattr(translation.meta, name)
        if value and value == getattr(english.meta, name):
            problems.append((locate(node, (name,), 2)[0], (
                f"{name}: is the same as in {english.source}: translate it (or put back "
                "draft: true until the translation is done)"
            )))
    sentences = {text for _, text in markdown.sentences(english.body, 1)
                 if len(text.split()) >= SAME_SENTENCE_WORDS}
    translated = [text for _, text in markdown.sentences(translation.body, 1)
                  if len(text.split()) >= SAME_SENTENCE_WORDS]
    same = sum(text in sentences for text in translated)
    if same and same * 2 >= len(translated):
        problems.append((translation.body_line, (
            f"{same} of the {len(translated)} sentences are as they are in {english.source}: "
            "translate them (or put back draft: true until the translation is done)"
        )))
    return problems


def _numbers_of(english: Document, site: Site | None) -> set[str]:
    """The digits of every number a translation of `english` may give: those in its English
    words, its phone numbers and the emergency numbers."""
    texts = [english.body, *(text for name in TRANSLATABLE[type(english.meta)]
                             for text in _texts(getattr(english.meta, name)))]
    if isinstance(english.meta, Service):
        texts += [phone.number for phone in english.meta.phones]
    if site is not None:
        texts += [site.emergency.police, site.emergency.textphone, site.emergency.non_emergency]
    return {_digits(number) for text in texts for number in NUMBER.findall(text)}


def _texts(value: str | list[str] | None) -> list[str]:
    return value if isinstance(value, list) else [value] if value else []


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def localise(english: Document, translation: Document[Translation]) -> Document:
    """The English document with the translated words in place of the English ones."""
    words = {name: value for name in TRANSLATABLE[type(english.meta)]
             if (value := getattr(translation.meta, name)) not in (None, [])}
    words["draft"] = english.meta.draft or translation.meta.draft  # the preview says so
    return replace(english, meta=english.meta.model_copy(update=words), body=translation.body,
                   source=translation.source, body_line=translation.body_line,
                   language=translation.language, awaiting_review=not translation.meta.reviewed_by,
                   out_of_date=translation.meta.translated_from != source_version(english))
