"""The years_between kind: a new deadline is the old one plus the years granted."""

from __future__ import annotations

from datetime import date

import pytest
from factsbuild import day, span, state

from ccmlint.checks import years_between
from ccmlint.engine.context import Context
from ccmlint.facts.model import Arithmetic, ExtensionTerm, Facts
from ccmlint.schema import validate

TERMS = validate(years_between.Params, dict(kind="years_between", path="arithmetic.extension_terms", start="previous", years="years", end="until"))


def term(previous: date, years: int, until: date, line: int) -> ExtensionTerm:
    return ExtensionTerm(
        text="...", state=state("Chad", line), years=years, until=day(until.isoformat(), until, line),
        previous=previous, basis="the deadline the decision states", span=span(line),
    )


def test_sums() -> None:
    report = Facts(arithmetic=Arithmetic(extension_terms=[
        term(date(2027, 8, 1), 2, date(2029, 8, 1), 1),
        term(date(2027, 8, 1), 2, date(2025, 8, 1), 2),
        term(date(2028, 2, 29), 1, date(2029, 3, 1), 3),
    ]))
    found = list(years_between.check(TERMS, report, Context()))
    assert [finding.span.line for finding in found] == [2]
    assert found[0].values["expected"] == date(2029, 8, 1)


def test_fields_must_be_dates_and_a_count() -> None:
    with pytest.raises(ValueError, match="is not a date"):
        validate(years_between.Params, {"kind": "years_between", "path": "arithmetic.extension_terms", "start": "years", "years": "years", "end": "until"})
    with pytest.raises(ValueError, match="is not a whole number"):
        validate(years_between.Params, {"kind": "years_between", "path": "arithmetic.extension_terms", "start": "previous", "years": "basis", "end": "until"})
