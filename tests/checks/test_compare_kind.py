"""The compare kind: values against one reference (equal, at most, at least), narrowed by ``where``."""

from __future__ import annotations

import pytest
from factsbuild import REVCON, meeting, span

from ccmlint.checks import compare
from ccmlint.engine.context import Context
from ccmlint.facts.model import DocumentSymbol, Facts
from ccmlint.schema import validate

NOT_LATER = validate(compare.Params, dict(kind="compare", value="symbols.year", relation="at_most", reference="meeting.year", where={"own": False}))
OWN_YEAR = validate(compare.Params, dict(kind="compare", value="symbols.year", relation="equal", reference="meeting.year", where={"own": True}))
OWN_KIND = validate(compare.Params, dict(kind="compare", value="symbols.meeting_kind", relation="equal", reference="meeting.kind", where={"own": True}))
NOT_EARLIER = validate(compare.Params, dict(kind="compare", value="symbols.year", relation="at_least", reference="meeting.year"))


def symbol(text: str, line: int, year: int | None, own: bool = False, kind: str = "meeting_of_states_parties") -> DocumentSymbol:
    series = "/".join(text.split("/")[:2])
    return DocumentSymbol(span=span(line), text=text, series=series, meeting_kind=kind, year=year, well_formed=True, own=own)  # type: ignore[arg-type]


def lines(params: compare.Params, facts: Facts) -> list[int]:
    return [finding.span.line for finding in compare.check(params, facts, Context())]


def test_at_most_flags_later_values_only_where_selected() -> None:
    report = Facts(
        meeting=meeting(year=2024),
        symbols=[symbol("CCM/MSP/2010/3", 3, 2010), symbol("CCM/MSP/2024/1", 4, 2024), symbol("CCM/MSP/2025/3", 5, 2025), symbol("CCM/MSP/2025/11", 6, 2025, own=True)],
    )
    assert lines(NOT_LATER, report) == [5]


def test_at_least_is_the_mirror() -> None:
    report = Facts(meeting=meeting(year=2024), symbols=[symbol("CCM/MSP/2010/3", 3, 2010), symbol("CCM/MSP/2025/3", 5, 2025)])
    assert lines(NOT_EARLIER, report) == [3]


def test_equal_compares_plain_values_of_any_type() -> None:
    report = Facts(
        meeting=meeting(year=2024),
        symbols=[symbol("CCM/CONF/2023/11", 1, 2023, own=True, kind="review_conference"), symbol("CCM/CONF/2021/6", 4, 2021, kind="review_conference")],
    )
    assert lines(OWN_YEAR, report) == [1]
    assert lines(OWN_KIND, report) == [1]
    conference = Facts(meeting=meeting(year=2026, kind=REVCON), symbols=[symbol("CCM/CONF/2026/9", 1, 2026, own=True, kind="review_conference")])
    assert lines(OWN_KIND, conference) == []


def test_missing_reference_or_value_decides_nothing() -> None:
    assert lines(NOT_LATER, Facts(symbols=[symbol("CCM/MSP/2025/3", 5, 2025)])) == []
    assert lines(NOT_LATER, Facts(meeting=meeting(year=None), symbols=[symbol("CCM/MSP/2025/3", 5, 2025)])) == []
    assert lines(NOT_LATER, Facts(meeting=meeting(year=2024), symbols=[symbol("CCM/MSP/25/3", 5, None)])) == []


def test_an_order_on_unordered_values_decides_nothing() -> None:
    assert compare.holds("at_most", "review_conference", "meeting_of_states_parties") is None
    assert compare.holds("at_most", True, 3) is None
    assert compare.holds("at_most", 2024, 2024) is True


def test_finding_values_name_value_reference_and_owner_fields() -> None:
    report = Facts(meeting=meeting(year=2024), symbols=[symbol("CCM/MSP/2025/3", 5, 2025)])
    (finding,) = compare.check(NOT_LATER, report, Context())
    assert (finding.values["value"], finding.values["reference"], finding.values["text"]) == (2025, 2024, "CCM/MSP/2025/3")
    assert NOT_LATER.placeholders()["message"] >= {"value", "reference", "text", "series", "own"}


def test_reference_must_be_single_and_where_fields_must_exist() -> None:
    with pytest.raises(ValueError, match="maps over a list"):
        validate(compare.Params, dict(kind="compare", value="meeting.year", relation="equal", reference="symbols.year"))
    with pytest.raises(ValueError, match="'where' names 'mine'"):
        validate(compare.Params, dict(kind="compare", value="symbols.year", relation="equal", reference="meeting.year", where={"mine": True}))
