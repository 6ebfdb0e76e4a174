"""The sequence kind on the outline: markers written like the item's own, repeats
reported with ``repeat_message``, one finding per break, series counted apart."""

from __future__ import annotations

import pytest
from factsbuild import span

from ccmlint.checks import sequence
from ccmlint.checks.sequence import written_like
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, Numbered, Structure
from ccmlint.schema import validate

CHAPTERS = validate(sequence.Params, dict(
    kind="sequence",
    path="structure.chapters",
    key="number",
    group="series",
    marker="marker",
    start=1,
    start_message="first is {value}; {expected} expected",
    repeat_message="{value} again; {expected} expected",
))
ITEMS = CHAPTERS.replace(path="structure.list_items")


def numbered(marker: str, number: int, line: int, series: int = 0, element: str = "chapter") -> Numbered:
    return Numbered(span=span(line), element=element, marker=marker, number=number, series=series, within="the report")  # type: ignore[arg-type]


def findings(params: sequence.Params, facts: Facts) -> list[tuple[int, str, object, object]]:
    return [
        (f.span.line, params.variant(f), f.values["expected"], f.values.get("previous"))
        for f in sequence.check(params, facts, Context())
    ]


def chapters(*markers: tuple[str, int]) -> Facts:
    return Facts(structure=Structure(chapters=[numbered(marker, number, line) for line, (marker, number) in enumerate(markers, 1)]))


@pytest.mark.parametrize(
    ("value", "marker", "number", "written"),
    [
        (3, "IV", 4, "III"),
        (2, "(c)", 3, "(b)"),
        (2, "(iii)", 3, "(ii)"),
        (1, "Annex II", 2, "Annex I"),
        (8, "I", 9, "H"),
        (2, "I", 1, "II"),
        (3, "4", 4, "3"),
        (3, "4.", 4, "3."),
        (0, "(a)", 1, "0"),
        (2, "•", 1, "2"),
    ],
)
def test_written_like_the_marker(value: int, marker: str, number: int, written: str) -> None:
    assert written_like(value, marker, number) == written


def test_a_gap_is_one_finding_with_markers() -> None:
    assert findings(CHAPTERS, chapters(("I", 1), ("II", 2), ("IV", 4), ("V", 5))) == [(3, "message", "III", "II")]


def test_a_repeat_is_reported_with_its_own_message() -> None:
    assert findings(CHAPTERS, chapters(("I", 1), ("II", 2), ("II", 2), ("III", 3))) == [(3, "repeat_message", "III", "II")]


def test_without_repeat_message_a_repeat_is_left_alone() -> None:
    quiet = CHAPTERS.replace(repeat_message=None)
    assert findings(quiet, chapters(("I", 1), ("II", 2), ("II", 2), ("III", 3))) == []


def test_a_wrong_start_uses_the_start_message() -> None:
    assert findings(CHAPTERS, chapters(("II", 2), ("III", 3))) == [(1, "start_message", "I", None)]


def test_series_are_counted_apart() -> None:
    items = [numbered("(a)", 1, 1, 0, "list_item"), numbered("(b)", 2, 2, 0, "list_item"), numbered("(b)", 2, 3, 1, "list_item"), numbered("(c)", 3, 4, 1, "list_item")]
    assert findings(ITEMS, Facts(structure=Structure(list_items=items))) == [(3, "start_message", "(a)", None)]


def test_item_fields_are_placeholders() -> None:
    assert {"within", "marker", "element"} <= CHAPTERS.placeholders()["message"]
    assert "previous" in CHAPTERS.placeholders()["repeat_message"]


def test_marker_must_be_a_field_of_the_items() -> None:
    with pytest.raises(ValueError, match="have no field 'numeral'"):
        validate(sequence.Params, dict(kind="sequence", path="structure.chapters", key="number", marker="numeral"))
