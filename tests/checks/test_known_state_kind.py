"""The known_state kind: near misses of known States, with a fix when one State is clearly closest."""

from __future__ import annotations

from factsbuild import state

from ccmlint.checks import known_state
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, Participants
from ccmlint.schema import validate

PARAMS = validate(known_state.Params, dict(kind="known_state", items=["participants.states_parties"]))


def findings(*names: str) -> list[tuple[str, str, str | None]]:
    report = Facts(participants=Participants(states_parties=[state(name, 2) for name in names]))
    return [
        (f.values["value"].text, f.values["closest"], f.fix.replacement if f.fix else None)  # type: ignore[union-attr]
        for f in known_state.check(PARAMS, report, Context())
    ]


def test_fail_misplaced_apostrophe_keeps_the_reports_apostrophe() -> None:
    assert findings("Lao Peoples’ Democratic Republic") == [
        ("Lao Peoples’ Democratic Republic", "Lao People’s Democratic Republic", "Lao People’s Democratic Republic")
    ]


def test_fail_dropped_letter() -> None:
    assert findings("Trinidad and Tobgo") == [("Trinidad and Tobgo", "Trinidad and Tobago", "Trinidad and Tobago")]


def test_pass_known_names_and_names_unlike_any_state() -> None:
    report = Facts(participants=Participants(states_parties=[state("Chile", 2, official="Chile"), state("European Union", 2)]))
    assert list(known_state.check(PARAMS, report, Context())) == []
