"""Honesty: no text may promise that a visit to the site can be hidden. Nothing on it can.

Exit this page only opens another website; the visit stays in the browser's history. A sentence
that says otherwise is an error, wherever it stands: in a body, a title or a summary.
"""

from __future__ import annotations

import re

from ...content import markdown
from ...content.document import Document
from ...content.model import TRANSLATABLE
from ...content.problems import Problem
from ...content.structure import FOLDERS

# A claim that this site, its exit button or leaving it hides a visit: "Exit this page deletes
# your history", "this site will not show in your history", "nobody will know you were here",
# "this site leaves no trace". Each form names this site, the button or the visit, so honest
# advice about browsers ("it removes the list of sites you visited", "pages you open there will
# not show in your history") and other sentences ("no one can tell you what to do") pass.
_SITE = r"(exit this page|the exit (button|link)|this (button|site|website|page)|the button|leaving this (site|website|page))"
_ERASING = r"(erases?|deletes?|removes?|clears?|wipes?|hides?)"
_WITHOUT_NOT = r"(?:(?!\bnot\b)[^.!?]){0,40}"
CLAIMS_TO_ERASE_HISTORY = re.compile(
    rf"\b{_SITE}( button| link)? (will |can |also |then |automatically )*{_ERASING}\b{_WITHOUT_NOT}"
    r"\b(history|your visit|you were here|you visited)"
    rf"|\b(press|click|tap|use)\w* {_SITE}[^.!?]{{0,30}}\bit (will |can |also |then )*{_ERASING}\b"
    rf"{_WITHOUT_NOT}\bhistory"
    r"|\bhistory (is|will be|gets) (deleted|cleared|erased|wiped|removed) when you"
    r"|\b(this site|this website|this page|your visit)( will|'ll)? (not|never|n't) (show|appear|be)( up)?"
    r" in (your|the) (browsing |search )?history"
    r"|\b(nobody|no one|no-one) (will|can|would) (ever )?(know|see|find out|tell)"
    r" (that )?(you (were|have been) (here|on this site)|you visited)"
    rf"|\b({_SITE}|your visit)[^.!?]{{0,20}}\bleaves? no trace",
    re.IGNORECASE,
)


def false_claims(body: str, first_line: int) -> list[tuple[int, str]]:
    """Errors for sentences that promise a visit can be hidden: nothing on this site can."""
    return [
        (line, (
            f'"{sentence}" says a visit can be hidden, which is not true: Exit this page only opens '
            "another website, and the visit stays in the browser's history. Say instead that "
            "people can delete their history themselves, as the staying safe online page explains"
        ))
        for line, sentence in markdown.sentences(body, first_line)
        if CLAIMS_TO_ERASE_HISTORY.search(" ".join(sentence.split()))
    ]


def problems(document: Document) -> list[Problem]:
    """Errors for every claim that a visit is hidden, in a text or in the words shown beside it
    (the title and summary, of English files and translations alike)."""
    found = [Problem(document.source, line, message)
             for line, message in false_claims(document.body, document.body_line)]
    for name in TRANSLATABLE[FOLDERS[document.folder].model]:
        value = getattr(document.meta, name)
        if isinstance(value, str):
            found += [Problem(document.source, document.line_of(name), f"{name}: {message}")
                      for _, message in false_claims(value, 1)]
    return found
