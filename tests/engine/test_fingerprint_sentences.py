"""Fingerprints read each finding's sentence from boundaries found once per report
(``Sentences``), and drop whitespace with ``str.split``: both give exactly what the
searches they replace gave, so no fingerprint (and no waiver) changes."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import ccmlint.fingerprints as fingerprints
from ccmlint.fingerprints import Sentences, normalise, sentence_around

PIECES = ["a", "b ", ". ", ".", ";", "!\n", "?", "\n", "\n\n", " \t", "\t", "\n \n", "x.\ty", "\n\t\n\n"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.integers(0, 200),
    st.integers(0, 20),
    st.sampled_from([1, 3, 7, 4000]),
)
def test_sentences_found_once_are_those_found_per_finding(text: str, start: int, length: int, window: int) -> None:
    """Near the edges of the search windows too: a small window puts edges everywhere."""
    start = min(start, len(text))
    end = min(start + length, len(text))
    original = fingerprints._WINDOW
    fingerprints._WINDOW = window
    try:
        assert Sentences(text).around(start, end) == sentence_around(text, start, end)
    finally:
        fingerprints._WINDOW = original


def test_normalising_drops_exactly_what_a_regular_expression_calls_space() -> None:
    """``normalise`` splits on str.isspace(); a pattern's ``\\s`` is the same set."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1))
    assert set(re.findall(r"\s", every)) == {character for character in every if character.isspace()}
    text = "Cafe\u0301 \u00a0and\u2028 the\tnext\n line"
    assert normalise(text) == re.sub(r"\s+", "", unicodedata.normalize("NFC", text))
