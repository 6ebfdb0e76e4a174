"""References in the text to the report's own annexes ("listed in annex I to the
present report"), for the rule that every annex referred to exists.

Only this report's annexes count. A reference tied to another document — "annex I
of document CCM/MSP/2024/7", "the annex to resolution 78/32", "CCM/MSP/2024/3,
annex II" — is skipped (the pack's ``annexes.other_after`` and ``other_before``
phrasings say how that is written). "The annex" without a numeral is kept only when
the words after it name this report ("to the present report"), since on its own it
may point back at any document named before it.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from ccmlint import regexes
from ccmlint.facts.model import AnnexRef, Passage
from ccmlint.facts.phrasings import AnnexPhrasings, any_of, regex
from ccmlint.parse.numerals import roman_value, to_roman
from ccmlint.prefilter import finditer

_CONTEXT = 80
"""How many characters on either side a reference's context phrasings look at."""
_RUNNING_TEXT = frozenset({"paragraph", "list_item", "footnote"})
"""Where references stand. A heading or a short title line that reads "Annex I" names an
annex (one the grammar did not take for an annex heading); it does not refer to one."""
_ROMAN_NUMERAL = regexes.compile(r"[IVXLC]+")
_LONGEST_RANGE = 20
"""A range of annexes ("I to III") longer than this is not a range but a misreading."""


def extract_annex_refs(passages: Sequence[Passage], phrasings: AnnexPhrasings) -> list[AnnexRef]:
    """Every reference to an annex of this report, in document order, one per numeral."""
    found: list[AnnexRef] = []
    for passage in passages:
        if passage.kind in _RUNNING_TEXT:
            found.extend(_refs_in(passage, phrasings))
    return found


def _refs_in(passage: Passage, phrasings: AnnexPhrasings) -> Iterator[AnnexRef]:
    text = passage.text
    own_after = any_of(phrasings.own_after)
    other_after = any_of(phrasings.other_after)
    other_before = any_of(phrasings.other_before)
    for match in finditer(regex(phrasings.reference), text):  # NOTE: most passages name no annex
        before = text[max(0, match.start() - _CONTEXT) : match.start()]
        after = text[match.end() : match.end() + _CONTEXT]
        if other_before.search(before) or (other_after.search(after) and not own_after.search(after)):
            continue
        numerals = match.group("numerals")
        if numerals is None:
            own = own_after.search(after)
            if own:
                article = regex(r"\b(?:[Tt]he|[Tt]his)\s+$").search(before)
                start = match.start() - len(article.group()) if article else match.start()
                end = match.end() + own.end()
                yield AnnexRef(text=text[start:end], number=None, span=passage.span_of(start, end))
            continue
        numbers = list(_numbers(numerals, phrasings))
        if len(numbers) == 1:
            yield AnnexRef(text=match.group(), number=numbers[0][0], span=passage.span_of(match.start(), match.end()))
            continue
        offset = match.start("numerals")
        for number, start, end in numbers:
            written = text[offset + start : offset + end]
            numeral = _numeral_like(number, written)
            yield AnnexRef(text=f"annex {numeral}", number=number, span=passage.span_of(offset + start, offset + end))


def _numbers(numerals: str, phrasings: AnnexPhrasings) -> Iterator[tuple[int, int, int]]:
    """The annex numbers a run of numerals names ("I and II", "I to III"), each with the
    offsets of the numeral that names it (a range's inner numbers take the range's)."""
    joiner = regex(phrasings.joiner)
    range_joiner = regex(phrasings.range_joiner)
    cursor = 0
    for piece in [*joiner.split(numerals)]:
        start = numerals.index(piece, cursor)
        cursor = start + len(piece)
        bounds = range_joiner.split(piece)
        values = [_value(bound) for bound in bounds]
        if any(value is None for value in values):
            continue
        if len(values) == 2 and values[0] is not None and values[1] is not None:
            first, last = values[0], values[1]
            if 0 < last - first <= _LONGEST_RANGE:
                for number in range(first, last + 1):
                    yield number, start, start + len(piece)
            continue
        for bound in bounds:
            value = _value(bound)
            if value is not None:
                bound_start = numerals.index(bound, start)
                yield value, bound_start, bound_start + len(bound)


def _numeral_like(number: int, written: str) -> str:
    """``number`` in the notation of the words that name it ("I to III" gives "II")."""
    return str(number) if written[:1].isdigit() else to_roman(number)


def _value(numeral: str) -> int | None:
    numeral = numeral.strip()
    if numeral.isdigit():
        return int(numeral)
    if _ROMAN_NUMERAL.fullmatch(numeral):
        return roman_value(numeral)
    return None
