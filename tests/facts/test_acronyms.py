"""Reading acronyms: spellings-out by the Schwartz–Hearst test, uses outside symbols,
quotations, Roman numerals and State names; and the verbatim stretches it relies on."""

from __future__ import annotations

import pytest
from conftest import make_prose
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.facts import acronyms
from ccmlint.facts.acronyms import _CAPITALS_MIN_LETTERS, _CAPITALS_SHARE, _set_in_capitals, extract_acronyms, long_form
from ccmlint.facts.model import Passage, PassageKind
from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import Phrasings
from ccmlint.facts.verbatim import find_verbatim


def passage(text: str, kind: PassageKind = "paragraph") -> Passage:
    prose = make_prose(text)
    return Passage(kind=kind, text=text, prose=prose, span=prose.span())


def read(phrasings: Phrasings, names: StateNames, *texts: str) -> tuple[list[tuple[str, str, bool]], list[str]]:
    acronyms = extract_acronyms([passage(text) for text in texts], phrasings.acronyms, phrasings.verbatim, names)
    return (
        [(found.text, found.expansion, found.quoted) for found in acronyms.definitions],
        [found.text for found in acronyms.uses],
    )


@pytest.mark.parametrize(
    ("before", "acronym", "expansion"),
    [
        ("the Director of the Implementation Support Unit", "ISU", "Implementation Support Unit"),
        ("the United Nations Children’s Fund", "UNICEF", "United Nations Children’s Fund"),
        ("the Organization for Security and Co-operation in Europe", "OSCE", "Organization for Security and Co-operation in Europe"),
        (
            "the International Federation of the Red Cross and Red Crescent Societies",
            "IFRC",
            "International Federation of the Red Cross and Red Crescent Societies",
        ),
        ("the UXO Sector Working Group", "UXO SWG", "UXO Sector Working Group"),
        ("a survey of non-technical survey", "NTS", "non-technical survey"),
    ],
)
def test_long_forms_found(before: str, acronym: str, expansion: str) -> None:
    assert long_form(before, acronym) == expansion


@pytest.mark.parametrize(("before", "acronym"), [("working with", "TBC"), ("the Meeting", "ISU"), ("", "ISU")])
def test_no_long_form_where_the_letters_are_not_there(before: str, acronym: str) -> None:
    assert long_form(before, acronym) is None


def test_definitions_and_uses_in_document_order(phrasings: Phrasings, names: StateNames) -> None:
    definitions, uses = read(
        phrasings,
        names,
        "The Director of the ISU reported.",
        "The Implementation Support Unit (ISU) and the CHAs were discussed with Lao PDR and the United Kingdom.",
    )
    assert definitions == [("ISU", "Implementation Support Unit", False)]
    assert uses == ["ISU", "CHAs"]


def test_symbols_numerals_quotations_and_placeholders_in_brackets(phrasings: Phrasings, names: StateNames) -> None:
    definitions, uses = read(
        phrasings,
        names,
        "Annex II lists CCM/MSP/2030/WP.1 and C.N.347.2024.TREATIES-XXVI.6; see https://www.un.org/ODA.",
        "The paper “Explosive Ordnance Risk Education (EORE) in the CCM” was noted, with (TBC) as coordinator.",
    )
    assert definitions == [("EORE", "Explosive Ordnance Risk Education", True)]
    assert uses == ["TBC"]


def test_a_passage_set_in_capitals_has_no_acronyms(phrasings: Phrasings, names: StateNames) -> None:
    assert read(phrasings, names, "DECISIONS AND RECOMMENDATIONS OF THE MEETING") == ([], [])


def test_verbatim_stretches(phrasings: Phrasings) -> None:
    text = "The paper “A (B) C” (CCM/MSP/2030/WP.1) is at https://documents.un.org."
    verbatim = find_verbatim(text, phrasings.verbatim)
    assert verbatim.quoted(text.index("A"), text.index("C”") + 1)
    assert verbatim.covers(text.index("MSP"), text.index("MSP") + 3)
    assert not verbatim.quoted(text.index("MSP"), text.index("MSP") + 3)
    assert not verbatim.covers(0, 3)
    assert text[text.index("https") :].rstrip(".") == "https://documents.un.org"
    assert verbatim.covers(text.index("documents"), text.index("documents") + 9)
    assert not verbatim.covers(len(text) - 1, len(text))


def _set_in_capitals_reference(text: str) -> bool:
    """The first, plainly written form of the test, kept to check the faster one."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < _CAPITALS_MIN_LETTERS:
        return False
    return sum(char.isupper() for char in letters) / len(letters) >= _CAPITALS_SHARE


@given(st.text(alphabet="ABCDEFGHIJKLMNOPabcdefghÉéⅠⅡⒶ1 -.", max_size=60))
def test_capitals_share_is_unchanged(text: str) -> None:
    assert _set_in_capitals(text) == _set_in_capitals_reference(text)


WORDS = st.sampled_from(["the", "of", "and", "Implementation", "Support", "Unit", "United", "Nations", "x" * 70, "  ", ",", "(", "a-b"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=80).map(" ".join), st.sampled_from(["ISU", "UN", "CCM", "UNODA", "X", "U-N"]))
def test_long_form_reads_only_the_last_words_yet_finds_what_reading_all_finds(before: str, acronym: str) -> None:
    found = []
    # a first reach that is never enough (so the reading reaches back again and again),
    # the one ccmlint uses, and one that reads every word of ``before`` at once
    for reach in (1, acronyms._REACH_PER_LETTER, 10**9):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(acronyms, "_REACH_PER_LETTER", reach)
            found.append(long_form(before, acronym))
    assert found[0] == found[1] == found[2]


PLAIN_TOKEN = r"(?<![\w&/.-])(?P<acronym>[A-Z][A-Z0-9&]*[A-Z0-9])(?P<plural>s)?(?![\w&/]|-[A-Za-z])"
"""The acronym token as first written, its look-behind in front (slow to search)."""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABCUNs12&/.- -xé\n", max_size=40))
def test_the_token_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    import re

    from ccmlint.facts.phrasings import load_phrasings

    token, plain = re.compile(load_phrasings().acronyms.token), re.compile(PLAIN_TOKEN)
    assert [m.span("acronym") for m in token.finditer(text)] == [m.span("acronym") for m in plain.finditer(text)]
