"""The arithmetic of an extension decision: the deadline it extends, the years granted,
the new deadline.

"... its deadline of 1 August 2027 ..., and agrees to grant the request for an
extension of two years until 1 August 2029": the previous deadline is read from the
decision's own words before the new one. Where the decision does not state it, the
pack's Article 4 data may know it (the deadline in force when this meeting
considered the State's request); otherwise there is no fact, since a sum with an
unknown term cannot be checked.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Sequence

from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.dates import find_dates
from ccmlint.facts.model import Extension, ExtensionTerm, Meeting
from ccmlint.facts.packdata import PackData
from ccmlint.facts.phrasings import ArithmeticPhrasings, any_of
from ccmlint.facts.sentences import sentences

STATED = "the deadline the decision states"
ON_RECORD = "the deadline on record in the pack's Article 4 data"


def extract_extension_terms(
    blocks: Sequence[TextBlock],
    extensions: Sequence[Extension],
    meeting: Meeting | None,
    phrasings: ArithmeticPhrasings,
    data: PackData,
) -> list[ExtensionTerm]:
    """One term per extension whose years, new deadline and previous deadline are all known."""
    terms: list[ExtensionTerm] = []
    located = _by_start(blocks) if extensions else ([], [])
    for extension in extensions:
        if extension.years is None or extension.until is None:
            continue
        stated = _stated_previous(located, extension, phrasings)
        if stated is not None:
            previous, basis = stated, STATED
        else:
            official = extension.state.state if extension.state is not None else None
            recorded = data.previous_deadline(official, meeting.kind if meeting else None, meeting.ordinal if meeting else None)
            if recorded is None:
                continue
            previous, basis = recorded, ON_RECORD
        terms.append(
            ExtensionTerm(
                text=extension.text, state=extension.state, years=extension.years, until=extension.until,
                previous=previous, basis=basis, span=extension.until.span,
            )
        )
    return terms


def _by_start(blocks: Sequence[TextBlock]) -> tuple[list[int], list[tuple[int, TextBlock]]]:
    """The blocks with the source offsets they end at, ordered by where they start."""
    spans = sorted(((block.prose.span(), block) for block in blocks), key=lambda pair: pair[0].start)
    return [span.start for span, _ in spans], [(span.end, block) for span, block in spans]


def _stated_previous(
    located: tuple[list[int], list[tuple[int, TextBlock]]], extension: Extension, phrasings: ArithmeticPhrasings
) -> date | None:
    """The deadline named before the new one in the decision's sentence ("its deadline of ...")."""
    if not phrasings.previous_deadline or extension.until is None:
        return None
    cue = any_of(phrasings.previous_deadline)
    target = extension.until.span.start
    starts, ends = located
    # NOTE: blocks built by hand in tests may share offsets; the text decides among them.
    for index in range(bisect_right(starts, target) - 1, -1, -1):
        end, block = ends[index]
        if not target < end or extension.text not in block.prose.text:
            continue
        text = block.prose.text
        for start, stop in sentences(text):
            sentence = block.prose.span(start, stop)
            if not sentence.start <= target < sentence.end:
                continue
            for expression in find_dates(text[start:stop]):
                begin = start + expression.start
                if block.prose.span(begin, start + expression.end).start >= target:
                    break
                if cue.search(text[start:begin]):
                    return expression.last.value
            return None
        return None
    return None
