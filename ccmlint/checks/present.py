"""``present``: every item at a path is a finding (optionally only those matching ``where``).

For facts whose mere presence is the problem: broken markup the parser recorded
(``markup`` where ``code: unclosed-footnote-text``), a placeholder standing where a
coordinator should be named (``coordinators.placeholder``).

Placeholders: ``{value}`` and the fields of the item (a located fact) or, for a plain
value, of its owner; ``where`` filters on the same fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import Field, field_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, is_fact_type, resolve
from ccmlint.facts.model import Fact, Facts
from ccmlint.record import field_names, field_values

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "present"


class Params(CheckParams):
    kind: Literal["present"]
    path: FactPath
    where: dict[str, str | int | bool] = Field(default_factory=dict)

    @field_validator("path")
    @classmethod
    def _path_located(cls, path: str) -> str:
        return require_located(path)

    @field_validator("where")
    @classmethod
    def _where_fields_exist(cls, where: dict[str, str | int | bool], info: ValidationInfo) -> dict[str, str | int | bool]:
        path = info.data.get("path")
        if isinstance(path, str):
            fields = _item_fields(path)
            for name in where:
                if name not in fields:
                    raise ValueError(f"'where' names '{name}', not a field of the items at '{path}' (fields: {', '.join(sorted(fields))})")
        return where

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": _item_fields(self.path) | {"value"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    for hit in resolve(facts, params.path):
        fields = _fields_of(hit.value) if isinstance(hit.value, Fact) else hit.owner_values()
        if hit.span is not None and all(fields.get(name) == value for name, value in params.where.items()):
            yield Finding(hit.span, {**fields, "value": hit.value})


def _item_fields(path: str) -> frozenset[str]:
    info = describe(path)
    if is_fact_type(info.leaf):
        return frozenset(field_names(info.leaf))  # type: ignore[arg-type]
    return info.owner_fields


def _fields_of(fact: Fact) -> dict[str, object]:
    return field_values(fact)
