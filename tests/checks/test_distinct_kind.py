"""The distinct kind: a State named twice in one list, by identity, reported once."""

from __future__ import annotations

from factsbuild import span, state

from ccmlint.checks import distinct
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, ParticipantList, Participants, StateEnumeration, StateMention, StateNameFacts
from ccmlint.schema import validate

BOTH = validate(distinct.Params, dict(kind="distinct", paths=["participants.lists", "state_names.enumerations"], items="states"))


def test_fail_second_occurrence_by_identity() -> None:
    netherlands = state("the Netherlands", 2, official="Kingdom of the Netherlands")
    listed = ParticipantList(
        span=span(2, length=80),
        category="states_parties",
        states=[state("Kingdom of the Netherlands", 2, official="Kingdom of the Netherlands"), state("Peru", 2), netherlands],
    )
    findings = list(distinct.check(BOTH, Facts(participants=Participants(lists=[listed])), Context()))
    assert [(f.values["value"], f.values["first_line"]) for f in findings] == [(netherlands, 2)]


def test_pass_same_state_in_two_lists() -> None:
    first = ParticipantList(span=span(2), category="states_parties", states=[state("Peru", 2)])
    second = ParticipantList(span=span(3), category="signatories", states=[state("Peru", 3)])
    assert list(distinct.check(BOTH, Facts(participants=Participants(lists=[first, second])), Context())) == []


def test_a_list_seen_through_two_paths_is_reported_once() -> None:
    chile_again = state("Chile", 2)
    names = [state("Chile", 2), state("Peru", 2), chile_again]
    listed = ParticipantList(span=span(2), category="states_parties", states=names)
    mentions = [StateMention(span=ref.span, text=ref.text, form="name", passage="paragraph", in_list=True) for ref in names]
    enumeration = StateEnumeration(span=span(2), text="Chile, Peru and Chile", states=mentions)
    report = Facts(participants=Participants(lists=[listed]), state_names=StateNameFacts(enumerations=[enumeration]))
    assert len(list(distinct.check(BOTH, report, Context()))) == 1
