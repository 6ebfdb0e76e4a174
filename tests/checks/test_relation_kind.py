"""The relation kind: two fields of one fact in a relation; absent sides are not judged."""

from __future__ import annotations

import pytest
from factsbuild import meeting_ref, span

from ccmlint.checks import relation
from ccmlint.engine.context import Context
from ccmlint.facts.model import ActionRange, Citations, DatedMeeting, Facts, Schedule
from ccmlint.schema import validate

RANGES = validate(relation.Params, dict(kind="relation", path="citations.action_ranges", left="first", op="<", right="last"))
YEARS = validate(relation.Params, dict(kind="relation", path="schedule.dated", left="year", op="in", right="cycle_years"))


def action_range(first: int, last: int, line: int) -> ActionRange:
    return ActionRange(text=f"actions #{first} – #{last}", first=first, last=last, plan="Lausanne Action Plan", span=span(line))


def test_ordering() -> None:
    report = Facts(citations=Citations(action_ranges=[action_range(31, 37, 1), action_range(37, 31, 2), action_range(5, 5, 3)]))
    found = list(relation.check(RANGES, report, Context()))
    assert [finding.span.line for finding in found] == [2, 3]
    assert found[0].values["first"] == 37 and found[0].values["text"] == "actions #37 – #31"


def dated(year: int, cycle: list[int], line: int) -> DatedMeeting:
    return DatedMeeting(text="Eleventh Meeting", meeting=meeting_ref("Eleventh Meeting", line, ordinal=11), year=year, cycle_years=cycle, span=span(line))


def test_membership_and_an_unknown_side() -> None:
    report = Facts(schedule=Schedule(dated=[dated(2023, [2023], 1), dated(2022, [2023], 2), dated(2020, [2020, 2021], 3), dated(2030, [], 4)]))
    assert [finding.span.line for finding in relation.check(YEARS, report, Context())] == [2]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"left": "firstly"}, "no field 'firstly'"),
        ({"op": "in"}, "needs a list on the right"),
        ({"op": "=>"}, "Input should be"),
        ({"path": "citations.action_ranges.first"}, "plain values"),
    ],
)
def test_bad_params_are_rejected(changes: dict[str, object], expected: str) -> None:
    raw: dict[str, object] = {"kind": "relation", "path": "citations.action_ranges", "left": "first", "op": "<", "right": "last", **changes}
    with pytest.raises(ValueError, match=expected):
        validate(relation.Params, raw)
