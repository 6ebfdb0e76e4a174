"""``weekday``: every date at ``path`` falls on the given day of the week.

Used for "the week of 15 September 2025": a week is named by its Monday, so a date
there that is not a Monday is a wrong day or a wrong month.

Placeholders: ``{value}`` (the date), ``{weekday}`` (the day expected), ``{actual}``
(the day it falls on) and the fields of the value's owner.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Iterator, Literal, Mapping

from ccmlint.schema import field_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import DateFact, Facts

KIND = "weekday"

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Params(CheckParams):
    kind: Literal["weekday"]
    path: FactPath
    weekday: Weekday

    @field_validator("path")
    @classmethod
    def _dates(cls, path: str) -> str:
        require_located(path)
        if describe(path).leaf not in (DateFact, date):
            raise ValueError(f"'{path}' does not lead to dates")
        return path

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": describe(self.path).owner_fields | {"value", "weekday", "actual"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    for hit in resolve(facts, params.path):
        day = hit.value.value if isinstance(hit.value, DateFact) else hit.value
        if not isinstance(day, date) or hit.span is None:
            continue
        actual = calendar.day_name[day.weekday()]
        if actual != params.weekday:
            yield Finding(hit.span, {**hit.owner_values(), "value": hit.value, "weekday": params.weekday, "actual": actual})
