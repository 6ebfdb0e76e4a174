"""The ``consistency`` kind: preference over majority, ties left open, proper names,
quotations and sentence-initial capitals not counted, and strictly read groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccmlint.schema import InvalidData, validate
from ccmlint.checks import consistency
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.facts import extract
from ccmlint.parse import parse
from ccmlint.source import decode

MAJORITY = "'{match}' but '{first}' {count} times from line {first_line}; '{replacement}'"


def _run(text: str, data: str = "spellings", key: str = "spellings") -> list[tuple[str, Finding]]:
    source = decode(text.encode())
    params = validate(consistency.Params, dict(kind="consistency", data=data, list=key, majority_message=MAJORITY))
    return [(source.text[f.span.start : f.span.end], f) for f in consistency.check(params, extract(parse(source)), Context())]


def _found(text: str, key: str = "spellings") -> list[tuple[str, str | None, bool]]:
    return [(words, f.suggestion, f.fix is not None) for words, f in _run(text, key=key)]


def test_a_preferred_form_is_a_safe_fix_keeping_stem_ending_and_capital() -> None:
    text = "Organisation was discussed; the organisers analyzed the co-operation.\n"
    assert _found(text) == [
        ("Organisation", "Organization", True),
        ("organisers", "organizers", True),
        ("analyzed", "analysed", True),
        ("co-operation", "cooperation", True),
    ]


def test_the_majority_is_suggested_without_a_fix_and_counted() -> None:
    text = "The work plan was approved.\nThe work plans and the workplan were discussed.\n"
    ((words, finding),) = _run(text)
    assert (words, finding.suggestion, finding.fix) == ("workplan", "work plan", None)
    assert finding.values["count"] == 2 and finding.values["first_line"] == 1 and finding.values["first"] == "work plan"


def test_a_tie_says_nothing() -> None:
    assert _found("The work plan and the workplan were discussed.\n") == []


def test_the_pack_setting_wins_over_the_majority() -> None:
    text = "The States parties and the States parties met, and the States Parties spoke.\n"
    assert _found(text) == [("States parties", "States Parties", True), ("States parties", "States Parties", True)]


def test_proper_names_quotations_and_symbols_are_not_counted() -> None:
    text = (
        "The Organisation for the Prohibition of Chemical Weapons, the World Organisation of Workers and "
        "the paper “Support to States parties in the organisation of workshops” were noted.\n"
    )
    assert _found(text) == []


def test_a_sentence_initial_capital_does_not_count_where_it_is_the_only_difference() -> None:
    text = "The Meeting recalled article 4 and article 7. Article 9 was also recalled.\n"
    assert _found(text, key="citations") == []


def test_a_form_to_avoid_is_reported_with_its_number_and_a_space_added() -> None:
    text = "The Meeting recalled art.5 and art. 7 of the Convention.\n"
    assert _found(text, key="citations") == [("art.5", "article 5", False), ("art. 7", "article 7", False)]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("groups:\n  colour: {forms: [colour]}\n", "at least 2"),
        ("groups:\n  colour: {forms: [colour, color], preferred: hue}\n", "not one of the forms"),
        ("groups:\n  colour: {forms: [colour, color], avoid: [color]}\n", "both as forms"),
        ("groups:\n  colour: {forms: [Colour, colour]}\n", "case_sensitive"),
        ("groups:\n  colour: {forms: [colour, color], followed_by: '('}\n", "regular expression"),
        ("groups:\n  colour: {forms: [colour, color], followed_by: '(?P<form>x)'}\n", "does not combine"),
        ("groups:\n  colour: {forms: [colour, color], colour: red}\n", "Extra inputs"),
        ("groups: [colour, color]\n", "must map group ids"),
    ],
)
def test_a_broken_group_is_refused_when_the_rule_loads(packs: Path, content: str, problem: str) -> None:
    (packs / "generic" / "data" / "broken.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(InvalidData, match=problem):
        validate(consistency.Params, dict(kind="consistency", data="broken", list="groups", majority_message=MAJORITY))


def test_a_later_pack_sets_the_preference_of_an_earlier_packs_group(packs: Path) -> None:
    (packs / "generic" / "data" / "layered.yaml").write_text("groups:\n  colour: {forms: [colour, color]}\n", encoding="utf-8")
    (packs / "ccm" / "data" / "layered.yaml").write_text("groups:\n  colour: {preferred: colour}\n", encoding="utf-8")
    groups = consistency.load_groups("layered", "groups")
    assert groups["colour"].preferred == "colour" and groups["colour"].forms == ["colour", "color"]
