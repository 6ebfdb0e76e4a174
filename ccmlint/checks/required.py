"""``required``: every item at a path states a field (it is neither absent nor blank).

Used where the report must say something for each item, e.g. when a coordinator's
term ends. The path names the field (``coordinators.term_end``); the finding points
at the item that lacks it, the field's owner.

``where`` narrows the items to those whose owner fields have the given values (only
working-group coordinators serve fixed terms; thematic coordinators may not).

Placeholders: the fields of the owner (``{area}``, ``{state}`` … for a coordinator).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import Field, field_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import Facts

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "required"


class Params(CheckParams):
    kind: Literal["required"]
    path: FactPath
    where: dict[str, str | int | bool] = Field(default_factory=dict)

    @field_validator("path")
    @classmethod
    def _has_owner(cls, path: str) -> str:
        if describe(path).owner is None:
            raise ValueError(f"'{path}' is not a field of a located fact, so a missing value has no place to point at")
        return path

    @field_validator("where")
    @classmethod
    def _where_fields_exist(cls, where: dict[str, str | int | bool], info: ValidationInfo) -> dict[str, str | int | bool]:
        path = info.data.get("path")
        if isinstance(path, str):
            fields = describe(path).owner_fields
            for name in where:
                if name not in fields:
                    raise ValueError(f"'where' names '{name}', not a field of the items at '{path}' (fields: {', '.join(sorted(fields))})")
        return where

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": describe(self.path).owner_fields}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    for hit in resolve(facts, params.path, keep_missing=True):
        missing = hit.value is None or (isinstance(hit.value, str) and not hit.value.strip())
        if missing and hit.owner is not None and _selected(params, hit.owner_values()):
            yield Finding(hit.owner.span, hit.owner_values())


def _selected(params: Params, fields: dict[str, object]) -> bool:
    return all(fields.get(name) == value for name, value in params.where.items())
