"""References to the report's own annexes; other documents' annexes are not references."""

from __future__ import annotations

import pytest

from ccmlint.facts.annexes import extract_annex_refs
from ccmlint.facts.model import Passage
from ccmlint.facts.phrasings import load_phrasings
from tests.facts.conftest import make_prose


def refs(text: str) -> list[tuple[str, int | None]]:
    prose = make_prose(text)
    passage = Passage(kind="paragraph", text=text, prose=prose, span=prose.span())
    found = extract_annex_refs([passage], load_phrasings().annexes)
    for ref in found:
        # a numeral of a list points at itself; one inside a range at the range
        assert ref.text.removeprefix("annex ") in text[ref.span.start : ref.span.end]
    return [(ref.text, ref.number) for ref in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The documents are listed in annex I to the present report.", [("annex I", 1)]),
        ("A list of documents is contained in Annex II to this report.", [("Annex II", 2)]),
        ("The statements are reproduced in annex 3.", [("annex 3", 3)]),
        ("They are set out in annexes I and II.", [("annex I", 1), ("annex II", 2)]),
        ("They are set out in annexes I to III.", [("annex I", 1), ("annex II", 2), ("annex III", 3)]),
        ("They are set out in annexes I, II and IV.", [("annex I", 1), ("annex II", 2), ("annex IV", 4)]),
        ("The list is in the annex to the present report.", [("the annex to the present report", None)]),
    ],
)
def test_references_to_this_report(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Meeting recalled annex I of document CCM/MSP/2024/7.",
        "The Meeting recalled the annex to resolution 78/32.",
        "The estimates are in CCM/MSP/2024/3, annex II.",
        "The Meeting recalled annex II to the Convention.",
        "The plan is in annex III to the report of the Second Review Conference.",
        "The working paper and its annex were considered.",
        "The figures are in the annex.",
        "The Meeting annexed the statement.",
    ],
)
def test_other_documents_and_bare_mentions_are_not_references(text: str) -> None:
    assert refs(text) == []
