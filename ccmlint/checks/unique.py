"""``unique``: no two items at a path share their ``key`` fields.

Used for footnote numbers given twice. The first occurrence is taken as right; each
later one is reported, with the line of the first so the reader can compare.

Placeholders: ``{value}``, each ``key`` field by name, ``{first_line}`` and the fields
of the item's owner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import Field, field_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_fields, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import Hit, describe, resolve
from ccmlint.facts.model import Facts
from ccmlint.span import Span

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "unique"


class Params(CheckParams):
    kind: Literal["unique"]
    path: FactPath
    key: list[str] = Field(min_length=1)

    @field_validator("path")
    @classmethod
    def _path_located(cls, path: str) -> str:
        return require_located(path)

    @field_validator("key")
    @classmethod
    def _key_fields_exist(cls, key: list[str], info: ValidationInfo) -> list[str]:
        path = info.data.get("path")
        return require_fields(path, key) if isinstance(path, str) else key

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": describe(self.path).owner_fields | set(self.key) | {"value", "first_line"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    first: dict[tuple[object, ...], Span] = {}
    located = [hit for hit in resolve(facts, params.path) if hit.span is not None]
    for hit in sorted(located, key=_start):
        key = tuple(getattr(hit.value, name) for name in params.key)
        span = hit.span
        assert span is not None  # filtered above; narrows the type
        if key not in first:
            first[key] = span
            continue
        values = {**hit.owner_values(), **dict(zip(params.key, key)), "value": hit.value}
        yield Finding(span, {**values, "first_line": first[key].line})


def _start(hit: Hit) -> int:
    return hit.span.start if hit.span is not None else 0
