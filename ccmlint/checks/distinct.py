"""``distinct``: no State is named twice in one list.

A State named twice in a list of participants or of sponsors is a slip of drafting
(a name pasted twice, or two forms of one name: "the Netherlands" and "Kingdom of
the Netherlands"). Names compare by identity (``ccmlint.checks.identity``): the
UN short name when the names data knows the words, else the words themselves.

Several paths may name the same list twice over (a participant list is also an
enumeration of States), so a repeated name is reported once, at its second
occurrence, with the place of the first.

Placeholders: ``{value}`` (the repeated name), ``{first}`` (its first occurrence),
``{first_line}``, ``{first_column}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import Field, field_validator
from ccmlint.checks.identity import identity
from ccmlint.checks.listing import WhereValues, lists_at, require_items, require_lists, require_where
from ccmlint.checks.params import CheckParams, FactPaths, PathRoles
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, StateRef

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "distinct"


class Params(CheckParams):
    kind: Literal["distinct"]
    paths: FactPaths = Field(min_length=1)
    items: str
    where: WhereValues = Field(default_factory=dict)

    @field_validator("paths")
    @classmethod
    def _paths_lists(cls, paths: list[str]) -> list[str]:
        return [require_lists(path) for path in paths]

    @field_validator("items")
    @classmethod
    def _items_names(cls, items: str, info: ValidationInfo) -> str:
        for path in info.data.get("paths") or []:
            require_items(path, items)
        return items

    @field_validator("where")
    @classmethod
    def _where_fields(cls, where: WhereValues, info: ValidationInfo) -> WhereValues:
        for path in info.data.get("paths") or []:
            require_where(path, where)
        return where

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": frozenset({"value", "first", "first_line", "first_column"})}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=tuple(self.paths))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    reported: set[tuple[int, int]] = set()
    for path in params.paths:
        for named in lists_at(facts, path, params.items, params.where):
            first: dict[str, StateRef] = {}
            for name in named.names:
                key = identity(name)
                earlier = first.setdefault(key, name)
                if earlier is name or (name.span.start, name.span.end) in reported:
                    continue
                reported.add((name.span.start, name.span.end))
                yield Finding(
                    name.span,
                    {"value": name, "first": earlier, "first_line": earlier.span.line, "first_column": earlier.span.column},
                    suggestion=f"delete this {name.text}; the list already names it at line {earlier.span.line}, column {earlier.span.column}",
                )
