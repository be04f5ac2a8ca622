"""One content file, read and checked: its slug, its front matter as a model, its body, and
where each part of it is in the file, so that any check can name the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .frontmatter import locate

M = TypeVar("M", bound=BaseModel)

FRONT_MATTER_LINE = 2
"""The line of a content file on which its front matter starts, after the first ---."""


@dataclass(frozen=True)
class Document(Generic[M]):
    """One content file: its slug (the file name), its checked front matter and its body."""

    slug: str
    source: str  # the file, as editors see it in messages
    meta: M
    body: str
    body_line: int  # line of the file on which the body starts
    folder: str = ""  # crime-types, areas, services or pages
    language: str = "en"
    awaiting_review: bool = False  # a translation no fluent speaker has checked yet
    out_of_date: bool = False  # a translation made before its English last changed
    node: Any = field(default=None, repr=False, compare=False)
    """The front matter as YAML nodes, which know the line each field is on."""

    def line_of(self, *loc: Any) -> int:
        """The file line of a field of the front matter, like line_of("phones", 0, "number");
        for a field that is not written, the line its parent starts on."""
        return locate(self.node, loc, FRONT_MATTER_LINE)[0]
