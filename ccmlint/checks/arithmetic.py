"""``arithmetic``: a sum the text states comes out as the text says, within rounding.

A rule names the computation in terms of the item's fields (``expected: part / whole
* 100``) and the field holding the stated result (``stated: percent``). The
expression may use + - * /, numbers, parentheses and dotted field names; it is
checked against the facts model when the rule loads.

Numbers as written are taken at their written precision: "26%" stands for anything
from 25.5 to 26.5, "65,134 hectares" for 65,133.5 to 65,134.5, and a number with a
hedge ("over 16,943") for twice that range. The computation is done on those ranges,
and only a stated result outside every value the computation allows is a finding, so
rounding is never reported.

Placeholders: ``{expected}`` (the computed value at the stated precision),
``{stated}`` and the item's fields by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import field_validator
from ccmlint.checks.fields import field_type, fields_of, item_type, read
from ccmlint.checks.formula import Formula, FormulaError, field_names as formula_fields, read_formula
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import resolve
from ccmlint.facts.model import Fact, Facts, Quantity
from ccmlint.record import Record, field_names

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "arithmetic"

_NUMBERS = (int, float, Quantity)
_EPSILON = 1e-9


class Interval(Record):
    """The values a written number may stand for."""

    low: float
    high: float

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __mul__(self, other: Interval) -> Interval:
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= other.high:
            raise ZeroDivisionError("the divisor may be zero")
        return self * Interval(1 / other.high, 1 / other.low)

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high + _EPSILON and other.low <= self.high + _EPSILON


def interval(value: object) -> Interval | None:
    """The range a value stands for: a Quantity at its written precision, a plain number exactly."""
    if isinstance(value, Quantity):
        half = 0.5 * 10 ** (-value.decimals) * (2 if value.approximate else 1)
        return Interval(value.value - half, value.value + half)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Interval(float(value), float(value))
    return None


_OPERATORS = {"+": Interval.__add__, "-": Interval.__sub__, "*": Interval.__mul__, "/": Interval.__truediv__}


def evaluate(formula: Formula, item: Fact) -> Interval | None:
    """The range a formula allows for one item; None when a field is absent."""
    kind = formula[0]
    if kind == "number":
        value = float(formula[1])  # type: ignore[arg-type]
        return Interval(value, value)
    if kind == "field":
        return interval(read(item, str(formula[1])))
    left, right = evaluate(formula[1], item), evaluate(formula[2], item)  # type: ignore[arg-type]
    if left is None or right is None:
        return None
    try:
        return _OPERATORS[kind](left, right)
    except ZeroDivisionError:
        return None


class Params(CheckParams):
    kind: Literal["arithmetic"]
    path: FactPath
    expected: str
    stated: str

    @field_validator("path")
    @classmethod
    def _items(cls, path: str) -> str:
        require_located(path)
        item_type(path)
        return path

    @field_validator("expected")
    @classmethod
    def _expression(cls, expected: str, info: ValidationInfo) -> str:
        try:
            formula = read_formula(expected)
        except FormulaError as error:
            raise ValueError(str(error)) from None
        path = info.data.get("path")
        for name in formula_fields(formula):
            if isinstance(path, str):
                _numeric(path, name)
        return expected

    @field_validator("stated")
    @classmethod
    def _stated_number(cls, stated: str, info: ValidationInfo) -> str:
        path = info.data.get("path")
        if isinstance(path, str):
            _numeric(path, stated)
        return stated

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        fields = frozenset(field_names(item_type(self.path)))
        return {"message": fields | {"expected", "stated", "value"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def _numeric(path: str, name: str) -> None:
    annotation = field_type(item_type(path), name)
    if annotation not in _NUMBERS:
        raise ValueError(f"'{name}' of the items at '{path}' is not a number or a Quantity")


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    formula = read_formula(params.expected)
    for hit in resolve(facts, params.path):
        item = hit.value
        if not isinstance(item, Fact):
            continue
        stated_value = read(item, params.stated)
        expected, stated = evaluate(formula, item), interval(stated_value)
        if expected is None or stated is None or expected.meets(stated):
            continue
        decimals = stated_value.decimals if isinstance(stated_value, Quantity) else 0
        shown = f"{expected.middle:,.{decimals}f}"
        yield Finding(item.span, {**fields_of(item), "value": item, "expected": shown, "stated": stated_value})
