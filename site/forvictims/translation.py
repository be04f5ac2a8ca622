"""Translations: content/<kind>/<slug>.<language>.md, compared with the English file they translate.

A translation carries only words (title, summary, body…); facts such as phone numbers live once,
in English. These pure functions say what a translation may hold, what is wrong with one, and
how a page reads once translated.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Iterator

from . import markdown
from .frontmatter import locate
from .model import TRANSLATABLE, Area, Content, Service, Site, Translation

if TYPE_CHECKING:
    from .library import Document

# A sentence this long, word for word as in English, has not been translated.
SAME_SENTENCE_WORDS = 4
# Words that are often the same in every language: a service's name, an area's name.
KEPT_AS_IT_IS = {(Service, "name"), (Area, "title")}
# Any number of two digits or more, however it is spaced: 0808 2000 247, 0808-2000-247, 1 000.
NUMBER = re.compile(r"(?<![\d])\d(?:[\s\u00a0\u202f,-]?\d)+(?![\d])")


def source_version(document: Document) -> str:
    """The version of an English file that translations name in `translated_from`.

    It changes when the words a translation carries change (title, summary, body…), and not
    when a fact that lives only in English (a phone number, the hours) does.
    """
    words = {name: getattr(document.meta, name) for name in TRANSLATABLE[type(document.meta)]}
    text = json.dumps(words, ensure_ascii=False, sort_keys=True) + "\n" + document.body.strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def english_only(model: type[Content], source: str) -> dict[str, str]:
    """For each fact a translation of `model` must not carry, what to tell the editor who wrote
    one. `source` is the English file."""
    return {
        name: (f"facts like this are kept only in the English file, {source}: remove this line "
               "(a translation has only words to translate)")
        for name in model.model_fields
        if name not in TRANSLATABLE[model] and name not in Translation.model_fields
    }


def compare(english: Document, translation: Document[Translation], node: Any,
            site: Site | None) -> list[tuple[int, str]]:
    """(line, message) for each way a translation does not match its English file that must
    stop it being published."""
    problems = []
    if english.body.strip() and not translation.body.strip():
        problems.append((translation.body_line,
                         f"has no text after the front matter: translate the text of {english.source} too"))
    if not translation.meta.draft:
        problems += _words_left_in_english(english, translation, node)
    allowed = {_digits(number) for text in _texts_with_numbers(english, site) for number in NUMBER.findall(text)}
    for line, number in _numbers(translation, node):
        if _digits(number) not in allowed:
            problems.append((line, (
                f"the number {number} is not in {english.source}: copy numbers exactly from the "
                "English, so nobody is sent to a wrong number"
            )))
    return problems


def same_sentences(english: Document, translation: Document) -> list[tuple[int, str]]:
    """(line, sentence) for each sentence of the translation's text that is word for word as in
    English. Headings are left out: they are often a name."""
    english_sentences = {text for _, text in markdown.sentences(english.body, 1)}
    return [(line, text) for line, text in _long_sentences(translation)
            if text in english_sentences]


def _long_sentences(document: Document) -> list[tuple[int, str]]:
    return [(line, text) for line, text in markdown.sentences(document.body, document.body_line, headings=False)
            if len(text.split()) >= SAME_SENTENCE_WORDS]


def _words_left_in_english(english: Document, translation: Document, node: Any) -> list[tuple[int, str]]:
    """Errors for a translation, no longer a draft, that is still mostly in English."""
    problems = []
    for name in TRANSLATABLE[type(english.meta)]:
        value = getattr(translation.meta, name)
        if (type(english.meta), name) not in KEPT_AS_IT_IS and value and value == getattr(english.meta, name):
            problems.append((locate(node, (name,), 2)[0], (
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


def _numbers(translation: Document, node: Any) -> Iterator[tuple[int, str]]:
    """(line, number) for every number in a translation's words and text."""
    for name, value in translation.meta:
        for text in _texts(value) if name not in Translation.model_fields else ():
            for number in NUMBER.findall(text):
                yield locate(node, (name,), 2)[0], number
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
        emergency = site.emergency
        texts += [emergency.police, emergency.silent_solution, emergency.textphone, emergency.non_emergency]
    return texts


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


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
