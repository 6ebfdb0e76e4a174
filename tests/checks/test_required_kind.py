"""The required kind: items lacking a field are reported at the item."""

from __future__ import annotations

import pytest
from factsbuild import coordinator, meeting_ref, state

from ccmlint.checks import required
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts
from ccmlint.schema import validate

TERM_END = validate(required.Params, dict(kind="required", path="coordinators.term_end"))


def test_fail_coordinator_without_term_end_points_at_the_appointment() -> None:
    chile = state("Chile", 5)
    report = Facts(
        coordinators=[
            coordinator("Clearance", 4, state("Germany", 4), meeting_ref("Thirteenth Meeting", 4, ordinal=13)),
            coordinator("Victim assistance", 5, chile),
        ]
    )
    found = list(required.check(TERM_END, report, Context()))
    assert [(f.span.line, f.span.end_column, f.values["area"], f.values["state"]) for f in found] == [
        (5, 41, "Victim assistance", chile)
    ]
    assert set(found[0].values) == {"text", "area", "group", "state", "placeholder", "term_end"}


def test_where_selects_items_by_owner_fields() -> None:
    working_groups = validate(required.Params, dict(kind="required", path="coordinators.term_end", where={"group": "working_group"}))
    thematic = coordinator("Transparency", 6, state("Iraq", 6)).replace(group="thematic_area")
    report = Facts(coordinators=[coordinator("Clearance", 5, state("Chile", 5)), thematic])
    assert [f.span.line for f in required.check(working_groups, report, Context())] == [5]
    assert [f.span.line for f in required.check(TERM_END, report, Context())] == [5, 6]


def test_where_must_name_owner_fields() -> None:
    with pytest.raises(ValueError, match="'where' names 'sort', not a field of the items at 'coordinators.term_end'"):
        validate(required.Params, dict(kind="required", path="coordinators.term_end", where={"sort": "x"}))


def test_pass_no_coordinators_is_not_a_finding() -> None:
    assert list(required.check(TERM_END, Facts(), Context())) == []


def test_placeholders_are_the_owners_fields() -> None:
    assert TERM_END.placeholders() == {"message": {"text", "area", "group", "state", "placeholder", "term_end"}}


def test_a_path_without_a_located_owner_is_rejected() -> None:
    with pytest.raises(ValueError, match="not a field of a located fact"):
        validate(required.Params, dict(kind="required", path="officers.president"))
