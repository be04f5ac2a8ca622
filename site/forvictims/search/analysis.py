"""How text becomes search terms, in one language: the same steps for the pages and for what a
visitor types, in Python here and in the browser (site/assets/src/search/analysis.mjs).

1. Apostrophes go ("won't" → "wont", "women's" → "womens"), as people often leave them out.
2. Lower case.
3. In languages written in Latin letters, accents go ("przemoc domową" → "przemoc domowa",
   "ł" → "l"): people often type without them on a phone.
4. Words are runs of letters, marks and digits. Python's \\w leaves out the vowel signs of
   Gurmukhi, Bengali and Arabic, which would cut their words in pieces, so marks are added.
5. Small words that say nothing about what happened ("my", "he", "in") are dropped.
6. Each word is also stemmed where the language has a stemmer ("stalked" → "stalk").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

APOSTROPHES = re.compile("['\u2019\u02bc]")


def _marks() -> str:
    """Every combining mark of the Basic Multilingual Plane (where every script the site may
    use keeps its marks), as ranges for a regular expression character class."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)


WORD = re.compile(f"(?:[^\\W_]|[{_marks()}])+")
"""A word: letters, marks and digits. The browser's is /[\\p{L}\\p{M}\\p{N}]+/gu."""


def fold(text: str) -> str:
    """`text` without accents: letters with marks lose them (ą → a, ș → s), and ł becomes l.
    The browser's is text.normalize("NFD").replace(/\\p{Mn}/gu, "").replace(/ł/g, "l")."""
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn").replace("ł", "l")


@dataclass(frozen=True)
class Language:
    """What search knows about one language."""

    code: str
    stop_words: frozenset[str]
    stemmer: str | None = None
    """A stemmer both Whoosh and the browser have: "porter" (English), or None."""
    folded: bool = False
    """Accents are dropped (see fold): for languages in Latin letters only, since the vowel
    signs of other scripts are letters."""

    def __post_init__(self):
        if self.folded:
            object.__setattr__(self, "stop_words", frozenset(fold(word) for word in self.stop_words))

    def stem(self, word: str) -> str:
        return _stemmer(self.stemmer)(word)


@lru_cache(maxsize=None)
def _stemmer(name: str | None) -> Callable[[str], str]:
    if name is None:
        return lambda word: word
    if name == "porter":
        from whoosh.lang.porter import stem  # the stemmer of Whoosh's own English analyzer

        return lru_cache(maxsize=65536)(stem)
    raise ValueError(f"no stemmer called {name}")


ENGLISH_STOP_WORDS = frozenset("""
    a about after again all also am an and any are around as at be been being but by can could
    did do does doing for from get gets getting got had has have having he her here hers herself
    him himself his how i im ive id if in into is it its itself just me might my myself near of
    off on onto or our ours out she should so some somebody someone something still than that the
    their theirs them then there these they this those to too up us very was we were what when
    where which while who whom why will with would you youre your yours yourself
""".split())

POLISH_STOP_WORDS = frozenset("""
    a aby ale bo by być był była było ci cię co czy dla do go i ich ja je jego jej jest
    jestem już jak ją kiedy ktoś która które który lub ma mam mi mnie mną mój moja moje mojego
    mojej moim mu my na nad nam nas nie o od on ona oni ono po pod przez przy się są ta tak te tego
    tej ten to tu ty u w we więc wy z za ze że żeby
""".split())

ROMANIAN_STOP_WORDS = frozenset("""
    a al ale am ar are as au ca care ce cu cum cand cine dar daca de deci din dupa e ea ei el ele
    era este eu fi fost fara i ia iar il im imi in ii l la le lui m ma mai mea mei meu mele mi n ne
    noi nu o pe pentru prin s sa sau se si sub sunt ta te tu un una unei unui va voi vor
""".split())

LANGUAGES = {
    "en": Language("en", ENGLISH_STOP_WORDS, "porter", folded=True),
    "pl": Language("pl", POLISH_STOP_WORDS, folded=True),
    "ro": Language("ro", ROMANIAN_STOP_WORDS, folded=True),
}


def language(code: str) -> Language:
    """Search settings for `code`: a language without its own has no stop words or stemmer, and
    relies on word beginnings and near spellings."""
    return LANGUAGES.get(code) or Language(code, frozenset())


def words(text: str, lang: Language) -> list[str]:
    """The words of `text` that search looks at, lower case and not stemmed, in order."""
    text = APOSTROPHES.sub("", text).lower()
    found = WORD.findall(fold(text) if lang.folded else text)
    return [word for word in found if word not in lang.stop_words]


def terms(text: str, lang: Language) -> list[str]:
    """The stemmed words of `text`."""
    return [lang.stem(word) for word in words(text, lang)]


POSTCODE = re.compile(r"^([a-z]{1,2}\d[a-z\d]?)(\d[a-z]{2})$")


def query_words(text: str, lang: Language) -> list[str]:
    """The words of what someone typed, each once, in order. A whole postcode written without
    its space ("ws31aa") counts as its district ("ws3")."""
    seen: dict[str, None] = {}
    for word in words(text, lang):
        match = POSTCODE.match(word)
        seen.setdefault(match[1] if match else word)
    return list(seen)
