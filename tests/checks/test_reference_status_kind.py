"""The reference_status kind and the standing it reads from the status data: claims
checked on the meeting's first day, unknown States and unsettled days silent."""

from __future__ import annotations

from datetime import date

import pytest
from factsbuild import day, span, state

from ccmlint.checks import reference_status
from ccmlint.checks.standing import latest_entry_into_force, load_status
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, Meeting, Officers, Participants, StateRef
from ccmlint.schema import validate

DATA = "ccm/data/status.yaml"


def params(claim: reference_status.Claim, items: str = "participants.states_parties") -> reference_status.Params:
    return validate(reference_status.Params, dict(kind="reference_status", items=[items], claim=claim, data=DATA))


def held(first: date, last: date) -> Meeting:
    return Meeting(span=span(1), text="Meeting of States Parties", kind="meeting_of_states_parties", start=day("first", first, 1), end=day("last", last, 1), year=first.year)


THIRTEENTH = held(date(2025, 9, 16), date(2025, 9, 19))
TWELFTH = held(date(2024, 9, 10), date(2024, 9, 13))


def reasons(claim: reference_status.Claim, listed: list[StateRef], when: Meeting | None, context: Context = Context()) -> list[tuple[str, str]]:
    facts = Facts(meeting=when, participants=Participants(states_parties=listed, signatories=listed, observer_states=listed))
    items = {"party": "participants.states_parties", "signatory": "participants.signatories", "non_party": "participants.observer_states"}[claim]
    return [(f.values["value"].text, f.values["reason"]) for f in reference_status.check(params(claim, items), facts, context)]  # type: ignore[union-attr]


def ref(name: str) -> StateRef:
    return state(name, 3, official=name)


def test_fail_withdrawn_state_listed_as_party() -> None:
    assert reasons("party", [ref("Lithuania")], THIRTEENTH) == [("Lithuania", "its withdrawal from the Convention took effect on 6 March 2025")]


def test_pass_withdrawal_notified_but_not_yet_effective() -> None:
    assert reasons("party", [ref("Lithuania")], TWELFTH) == []


def test_fail_acceded_but_not_yet_in_force() -> None:
    (finding,) = reasons("party", [ref("Vanuatu")], THIRTEENTH)
    assert "entered into force for it only on 1 March 2026" in finding[1]


def test_fail_signatory_listed_as_party_while_data_vouches_for_it() -> None:
    (finding,) = reasons("party", [ref("Angola")], TWELFTH)
    assert finding[1] == "it had signed the Convention on 3 December 2008 and not ratified it by then"


def test_pass_signatory_after_the_data_stops_vouching() -> None:
    assert reasons("party", [ref("Angola")], held(date(2026, 9, 8), date(2026, 9, 11))) == []


def test_fail_party_listed_as_signatory_and_as_observer() -> None:
    assert reasons("signatory", [ref("Nigeria")], TWELFTH) == [("Nigeria", "it has been a State Party since 1 August 2023")]
    assert reasons("non_party", [ref("Philippines")], TWELFTH) == [("Philippines", "it has been a State Party since 1 July 2019")]


def test_pass_unknown_and_unresolved_states() -> None:
    assert reasons("party", [ref("Brazil"), state("Atlantis", 3)], TWELFTH) == []
    assert reasons("non_party", [ref("Brazil")], TWELFTH) == []


def test_year_only_meeting_must_fail_on_both_ends() -> None:
    nigeria_year = Meeting(span=span(1), text="Meeting", kind="meeting_of_states_parties", year=2023)
    assert reasons("party", [ref("Nigeria")], nigeria_year) == []  # a party from 1 August 2023
    assert reasons("party", [ref("Vanuatu")], Meeting(span=span(1), text="Meeting", kind="meeting_of_states_parties", year=2025)) != []


def test_as_of_replaces_the_meeting_and_no_day_means_no_finding() -> None:
    assert reasons("party", [ref("Lithuania")], TWELFTH, Context(as_of=date(2025, 6, 1))) != []
    assert reasons("party", [ref("Lithuania")], None) == []
    assert params("party").roles(Context()).references == ()


def test_office_holders_claim() -> None:
    facts = Facts(meeting=THIRTEENTH, officers=Officers(vice_presidents=[ref("Austria"), ref("Lithuania")]))
    found = list(reference_status.check(params("party", "officers.vice_presidents"), facts, Context()))
    assert [f.values["value"].text for f in found] == ["Lithuania"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("deposit", "in_force"), [(date(2020, 1, 29), date(2020, 7, 1)), (date(2011, 9, 20), date(2012, 3, 1)), (date(2016, 8, 15), date(2017, 2, 1))])
def test_latest_entry_into_force(deposit: date, in_force: date) -> None:
    assert latest_entry_into_force(deposit) == in_force


def test_names_only_lists_make_a_party_six_months_on() -> None:
    status = load_status(DATA)
    assert status.standing("Sao Tome and Principe", date(2020, 5, 1)).kind == "unknown"
    assert status.standing("Sao Tome and Principe", date(2020, 7, 1)).kind == "party"


def test_a_missing_status_file_is_refused_when_the_rule_loads() -> None:
    with pytest.raises(ValueError, match="no such status file"):
        validate(reference_status.Params, dict(kind="reference_status", items=["participants.states_parties"], claim="party", data="ccm/data/none.yaml"))
