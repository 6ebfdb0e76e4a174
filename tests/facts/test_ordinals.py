import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccmlint.facts.ordinals import ORDINAL_PATTERN, ORDINAL_WORDS, cardinal_value, ordinal_value


@pytest.mark.parametrize(
    ("text", "value"),
    [("First", 1), ("twelfth", 12), ("Thirteenth", 13), ("Twentieth", 20), ("Twenty-first", 21), ("twenty first", 21),
     ("Thirtieth", 30), ("12th", 12), ("21st", 21), ("3rd", 3), ("Tenth", 10)],
)
def test_ordinal_value(text: str, value: int) -> None:
    assert ordinal_value(text) == value


@pytest.mark.parametrize("text", ["Twelve", "Meeting", "", "firstly"])
def test_not_ordinals(text: str) -> None:
    assert ordinal_value(text) is None


@pytest.mark.parametrize(("text", "value"), [("five", 5), ("Two", 2), ("10", 10), ("twenty-one", 21)])
def test_cardinal_value(text: str, value: int) -> None:
    assert cardinal_value(text) == value


# The ordinal pattern is a character trie; the flat alternation it replaced is the reference.
_FLAT_WORDS = "|".join(sorted((word.replace("-", "[- ]") for word in ORDINAL_WORDS), key=len, reverse=True))
_FLAT = re.compile(rf"(?i:\b(?:{_FLAT_WORDS})\b|\b\d{{1,3}}(?:st|nd|rd|th)\b)")
_TRIE = re.compile(ORDINAL_PATTERN)
_PIECES = [*ORDINAL_WORDS, "twenty", "forty", "fift", "th", "teenth", "Twelfth", "TWENTY FIRST", "12th", "3rd", "1st",
           "-", " ", "x", "ly", "a", "Meeting", "’", "é", "_", "0", "\u017f", "\u0130", "\u0131", "\u212a", "\u0663",
           "1234", "ST", "Th", "E", "T", "S", "N", "F", "\n"]


@pytest.mark.parametrize("word", list(ORDINAL_WORDS))
def test_trie_matches_every_ordinal_word(word: str) -> None:
    for written in (word, word.upper(), word.title(), word.replace("-", " ")):
        assert _TRIE.fullmatch(written) is not None


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.integers(0, 40), st.integers(0, 200))
def test_trie_finds_what_the_flat_alternation_finds(pieces: list[str], start: int, end: int) -> None:
    text = "".join(pieces)
    assert [m.span() for m in _TRIE.finditer(text, start, end)] == [m.span() for m in _FLAT.finditer(text, start, end)]
    for position in range(len(text) + 1):
        old, new = _FLAT.match(text, position), _TRIE.match(text, position)
        assert (old and old.span()) == (new and new.span())


def test_no_ordinal_word_ends_inside_another_on_a_word_boundary() -> None:
    """Why the trie's branch order cannot change a match (see ordinals._trie_alternation)."""
    for shorter in ORDINAL_WORDS:
        for longer in ORDINAL_WORDS:
            if longer != shorter and longer.startswith(shorter):
                assert longer[len(shorter)].isalpha()


def test_the_opening_set_holds_every_character_an_ordinal_can_begin_with() -> None:
    """ORDINAL_PATTERN opens with a set of characters (to be searched for quickly): it
    must hold every character re matches, ignoring case, to a first letter, and digits."""
    opening = re.match(r"\[([^\]]*)\]", ORDINAL_PATTERN)
    assert opening is not None
    firsts = "".join(sorted({word[0] for word in ORDINAL_WORDS}))
    everything = "".join(map(chr, range(0x110000)))
    expected = set(re.findall(rf"(?i:[{firsts}])|\d", everything))
    assert set(re.findall(rf"[{opening.group(1)}]", everything)) == expected
