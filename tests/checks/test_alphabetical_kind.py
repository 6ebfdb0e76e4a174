"""The alphabetical kind: one finding per list, the misplaced name and where it belongs."""

from __future__ import annotations

from factsbuild import span, state

from ccmlint.checks import alphabetical
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, ParticipantList, Participants, StateEnumeration, StateMention, StateNameFacts
from ccmlint.facts.statedata import load_state_data
from ccmlint.schema import validate

LISTS = validate(alphabetical.Params, dict(kind="alphabetical", path="participants.lists", items="states"))
SPONSORS = validate(alphabetical.Params, dict(kind="alphabetical", path="state_names.enumerations", items="states", where={"alphabetical": True}))


def order(*names: str) -> tuple[str, str, str] | None:
    refs = [state(name, 2) for name in names]
    found = alphabetical.misplaced(refs, load_state_data())
    return None if found is None else (found[0].text, found[1], found[2].text)


def participants(*names: str) -> Facts:
    listed = ParticipantList(span=span(2, length=80), category="states_parties", states=[state(name, 2) for name in names])
    return Facts(participants=Participants(lists=[listed]))


def test_pass_sorted_with_accents_articles_and_sort_keys() -> None:
    assert order("Colombia", "Côte d’Ivoire", "Croatia", "Namibia", "Kingdom of the Netherlands", "New Zealand", "the Philippines", "Thailand", "Türkiye") is None


def test_fail_the_later_of_two_swapped_names_is_reported_before_the_other() -> None:
    assert order("Spain", "South Africa", "Somalia", "South Sudan") == ("Spain", "after", "South Sudan")
    assert order("Slovenia", "South Africa", "Somalia", "South Sudan") == ("Somalia", "before", "South Africa")


def test_fail_one_name_at_the_head_is_the_one_misplaced() -> None:
    assert order("Zambia", "Albania", "Austria", "Chile", "Peru") == ("Zambia", "after", "Peru")


def test_fail_one_name_at_the_tail() -> None:
    assert order("Austria", "Chile", "Peru", "Albania") == ("Albania", "before", "Austria")


def test_unknown_and_error_forms_sort_as_written() -> None:
    assert order("Mexico", "Moldova", "Montenegro") is None
    assert order("Japan", "Lao Peoples’ Democratic Republic", "Lebanon") is None


def test_one_finding_per_list() -> None:
    report = participants("Chile", "Austria", "Peru", "Ghana", "Zambia")
    findings = list(alphabetical.check(LISTS, report, Context()))
    assert len(findings) == 1
    assert findings[0].values["position"] == "before"


def test_where_narrows_the_lists() -> None:
    names = [StateMention(span=span(3), text=text, state=text, form="name", passage="footnote", in_list=True) for text in ("Peru", "Chile", "Austria")]
    unordered = StateEnumeration(span=span(3, length=30), text="Peru, Chile and Austria", states=names, alphabetical=False)
    report = Facts(state_names=StateNameFacts(enumerations=[unordered]))
    assert list(alphabetical.check(SPONSORS, report, Context())) == []
    ordered = unordered.replace(alphabetical=True)
    report = Facts(state_names=StateNameFacts(enumerations=[ordered]))
    assert [f.values["value"].text for f in alphabetical.check(SPONSORS, report, Context())] == ["Chile"]  # type: ignore[union-attr]
