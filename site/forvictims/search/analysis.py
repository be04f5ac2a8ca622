"""How text becomes search terms, in one language: the same steps for the pages and for what a
visitor types, in Python here and in the browser (site/assets/src/search/analysis.mjs).

1. Apostrophes go ("won't" → "wont", "women's" → "womens"), as people often leave them out,
   and so do invisible joiners and direction marks, which some keyboards type inside words.
   Digits of other scripts ("۹۹۹", "১৫") become 0 to 9, as the pages write them.
2. Unicode's composed form (NFC), so that a letter typed as one character or as two is the same.
3. Lower case.
4. In languages written in Latin or Arabic letters, marks go ("przemoc domową" → "przemoc
   domowa", "ł" → "l", "أ" → "ا", and Arabic's short vowels): people often type without them.
5. Letters that people type for one another are made one (the language's `letters`): Arabic
   "ى" and "ي", or Urdu "ي" typed on an Arabic keyboard for "ی".
6. Words are runs of letters, marks and digits. Python's \\w leaves out the vowel signs of
   Gurmukhi, Bengali and Arabic, which would cut their words in pieces, so marks are added.
7. Small words that say nothing about what happened ("my", "he", "in") are dropped.
8. Each word is also stemmed where the language has a stemmer ("stalked" → "stalk").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

APOSTROPHES = re.compile("['\u2019\u02bc]")
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
"""Soft hyphens, zero-width spaces and joiners, direction marks."""
DIGIT_BLOCKS = (0x660, 0x6f0, 0x966, 0x9e6, 0xa66)
"""Where the digits 0 to 9 of Arabic, Urdu, Devanagari, Bengali and Gurmukhi begin."""
DIGITS = {base + value: str(value) for base in DIGIT_BLOCKS for value in range(10)}


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
    if text.isascii():
        return text  # nothing to fold: most of an English site, and quicker to say so
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
    """Marks are dropped (see fold): for languages in Latin or Arabic letters only, since the
    vowel signs of Gurmukhi and Bengali are letters."""
    letters: tuple[tuple[str, str], ...] = ()
    """Letters made one after folding: (typed, becomes), in order."""

    def __post_init__(self):
        object.__setattr__(self, "stop_words", frozenset(self.normal(word) for word in self.stop_words))

    def normal(self, text: str) -> str:
        """`text` (lower case) as search compares it: folded if the language is, its letters
        made one."""
        text = unicodedata.normalize("NFC", text)
        if self.folded:
            text = fold(text)
        for typed, becomes in self.letters:
            text = text.replace(typed, becomes)
        return text

    def stem(self, word: str) -> str:
        return _stemmer(self.stemmer)(word)


@lru_cache(maxsize=None)
def _stemmer(name: str | None) -> Callable[[str], str]:
    if name is None:
        return lambda word: word
    if name == "porter":
        from whoosh.lang.porter import stem  # the stemmer of Whoosh's own English analyzer

        return lru_cache(maxsize=65536)(stem)
    if name == "arabic":
        return lru_cache(maxsize=65536)(arabic_stem)
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

ARABIC_STOP_WORDS = frozenset("""
    في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين أن ان إن كان كانت لا ما لم لن هو هي
    هم أنا انا أنت انت أنتي انتي نحن و أو او ثم قد كل بعد قبل عند حتى لي لك له لها به بها فيه
    فيها منه منها عليه عليها إذا اذا لقد يا هل متى ماذا لماذا كيف
    ابغى أبغى بدي شو ايش إيش شلون وين ليش عم
""".split())

URDU_STOP_WORDS = frozenset("""
    کا کی کے میں نے سے کو ہے ہیں تھا تھی تھے اور یا پر یہ وہ بھی تو ہی جو کہ کیا مجھے میرا میری
    میرے ہم آپ اس ان ایک ہو ہوں گا گی گے
    ka ki ke mein main ne se ko hai hain tha thi the aur ya par ye yeh woh bhi to hi jo ke kya
    mujhe mera meri mere hum aap
""".split())

PANJABI_STOP_WORDS = frozenset("""
    ਦਾ ਦੀ ਦੇ ਨੇ ਨੂੰ ਤੋਂ ਵਿੱਚ ਵਿਚ ਹੈ ਹਨ ਸੀ ਅਤੇ ਜਾਂ ਇਹ ਉਹ ਵੀ ਹੀ ਜੋ ਕਿ ਮੈਨੂੰ ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ ਮੈਂ
    ਤੁਸੀਂ ਨਾਲ ਤੇ ਇੱਕ ਕੀ ਕੇ ਹਾਂ ਚ
    da di de nu ne ton vich wich ch te ke hai han haan aa si ate jan eh oh vi hi jo ki menu mera
    meri mere main
""".split())

BENGALI_STOP_WORDS = frozenset("""
    এবং ও বা কিন্তু যে এই সেই তার তাঁর আমার আমি আমাকে আপনি আপনার তিনি সে করে হয় ছিল থেকে
    জন্য দিয়ে সাথে কাছে একটি কি কী
    ami amar amake apni apnar ebong ar je ei
""".split())

ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "عال", "لل", "ال")
ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def arabic_stem(word: str) -> str:
    """Larkey's light10 Arabic stemmer: "و" (and) off the front, then an article (with "عال",
    how people write "على ال" in every dialect: "عالشرطة"), then common endings off the back, always keeping a stem of three letters after "و" and two after the
    rest. `word` is already normalised (ة is ه). Roots (Whoosh's ISRI stemmer) join too many
    words: "كتاب" (book) and "مكتب" (office) share one. The browser's is arabicStem in
    analysis.mjs."""
    if word.startswith("و") and len(word) >= 4:
        word = word[1:]
    for article in ARABIC_ARTICLES:
        if word.startswith(article) and len(word) >= len(article) + 2:
            word = word[len(article):]
            break
    for suffix in ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            word = word[:-len(suffix)]
    return word


LANGUAGES = {
    "en": Language("en", ENGLISH_STOP_WORDS, "porter", folded=True),
    "pa": Language("pa", PANJABI_STOP_WORDS,
                   # The dot under ਜ਼ ਸ਼ ਫ਼ is often left out; bindi and tippi are often swapped.
                   letters=(("\u0a3c", ""), ("\u0a02", "\u0a70"))),
    "ur": Language("ur", URDU_STOP_WORDS, folded=True,
                   # Arabic keyboards type ي ك ه for ی ک ہ, and ھ is often typed as ہ.
                   letters=(("ي", "ی"), ("ى", "ی"), ("ك", "ک"), ("ه", "ہ"), ("ھ", "ہ"), ("ۃ", "ہ"),
                            ("\u0640", ""))),
    "pl": Language("pl", POLISH_STOP_WORDS, folded=True),
    "ro": Language("ro", ROMANIAN_STOP_WORDS, folded=True),
    "bn": Language("bn", BENGALI_STOP_WORDS),
    "ar": Language("ar", ARABIC_STOP_WORDS, "arabic", folded=True,
                   # ى and ي, ة and ه are often typed for each other; Persian and Urdu keyboards
                   # type ی ک; the tatweel only stretches a word.
                   letters=(("ى", "ي"), ("ی", "ي"), ("ة", "ه"), ("ک", "ك"), ("\u0640", ""))),
}


def language(code: str) -> Language:
    """Search settings for `code`: a language without its own has no stop words or stemmer, and
    relies on word beginnings and near spellings."""
    return LANGUAGES.get(code) or Language(code, frozenset())


def words(text: str, lang: Language) -> list[str]:
    """The words of `text` that search looks at, lower case and not stemmed, in order."""
    text = lang.normal(INVISIBLE.sub("", APOSTROPHES.sub("", text)).lower().translate(DIGITS))
    return [word for word in WORD.findall(text) if word not in lang.stop_words]


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
