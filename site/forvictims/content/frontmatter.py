"""Split a content file into its YAML front matter and Markdown body, keeping line numbers.

Pure functions, no I/O: the loader reads files and hands their text here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

FENCE = "---"


class FrontMatterError(ValueError):
    """The front matter cannot be read. `line` is a line number in the whole file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class FrontMatter:
    """The parsed front matter, the YAML node tree (for line numbers) and the body."""

    data: dict[str, Any]
    node: MappingNode
    body: str
    body_line: int  # line of the file on which the body starts


_TEXT = "tag:yaml.org,2002:str"


class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML without the surprises editors meet, read by libyaml when PyYAML has it (it is many
    times faster, and the same YAML).

    YAML 1.1 reads `17:00` as the number 1020 (base 60) and `1:30` as 90. Opening times are
    written exactly like that, so those forms stay text here.
    """

    def construct_object(self, node, deep=False):
        """PyYAML's, at once for plain text, which is most of the values."""
        if node.__class__ is ScalarNode and node.tag == _TEXT:
            return node.value
        return super().construct_object(node, deep)

    def resolve(self, kind, value, implicit):
        """PyYAML's, without joining two lists for every plain value: the content has a
        hundred thousand of them. (The loader has no resolvers by path or for any first letter.)"""
        if kind is ScalarNode and implicit[0]:
            for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return tag
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


_YamlLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_YamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)
_YamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
assert None not in _YamlLoader.yaml_implicit_resolvers and not _YamlLoader.yaml_path_resolvers


def normalise(text: str) -> str:
    """Drop a byte-order mark and turn Windows or old Mac line endings into plain ones."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> FrontMatter:
    """Split `text` into front matter and body, raising FrontMatterError with a line number."""
    lines = normalise(text).split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(
            1,
            "the file must start with a line of three dashes (---), then the details "
            "(like `title:`), then another line of three dashes",
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE)
    except StopIteration:
        raise FrontMatterError(
            1, "the details at the top start with --- but never end: add a line with only --- after them"
        ) from None
    source = "\n".join(lines[1:end])
    node, data = load_yaml(source, first_line=2)
    if not isinstance(node, MappingNode) or not isinstance(data, dict):
        raise FrontMatterError(
            2, "the details at the top must be lines of `name: value`, not a list or plain text"
        )
    check_duplicate_keys(node, first_line=2)
    return FrontMatter(data=data, node=node, body="\n".join(lines[end + 1 :]), body_line=end + 2)


def load_yaml(source: str, first_line: int = 1) -> tuple[Node | None, Any]:
    """Parse YAML, returning its node tree and its data. Errors carry the file's line number."""
    if "\t" in source:
        row = source[: source.index("\t")].count("\n")
        raise FrontMatterError(
            first_line + row, "there is a tab character here: use spaces to indent, never tabs"
        )
    loader = _YamlLoader(source)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        row = mark.line if mark else 0
        raise FrontMatterError(
            first_line + row,
            "this line, or a line above it, cannot be read: check for a missing `:` after a "
            "name, a stray quote, or text that needs \"quotes\" because it contains a colon",
        ) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(first_line, f"this cannot be read ({error})") from None
    finally:
        loader.dispose()
    return node, data


def check_duplicate_keys(node: Node, first_line: int) -> None:
    """PyYAML keeps the last of two equal keys silently; an editor would lose the first."""
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                if key.value in seen:
                    raise FrontMatterError(
                        first_line + key.start_mark.line,
                        f"`{key.value}` is written twice: keep only one",
                    )
                seen.add(key.value)
            check_duplicate_keys(value, first_line)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            check_duplicate_keys(item, first_line)


def locate(node: Node | None, loc: tuple[Any, ...], first_line: int) -> tuple[int, tuple[Any, ...]]:
    """Find the file line of the value at `loc`, and the part of `loc` that exists in the YAML.

    `loc` is a path like ("phones", 0, "number"). For a missing key, the line of its parent is
    given.
    """
    line = first_line + (node.start_mark.line if node is not None else 0)
    found: list[Any] = []
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            match = next((pair for pair in node.value if pair[0].value == part), None)
            if match is None:
                found.append(part)
                break
            key, node = match
            line = first_line + key.start_mark.line
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = first_line + node.start_mark.line
        else:
            found.append(part)
            break
        found.append(part)
    return line, tuple(found)
