"""The parts of a report's prose that are not the drafters' own words.

A quoted title (“Taking stock of …”) must be reproduced as it was issued, a document
symbol (``CCM/MSP/2024/WP.1``) or a web address is an identifier, not English: style
rules (one spelling per term, acronyms spelled out, preferred terms) leave them alone.
Which stretches count is data, the ``verbatim`` phrasings of the packs
(``rules/<pack>/facts.yaml``): ``quotations`` and ``citations``.
"""

from __future__ import annotations

from bisect import bisect_right

from ccmlint.facts.phrasings import DEFAULT_PACKS, VerbatimPhrasings, any_of, load_phrasings
from ccmlint.prefilter import finditer
from ccmlint.record import Record

Stretch = tuple[int, int]


class Verbatim(Record):
    """Where a text quotes (``quotations``) or cites (``citations``), as sorted offsets."""

    quotations: tuple[Stretch, ...] = ()
    citations: tuple[Stretch, ...] = ()

    def quoted(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` lies inside a quotation."""
        return _inside(self.quotations, start, end)

    def covers(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` touches a quotation or a citation (a word half
        inside a symbol is part of the symbol)."""
        return _overlaps(self.quotations, start, end) or _overlaps(self.citations, start, end)


def find_verbatim(text: str, phrasings: VerbatimPhrasings | None = None) -> Verbatim:
    """The quotations and citations of one passage of prose (the default packs'
    phrasings unless others are given)."""
    phrasings = phrasings if phrasings is not None else load_phrasings(DEFAULT_PACKS).verbatim
    return Verbatim(_stretches(text, phrasings.quotations), _stretches(text, phrasings.citations))


def _stretches(text: str, patterns: list[str]) -> tuple[Stretch, ...]:
    if not patterns:
        return ()
    # NOTE: most passages quote and cite nothing, which prefilter.finditer tells unsearched.
    return tuple((match.start(), match.end()) for match in finditer(any_of(patterns), text) if match.end() > match.start())


def _inside(stretches: tuple[Stretch, ...], start: int, end: int) -> bool:
    position = bisect_right(stretches, (start, float("inf"))) - 1
    return position >= 0 and stretches[position][0] <= start and end <= stretches[position][1]


def _overlaps(stretches: tuple[Stretch, ...], start: int, end: int) -> bool:
    # NOTE: matches of one alternation never overlap, so the stretches are sorted by
    # start and by end alike; only the last one starting before ``end`` can overlap.
    position = bisect_right(stretches, (end, -1)) - 1
    return position >= 0 and stretches[position][1] > start and stretches[position][0] < end


__all__ = ["Verbatim", "find_verbatim"]
