"""The subset kind on hand-built facts: absent values, identity, near misses."""

from __future__ import annotations

import pytest
from factsbuild import president, span, state
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.checks import subset
from ccmlint.checks.identity import spellings
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import Hit
from ccmlint.facts.model import Facts, Officers, Participants, StateRef
from ccmlint.schema import validate

VICE_PRESIDENTS = validate(subset.Params, dict(
    kind="subset",
    items="officers.vice_presidents",
    within="participants.states_parties",
    near_miss_message="{value} ~ {closest}",
))


def facts(vice_presidents: list[StateRef], states_parties: list[StateRef]) -> Facts:
    return Facts(
        officers=Officers(vice_presidents=vice_presidents),
        participants=Participants(states_parties=states_parties),
    )


def findings(params: subset.Params, report: Facts) -> list[tuple[int, dict[str, object], str | None]]:
    return [(f.span.line, dict(f.values), f.suggestion) for f in subset.check(params, report, Context())]


def test_pass_every_vice_president_participates() -> None:
    report = facts([state("Chile", 9), state("Ghana", 9)], [state("Chile", 2), state("Ghana", 2)])
    assert findings(VICE_PRESIDENTS, report) == []


def test_fail_absent_vice_president_points_at_its_words() -> None:
    mexico = state("Mexico", 9)
    report = facts([state("Chile", 9), mexico], [state("Chile", 2), state("Ghana", 2)])
    assert findings(VICE_PRESIDENTS, report) == [(9, {"value": mexico}, None)]


def test_pass_written_forms_differ_but_identity_matches() -> None:
    # The names data resolved both spellings to one official short name.
    report = facts(
        [state("the Netherlands", 9, official="Kingdom of the Netherlands")],
        [state("Kingdom of the Netherlands", 2, official="Kingdom of the Netherlands")],
    )
    assert findings(VICE_PRESIDENTS, report) == []


def test_pass_case_spacing_and_apostrophe_shape_do_not_matter() -> None:
    report = facts([state("Lao  People's Democratic Republic", 9)], [state("Lao People\u2019s Democratic Republic", 2)])
    assert findings(VICE_PRESIDENTS, report) == []


def test_fail_misspelt_participant_is_a_near_miss_not_a_match() -> None:
    listed = state("Lao Peoples\u2019 Democratic Republic", 2)
    elected = state("Lao People\u2019s Democratic Republic", 9)
    report = facts([elected], [state("Chile", 2), listed])
    assert findings(VICE_PRESIDENTS, report) == [
        (
            9,
            {"value": elected, "closest": listed},
            "if the same State is meant, write it one way in both places: "
            "'Lao People\u2019s Democratic Republic' here or 'Lao Peoples\u2019 Democratic Republic' (line 2)",
        )
    ]


def test_fail_similar_but_different_states_are_plainly_absent() -> None:
    austria = state("Austria", 9)
    report = facts([austria], [state("Australia", 2)])
    assert findings(VICE_PRESIDENTS, report) == [(9, {"value": austria}, None)]


def test_pass_nothing_reported_without_a_list_to_check_against() -> None:
    report = facts([state("Mexico", 9)], [])
    assert findings(VICE_PRESIDENTS, report) == []


def test_fail_presidents_state_with_owner_fields() -> None:
    params = validate(subset.Params, dict(
        kind="subset", items="officers.president.state", within="participants.states_parties", near_miss_message="x"
    ))
    peru = state("Peru", 8)
    report = Facts(
        officers=Officers(president=president("A. Example", 8, peru)),
        participants=Participants(states_parties=[state("Chile", 2)]),
    )
    assert findings(params, report) == [(8, {"text": "A. Example", "state": peru, "value": peru}, None)]


def test_several_item_paths_are_all_checked() -> None:
    params = validate(subset.Params, dict(
        kind="subset",
        items=["officers.vice_presidents", "officers.president.state"],
        within="participants.states_parties",
        near_miss_message="x",
    ))
    report = Facts(
        officers=Officers(president=president("A. Example", 8, state("Peru", 8)), vice_presidents=[state("Mexico", 9)]),
        participants=Participants(states_parties=[state("Chile", 2)]),
    )
    assert [line for line, _, _ in findings(params, report)] == [9, 8]
    # Only the fields every path's owner has may be placeholders: vice-presidents have no owner.
    assert params.placeholders() == {"message": {"value"}, "near_miss_message": {"value", "closest"}}


def test_placeholders_include_the_owners_fields() -> None:
    params = validate(subset.Params, dict(kind="subset", items="officers.president.state", within="participants.states_parties", near_miss_message="x"))
    assert params.placeholders()["message"] == {"value", "text", "state"}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"within": "participants"}, "leads to a group of facts"),
        ({"items": []}, "at least 1 item"),
        ({"near_miss_ratio": 0.2}, "greater than or equal to 0.5"),
    ],
)
def test_bad_params_are_rejected(changes: dict[str, object], expected: str) -> None:
    raw: dict[str, object] = {
        "kind": "subset",
        "items": "officers.vice_presidents",
        "within": "participants.states_parties",
        "near_miss_message": "x",
        **changes,
    }
    with pytest.raises(ValueError, match=expected):
        validate(subset.Params, raw)


def test_span_helper_is_consistent() -> None:
    assert span(9).line == 9 and span(9).end_column == 6


NAMES = st.text(alphabet="abcdeilnors -'", min_size=1, max_size=14)


@settings(max_examples=200, deadline=None)
@given(value=NAMES, members=st.lists(NAMES, min_size=1, max_size=12), threshold=st.sampled_from([0.0, 0.5, 0.8, 0.95]))
def test_the_closest_member_is_the_one_a_full_comparison_finds(value: str, members: list[str], threshold: float) -> None:
    """Pairs are skipped on their quick upper bounds; the member chosen must be the one
    comparing every pair in full chooses."""
    from difflib import SequenceMatcher

    hits = [Hit(None, member) for member in members]
    expected: Hit | None = None
    best = threshold
    for hit in hits:
        ratio = max(SequenceMatcher(None, mine, theirs).ratio() for mine in spellings(value) for theirs in spellings(hit.value))
        if ratio > best or (expected is None and ratio >= best):
            expected, best = hit, ratio
    spelt = [(hit, spellings(hit.value)) for hit in hits]
    assert subset._closest(Hit(None, value), spelt, threshold, subset._Matchers()) is expected
