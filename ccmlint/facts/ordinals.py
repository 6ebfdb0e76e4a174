"""Ordinals as reports write them: "Twelfth", "twenty-first", "12th", and the "12" of "12MSP".

Meetings are numbered by ordinals; a rule compares numbers, not words. English
ordinal words are language mechanics, not a convention's phrasing, so they live here.
"""

from __future__ import annotations

import re

from ccmlint import regexes

_UNITS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_TENS_ORDINAL = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_TENS_CARDINAL = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

ORDINAL_WORDS: dict[str, int] = {word: index + 1 for index, word in enumerate(_UNITS)}
ORDINAL_WORDS.update(_TENS_ORDINAL)
for _tens_word, _tens in _TENS_CARDINAL.items():
    for _unit_word, _unit in list(ORDINAL_WORDS.items())[:9]:
        ORDINAL_WORDS[f"{_tens_word}-{_unit_word}"] = _tens + _unit



def _trie_alternation(words: list[str]) -> str:
    """One pattern for the words as a character trie ("fi(?:fth|ftieth|rst)"...), a
    hyphen also matching a space.

    NOTE: a flat alternation of some sixty words is tried word by word at every word
    start; the trie rejects a non-ordinal on its first letters. It matches the same
    strings, and since no ordinal word is another's prefix followed by a non-letter,
    at most one can end on a word boundary at a position: the branch order is moot.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [
        ("[- ]" if char == "-" else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")


# Characters besides its two cases that ``re`` matches to an ASCII letter when it
# ignores case (the re module's documentation lists these four).
_OTHER_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _first_character_first(words: list[str]) -> str:
    r"""``(?i:\b(?:<trie of words>)\b|\b\d{1,3}(?:st|nd|rd|th)\b)``, written to open
    with a set of characters.

    NOTE: a pattern that opens with an assertion (``\b``) is tried at every character
    of a text; one that opens with a set of characters is tried only where one of them
    stands, which ``re`` finds in a tight loop: meeting names are searched for in every
    paragraph that names a kind of meeting, and this halves that search. The first
    character is taken by the set (every case ``re`` would match), ``(?<!\w.)`` then
    says what ``\b`` said before it (the character is a word character), and a
    look-behind at it chooses the rest of the trie. The same strings match, in the
    same order of trial; a test compares the two forms.
    """
    firsts = sorted({word[0] for word in words})
    cases = sorted({case for first in firsts for case in (first, first.upper(), *_OTHER_CASES.get(first, ""))})
    rests = "|".join(
        f"(?<={first}){_trie_alternation([word[1:] for word in words if word[0] == first])}" for first in firsts
    )
    return rf"[{''.join(cases)}\d](?<!\w.)(?i:(?:{rests})\b|(?<=\d)\d{{0,2}}(?:st|nd|rd|th)\b)"


# An ordinal word (any case) or a number with its English suffix ("12th", "21st").
ORDINAL_PATTERN = _first_character_first(list(ORDINAL_WORDS))

_NUMERIC = regexes.compile(r"(\d{1,3})(?:st|nd|rd|th)?", re.IGNORECASE)

CARDINAL_WORDS: dict[str, int] = {
    word: index
    for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}


def ordinal_value(text: str) -> int | None:
    """The number an ordinal stands for ("Twelfth" → 12, "21st" → 21), or None."""
    folded = " ".join(text.split()).casefold().replace(" ", "-")
    if folded in ORDINAL_WORDS:
        return ORDINAL_WORDS[folded]
    match = _NUMERIC.fullmatch(folded)
    return int(match.group(1)) if match else None


def cardinal_value(text: str) -> int | None:
    """A small count written as a word or digits ("five", "5", "five (5)") → 5, else None."""
    folded = text.strip().casefold()
    if folded.isdigit():
        return int(folded)
    if folded in CARDINAL_WORDS:
        return CARDINAL_WORDS[folded]
    for tens_word, tens in _TENS_CARDINAL.items():
        if folded.startswith(tens_word + "-") or folded.startswith(tens_word + " "):
            unit = CARDINAL_WORDS.get(folded[len(tens_word) + 1 :])
            if unit is not None and 0 < unit < 10:
                return tens + unit
    return None
