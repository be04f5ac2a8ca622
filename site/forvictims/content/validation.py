"""Front matter checked against its model, and every pydantic error said in plain English.

What a field may hold is declared once, in the model; the messages read it from there (the
fields of a phone, the lowest and highest age, the names pydantic gives the branches of a
choice), so a model can change without a message going wrong.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable, Iterator, get_args

from pydantic import BaseModel, Tag, ValidationError
from pydantic.fields import FieldInfo

from .frontmatter import locate


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice an editor most likely meant: "stalkng" → "stalking-and-harassment"."""
    def score(choice: str) -> float:
        return max(difflib.SequenceMatcher(None, word, choice).ratio(),
                   difflib.SequenceMatcher(None, word, choice[: len(word)]).ratio())
    best = max(choices, key=score, default=None)
    return best if best is not None and score(best) >= 0.75 else None


def suggest_slug(name: str) -> str:
    """A file name an editor could use instead: "Domestic Abuse" → "domestic-abuse"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "new-page"


def dotted(loc: tuple[Any, ...]) -> str:
    """("phones", 0, "number") → "phones[0].number"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# ---------------------------------------------------------------------------------------------
# What the models declare, read from their annotations


def _parts(annotation: Any) -> Iterator[Any]:
    """Everything inside a type annotation: the types it is made of and their metadata."""
    yield annotation
    for part in (*get_args(annotation), *getattr(annotation, "__metadata__", ())):
        if isinstance(part, FieldInfo):
            yield from _parts(part.annotation)
            yield from part.metadata
        else:
            yield from _parts(part)


def _field_parts(model: type[BaseModel], name: str) -> list[Any]:
    info = model.model_fields[name]
    return [*_parts(info.annotation), *info.metadata]


def union_tags(model: type[BaseModel]) -> frozenset[str]:
    """The names pydantic gives the branches of a choice in this model (and the models inside
    it), like "schedule" for `hours`: they appear in error locations, never in the YAML."""
    tags = set()
    for name in model.model_fields:
        for part in _field_parts(model, name):
            if isinstance(part, Tag):
                tags.add(part.tag)
            elif isinstance(part, type) and issubclass(part, BaseModel) and part is not model:
                tags |= union_tags(part)
    return frozenset(tags)


def nested_model(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    """The model of a field made of smaller fields, like Phone for `phones`."""
    if name not in model.model_fields:
        return None
    return next((part for part in _field_parts(model, name)
                 if isinstance(part, type) and issubclass(part, BaseModel)), None)


def bounds(model: type[BaseModel], name: str) -> tuple[Any, Any]:
    """The lowest and highest value a number field allows, like (0, 120) for an age."""
    parts = _field_parts(model, name)
    return (next((part.ge for part in parts if hasattr(part, "ge")), None),
            next((part.le for part in parts if hasattr(part, "le")), None))


def _owner(model: type[BaseModel], parent: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that holds the fields at `parent`, like Phone for ("phones", 0)."""
    owner: type[BaseModel] | None = model
    for part in parent:
        if isinstance(part, str):
            owner = nested_model(owner, part) if owner else None
    return owner


# ---------------------------------------------------------------------------------------------
# Messages


def describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    """An editor-friendly sentence for one pydantic error."""
    kind, ctx = error["type"], error.get("ctx") or {}
    name = next((part for part in reversed(error["loc"]) if isinstance(part, str)), "")
    if kind == "missing":
        return f"is missing: add a line like `{name}: …`"
    if error.get("input", "") is None:
        return "is empty: write something after the colon, or remove the line"
    if kind == "extra_forbidden" and error.get("guess"):
        return f"is not a field we know: did you mean {error['guess']}?"
    if kind == "extra_forbidden":
        known = ", ".join(model.model_fields) if len(error["loc"]) == 1 else ""
        return "is not a field we know: check the spelling" + (f" (the fields are: {known})" if known else "")
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind == "literal_error" and error["loc"][:1] == ("areas",):
        return "must be national, all, or a list of areas by file name, like [sandwell, dudley]"
    if kind == "literal_error" and error["loc"][:1] == ("crime_types",):
        return "must be all, or a list of crime types by file name, like [domestic-abuse]"
    if kind == "literal_error":
        return f"must be one of: {ctx.get('expected', '').replace(chr(39), '')}"
    if kind == "string_type" and isinstance(error.get("input"), dict):
        return 'has a colon in it, so put the whole text in "quotes"'
    if kind in ("string_type", "string_sub_type"):
        return "must be text (put it in \"quotes\" if it looks like a number or a date)"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number, like 16"
    if kind in ("greater_than_equal", "less_than_equal"):
        owner = _owner(model, tuple(error["loc"][:-1])) or model
        low, high = bounds(owner, name) if name in owner.model_fields else (ctx.get("ge"), ctx.get("le"))
        return f"must be between {low} and {high}"
    if kind.startswith("date"):
        return "must be a date written like 2026-11-20"
    if kind == "too_short":
        return "is empty: list at least one"
    if kind in ("list_type", "tuple_type"):
        return "must be a list: write [first, second], or each item on its own line starting with -"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "must be a set of `name: value` lines"
    if kind == "string_pattern_mismatch":
        return {
            "ons_code": "must be an ONS code like E08000028",
            "silent_solution": "must be two digits, like 55",
        }.get(name, f"is not in the expected form ({ctx.get('pattern')})")
    return error["msg"]


def _guess_misspelt_fields(details: list[dict[str, Any]], model: type[BaseModel]) -> set[tuple]:
    """Mark each unknown field with the field it was most likely meant to be (as "guess"), and
    return the locations of missing fields that a guess explains."""
    missing = {tuple(detail["loc"]) for detail in details if detail["type"] == "missing"}
    explained = set()
    for detail in details:
        if detail["type"] != "extra_forbidden":
            continue
        parent, key = tuple(detail["loc"][:-1]), str(detail["loc"][-1])
        owner = _owner(model, parent)
        known = [name for (*where, name) in missing if tuple(where) == parent]
        guess = closest(key, known) or (closest(key, owner.model_fields) if owner else None)
        if guess:
            detail["guess"] = guess
            explained.add((*parent, guess))
    return explained


def validate(model: type[BaseModel], data: Any, node: Any, first_line: int,
             missing: dict[str, str] | None = None) -> tuple[BaseModel | None, list[tuple[int, str]]]:
    """The checked front matter, or None and (line, message) for every problem in it.

    `node` is the YAML the data came from (for line numbers); `missing` gives better advice
    than "add a line like…" for a missing field.
    """
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        details = error.errors()
    tags = union_tags(model)
    guessed = _guess_misspelt_fields(details, model)
    problems = []
    for detail in details:
        if detail["type"] == "missing" and tuple(detail["loc"]) in guessed:
            continue  # "last_cheked: did you mean last_checked?" says it all
        # A branch name is never a key in the YAML: "hours.schedule[0]" is written hours[0].
        loc = tuple(part for index, part in enumerate(detail["loc"]) if not (index and part in tags))
        line, found = locate(node, loc, first_line)
        name = dotted(found)
        message = describe(detail, model)
        if detail["type"] == "missing" and name in (missing or {}):
            message = missing[name]
        problems.append((line, f"{name}: {message}" if name else message))
    return None, problems
