"""Deadline extensions the meeting granted: to which State, for how many years, until when.

A decision reads like "... assessed the request submitted by Chad ... and agrees to
grant the request for an extension of two years until 1 October 2026." The State is
taken from the subheading over the decision when there is one (the report's formal
heading of that decision), else from the decision's own words ("submitted by ...").
Which deadlines count (clearance, not stockpile destruction) is the pack's choice
(``extensions.topic``).
"""

from __future__ import annotations

from typing import Sequence

from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.dates import date_fact, find_dates
from ccmlint.facts.lists import state_at, state_ref
from ccmlint.facts.model import DateFact, Extension, StateRef
from ccmlint.facts.names import StateNames
from ccmlint.facts.ordinals import cardinal_value
from ccmlint.facts.phrasings import ExtensionPhrasings, any_of, regex
from ccmlint.facts.sentences import sentences
from ccmlint.prefilter import may_occur
from ccmlint.nodes import Prose


def extract_extensions(blocks: Sequence[TextBlock], phrasings: ExtensionPhrasings, names: StateNames) -> list[Extension]:
    """Every extension granted, in document order."""
    found: list[Extension] = []
    subheading: TextBlock | None = None
    decision = any_of(phrasings.decision)
    topic = any_of(phrasings.topic) if phrasings.topic else None
    for block in blocks:
        if block.kind == "heading":
            subheading = None
            continue
        if block.kind == "subheading":
            subheading = block
            continue
        text = block.prose.text
        if not may_occur(decision, text):
            continue
        for start, end in sentences(text):
            cue = decision.search(text, start, end)
            if cue is None or (topic is not None and not topic.search(text, start, end)):
                continue
            years_match = regex(phrasings.years).search(text, start, end)
            years = cardinal_value(years_match["years"]) if years_match else None
            until = _until(block.prose, years_match.end() if years_match else cue.end(), end, phrasings)
            if years is None and until is None:
                continue
            state = _heading_state(subheading, names) or _sentence_state(block.prose, start, end, phrasings, names)
            fact_start = min(cue.start(), years_match.start() if years_match else cue.start())
            fact_end = _prose_end(block.prose, until) if until else (years_match.end() if years_match else cue.end())
            found.append(
                Extension(
                    text=text[fact_start:fact_end], state=state, years=years, until=until,
                    span=block.prose.span(fact_start, fact_end),
                )
            )
            subheading = None
            break
    return found


def _until(prose: Prose, start: int, end: int, phrasings: ExtensionPhrasings) -> DateFact | None:
    """The date right after "until" (the last day of a written range)."""
    cue = regex(phrasings.until).search(prose.text, start, end)
    if cue is None:
        return None
    for expression in find_dates(prose.text[cue.end() : end]):
        if expression.start > 12:
            return None
        day = expression.last
        shifted = type(day)(day.start + cue.end(), day.end + cue.end(), day.value)
        return date_fact(prose, shifted)
    return None


def _prose_end(prose: Prose, until: DateFact) -> int:
    """The prose offset just after a date fact's words."""
    index = prose.text.find(until.text)
    while index != -1 and prose.span(index, index + len(until.text)) != until.span:
        index = prose.text.find(until.text, index + 1)
    return len(prose.text) if index == -1 else index + len(until.text)


def _heading_state(subheading: TextBlock | None, names: StateNames) -> StateRef | None:
    """The State a subheading names, if it names a known one and nothing else."""
    if subheading is None:
        return None
    text = subheading.prose.text
    item = state_at(text, 0, len(text), names)
    if item is None or item.state is None or text[item.end :].strip(" .:\t"):
        return None
    return state_ref(subheading.prose, item)


def _sentence_state(
    prose: Prose, start: int, end: int, phrasings: ExtensionPhrasings, names: StateNames
) -> StateRef | None:
    cue = any_of(phrasings.state).search(prose.text, start, end)
    if cue is None:
        return None
    item = state_at(prose.text, cue.end(), end, names)
    return state_ref(prose, item) if item else None
