"""The ``unless`` option of the ``pattern`` kind: a passage it matches is not searched."""

from __future__ import annotations

import pytest

from ccmlint.schema import InvalidData, validate
from ccmlint.checks import pattern
from ccmlint.engine.context import Context
from ccmlint.facts import extract
from ccmlint.parse import parse
from ccmlint.source import decode

TEXT = "The Meeting adopted its agenda\nCCM/MSP/2030/1\tProvisional agenda\n"


def _lines(**params: object) -> list[int]:
    facts = extract(parse(decode(TEXT.encode())))
    checked = validate(pattern.Params, dict(kind="pattern", pattern=r"\w(?=\s*$)", **params))
    return [finding.span.line for finding in pattern.check(checked, facts, Context())]


def test_a_passage_matching_unless_is_skipped() -> None:
    assert _lines(**{"in": ["paragraph", "subheading"]}) == [1, 2]
    assert _lines(**{"in": ["paragraph", "subheading"]}, unless=r"\t") == [1]


@pytest.mark.parametrize("bad", ["(unclosed", "(a+)+"])
def test_an_unsafe_unless_is_refused(bad: str) -> None:
    with pytest.raises(InvalidData):
        validate(pattern.Params, dict(kind="pattern", pattern="x", unless=bad))
