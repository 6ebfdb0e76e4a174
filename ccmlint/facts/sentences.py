"""Sentence boundaries of running text, so that a cue and the words it governs stay together.

A fact is read from one sentence: "X was elected" in one sentence says nothing about
a list in the next. A full stop ends a sentence unless it closes an initial ("C.
Mélanie"), a common abbreviation ("No.", "art.") or a number ("4.1").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

_END = re.compile(r"[.!?;](?=[\s\"”’)]*(?:\s+[A-Z“\"‘(\[]|\s*$))")
_LAST_WORD = re.compile(r"(\S+)\Z")
_ABBREVIATIONS = frozenset(
    "no nos art arts para paras mr mrs ms dr st vol rev corr add e.g i.e etc cf p pp op h.e u.s".split()
)


Sentences = tuple[tuple[int, int], ...]

# NOTE: every extractor reads the same passages sentence by sentence, so the split of
# a passage is kept for the next extractor. Long passages have a cache of their own,
# small enough that a run over many huge reports does not keep them all in memory.
_LONG = 20_000


def sentences(text: str) -> Sentences:
    """Offsets ``(start, end)`` of each sentence of a text, the end including its full stop."""
    return _split_long(text) if len(text) > _LONG else _split_short(text)


@lru_cache(maxsize=4096)
def _split_short(text: str) -> Sentences:
    return tuple(_split(text))


@lru_cache(maxsize=8)
def _split_long(text: str) -> Sentences:
    return tuple(_split(text))


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

