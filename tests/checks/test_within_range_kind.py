"""The within_range kind: numbers between bounds given as numbers, pack data or facts."""

from __future__ import annotations

import pytest
from factsbuild import span

from ccmlint.checks import within_range
from ccmlint.engine.context import Context
from ccmlint.facts.model import ArticleRef, Citations, Facts, PlenaryCount, PlenaryRef, Plenaries
from ccmlint.schema import validate

ARTICLES = validate(within_range.Params, 
    {"kind": "within_range", "value": "citations.articles.number", "minimum": 1,
     "maximum": {"data": "ccm/data/meetings.yaml", "key": "convention.articles"}}
)
SESSIONS = validate(within_range.Params, 
    {"kind": "within_range", "value": "plenaries.sessions.ordinal", "minimum": 1, "maximum": {"fact": "plenaries.held.count"}}
)


def article(number: int, line: int) -> ArticleRef:
    return ArticleRef(text=f"Article {number}", number=number, span=span(line))


def lines(params: within_range.Params, facts: Facts) -> list[int]:
    return [finding.span.line for finding in within_range.check(params, facts, Context())]


def test_a_bound_from_the_packs_data() -> None:
    report = Facts(citations=Citations(articles=[article(1, 1), article(23, 2), article(24, 3), article(0, 4)]))
    assert lines(ARTICLES, report) == [3, 4]
    (finding, _) = within_range.check(ARTICLES, report, Context())
    assert finding.values["maximum"] == 23 and finding.values["value"] == 24 and finding.values["text"] == "Article 24"


def session(ordinal: int, line: int) -> PlenaryRef:
    return PlenaryRef(text=str(ordinal), ordinal=ordinal, span=span(line))


def test_a_bound_the_report_states() -> None:
    held = PlenaryCount(text="held six plenary sessions", count=6, span=span(1))
    report = Facts(plenaries=Plenaries(held=held, sessions=[session(6, 2), session(7, 3)]))
    assert lines(SESSIONS, report) == [3]


def test_a_bound_the_report_does_not_state_decides_nothing() -> None:
    report = Facts(plenaries=Plenaries(sessions=[session(9, 2)]))
    assert lines(SESSIONS, report) == []
    assert SESSIONS.roles(Context()).references == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"maximum": {"data": "ccm/data/meetings.yaml", "key": "convention.nothing"}}, "has no key 'convention.nothing'"),
        ({"maximum": {"data": "ccm/data/nowhere.yaml", "key": "a"}}, "no data file"),
        ({"maximum": {"data": "../etc/passwd.yaml", "key": "a"}}, "under the rules folder"),
        ({"maximum": {"data": "ccm/data/meetings.yaml", "key": "convention.name"}}, "is not a number"),
        ({"maximum": {"fact": "citations.articles.number"}}, "maps over a list"),
        ({"maximum": None, "minimum": None}, "give a 'minimum', a 'maximum' or both"),
        ({"value": "citations.articles.text"}, "does not lead to numbers"),
    ],
)
def test_bad_params_are_rejected(changes: dict[str, object], expected: str) -> None:
    raw: dict[str, object] = {"kind": "within_range", "value": "citations.articles.number", "maximum": 5, **changes}
    with pytest.raises(ValueError, match=expected):
        validate(within_range.Params, raw)
