"""The ``pattern`` kind on real prose: exact spans, fixes only where they are safe."""

from __future__ import annotations

import pytest

from ccmlint.schema import InvalidData, validate
from ccmlint.checks import pattern
from ccmlint.engine.context import Context
from ccmlint.facts import extract
from ccmlint.parse import parse
from ccmlint.source import decode

TEXT = "The Meeting ,noted it[footnoteRef:1] . [1: See it .]\n"


def _findings(**params: object) -> list[tuple[str, str | None, bool]]:
    source = decode(TEXT.encode())
    facts = extract(parse(source))
    checked = validate(pattern.Params, dict(kind="pattern", **params))
    return [
        (source.text[f.span.start : f.span.end], f.suggestion, f.fix is not None)
        for f in pattern.check(checked, facts, Context())
    ]


def test_matches_point_at_their_words_in_every_passage_kind() -> None:
    assert _findings(pattern=r" \.") == [(" .", None, False), (" .", None, False)]


def test_in_limits_the_passages_searched() -> None:
    assert _findings(pattern=r" \.", **{"in": ["footnote"]}) == [(" .", None, False)]


def test_replacement_is_a_fix_only_when_the_match_is_contiguous_in_the_source() -> None:
    assert _findings(pattern=r" ([,.])", replacement=r"\1", **{"in": ["paragraph"]}) == [
        (" ,", ",", True),
        (" .", ".", True),
    ]
    # The prose reads "noted it ." once the mark is removed: "t ." spans the mark, and
    # replacing that source span would delete it.
    assert _findings(pattern=r"t \.", replacement="t.", **{"in": ["paragraph"]}) == [("t[footnoteRef:1] .", "t.", False)]


@pytest.mark.parametrize("bad", ["(unclosed", "(a+)+b", "(?:x*y)*", "(\\w+\\s?)+$"])
def test_unsafe_or_invalid_patterns_are_refused(bad: str) -> None:
    with pytest.raises(InvalidData):
        validate(pattern.Params, dict(kind="pattern", pattern=bad))
