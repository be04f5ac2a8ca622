"""How easy a Markdown body is to read, measured the way plain-English guides measure it.

GOV.UK aims for a reading age of 9 to 11 and sentences of no more than 25 words. Editors are
warned only well above that: a sentence longer than 30 words, or a page whose Flesch-Kincaid
reading age is over 13. Only English is measured: the syllable counts are English ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

from ..content import markdown

LONG_SENTENCE = 30  # words
READING_AGE_LIMIT = 13  # years
MIN_WORDS = 100  # fewer words give a reading age that means little

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=None)
def _hyphenator() -> pyphen.Pyphen:
    """The English hyphenation dictionary: loaded when first needed, as loading it takes as
    long as starting the rest of the program."""
    return pyphen.Pyphen(lang="en_GB")


@lru_cache(maxsize=None)
def syllables(word: str) -> int:
    """Syllables in an English word, from where a dictionary may hyphenate it (a close guess)."""
    return len(_hyphenator().positions(word.lower())) + 1


def reading_age(sentences: list[list[str]]) -> float:
    """Flesch-Kincaid reading age (grade + 5) of sentences given as lists of words."""
    words = [word for sentence in sentences for word in sentence]
    grade = (0.39 * len(words) / len(sentences)
             + 11.8 * sum(map(syllables, words)) / len(words) - 15.59)
    return grade + 5


def problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """(file line, message) for each sentence that is too long, and for a page too hard to read."""
    found: list[tuple[int, str]] = []
    measured: list[list[str]] = []
    for line, sentence in markdown.sentences(body, first_line):
        words = WORD.findall(sentence)
        if not words:
            continue
        measured.append(words)
        if len(words) > LONG_SENTENCE:
            found.append((line, (
                f'this sentence has {len(words)} words ("{" ".join(sentence.split()[:6])} …"): '
                "aim for 25 or fewer, so split it into two or three shorter sentences"
            )))
    if sum(map(len, measured)) >= MIN_WORDS:
        age = reading_age(measured)
        if age > READING_AGE_LIMIT:
            found.append((first_line, (
                f"this page needs a reading age of about {age:.0f}: aim for 9 to 11, with shorter "
                "sentences and everyday words (say \"help\", not \"assistance\")"
            )))
    return found
