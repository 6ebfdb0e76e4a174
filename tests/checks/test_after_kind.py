"""The after kind: dates and meetings in order, undecidable cases silent, --as-of."""

from __future__ import annotations

from datetime import date

import pytest
from factsbuild import REVCON, coordinator, day, extension, meeting, meeting_ref, state

from ccmlint.checks import after
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, MeetingRef
from ccmlint.schema import validate

TERM = validate(after.Params, dict(kind="after", value="coordinators.term_end", reference="meeting"))
EXTENSION = validate(after.Params, dict(kind="after", value="extensions.until", reference="meeting.end", as_of_override=True))
LAST_DAY = day("13 September 2024", date(2024, 9, 13), 1)


def term_findings(term_end: MeetingRef, this_meeting_ordinal: int | None = 12, year: int | None = 2024) -> list[int]:
    report = Facts(meeting=meeting(this_meeting_ordinal, year), coordinators=[coordinator("Clearance", 7, state("Chile", 7), term_end)])
    return [f.span.line for f in after.check(TERM, report, Context())]


def test_fail_term_ending_at_an_earlier_meeting() -> None:
    assert term_findings(meeting_ref("Eleventh Meeting", 7, ordinal=11)) == [7]


def test_fail_term_ending_at_this_meeting() -> None:
    assert term_findings(meeting_ref("Twelfth Meeting", 7, ordinal=12)) == [7]


def test_pass_term_ending_at_a_later_meeting() -> None:
    assert term_findings(meeting_ref("Thirteenth Meeting", 7, ordinal=13)) == []


def test_different_kinds_compare_by_year() -> None:
    assert term_findings(meeting_ref("Third Review Conference", 7, REVCON, ordinal=3, year=2026)) == []
    assert term_findings(meeting_ref("Second Review Conference", 7, REVCON, ordinal=2, year=2021)) == [7]


def test_undecidable_order_reports_nothing() -> None:
    # Different kinds and no year; same year of different kinds; no ordinals and no years.
    assert term_findings(meeting_ref("Third Review Conference", 7, REVCON, ordinal=3)) == []
    assert term_findings(meeting_ref("Review Conference", 7, REVCON, year=2024)) == []
    assert term_findings(meeting_ref("next Meeting", 7), this_meeting_ordinal=None, year=None) == []


def test_finding_values_name_value_reference_and_owner_fields() -> None:
    eleventh = meeting_ref("Eleventh Meeting", 7, ordinal=11)
    report = Facts(meeting=meeting(), coordinators=[coordinator("Clearance", 7, state("Chile", 7), eleventh)])
    (finding,) = after.check(TERM, report, Context())
    assert finding.values["value"] == eleventh
    assert finding.values["reference"] == report.meeting
    assert finding.values["area"] == "Clearance"


def extension_lines(until: date, context: Context, end: bool = True) -> list[int]:
    report = Facts(
        meeting=meeting(end=LAST_DAY if end else None),
        extensions=[extension("Chad", 20, day(until.isoformat(), until, 20))],
    )
    return [f.span.line for f in after.check(EXTENSION, report, context)]


@pytest.mark.parametrize(("until", "lines"), [(date(2024, 8, 1), [20]), (date(2024, 9, 13), [20]), (date(2024, 9, 14), [])])
def test_extension_must_end_after_the_last_day(until: date, lines: list[int]) -> None:
    assert extension_lines(until, Context()) == lines


def test_missing_reference_reports_nothing() -> None:
    assert extension_lines(date(2000, 1, 1), Context(), end=False) == []


def test_as_of_replaces_the_reference_only_when_the_rule_allows() -> None:
    later = Context(as_of=date(2030, 1, 1))
    assert extension_lines(date(2029, 8, 1), later) == [20]
    assert extension_lines(date(2029, 8, 1), later, end=False) == [20]
    report = Facts(meeting=meeting(), coordinators=[coordinator("Clearance", 7, None, meeting_ref("Thirteenth Meeting", 7, ordinal=13, year=2025))])
    assert list(after.check(TERM, report, later)) == []  # TERM does not take --as-of


def test_as_of_drops_the_reference_from_the_needed_facts() -> None:
    assert EXTENSION.roles(Context()).references == ("meeting.end",)
    assert EXTENSION.roles(Context(as_of=date(2030, 1, 1))).references == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"value": "extensions.state"}, "leads to StateRef; 'after' compares DateFact, MeetingRef, Meeting"),
        ({"reference": "extensions.until"}, "maps over a list; a reference must be a single value"),
        ({"value": "meeting.year"}, "leads to int"),
    ],
)
def test_bad_params_are_rejected(changes: dict[str, object], expected: str) -> None:
    raw: dict[str, object] = {"kind": "after", "value": "extensions.until", "reference": "meeting.end", **changes}
    with pytest.raises(ValueError, match=expected):
        validate(after.Params, raw)


def test_is_after_meeting_against_a_date_uses_its_last_day_or_year() -> None:
    assert after.is_after(meeting(end=LAST_DAY), date(2024, 9, 12)) is True
    assert after.is_after(meeting(), date(2023, 12, 31)) is True
    assert after.is_after(meeting(), date(2024, 1, 1)) is None
