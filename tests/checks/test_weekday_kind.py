"""The weekday kind: a date named as a week's first day is a Monday."""

from __future__ import annotations

from datetime import date

import pytest
from factsbuild import day

from ccmlint.checks import weekday
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, Schedule
from ccmlint.schema import validate

MONDAY = validate(weekday.Params, dict(kind="weekday", path="schedule.weeks", weekday="Monday"))


def test_only_other_days_are_found() -> None:
    report = Facts(schedule=Schedule(weeks=[day("15 September 2025", date(2025, 9, 15), 1), day("16 September 2025", date(2025, 9, 16), 2)]))
    (finding,) = weekday.check(MONDAY, report, Context())
    assert finding.span.line == 2
    assert finding.values["actual"] == "Tuesday" and finding.values["weekday"] == "Monday"


def test_a_path_to_something_else_is_rejected() -> None:
    with pytest.raises(ValueError, match="does not lead to dates"):
        validate(weekday.Params, {"kind": "weekday", "path": "schedule.dated.year", "weekday": "Monday"})
    with pytest.raises(ValueError):
        validate(weekday.Params, {"kind": "weekday", "path": "schedule.weeks", "weekday": "Funday"})
