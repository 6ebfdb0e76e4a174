"""The before kind: the mirror of after; the report's own meeting and undecidable cases are silent."""

from __future__ import annotations

from factsbuild import REVCON, meeting, meeting_ref

from ccmlint.checks import before
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, MeetingRef, Schedule
from ccmlint.schema import validate

EARLIER = validate(before.Params, dict(kind="before", value="schedule.earlier", reference="meeting"))


def lines(*earlier: MeetingRef) -> list[int]:
    report = Facts(meeting=meeting(12, 2024), schedule=Schedule(earlier=list(earlier)))
    return [finding.span.line for finding in before.check(EARLIER, report, Context())]


def test_same_kind_by_ordinal() -> None:
    assert lines(meeting_ref("Eleventh", 2, ordinal=11), meeting_ref("Twelfth", 3, ordinal=12), meeting_ref("Thirteenth", 4, ordinal=13)) == [3, 4]


def test_other_kinds_by_year_or_not_at_all() -> None:
    assert lines(meeting_ref("Second Review Conference", 2, REVCON, ordinal=2, year=2021)) == []
    assert lines(meeting_ref("Third Review Conference", 3, REVCON, ordinal=3, year=2026)) == [3]
    assert lines(meeting_ref("Fourth Review Conference", 4, REVCON, ordinal=4)) == []


def test_no_meeting_to_compare_with() -> None:
    report = Facts(schedule=Schedule(earlier=[meeting_ref("Thirteenth", 4, ordinal=13)]))
    assert list(before.check(EARLIER, report, Context())) == []
    assert EARLIER.roles(Context()).references == ("meeting",)
