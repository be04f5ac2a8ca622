"""One language's search index: built with Whoosh from the site's pages, queried with Whoosh,
and exported whole for the browser, whose search (site/assets/src/search/) ranks the same
pages in the same order. The only module that imports Whoosh.

Ranking, for what a visitor types:
1. Each word (analysis.py) is looked for in every field, stemmed, weighted by the field's
   boost: a crime type's title and victims' own words for it count most, its text least.
   Any word may match: a page that has some of the words still comes up, best first.
2. A word that no page has as it is written is taken as a typo for the closest words that
   pages have, within one letter (two for words of eight letters or more) and with the same
   first letter: those words count as if typed, a little less. (Stemming alone would take
   "trafficing" for "traffic".)
3. A word of four letters or more also finds the words it begins ("stalk" → "stalker"), which
   count less again. In a language without a stemmer, the word's last letters are left off
   first, so Polish "zgwalcil" finds "zgwalcona". Typos and beginnings are looked up in the words of every page as written
   (the unstemmed "words" field), then scored like typed words.
4. Scores are Whoosh's BM25F: a word counts for more when fewer pages have it, and in a short
   field than in a long one.
5. Two to four typed words in a row that are, stemmed, a title, a name or one of victims'
   phrases for a page count again as the phrase ("sexual assault", "he won't leave me alone").
   Two typed words that pages write as one count as that word ("crime stoppers").
6. Places (an area's name, towns, neighbourhoods, postcode districts and nicknames) are matched
   whole: one to three typed words, run together, must be the place's name, so "bank" does not
   find Quarry Bank but "quarry bank" does, and then "bank" is not also taken as a word about
   what happened. A place name of six letters or more is also found with a typo (one letter
   at most when typed as several words), and of five or more from its beginning ("wolverh" → Wolverhampton), unless the typed word is one that
   pages use ("black" is not Blackheath).
7. A crime type and an area that both match strongly (in their titles, names or search words,
   not just their summaries or text) bring up that crime's page in that area, scored as both
   together: it comes first for "stalked in Bilston", and never appears for a query that
   names no place, so a crime type's own page comes before its copies in each area.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable

from whoosh import fields as whoosh_fields
from whoosh import formats as whoosh_formats
from whoosh import query as whoosh_query
from whoosh.analysis import Token, Tokenizer
from whoosh.filedb.filestore import RamStorage
from whoosh.scoring import BM25F

from . import analysis
from .documents import SearchDocument


@dataclass(frozen=True)
class Field:
    boost: float
    """How much a match here counts, against a match in other fields."""
    B: float
    """How much a long field lowers a match's score (BM25's b: 0 not at all, 1 in proportion)."""
    stemmed: bool = True
    whole: int = 0
    """If not 0, each line is one term, its words run together, when it has at least this many
    words: for place names and phrases."""
    once: bool = False
    """A word counts once however often it is in the field: a list of words, not text, where
    three keywords with "hit" in them say no more than one."""
    strong: bool = True
    """A match here says what the page is about (and may join a crime type and an area)."""


FIELDS = {
    "title": Field(boost=4.5, B=0.5),
    "name": Field(boost=2.5, B=0.5),  # a service's name and its organisation's
    # Victims' own words for what happened: a list, not prose, so a long one is not marked down.
    "keywords": Field(boost=3.0, B=0.0, once=True),
    "places": Field(boost=3.0, B=0.0, stemmed=False, whole=1),  # an area's places, whole
    # Titles, names and victims' words of two words or more, whole: "sexual assault" says more
    # than "sexual" and "assault" apart.
    "phrases": Field(boost=3.0, B=0.0, whole=2),
    "summary": Field(boost=1.2, B=0.75, strong=False),
    "body": Field(boost=0.4, B=0.75, strong=False),
    # Every word of the fields above as written: where typos and word beginnings are looked up.
    # Never scored itself: the words it finds are scored in the fields above.
    "words": Field(boost=0.0, B=0.0, stemmed=False, strong=False),
}
K1 = 1.2
TYPO_BOOST = {1: 0.9, 2: 0.8}  # by how many letters the typed word is out
PREFIX_BOOST = 0.4
PREFIX_LENGTH = 4  # shortest typed word whose beginnings are looked for
PREFIX_LIMIT = 10  # most words a beginning finds: those on the most pages
ROOT_LENGTH = 5  # in a language without a stemmer, beginnings are looked up from at least this
ROOT_TRIM = 3  # many letters, leaving off up to this many at the end
PLACE_WORDS = 3  # most typed words that make one place name
PHRASE_WORDS = 4  # most typed words that make one phrase
PLACE_TYPO_LENGTH = 6  # shortest place name found with a typo
PLACE_PREFIX_LENGTH = 5  # shortest typed word that finds the place names it begins
PAIR_SHARE = 0.5  # a crime type or area joins if it scores at least this share of the best
PAIR_LIMIT = 2  # most crime types and most areas joined
PAIR_PATH = "/area/{area}/{crime}/"
PAIR_TITLE = "{crime}: support in {area}"


def typo_distance(length: int) -> int:
    """How many letters a word of `length` letters may be out and still match."""
    return 2 if length >= 8 else 1 if length >= 4 else 0


def distance(a: str, b: str, limit: int) -> int:
    """Letters to add, remove, change or swap with the next to turn `a` into `b` (optimal string
    alignment), or limit + 1 when that is more than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        previous, row = row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        before = previous
    return min(row[len(b)], limit + 1)


def rank_key(score: float, position: int) -> tuple[int, int]:
    """Best first; scores equal to a millionth count as equal (sums in another order differ in
    the last digits), and then the page that comes first in the site comes first."""
    return -math.floor(score * 1e6 + 0.5), position


@dataclass(frozen=True)
class Result:
    path: str
    """Under the language prefix, like /crime/domestic-abuse/."""
    title: str
    summary: str
    score: float


def joined(text: str, language: analysis.Language, stemmed: bool, least: int = 1) -> str:
    """A name or phrase as one term, its words run together ("Sutton Coldfield" →
    "suttoncoldfield"), or "" when it has fewer than `least` words."""
    found = analysis.terms(text, language) if stemmed else analysis.words(text, language)
    return "".join(found) if len(found) >= least else ""


class _Words(Tokenizer):
    """Whoosh's tokenizer for a field: exactly analysis.words, stemmed or not."""

    def __init__(self, language: analysis.Language, stemmed: bool, whole: int = 0):
        self.language, self.stemmed, self.whole = language, stemmed, whole

    def __eq__(self, other):
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def terms(self, value: str) -> list[str]:
        """The terms of a field's text, in order."""
        if self.whole:
            return [term for line in value.split("\n")
                    if (term := joined(line, self.language, self.stemmed, self.whole))]
        if self.stemmed:
            return analysis.terms(value, self.language)
        return analysis.words(value, self.language)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, word in enumerate(self.terms(value)):
            token.text, token.boost, token.stopped = word, 1.0, False
            if positions:
                token.pos = start_pos + position
            yield token


class _Memory(RamStorage):
    """Whoosh's RamStorage writes its temporary files to one folder shared by every process
    (MAIN.tmp in the system's temporary folder) and empties it when done, so two builds at once
    break each other: here they stay in memory too."""

    def temp_storage(self, name=None):
        return RamStorage()


def _field(field: Field, language: analysis.Language):
    """The Whoosh field: a word counts once in a field that is a set of words (see Field.once)."""
    made = whoosh_fields.TEXT(analyzer=_Words(language, field.stemmed, field.whole), phrase=False)
    if field.once:
        made.format = whoosh_formats.Existence(field_boost=made.format.field_boost)
    return made


@dataclass(frozen=True)
class _Built:
    """A Whoosh index of some documents, and the words in each of its fields."""

    searcher: Any
    lexicon: dict[str, set[str]]
    sorted: dict[str, list[str]]
    pages: dict[str, dict[str, int]]


_BUILT: OrderedDict[str, _Built] = OrderedDict()
_KEEP = 16  # indexes kept: every language of a site, for the check and the build alike


def _built(documents: list[SearchDocument], language: analysis.Language) -> _Built:
    """The Whoosh index of `documents`, built once: `forvictims check` and the build that follows
    it (or the preview, until the content changes) ask for the same one."""
    key = hashlib.sha256(json.dumps(
        [language.code, [(d.path, d.kind, d.slug, d.title, d.summary, d.fields) for d in documents]],
        ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    if key in _BUILT:
        _BUILT.move_to_end(key)
        return _BUILT[key]
    # The fields that are scored are indexed by Whoosh; the one that is only looked up (the
    # words as written) is counted here, which is much quicker and gives the same words and
    # page counts.
    scored = {name: field for name, field in FIELDS.items() if field.boost}
    schema = whoosh_fields.Schema(**{name: _field(field, language) for name, field in scored.items()})
    index = _Memory().create_index(schema)
    writer = index.writer()
    looked_up: dict[str, Counter[str]] = {name: Counter() for name in FIELDS if name not in scored}
    words_of = {name: _Words(language, FIELDS[name].stemmed, FIELDS[name].whole) for name in looked_up}
    for document in documents:
        texts = {name: "\n".join(document.fields.get(name, ())) for name in FIELDS}
        texts["words"] = "\n".join(text for name, text in texts.items() if name != "places")
        texts["phrases"] = "\n".join(texts[name] for name in ("title", "name", "keywords"))
        writer.add_document(**{name: text for name, text in texts.items() if text and name in scored})
        for name, pages in looked_up.items():
            pages.update(set(words_of[name].terms(texts[name])))
    writer.commit()
    searcher = index.searcher(weighting=BM25F(
        K1=K1, **{f"{name}_B": field.B for name, field in scored.items()}))
    reader = searcher.reader()
    lexicon = {name: {term.decode("utf-8") for term in reader.lexicon(name)} for name in scored}
    lexicon.update({name: set(pages) for name, pages in looked_up.items()})
    ordered = {name: sorted(lexicon[name]) for name in ("words", "places")}
    pages = {name: {term: looked_up[name][term] if name in looked_up else reader.doc_frequency(name, term)
                    for term in ordered[name]} for name in ordered}
    _BUILT[key] = built = _Built(searcher, lexicon, ordered, pages)
    while len(_BUILT) > _KEEP:
        _BUILT.popitem(last=False)
    return built


class SearchIndex:
    """The pages of one language, indexed; `search` ranks them for what a visitor types.
    `pair_title` names a crime's page in an area, like "{crime}: support in {area}"."""

    def __init__(self, documents: Iterable[SearchDocument], language: str,
                 pair_title: str = PAIR_TITLE):
        self.documents = list(documents)
        self.language = analysis.language(language)
        self.pair_title = pair_title
        built = _built(self.documents, self.language)
        self._searcher, self._lexicon = built.searcher, built.lexicon
        self._sorted, self._pages = built.sorted, built.pages

    # ------------------------------------------------------------------------------------------
    # What a query looks for

    def plan(self, text: str) -> dict[tuple[str, str], float]:
        """(field, term) → boost: every term the words of `text` look for."""
        wanted: dict[tuple[str, str], float] = {}

        def want(name: str, term: str, boost: float) -> None:
            wanted[name, term] = max(boost, wanted.get((name, term), 0.0))

        def want_word(word: str, share: float) -> bool:
            """Look for `word`, stemmed, in every field that has it; say if any has."""
            stem, found = self.language.stem(word), False
            for name, field in FIELDS.items():
                if field.stemmed and field.boost and stem in self._lexicon[name]:
                    want(name, stem, field.boost * share)
                    found = True
            return found

        typed = analysis.query_words(text, self.language)
        known = {word for word in typed if word in self._lexicon["words"]}
        boost = FIELDS["places"].boost
        placed: set[str] = set()  # the words of place names of two or more words
        for size in range(PLACE_WORDS, 0, -1):
            for start in range(len(typed) - size + 1):
                words = typed[start:start + size]
                name = "".join(words)
                if name in self._lexicon["places"]:
                    want("places", name, boost)
                    if size > 1:
                        placed.update(words)
                    continue
                if len(name) >= PLACE_TYPO_LENGTH and not known.issuperset(words):
                    # Words run together are out by one letter at most: "sutton coldfeld" is
                    # Sutton Coldfield, but Urdu's "bank wala call" is not Walsall.
                    limit = typo_distance(len(name)) if size == 1 else 1
                    for term, apart in self._near("places", name, limit):
                        want("places", term, boost * TYPO_BOOST[apart])
                if size == 1 and len(name) >= PLACE_PREFIX_LENGTH and name not in known:
                    for term in self._beginning("places", name):
                        want("places", term, boost * PREFIX_BOOST)
        stems = [self.language.stem(word) for word in typed]
        for size in range(2, PHRASE_WORDS + 1):
            for start in range(len(stems) - size + 1):
                phrase = "".join(stems[start:start + size])
                if phrase in self._lexicon["phrases"]:
                    want("phrases", phrase, FIELDS["phrases"].boost)
        for first, second in zip(typed, typed[1:]):
            if first + second in self._lexicon["words"]:  # "crime stoppers" for Crimestoppers
                want_word(first + second, 1.0)
        for word in typed:
            if word in placed:
                continue  # "bank" in "quarry bank" says where, not what happened
            want_word(word, 1.0)
            if word not in known:
                for term, apart in self._near("words", word, typo_distance(len(word))):
                    want_word(term, TYPO_BOOST[apart])
            if len(word) >= PREFIX_LENGTH:
                for term in self._beginning("words", self._root(word)):
                    want_word(term, PREFIX_BOOST)
        return wanted

    def _root(self, word: str) -> str:
        """What a word's beginnings are looked up from. A language without a stemmer changes
        the ends of its words ("zgwałcił", "zgwałcona"): its last letters are left off, down to
        ROOT_LENGTH letters."""
        if self.language.stemmer or len(word) <= ROOT_LENGTH:
            return word
        return word[:max(ROOT_LENGTH, len(word) - ROOT_TRIM)]

    def _near(self, field: str, word: str, limit: int) -> list[tuple[str, int]]:
        """The terms of `field` closest to `word`, if any is within `limit` letters, with the
        same first letter."""
        if not limit:
            return []
        terms = self._sorted[field]
        start = bisect.bisect_left(terms, word[0])
        found: list[tuple[str, int]] = []
        for term in terms[start:]:
            if not term.startswith(word[0]):
                break
            apart = distance(word, term, limit)
            if apart <= limit:
                if found and apart < found[0][1]:
                    found = []
                if not found or apart == found[0][1]:
                    found.append((term, apart))
                    limit = apart
        return found

    def _beginning(self, field: str, word: str) -> list[str]:
        """Terms of `field` that begin with `word` (not `word` itself), those on most pages first."""
        terms, pages = self._sorted[field], self._pages[field]
        found = []
        for term in terms[bisect.bisect_left(terms, word):]:
            if not term.startswith(word):
                break
            if term != word:
                found.append(term)
        return sorted(found, key=lambda term: (-pages[term], term))[:PREFIX_LIMIT]

    # ------------------------------------------------------------------------------------------
    # Ranking

    def _scores(self, wanted: dict[tuple[str, str], float]) -> dict[int, float]:
        """Document number → Whoosh's score, for the documents any wanted term matches."""
        if not wanted:
            return {}
        query = whoosh_query.Or([whoosh_query.Term(name, term, boost=boost)
                                 for (name, term), boost in wanted.items()])
        return {hit.docnum: hit.score for hit in self._searcher.search(query, limit=None)}

    def search(self, text: str, limit: int | None = None) -> list[Result]:
        """The pages for what a visitor typed, best first."""
        wanted = self.plan(text)
        scores = self._scores(wanted)
        kinds = {self.documents[number].kind for number in scores}
        strong = self._scores({key: boost for key, boost in wanted.items() if FIELDS[key[0]].strong}
                              ) if {"crime", "area"} <= kinds else {}  # no pair without both
        ranked = [(rank_key(score, number), self._result(self.documents[number], score))
                  for number, score in scores.items()]
        ranked += [(rank_key(score, len(self.documents) + position), result)
                   for position, (score, result) in enumerate(self._pairs(scores, strong))]
        return [result for _, result in sorted(ranked, key=lambda item: item[0])][:limit]

    def _pairs(self, scores: dict[int, float], strong: dict[int, float]) -> list[tuple[float, Result]]:
        """A crime's page in an area, for each crime type and area that match strongly."""
        crimes, areas = (self._best(strong, kind) for kind in ("crime", "area"))
        pairs = []
        for crime in crimes:
            for area in areas:
                one, other = self.documents[crime], self.documents[area]
                score = scores[crime] + scores[area]
                pairs.append((score, Result(
                    PAIR_PATH.format(area=other.slug, crime=one.slug),
                    self.pair_title.format(crime=one.title, area=other.title), one.summary, score)))
        return pairs

    def _best(self, strong: dict[int, float], kind: str) -> list[int]:
        matches = sorted((rank_key(score, number), number) for number, score in strong.items()
                         if self.documents[number].kind == kind)
        if not matches:
            return []
        best = strong[matches[0][1]]
        return [number for _, number in matches[:PAIR_LIMIT] if strong[number] >= PAIR_SHARE * best]

    @staticmethod
    def _result(document: SearchDocument, score: float) -> Result:
        return Result(document.path, document.title, document.summary, score)

    # ------------------------------------------------------------------------------------------
    # For the browser

    @cached_property
    def exported(self) -> bytes:
        """The whole index as JSON for the browser: the same terms, lengths and settings Whoosh
        scores with, so the browser's BM25F gives the same scores."""
        reader = self._searcher.reader()
        count = reader.doc_count_all()
        fields = {}
        for name, field in FIELDS.items():
            if not field.boost:  # looked up, never scored: each word and how many pages have it
                fields[name] = {"boost": 0, "pages": {term: self._pages[name][term] for term in self._sorted[name]}}
                continue
            postings = {}
            for term in sorted(self._lexicon[name]):
                flat = []
                for number, weight in reader.postings(name, term.encode("utf-8")).items_as("weight"):
                    flat += [number, int(weight) if weight == int(weight) else weight]
                postings[term] = flat
            fields[name] = {
                "boost": field.boost, "B": field.B, "stemmed": field.stemmed, "strong": field.strong,
                "whole": field.whole,
                "average": self._searcher.avg_field_length(name, 0),
                "lengths": [reader.doc_field_length(number, name, 0) for number in range(count)],
                "postings": postings,
            }
        data: dict[str, Any] = {
            "language": self.language.code,
            "stemmer": self.language.stemmer,
            "folded": self.language.folded,
            "letters": self.language.letters,
            "stopWords": sorted(self.language.stop_words),
            "K1": K1,
            "typoBoost": TYPO_BOOST,
            "prefix": {"boost": PREFIX_BOOST, "length": PREFIX_LENGTH, "limit": PREFIX_LIMIT,
                       "rootLength": ROOT_LENGTH, "rootTrim": ROOT_TRIM},
            "phraseWords": PHRASE_WORDS,
            "places": {"words": PLACE_WORDS, "typoLength": PLACE_TYPO_LENGTH,
                       "prefixLength": PLACE_PREFIX_LENGTH},
            "pair": {"share": PAIR_SHARE, "limit": PAIR_LIMIT, "path": PAIR_PATH, "title": self.pair_title},
            "documents": [[document.path, document.kind, document.slug, document.title, document.summary]
                          for document in self.documents],
            "fields": fields,
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
