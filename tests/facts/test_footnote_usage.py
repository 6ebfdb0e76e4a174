"""Footnote marks against punctuation, and what footnote texts do (cite, repeat, explain)."""

from __future__ import annotations

import pytest

from ccmlint.facts.footnote_usage import extract_footnote_usage
from ccmlint.facts.phrasings import load_phrasings
from ccmlint.parse import parse
from ccmlint.source import decode

PHRASINGS = load_phrasings().footnote_usage


def usage(text: str):  # type: ignore[no-untyped-def]
    return extract_footnote_usage(parse(decode(text.encode("utf-8"))), PHRASINGS)


@pytest.mark.parametrize(
    ("line", "placements"),
    [
        ("It met in 2030[footnoteRef:1]. [1: \t \tX.]", [("before_punctuation", ".")]),
        ("Its decision[footnoteRef:1], taken then, stands. [1: \t \tX.]", [("before_punctuation", ",")]),
        ("It met in 2030.[footnoteRef:1] [1: \t \tX.]", [("after_punctuation", ".")]),
        ("Having examined it,[footnoteRef:1] it decided. [1: \t \tX.]", [("after_punctuation", ",")]),
        ("The Troika[footnoteRef:1] and others. [1: \t \tX.]", [("in_text", None)]),
        ("It met.[footnoteRef:1],[footnoteRef:2] [1: \t \tX.]  [2: \t \tY.]", [("after_punctuation", "."), ("after_punctuation", ",")]),
        ("It met[footnoteRef:1][footnoteRef:2]. [1: \t \tX.]  [2: \t \tY.]", [("before_punctuation", "."), ("before_punctuation", ".")]),
        ("It met[footnoteRef:1][bookmark: _Hlk1]. [1: \t \tX.]", [("before_punctuation", ".")]),
        ("It met (TBC)[footnoteRef:1] – later. [1: \t \tX.]", [("in_text", None)]),
        ("It met[footnoteRef:1]... [1: \t \tX.]", [("in_text", None)]),
    ],
)
def test_mark_placement(line: str, placements: list[tuple[str, str | None]]) -> None:
    assert [(mark.placement, mark.punctuation) for mark in usage(line + "\n").marks] == placements


def test_note_roles_and_what_an_ibid_refers_back_to() -> None:
    notes = usage(
        "A.[footnoteRef:1] B.[footnoteRef:2] C.[footnoteRef:3] D.[footnoteRef:4] E.[footnoteRef:5] F.[footnoteRef:6] G.[footnoteRef:7]"
        " [1: \t \tIbid.]  [2: \t \tCCM/MSP/2029/11, paragraph 5.]  [3: \t \tIbid, paragraph 6.]  [4: \t \tIbid.]"
        "  [5: \t \tThe Meeting was shortened by one day.]  [6: \t \tibid., para. 2.]  [7: \t \tForthcoming.]\n"
    ).contents
    assert [(n.number, n.role, n.antecedent_cites) for n in notes] == [
        (1, "ibid", False),
        (2, "citation", None),
        (3, "ibid", True),
        (4, "ibid", True),
        (5, "explanatory", None),
        (6, "ibid", False),
        (7, "unknown", None),
    ]
    assert notes[0].antecedent == "no footnote comes before it"
    assert notes[5].antecedent == "footnote 5 before it cites no source"


def test_an_ibid_whose_note_before_is_not_in_the_text_is_undecided() -> None:
    (note,) = usage("\tI.\tIntroduction\nIt met.[footnoteRef:3] [3: \t \tIbid., paragraph 84.]\n").contents
    assert (note.role, note.antecedent, note.antecedent_cites) == ("ibid", None, None)


def test_an_ibid_after_a_break_in_the_numbering_is_undecided() -> None:
    notes = usage("A.[footnoteRef:1] B.[footnoteRef:3] [1: \t \tThe Meeting was shortened by one day.]  [3: \t \tIbid.]\n").contents
    assert notes[1].antecedent_cites is None


@pytest.mark.parametrize(
    "text",
    [
        "CCM/MSP/2024/7.",
        "General Assembly resolution 78/32.",
        "C.N.347.2024.TREATIES-XXVI.6 (Depositary Notification).",
        "See the Meeting's website, https://example.org/ccm.",
        "Landmine Monitor 2024 (Geneva, 2024), p. 12.",
        "“Implementation of the Convention on Cluster Munitions”, report of the Secretary-General.",
    ],
)
def test_citations(text: str) -> None:
    (note,) = usage(f"It met.[footnoteRef:2] [2: \t \t{text}]\n").contents
    assert note.role == "citation"
