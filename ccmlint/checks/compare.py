"""``compare``: every value at ``value`` stands in ``relation`` to the one value at
``reference`` — ``equal``, ``at_most`` or ``at_least``.

For plain values read from different places that must agree: the year of the
report's own symbol and the year of the meeting it records; the kind of meeting a
symbol's series belongs to and the kind of meeting the report records; the year of
a document cited and the year of the meeting (a report cannot cite a document of a
later year). ``where`` narrows the values to those whose owner has the given field
values (``own: true``). A value or reference that is absent, or an order asked of
values that have none (``at_most`` on text), decides nothing and reports nothing.

(Two fields of one and the same item are compared by ``relation``; this kind compares
values across the facts, against a single reference.)

Placeholders: ``{value}``, ``{reference}`` and the fields of the value's owner.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import Field, field_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located, require_single
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import Facts

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "compare"

Relation = Literal["equal", "at_most", "at_least"]


class Params(CheckParams):
    kind: Literal["compare"]
    value: FactPath
    relation: Relation
    reference: FactPath
    where: dict[str, str | int | bool] = Field(default_factory=dict)

    @field_validator("value")
    @classmethod
    def _value_located(cls, path: str) -> str:
        return require_located(path)

    @field_validator("reference")
    @classmethod
    def _reference_single(cls, path: str) -> str:
        return require_single(path)

    @field_validator("where")
    @classmethod
    def _where_fields_exist(cls, where: dict[str, str | int | bool], info: ValidationInfo) -> dict[str, str | int | bool]:
        path = info.data.get("value")
        if isinstance(path, str):
            fields = describe(path).owner_fields
            for name in where:
                if name not in fields:
                    raise ValueError(f"'where' names '{name}', not a field of the owner of '{path}' (fields: {', '.join(sorted(fields))})")
        return where

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": describe(self.value).owner_fields | {"value", "reference"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.value,), references=(self.reference,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    found = resolve(facts, params.reference)
    if not found:
        return  # nothing to compare with: the engine reports the missing fact
    reference = found[0].value
    for hit in resolve(facts, params.value):
        fields = hit.owner_values()
        if hit.span is None or not all(fields.get(name) == wanted for name, wanted in params.where.items()):
            continue
        if holds(params.relation, hit.value, reference) is False:
            yield Finding(hit.span, {**fields, "value": hit.value, "reference": reference})


def holds(relation: Relation, value: object, reference: object) -> bool | None:
    """Whether ``value`` stands in ``relation`` to ``reference``; None when undecidable."""
    if relation == "equal":
        return value == reference
    if not (_ordered(value) and _ordered(reference) and type(value) is type(reference)):
        return None
    if relation == "at_most":
        return value <= reference  # type: ignore[operator]
    return value >= reference  # type: ignore[operator]


def _ordered(value: object) -> bool:
    return isinstance(value, (int, float, date)) and not isinstance(value, bool)
