"""Sentence boundaries of running text, so that a cue and the words it governs stay together.

A fact is read from one sentence: "X was elected" in one sentence says nothing about
a list in the next. A full stop ends a sentence unless it closes an initial ("C.
Mélanie"), a common abbreviation ("No.", "art.") or a number ("4.1").
"""

from __future__ import annotations

from typing import Iterator

from ccmlint import regexes

_END = regexes.compile(r"[.!?;](?=[\s\"”’)]*(?:\s+[A-Z“\"‘(\[]|\s*$))")
_LAST_WORD = regexes.compile(r"(\S+)\Z")
_ABBREVIATIONS = frozenset(
    "no nos art arts para paras mr mrs ms dr st vol rev corr add e.g i.e etc cf p pp op h.e u.s".split()
)


Sentences = tuple[tuple[int, int], ...]

# NOTE: every extractor reads the same passages sentence by sentence, so the split of
# a passage is kept for the next extractor, while one report's facts are extracted
# (``ccmlint.facts.extract`` forgets them after each report). A bounded cache would
# not do: extractors read the passages in turn, and a report with more passages than
# the bound would miss on every one.
_SPLITS: dict[str, Sentences] = {}


def sentences(text: str) -> Sentences:
    """Offsets ``(start, end)`` of each sentence of a text, the end including its full stop."""
    found = _SPLITS.get(text)
    if found is None:
        found = _SPLITS[text] = tuple(_split(text))
    return found


def forget() -> None:
    """Drop the splits kept for the report just read."""
    _SPLITS.clear()


def _split(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _END.finditer(text):
        if match.group() == "." and _not_an_end(text, match.start()):
            continue
        end = match.end()
        if text[start:end].strip():
            yield _strip(text, start, end)
        start = end
    if text[start:].strip():
        yield _strip(text, start, len(text))


def _not_an_end(text: str, dot: int) -> bool:
    word = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if word is None:
        return False
    token = word.group(1).lstrip("(\"“‘")
    if len(token) == 1 and token.isupper():
        return True  # an initial
    return token.casefold() in _ABBREVIATIONS


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

