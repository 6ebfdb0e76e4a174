"""Lists paired by "respectively": how many items stand on each side.

"Austria and Chile were elected as Vice-President and Rapporteur, respectively" pairs
two States with two offices. The list right before "respectively" is one side; the
other is the one other list of its sentence. Lists are counted only where their items
can be told apart reliably: States (from the names data), document symbols,
quantities with a unit, and, right before "respectively", parallel phrases that
repeat their preposition ("for transparency measures and for national
implementation measures").

A sentence gives no fact when it cannot be read for sure: when it holds more than
one other list, none, or words that pair the list with something not counted in the
sentence ("the analyses of these requests, as contained in A, B and C,
respectively").
"""

from __future__ import annotations

import re
from typing import Sequence

from ccmlint import regexes
from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.model import Pairing
from ccmlint.facts.names import StateNames
from ccmlint.facts.packdata import Unit
from ccmlint.facts.phrasings import ArithmeticPhrasings, regex
from ccmlint.facts.quantities import find_quantities
from ccmlint.facts.sentences import sentences
from ccmlint.prefilter import may_occur
from ccmlint.record import Record

_RUNNING_TEXT = ("paragraph", "list_item")
_SEPARATOR = regexes.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?")
_GAP = regexes.compile(r"[\s,]*")
_CLAUSE_STOP = regexes.compile(r"[,;()]")
_CAPITAL = regexes.compile(r"(?<![\w’'-])(?:the\s+)?[A-ZÀ-Þ]")
_PREPOSITIONS = "for|to|on|in|by|under|with|as|at|from|of"
# The last item of parallel phrases: after the last joiner that a preposition follows.
_LAST_PARALLEL = regexes.compile(rf".*(?:,\s*and\s+|,\s*|\s+and\s+)(?P<prep>{_PREPOSITIONS})\s+[^,;()]+?[\s,]*$", re.DOTALL)


class _Run(Record):
    """A list found in a sentence: its offsets and how many items it holds."""

    start: int
    end: int
    count: int


def extract_pairings(
    blocks: Sequence[TextBlock], names: StateNames, symbol: str, units: Sequence[Unit], phrasings: ArithmeticPhrasings
) -> list[Pairing]:
    found: list[Pairing] = []
    respectively = regex(phrasings.respectively)
    for block in blocks:
        if block.kind not in _RUNNING_TEXT:
            continue
        text = block.prose.text
        if not may_occur(respectively, text):
            continue  # NOTE: most blocks say no "respectively"; one substring test tells
        for start, end in sentences(text):
            for cue in respectively.finditer(text, start, end):
                if regex(phrasings.anaphora).search(text, start, end):
                    break
                runs = _runs(text, start, end, names, symbol, units, phrasings)
                listed = _listed(text, start, cue.start(), runs)
                if listed is None or listed.count < 2:
                    continue
                partners = [run for run in runs if run.count >= 2 and (run.end <= listed.start or run.start >= cue.end())]
                if len(partners) != 1:
                    continue
                found.append(
                    Pairing(
                        text=text[listed.start : cue.end()], items=listed.count, partners=partners[0].count,
                        span=block.prose.span(listed.start, cue.end()),
                    )
                )
    return found


def _listed(text: str, start: int, cue: int, runs: Sequence[_Run]) -> _Run | None:
    """The list right before "respectively": a counted list, else parallel phrases."""
    for run in runs:
        if run.end <= cue and _GAP.fullmatch(text, run.end, cue):
            return run
    return _parallel(text, start, cue)


def _parallel(text: str, start: int, cue: int) -> _Run | None:
    """Phrases that repeat one preposition ("for A, for B and for C") ending right before ``cue``."""
    last = _LAST_PARALLEL.match(text, start, cue)
    if last is None:
        return None
    joint = regex(rf"(?:,\s*and\s+|,\s*|\s+and\s+)(?={last['prep']}\s)")
    joints = list(joint.finditer(text, start, cue))
    taken = [joints[-1]]
    for earlier in reversed(joints[:-1]):
        if _CLAUSE_STOP.search(text, earlier.end(), taken[0].start()):
            break
        taken.insert(0, earlier)
    clause_start = start
    for stop in _CLAUSE_STOP.finditer(text, start, taken[0].start()):
        clause_start = stop.end()
    first = list(regex(rf"\b{last['prep']}\s").finditer(text[clause_start : taken[0].start()]))
    if not first:
        return None
    return _Run(clause_start + first[-1].start(), cue, len(taken) + 1)


def _runs(
    text: str, start: int, end: int, names: StateNames, symbol: str, units: Sequence[Unit], phrasings: ArithmeticPhrasings
) -> list[_Run]:
    """Every counted list of a sentence (States, symbols, quantities with units)."""
    items: list[tuple[int, int, str]] = []
    position = start
    for capital in _CAPITAL.finditer(text, start, end):
        if capital.start() < position:
            continue
        known = names.longest_at(text, capital.start(), end) or names.longest_at(text, capital.end() - 1, end)
        if known is not None:
            items.append((capital.start(), known[0], "state"))
            position = known[0]
    items.extend((match.start(), match.end(), "symbol") for match in regex(symbol).finditer(text, start, end))
    items.extend(
        (item.start, item.end, f"quantity:{item.unit_name}")
        for item in find_quantities(text, start, end, units, phrasings)
        if item.unit_name is not None
    )
    items.sort()
    runs: list[_Run] = []
    current: list[tuple[int, int, str]] = []
    for item in items:
        if current and current[-1][2] == item[2] and _SEPARATOR.fullmatch(text, current[-1][1], item[0]):
            current.append(item)
            continue
        if current:
            runs.append(_Run(current[0][0], current[-1][1], len(current)))
        current = [item]
    if current:
        runs.append(_Run(current[0][0], current[-1][1], len(current)))
    return runs
