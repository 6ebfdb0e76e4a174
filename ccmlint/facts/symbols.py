"""Document symbols of the packs' series, read against the symbol grammar in data.

A symbol is ``<series>/<year>[/<session>]/<document>[/<suffix>…]``; the packs'
``facts.yaml`` name their series ("CCM/MSP" for Meetings of States Parties) and the
pattern of each part. Anything that starts like a symbol of a known series is read,
so that a damaged one ("CCM//MSP/2024/3", "CCM/MSP/24/3", "CCM/MSP/2024/WP1") is
seen and its problem named; a symbol of a series no pack names is not read at all,
since its grammar is unknown here.

The report's own symbol is the one in the masthead, or the one the body says the
report is issued as (the meeting phrasings' ``report_symbol``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterator, Sequence

from ccmlint.facts.model import DocumentSymbol, Passage
from ccmlint.facts.phrasings import SymbolGrammar, SymbolPart, any_of, regex
from ccmlint.prefilter import finditer
from ccmlint.span import Span

_TRAILING = "."
"""A symbol never ends with a full stop: one after it ends the sentence."""
_UNDOTTED = regex(r"^([A-Za-z]+)[ .,]?(\d+)$")
"""A part written without its dot ("Rev1", "Add 2"): read again as "Rev.1"."""


class _Reading:
    """What the grammar makes of one candidate: its year, its problems and, when every
    problem has a certain remedy, the corrected parts."""

    __slots__ = ("parts", "problems", "year")

    def __init__(self, parts: list[str] | None = None) -> None:
        self.year: int | None = None
        self.problems: list[str] = []
        self.parts = [] if parts is None else parts

    def keep(self, part: str) -> None:
        if self.parts is not None:
            self.parts.append(part)

    def fail(self, problem: str, remedy: str | None = None) -> None:
        self.problems.append(problem)
        if remedy is None:
            self.parts = None
        else:
            self.keep(remedy)


def extract_symbols(
    passages: Sequence[Passage],
    grammar: SymbolGrammar,
    report_symbol: Sequence[str] = (),
    masthead: Span | None = None,
) -> list[DocumentSymbol]:
    """Every symbol of a known series in the report, in document order. ``masthead`` is
    the span of the masthead's symbol line; ``report_symbol`` the phrasings that name
    the report's own symbol in the body (group ``symbol``)."""
    if not grammar.series:
        return []
    found: list[DocumentSymbol] = []
    issued_as = _issued_as(passages, report_symbol)
    for index, passage in enumerate(passages):
        for start, end, text in _candidates(passage.text, grammar):
            symbol = read_symbol(text, grammar, passage.span_of(start, end))
            if symbol is None:
                continue
            in_masthead = masthead is not None and masthead.covers(symbol.span)
            if in_masthead or (index, start) == issued_as:
                symbol = symbol.replace(own=True)
            found.append(symbol)
    return found


def _issued_as(passages: Sequence[Passage], report_symbol: Sequence[str]) -> tuple[int, int] | None:
    """Where the body names the report's own symbol: the last "issued as document …"
    (the adoption of the report closes it; an earlier one may be another report's),
    as (passage index, offset), as ``ccmlint.facts.meeting`` reads it."""
    phrase = any_of(list(report_symbol))
    last: tuple[int, int] | None = None
    for index, passage in enumerate(passages):
        if passage.kind == "header":
            continue
        for match in finditer(phrase, passage.text):
            if "symbol" in match.re.groupindex and match.group("symbol"):
                last = (index, match.start("symbol"))
    return last


def _candidates(text: str, grammar: SymbolGrammar) -> Iterator[tuple[int, int, str]]:
    """Stretches of text that start like a symbol of a known series."""
    for match in finditer(_candidate_pattern(tuple(grammar.series)), text):  # NOTE: most passages cite none
        candidate = match.group().rstrip(_TRAILING)
        if "/" in candidate:
            yield match.start(), match.start() + len(candidate), candidate


@cache
def _candidate_pattern(series: tuple[str, ...]) -> re.Pattern[str]:
    """A stretch opening with a series' first part, longest first (the same pattern in
    every run, so that its compiled form is found in the cache)."""
    roots = sorted({name.split("/")[0] for name in series}, key=lambda root: (-len(root), root))
    return regex(rf"(?<![\w/.-])(?:{'|'.join(re.escape(root) for root in roots)})(?:/+[A-Za-z0-9.]*)+")


def read_symbol(text: str, grammar: SymbolGrammar, span: Span) -> DocumentSymbol | None:
    """The symbol ``text`` as the grammar reads it; None when it belongs to no known
    series or names a series alone ("the CCM/MSP series")."""
    parts = text.split("/")
    present = [part for part in parts if part]
    series = _series(present, grammar)
    if series is None:
        return None
    rest = present[len(series.split("/")) :]
    if not rest:
        return None
    reading = _Reading(parts=list(series.split("/")))
    if len(present) != len(parts):
        reading.problems.append("it has an empty part ('//')")
    _read_parts(rest, grammar, series, reading)
    corrected = "/".join(reading.parts) if reading.problems and reading.parts is not None else None
    return DocumentSymbol(
        text=text,
        series=series,
        meeting_kind=grammar.series[series],
        year=reading.year,
        well_formed=not reading.problems,
        problem="; ".join(reading.problems) or None,
        corrected=corrected,
        span=span,
    )


def _series(parts: list[str], grammar: SymbolGrammar) -> str | None:
    """The longest known series the parts begin with."""
    best: str | None = None
    for series in grammar.series:
        components = series.split("/")
        if parts[: len(components)] == components and (best is None or len(components) > len(best.split("/"))):
            best = series
    return best


def _read_parts(rest: list[str], grammar: SymbolGrammar, series: str, reading: _Reading) -> None:
    index = 0
    if _matches(grammar.year, rest[0]):
        reading.year = int(rest[0])
        reading.keep(rest[0])
        index = 1
    elif rest[0].isdigit():
        reading.fail(f"'{rest[0]}' is not {grammar.year.describe}")
        index = 1
    else:
        reading.fail(f"there is no year after {series}")
    if index < len(rest) and _matches(grammar.session, rest[index]):
        reading.keep(rest[index])
        index += 1
        if index == len(rest):
            return  # a session alone: perhaps a symbol this grammar does not know; no judgement
    if index >= len(rest):
        if reading.year is not None:
            reading.fail(f"there is no document number after {'/'.join([series, *rest])}")
        return
    _read_part(rest[index], grammar.document, reading)
    for suffix in rest[index + 1 :]:
        _read_part(suffix, grammar.suffix, reading)


def _read_part(part: str, expected: SymbolPart, reading: _Reading) -> None:
    if _matches(expected, part):
        reading.keep(part)
        return
    dotted = _UNDOTTED.sub(r"\1.\2", part)
    remedy = dotted if dotted != part and _matches(expected, dotted) else None
    reading.fail(f"'{part}' is not {expected.describe}" + (f" ('{remedy}'?)" if remedy else ""), remedy)


def _matches(part: SymbolPart, text: str) -> bool:
    return regex(part.pattern).fullmatch(text) is not None
