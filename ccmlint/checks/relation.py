"""``relation``: two fields of each item at ``path`` stand in the relation ``op``.

Used where one fact carries both sides of a check: a range of actions runs upwards
(``first < last``), an area of work is tied to its own article (``article ==
area_article``), a meeting's stated year is one of its years in the meeting cycle
(``year in cycle_years``), the two lists of a "respectively" are of equal length.
An item with either side absent (None, or an empty list for ``in``) is not judged:
the data or the text did not say.

Placeholders: ``{value}`` (the item) and the item's fields by name.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, Callable, Iterator, Literal, Mapping, get_origin

from ccmlint.schema import field_validator, model_validator
from ccmlint.checks.fields import field_type, fields_of, item_type, read
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import resolve
from ccmlint.facts.model import Fact, Facts
from ccmlint.record import field_names

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "relation"

Operator = Literal["==", "!=", "<", "<=", ">", ">=", "in"]
# NOTE: the values compared are any field's (numbers, dates, text); Any is their type.
_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "in": lambda left, right: left in right,
}


class Params(CheckParams):
    kind: Literal["relation"]
    path: FactPath
    left: str
    op: Operator
    right: str

    @field_validator("path")
    @classmethod
    def _items_with_fields(cls, path: str) -> str:
        require_located(path)
        item_type(path)
        return path

    @field_validator("left", "right")
    @classmethod
    def _field_exists(cls, name: str, info: ValidationInfo) -> str:
        path = info.data.get("path")
        if isinstance(path, str):
            field_type(item_type(path), name)
        return name

    @model_validator(mode="after")
    def _in_takes_a_list(self) -> Params:
        if self.op == "in" and get_origin(field_type(item_type(self.path), self.right)) is not list:
            raise ValueError(f"'in' needs a list on the right; '{self.right}' is not one")
        return self

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": frozenset(field_names(item_type(self.path))) | {"value"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    holds = _OPERATORS[params.op]
    for hit in resolve(facts, params.path):
        item = hit.value
        if not isinstance(item, Fact):
            continue
        left, right = read(item, params.left), read(item, params.right)
        if left is None or right is None or right == []:
            continue
        try:
            kept = holds(left, right)
        except TypeError:
            continue  # NOTE: values without an order between them (text and a number) decide nothing
        if not kept:
            yield Finding(item.span, {**fields_of(item), "value": item})
