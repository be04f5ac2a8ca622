"""Texts as readers will meet them: Markdown that renders as written, links that lead somewhere
(a page of this site that is published, a full https:// address, an email or a phone number),
addresses others on the network cannot watch, and plain English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from ...content import markdown
from ...content.document import Document
from ...content.loading import Contents
from ...content.model import Translation
from ...content.problems import Problem
from ...content.structure import WHAT_YOU_CAN_DO_NOW, site_paths
from .. import readability

WEB_FIELDS = ("web", "chat", "source", "council")
NOT_PRIVATE = "starts http://, which others on the network can watch: use https:// if the site has it"

# Only used to find HTML an editor typed, to say it will not work.
_HTML_FINDER = MarkdownIt("commonmark", {"html": True}).enable("table")


@dataclass(frozen=True)
class Targets:
    """The pages a link may go to: those published, and those of every file, drafts too. A link
    to a file with errors of its own is not wrong as well, so those files count."""

    live: set[str]
    every: set[str]
    live_slugs: dict[str, set[str]]
    drafts: frozenset[str] = frozenset()
    """The pages of drafts: in `every`, not in `live`."""

    @classmethod
    def of(cls, contents: Contents) -> Targets:
        def paths(documents: dict[str, dict[str, Document]]) -> set[str]:
            slugs = {folder: set(docs) | contents.unreadable.get(folder, set()) for folder, docs in documents.items()}
            return site_paths(crime_types=slugs["crime-types"], areas=slugs["areas"],
                              services=slugs["services"], pages=slugs["pages"])
        live = contents.live()
        live_paths, every = paths(live), paths(contents.documents)
        return cls(live_paths, every, {folder: set(docs) for folder, docs in live.items()}, frozenset(every - live_paths))


def problems(document: Document, targets: Targets) -> list[Problem]:
    """Errors in the Markdown of a text (an English file or a translation, a draft too), checked
    as the published site will have it; warnings for addresses that are not private and English
    that is hard to read."""
    english = not isinstance(document.meta, Translation)
    # A translation is live when its English is.
    is_live = not document.meta.draft and document.slug in targets.live_slugs[document.folder]
    found = [Problem(document.source, line, message)
             for line, message in markdown_problems(document.body, document.body_line,
                                                    targets.live if is_live else targets.every,
                                                    drafts=targets.drafts)]
    for line, href in http_links(document.body, document.body_line):
        found.append(Problem(document.source, line, f'the link "{href}" {NOT_PRIVATE}', warning=True))
    for name in WEB_FIELDS if english else ():
        value = getattr(document.meta, name, None)
        if isinstance(value, str) and value.startswith("http://"):
            found.append(Problem(document.source, document.line_of(name), f"{name}: {value} {NOT_PRIVATE}",
                                 warning=True))
    if english and document.folder == "crime-types" and not any(
            title == WHAT_YOU_CAN_DO_NOW for title, _, _ in markdown.sections(document.body)):
        found.append(Problem(document.source, document.body_line, (
            f'has no part called "## {WHAT_YOU_CAN_DO_NOW}": add one, with the first things '
            "someone can do, in a short list. It shows near the top of this crime type's page "
            "and of its page for every area")))
    if english:  # the measures of plain English are English ones
        found += [Problem(document.source, line, message, warning=True)
                  for line, message in readability.problems(document.body, document.body_line)]
    return found


def markdown_problems(body: str, first_line: int, paths: set[str],
                      drafts: set[str] = frozenset()) -> list[tuple[int, str]]:
    """Problems in a Markdown body as (file line, message). `paths` are the pages a link may go
    to; `drafts` are pages that are not published yet."""
    problems: list[tuple[int, str]] = []
    tokens = markdown.read(body)
    for token in tokens:
        if token.type in ("code_block", "fence"):
            problems.append((
                first_line + token.map[0],
                "this text starts with 4 spaces, a tab or ```, so it would show in a grey box: "
                "remove them from the start of the line (lists start with - and no spaces)",
            ))
        if token.type == "heading_open" and token.tag == "h1":
            problems.append((
                first_line + token.map[0],
                "use ## for headings: the page title is already the one main heading (#)",
            ))
    problems += _html_problems(body, first_line)
    for inline, child in markdown.inline_links(tokens):
        if child.type == "image":
            src = child.attrGet("src") or ""
            problems.append((
                markdown.line_of(inline, src, first_line),
                "pictures cannot be added to pages: describe it in words instead",
            ))
            continue
        href = str(child.attrGet("href") or "")
        line = markdown.line_of(inline, href, first_line)
        message = _link_problem(href, paths, drafts)
        if message:
            problems.append((line, message))
    return problems


def _html_problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """HTML tags in a body: never rendered (they would show as text), so reported."""
    if "<" not in body:
        return []  # no tag without one: most texts, said without reading them again
    found = []
    for token in _HTML_FINDER.parse(body):
        tags = [(first_line + token.map[0], token.content)] if token.type == "html_block" else [
            (markdown.line_of(token, child.content, first_line), child.content)
            for child in token.children or [] if child.type == "html_inline"
        ]
        for line, tag in tags:
            if any(seen == line for seen, _ in found):
                continue  # one message a line is enough: <b> and </b> are one mistake
            if tag.strip().startswith("<!--"):
                found.append((line, (
                    "a comment like <!-- … --> would show on the page: put notes for editors in "
                    "the details at the top, on a line starting with #"
                )))
                continue
            found.append((line, (
                f"{tag.strip().splitlines()[0][:40]} is HTML, which pages cannot use (it would "
                "show as text): write Markdown instead, like **bold**, ## Heading or [a link](/about/)"
            )))
    return found


def http_links(body: str, first_line: int) -> list[tuple[int, str]]:
    """(file line, href) of every link to a plain http:// address, which is not private."""
    return [
        (markdown.line_of(inline, href, first_line), href)
        for inline, child in markdown.inline_links(markdown.read(body))
        if child.type == "link_open" and (href := str(child.attrGet("href") or "")).startswith("http://")
    ]


def _link_problem(href: str, paths: set[str], drafts: set[str]) -> str | None:
    kind = markdown.link_kind(href)
    if kind == "internal":
        path = href.split("#")[0]
        if path in paths:
            return None
        if path in drafts:
            return (f'the link "{href}" goes to a page that is still a draft, so it is not on the '
                    "site: publish that page first (delete draft: true in its file), or remove the link")
        if f"{path}/" in paths:
            return f'the link "{href}" needs a / at the end: write {path}/'
        language = re.match(r"^/[a-z]{2}(/.*)$", path)
        if language and language[1] in paths:
            return (f'the link "{href}" names a language: write {language[1]}, and each language '
                    "links to its own version of the page")
        return (
            f'the link "{href}" goes to a page that does not exist: check the spelling '
            "(pages of this site are written like /crime/domestic-abuse/ or /staying-safe-online/)"
        )
    if kind != "unusable":
        return None
    if href.startswith("tel:"):
        return f'the link "{href}" is not a valid UK phone number: write it like tel:08082000247'
    return (
        f'the link "{href}" cannot be used: link to a page of this site like /crime/domestic-abuse/, '
        "a full web address starting https://, or mailto: with an email address"
    )
