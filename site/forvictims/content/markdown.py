"""Markdown bodies: read for the editors' checks, rendered with GOV.UK Frontend classes.

Raw HTML is never rendered (it shows as text). Links may go to a page of this site (written
without the language, like /crime/domestic-abuse/), to a full https:// address, to an email
address or to a phone number; the editors' checks report anything else, and it is never made
a link. Phone numbers in the text become `tel:` links, so a visitor can tap any number they
read.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterator

import phonenumbers
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from .model import REGION, parse_phone, tel_href

EXTERNAL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
EMAIL = re.compile(r"^mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
# Short numbers people are told to call; longer ones are found by phonenumbers.
SHORT_NUMBERS = re.compile(r"(?<![\d+])(999|101|111|112|18000|116 ?123|116 ?111)(?![\d])")

CLASSES = {
    "paragraph_open": "govuk-body",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "blockquote_open": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
    "table_open": "govuk-table",
    "thead_open": "govuk-table__head",
    "tbody_open": "govuk-table__body",
    "tr_open": "govuk-table__row",
    "th_open": "govuk-table__header",
    "td_open": "govuk-table__cell",
    "link_open": "govuk-link",
}
HEADING_CLASSES = {"h2": "govuk-heading-m", "h3": "govuk-heading-s", "h4": "govuk-heading-s"}


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    # Every link is judged by the editors' checks and by _link_target(), not by markdown-it's
    # silent filter, so that a bad link is reported to the editor instead of quietly becoming text.
    parser.validateLink = lambda url: True
    return parser


_PARSER = _parser()


@functools.lru_cache(maxsize=128)
def read(body: str) -> tuple[Token, ...]:
    """The tokens of a body, parsed once for all the checks. The same Token objects go to every
    caller, so callers must only read them (render() parses its own, which it changes)."""
    return tuple(_PARSER.parse(body))


def inline_links(tokens: list[Token]) -> Iterator[tuple[Token, Token]]:
    """(inline token, link or image token) for every link and image in the document."""
    for token in tokens:
        for child in token.children or []:
            if child.type in ("link_open", "image"):
                yield token, child


def line_of(inline: Token, needle: str, first_line: int) -> int:
    start = (inline.map or [0, 0])[0]
    for offset, text in enumerate(inline.content.split("\n")):
        if needle and needle in text:
            return first_line + start + offset
    return first_line + start


# A sentence ends at a full stop, also Bengali and Gurmukhi's danda (।) and Urdu's (۔), or at a
# question or exclamation mark, also Arabic's (؟).
SENTENCE = re.compile("[^.!?\u0964\u0965\u06d4\u061f\\s][^.!?\u0964\u0965\u06d4\u061f]*(?:[.!?\u0964\u0965\u06d4\u061f]+|$)")


def sentences(body: str, first_line: int, headings: bool = True) -> Iterator[tuple[int, str]]:
    """(file line, text) of every sentence a reader meets. Headings (unless left out) and list
    items count as sentences of their own, full stop or not."""
    tokens = read(body)
    for index, token in enumerate(tokens):
        if token.type != "inline" or token.map is None:
            continue
        if not headings and index and tokens[index - 1].type == "heading_open":
            continue
        text = "".join(
            "\n" if child.type in ("softbreak", "hardbreak") else child.content
            for child in token.children or []
            if child.type in ("text", "code_inline", "softbreak", "hardbreak")
        )
        for match in SENTENCE.finditer(text):
            sentence = match[0].replace("\n", " ").strip()
            yield first_line + token.map[0] + text.count("\n", 0, match.start()), sentence


def link_kind(href: str) -> str:
    """What a link points at: "external", "email", "fragment", "tel", "internal" or "unusable"."""
    if EXTERNAL.match(href):
        return "external"
    if EMAIL.match(href):
        return "email"
    if href.startswith("#"):
        return "fragment"
    if href.startswith("tel:") and parse_phone(href[4:]) is not None:
        return "tel"
    if href.startswith("/"):
        return "internal"
    return "unusable"


def _link_target(href: str, internal: Callable[[str], str]) -> tuple[str, bool] | None:
    """The href to write and whether it leaves the site; None when the link must not be made."""
    kind = link_kind(href)
    if kind == "tel":
        return f"tel:{tel_href(href[4:])}", False
    if kind == "internal":
        path, hash_, fragment = href.partition("#")
        return internal(path) + hash_ + fragment, False
    if kind == "unusable":
        return None
    return href, kind == "external"


_DIGIT = re.compile(r"\d")  # a digit in any script, as phonenumbers reads Arabic or Bengali digits too


def _phone_spans(text: str) -> list[tuple[int, int]]:
    if not _DIGIT.search(text):  # most of a text: no number can be in it
        return []
    spans = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, REGION)]
    for match in SHORT_NUMBERS.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            spans.append(match.span())
    return sorted(spans)


def _link_phone_numbers(children: list[Token]) -> list[Token]:
    """Split text tokens so that each phone number outside a link becomes a tel: link."""
    result: list[Token] = []
    depth = 0
    for child in children:
        depth += child.type == "link_open"
        depth -= child.type == "link_close"
        if child.type != "text" or depth:
            result.append(child)
            continue
        text, position = child.content, 0
        for start, end in _phone_spans(text):
            number = text[start:end]
            if start > position:
                result.append(Token("text", "", 0, content=text[position:start]))
            # dir="ltr" keeps the groups of digits in order inside right-to-left text.
            result.append(Token("link_open", "a", 1, attrs={"href": f"tel:{tel_href(number)}", "dir": "ltr"}))
            result.append(Token("text", "", 0, content=number))
            result.append(Token("link_close", "a", -1))
            position = end
        if position < len(text):
            result.append(Token("text", "", 0, content=text[position:]))
    return result


def render(body: str, internal: Callable[[str], str]) -> Markup:
    """HTML for a body. `internal` turns a site path (/crime/x/) into a URL for this language."""
    tokens = _PARSER.parse(body)
    for token in tokens:
        if token.type == "inline" and token.children:
            # The checks refuse pictures; should one get here, it must not load from anywhere.
            token.children = [
                Token("text", "", 0, content=child.content) if child.type == "image" else child
                for child in token.children
            ]
            token.children = _link_phone_numbers(token.children)
            for child in token.children:
                if child.type == "link_open":
                    _style_link(child, internal)
        elif token.type == "heading_open":
            token.attrSet("class", HEADING_CLASSES.get(token.tag, "govuk-heading-m"))
        elif token.type in CLASSES:
            token.attrSet("class", CLASSES[token.type])
    return Markup(_PARSER.renderer.render(tokens, _PARSER.options, {}))


# Where a link to a page of this site starts, in HTML drawn once for every language: a
# character of Unicode's private use area, which no text in the content has.
_HERE = "\ue000"


def render_linked(body: str, prefix: str) -> Markup:
    """HTML for a body whose links to this site's pages start with `prefix` (like /pl): the
    same as render(), but a body shown in several languages (English, where a translation is
    missing) is drawn once, however many pages and languages show it."""
    if _HERE in body:
        return render(body, internal=lambda path: prefix + path)
    return Markup(_render_once(body).replace(_HERE, prefix))


@functools.lru_cache(maxsize=8192)
def _render_once(body: str) -> str:
    return str(render(body, internal=lambda path: _HERE + path))


def _style_link(token: Token, internal: Callable[[str], str]) -> None:
    target = _link_target(str(token.attrGet("href") or ""), internal)
    if target is None:  # the checks report these; never render an unsafe link
        token.attrSet("href", "#")
        return
    href, external = target
    token.attrSet("href", href)
    token.attrSet("class", CLASSES["link_open"])
    if external:
        token.attrSet("rel", "noopener noreferrer")


def sections(body: str) -> list[tuple[str, int, int]]:
    """(title, first line, end line) of each part of a body that starts with a ## heading, the
    lines counted from 0 in the body and the end line not included."""
    tokens = read(body)
    starts = [(tokens[index + 1].content.strip(), token.map[0])
              for index, token in enumerate(tokens)
              if token.type == "heading_open" and token.tag == "h2" and token.map]
    ends = [start for _, start in starts[1:]] + [len(body.splitlines())]
    return [(title, start, end) for (title, start), end in zip(starts, ends)]


def split_section(body: str, number: int) -> tuple[str, str] | None:
    """(the text of part `number` of the body without its heading, the body without that part),
    or None when the body has no such part (see sections())."""
    found = sections(body)
    if not 0 <= number < len(found):
        return None
    _, start, end = found[number]
    lines = body.splitlines()
    return "\n".join(lines[start + 1:end]).strip(), "\n".join(lines[:start] + lines[end:]).strip()
