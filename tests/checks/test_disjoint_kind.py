"""The disjoint kind: a State in two exclusive groups, pairwise or against other groups."""

from __future__ import annotations

from factsbuild import coordinator, state

from ccmlint.checks import disjoint
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, Officers, Participants
from ccmlint.schema import validate

CATEGORIES = validate(disjoint.Params, dict(
    kind="disjoint",
    groups={"participants.states_parties": "a State Party", "participants.signatories": "a signatory State", "participants.observer_states": "an observer State"},
))
OFFICE = validate(disjoint.Params, dict(
    kind="disjoint",
    groups={"officers.vice_presidents": "a Vice-President", "coordinators.state": "a coordinator"},
    against={"participants.signatories": "a signatory State", "participants.observer_states": "an observer State"},
))


def test_fail_state_in_two_categories_reported_where_it_appears_second() -> None:
    report = Facts(participants=Participants(states_parties=[state("Chile", 2), state("Nigeria", 2)], signatories=[state("Nigeria", 3)], observer_states=[state("Nigeria", 4)]))
    findings = list(disjoint.check(CATEGORIES, report, Context()))
    assert [(f.span.line, f.values["group"], f.values["other_group"], f.values["other_line"]) for f in findings] == [
        (3, "a signatory State", "a State Party", 2)
    ]


def test_pass_categories_apart() -> None:
    report = Facts(participants=Participants(states_parties=[state("Chile", 2)], signatories=[state("Angola", 3)]))
    assert list(disjoint.check(CATEGORIES, report, Context())) == []


def test_fail_office_holder_among_observers_at_the_office() -> None:
    report = Facts(
        participants=Participants(states_parties=[state("Chile", 2)], signatories=[state("Kenya", 3)]),
        officers=Officers(vice_presidents=[state("Chile", 5), state("Kenya", 5)]),
        coordinators=[coordinator("Clearance", 7, state("Kenya", 7))],
    )
    findings = list(disjoint.check(OFFICE, report, Context()))
    assert [(f.span.line, f.values["group"], f.values["other_line"]) for f in findings] == [(5, "a Vice-President", 3), (7, "a coordinator", 3)]


def test_office_holders_are_not_compared_with_each_other() -> None:
    report = Facts(officers=Officers(vice_presidents=[state("Chile", 5)]), coordinators=[coordinator("Clearance", 7, state("Chile", 7))])
    assert list(disjoint.check(OFFICE, report, Context())) == []
