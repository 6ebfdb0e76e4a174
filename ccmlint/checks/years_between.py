"""``years_between``: a date ``end`` lies exactly ``years`` years after a date ``start``.

Used for extension decisions: "its deadline of 1 August 2027 ... an extension of two
years until 1 August 2029". The three are fields of one item. A start on 29
February has no same day N years later in most years, so it is not judged.

Placeholders: ``{expected}`` (the date the sum gives) and the item's fields by name.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import field_validator
from ccmlint.checks.fields import field_type, fields_of, item_type, read
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import resolve
from ccmlint.facts.model import DateFact, Fact, Facts
from ccmlint.record import field_names

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "years_between"


class Params(CheckParams):
    kind: Literal["years_between"]
    path: FactPath
    start: str
    years: str
    end: str

    @field_validator("path")
    @classmethod
    def _items(cls, path: str) -> str:
        require_located(path)
        item_type(path)
        return path

    @field_validator("start", "end")
    @classmethod
    def _a_date(cls, name: str, info: ValidationInfo) -> str:
        path = info.data.get("path")
        if isinstance(path, str) and field_type(item_type(path), name) not in (date, DateFact):
            raise ValueError(f"'{name}' of the items at '{path}' is not a date")
        return name

    @field_validator("years")
    @classmethod
    def _a_count(cls, name: str, info: ValidationInfo) -> str:
        path = info.data.get("path")
        if isinstance(path, str) and field_type(item_type(path), name) is not int:
            raise ValueError(f"'{name}' of the items at '{path}' is not a whole number")
        return name

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": frozenset(field_names(item_type(self.path))) | {"expected", "value"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    for hit in resolve(facts, params.path):
        item = hit.value
        if not isinstance(item, Fact):
            continue
        start, end, years = _day(read(item, params.start)), _day(read(item, params.end)), read(item, params.years)
        if start is None or end is None or not isinstance(years, int):
            continue
        try:
            expected = start.replace(year=start.year + years)
        except ValueError:
            continue  # 29 February
        if expected != end:
            yield Finding(item.span, {**fields_of(item), "value": item, "expected": expected})


def _day(value: object) -> date | None:
    if isinstance(value, DateFact):
        return value.value
    return value if isinstance(value, date) else None
