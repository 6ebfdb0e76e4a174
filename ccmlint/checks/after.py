"""``after``: every value at ``value`` lies strictly after the one value at ``reference``.

Values are dates (``DateFact``) or meetings (``MeetingRef``, ``Meeting``). Meetings of
the same kind compare by ordinal; otherwise by year when both years are known; a
meeting against a date uses the meeting's last day when stated, else its year. When
the order cannot be decided, nothing is reported: absence of evidence is not a
finding. With ``as_of_override: true`` an explicit ``--as-of`` date stands in for the
reference when it is later (an extension that lapses by then is reported); an
earlier ``--as-of`` cannot excuse a date that lies before the meeting itself. The
wall clock is never consulted (DESIGN.md section 2).

Placeholders: ``{value}``, ``{reference}`` and the fields of the value's owner.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator, Literal, Mapping, Union

from ccmlint.schema import field_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located, require_single
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import DateFact, Facts, Meeting, MeetingRef

KIND = "after"

Point = Union[date, DateFact, MeetingRef, Meeting]
_ORDERED_TYPES = (DateFact, MeetingRef, Meeting)


def _ordered(path: str) -> str:
    leaf = describe(path).leaf
    if not (isinstance(leaf, type) and issubclass(leaf, _ORDERED_TYPES)):
        names = ", ".join(kind.__name__ for kind in _ORDERED_TYPES)
        raise ValueError(f"'{path}' leads to {getattr(leaf, '__name__', leaf)}; 'after' compares {names}")
    return path


class Params(CheckParams):
    kind: Literal["after"]
    value: FactPath
    reference: FactPath
    as_of_override: bool = False

    @field_validator("value")
    @classmethod
    def _value_ordered(cls, path: str) -> str:
        return _ordered(require_located(path))

    @field_validator("reference")
    @classmethod
    def _reference_ordered(cls, path: str) -> str:
        return _ordered(require_single(path))

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": describe(self.value).owner_fields | {"value", "reference"}}

    def roles(self, context: Context) -> PathRoles:
        if self.as_of_override and context.as_of is not None:
            return PathRoles(subjects=(self.value,))  # --as-of stands in for the reference
        return PathRoles(subjects=(self.value,), references=(self.reference,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    found = resolve(facts, params.reference)
    reference: Point | None = _as_point(found[0].value) if found else None
    if params.as_of_override and context.as_of is not None:
        reference_day = _day(reference) if reference is not None else None
        if reference_day is None or context.as_of > reference_day:
            reference = context.as_of
    if reference is None:
        return  # nothing to compare with: the engine reports the missing fact
    for hit in resolve(facts, params.value):
        value = _as_point(hit.value)
        if value is None or hit.span is None:
            continue
        if is_after(value, reference) is False:
            yield Finding(hit.span, {**hit.owner_values(), "value": value, "reference": reference})


def is_after(value: Point, reference: Point) -> bool | None:
    """Whether ``value`` is strictly later than ``reference``; None when undecidable."""
    value_day, reference_day = _day(value), _day(reference)
    if value_day is not None and reference_day is not None:
        return value_day > reference_day
    if isinstance(value, (MeetingRef, Meeting)) and isinstance(reference, (MeetingRef, Meeting)):
        if value.kind == reference.kind and value.ordinal is not None and reference.ordinal is not None:
            return value.ordinal > reference.ordinal
    value_year, reference_year = _year(value), _year(reference)
    if value_year is None or reference_year is None or value_year == reference_year:
        return None
    return value_year > reference_year


def _as_point(value: object) -> Point | None:
    return value if isinstance(value, (date, *_ORDERED_TYPES)) else None


def _day(point: Point) -> date | None:
    """The calendar day a point stands for, when it is one; a meeting is its last day."""
    if isinstance(point, date):
        return point
    if isinstance(point, DateFact):
        return point.value
    if isinstance(point, Meeting):
        last = point.end or (point.dates[-1] if point.dates else None)
        return last.value if last is not None else None
    return None


def _year(point: Point) -> int | None:
    day = _day(point)
    if day is not None:
        return day.year
    return point.year if isinstance(point, (MeetingRef, Meeting)) else None
