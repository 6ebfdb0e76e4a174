"""The ``substitution`` kind: whole words, sentence-initial capitals, safe fixes only
where one form is right, and a strictly read terms list."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccmlint.schema import InvalidData, validate
from ccmlint.checks import substitution
from ccmlint.engine.context import Context
from ccmlint.facts import extract
from ccmlint.parse import parse
from ccmlint.source import decode


def _findings(text: str, data: str = "terminology", key: str = "words") -> list[tuple[str, str | None, str | None]]:
    source = decode(text.encode())
    params = validate(substitution.Params, dict(kind="substitution", data=data, list=key))
    return [
        (source.text[f.span.start : f.span.end], f.suggestion, f.fix.replacement if f.fix else None)
        for f in substitution.check(params, extract(parse(source)), Context())
    ]


def test_one_right_form_is_a_safe_fix_in_the_case_written() -> None:
    text = "Appraised of the delay, the Meeting asked the State to fulfill its obligations.\n"
    assert _findings(text) == [("Appraised of", "Apprised of", "Apprised of"), ("fulfill", "fulfil", "fulfil")]


def test_several_right_forms_are_suggested_without_a_fix() -> None:
    (found,) = _findings("The Meeting noted progress with regards to stockpiles.\n")
    assert found[0] == "with regards to" and found[2] is None
    assert "'with regard to' or 'as regards'" in (found[1] or "")


def test_only_whole_words_outside_quotations_and_hyphenated_words() -> None:
    text = "The State had fulfilled and was fulfilling its duties; “fulfill” was quoted; non-State parties fought.\n"
    assert _findings(text) == []
    assert _findings(text, key="terms") == []


def test_a_fix_is_withheld_where_markup_runs_through_the_words() -> None:
    text = "The Meeting asked the State Parties[footnoteRef:1] to report. [1: 	 	Ibid.]\n"
    assert _findings(text, key="terms") == [("State Parties", "States Parties", "States Parties")]


def test_the_packs_lists_are_merged_in_order() -> None:
    terms = substitution.load_terms("terminology", "terms")
    wrong = [term.wrong for term in terms]
    assert "State Parties" in wrong and "Convention of Cluster Munitions" in wrong
    assert wrong.index("State Parties") < wrong.index("Convention of Cluster Munitions")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("terms:\n  - {wrong: colour, right: color, spelling: x}\n", "spelling"),
        ("terms:\n  - {wrong: colour}\n", "right"),
        ("terms:\n  - {wrong: colour, right: colour}\n", "its own right form"),
        ("terms:\n  - {wrong: colour, right: color}\n  - {wrong: colour, right: hue}\n", "listed twice"),
        ("terms: {wrong: colour}\n", "must be a list"),
        ("words: []\n", "no list 'terms'"),
    ],
)
def test_a_broken_terms_list_is_refused_when_the_rule_loads(packs: Path, content: str, problem: str) -> None:
    (packs / "generic" / "data" / "broken.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(InvalidData, match=problem):
        validate(substitution.Params, dict(kind="substitution", data="broken", list="terms"))


def test_a_missing_data_file_is_refused(packs: Path) -> None:
    with pytest.raises(InvalidData, match="no pack has a data file"):
        validate(substitution.Params, dict(kind="substitution", data="nowhere", list="terms"))
