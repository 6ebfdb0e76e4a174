"""Meetings named in running text: the two quick searches find what one alternation finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.facts.meeting_refs import MeetingMention, _leftmost_first, find_meetings
from ccmlint.facts.ordinals import ORDINAL_WORDS, ordinal_value
from ccmlint.facts.phrasings import DEFAULT_PACKS, MeetingPhrasings, load_phrasings

PHRASINGS = load_phrasings(DEFAULT_PACKS).meeting

# The reference: one alternation of both forms, opening with "\b" (tried at every
# character), the ordinal a flat list of words.
_FLAT_ORDINAL = "|".join(sorted((word.replace("-", "[- ]") for word in ORDINAL_WORDS), key=len, reverse=True))


def reference(text: str, phrasings: MeetingPhrasings) -> list[MeetingMention]:
    kinds = "|".join(f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in phrases)})" for kind, phrases in phrasings.kinds.items())
    named = rf"(?P<ordinal>(?i:\b(?:{_FLAT_ORDINAL})\b|\b\d{{1,3}}(?:st|nd|rd|th)\b))\s+(?:{kinds})"
    suffixes = "|".join(re.escape(s) for s in sorted(phrasings.abbreviations, key=len, reverse=True))
    short = rf"|\b(?P<number>\d{{1,3}})(?:st|nd|rd|th)?\s?(?P<suffix>{suffixes})\b" if suffixes else ""
    found = []
    for match in re.finditer(named + short, text):
        if short and match["suffix"]:
            found.append(MeetingMention(match.start(), match.end(), phrasings.abbreviations[match["suffix"]], int(match["number"])))
        else:
            kind = next(kind for kind in phrasings.kinds if match[kind])
            found.append(MeetingMention(match.start(), match.end(), kind, ordinal_value(match["ordinal"])))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Twelfth Meeting of States Parties", [(4, 37, "meeting_of_states_parties", 12)]),
        ("at 12MSP and the 3rd RC", [(3, 8, "meeting_of_states_parties", 12), (17, 23, "review_conference", 3)]),
        ("the twenty first Meeting of the States Parties", [(4, 46, "meeting_of_states_parties", 21)]),
        ("a 12th Meeting of States Parties", [(2, 32, "meeting_of_states_parties", 12)]),
        ("x12MSP, firstly Meeting of States Parties, 1234 MSP", []),
    ],
)
def test_meetings_named_in_a_text(text: str, expected: list[tuple[int, int, str, int]]) -> None:
    assert [(m.start, m.end, m.kind, m.ordinal) for m in find_meetings(text, PHRASINGS)] == expected


_PIECES = [
    "Twelfth", "twenty", "-", "first", "SECOND", "\u017fecond", "12", "1234", "th", "x", "_", "\u0663", " ", "\n",
    "Meeting of States Parties", "Meetings of the States", " Party", "Review Conference", "MSP", "RC", ",",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=10), st.booleans())
def test_the_quick_searches_find_what_one_alternation_finds(pieces: list[str], abbreviations: bool) -> None:
    phrasings = PHRASINGS if abbreviations else PHRASINGS.replace(abbreviations={})
    text = "".join(pieces)
    assert list(find_meetings(text, phrasings)) == reference(text, phrasings)


_FIRST, _SECOND = re.compile(r"ab+|ca"), re.compile(r"b+c|a")


@given(st.text(alphabet="abc ", max_size=16))
def test_two_searches_merged_find_what_their_alternation_finds(text: str) -> None:
    # Patterns whose matches overlap and tie, unlike the meeting ones: the merge itself.
    expected = [m.span() for m in re.finditer(rf"(?:{_FIRST.pattern})|(?:{_SECOND.pattern})", text)]
    merged = list(_leftmost_first(text, _FIRST, _SECOND))
    assert [m.span() for _, m in merged] == expected
    assert all(from_second == (m.re is _SECOND) for from_second, m in merged)
    assert [m.span() for _, m in _leftmost_first(text, None, _SECOND)] == [m.span() for m in _SECOND.finditer(text)]
