"""Translations of content: <kind>/<slug>.<language>.md, beside the English file it translates.

A translation carries only words (title, summary, body…); facts such as phone numbers live once,
in English. These pure functions say which version of the English a translation names, what a
translation may not hold, and how a page reads once translated. What is wrong with a translation
is for the editors' checks (editors/checks/translations.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import TYPE_CHECKING

from .model import TRANSLATABLE, Content, Translation

if TYPE_CHECKING:
    from .document import Document

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


def localise(english: Document, translation: Document[Translation]) -> Document:
    """The English document with the translated words in place of the English ones."""
    words = {name: value for name in TRANSLATABLE[type(english.meta)]
             if (value := getattr(translation.meta, name)) not in (None, [])}
    words["draft"] = english.meta.draft or translation.meta.draft  # the preview says so
    return replace(english, meta=english.meta.model_copy(update=words), body=translation.body,
                   source=translation.source, body_line=translation.body_line, node=translation.node,
                   language=translation.language, awaiting_review=not translation.meta.reviewed_by,
                   out_of_date=translation.meta.translated_from != source_version(english))
