"""Coordinator appointments: which State coordinates which area of work, until when.

Only the appointments count — the list a sentence introduces ("welcomed new
Coordinators ..., as follows:"), not every mention of coordinators in prose. Each
following block of the form "AREA: appointees" is one area; each State in it is one
Coordinator with its own term ("Germany (until the end of the Thirteenth Meeting of
States Parties) working with Austria (until the end of the Third Review
Conference)"). A placeholder where a State should be ("(TBC)") is kept as such. An
area may have no term (thematic areas often do): its term end is then None.
"""

from __future__ import annotations

import re
from typing import Literal, Sequence

from ccmlint import regexes
from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.lists import split_states, state_ref
from ccmlint.facts.meeting_refs import MeetingCycle, find_meetings, meeting_ref
from ccmlint.facts.model import Coordinator, MeetingRef
from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import CoordinatorPhrasings, MeetingPhrasings, any_of, regex
from ccmlint.nodes import Prose
from ccmlint.prefilter import may_occur

Group = Literal["working_group", "thematic_area"]

_AREA_LINE = regexes.compile(r"\s*(?P<area>[^:.;]{2,150}?)\s*:\s*(?P<rest>\S.*)", re.DOTALL)
_EDGE = " \t\n,;:."


def extract_coordinators(
    blocks: Sequence[TextBlock],
    phrasings: CoordinatorPhrasings,
    meeting: MeetingPhrasings,
    names: StateNames,
    cycle: MeetingCycle,
) -> list[Coordinator]:
    """Every appointment of every introduced list, in document order."""
    introduction = any_of(phrasings.introduction)
    found: list[Coordinator] = []
    introduced: Group | None = None
    for block in blocks:
        text = block.prose.text
        if introduced is not None:
            line = _AREA_LINE.fullmatch(text) if block.kind != "heading" else None
            if line is not None:
                group = _group(line["area"], phrasings) or introduced
                appointed = _appointments(block.prose, line, group, phrasings, meeting, names, cycle)
                # NOTE: a sentence with a colon after the list is not an area line: an area
                # names at least one known State, a placeholder or a term.
                if any(item.placeholder or item.term_end or (item.state and item.state.state) for item in appointed):
                    found.extend(appointed)
                    continue
            introduced = None
        if block.kind in ("paragraph", "list_item") and may_occur(introduction, text) and introduction.search(text):
            introduced = _group(text, phrasings) or "working_group"
    return found


def _group(text: str, phrasings: CoordinatorPhrasings) -> Group | None:
    for group in ("thematic_area", "working_group"):
        if any_of(phrasings.groups.get(group, [])).search(text):
            return group
    return None


def _appointments(
    prose: Prose,
    line: re.Match[str],
    group: Group,
    phrasings: CoordinatorPhrasings,
    meeting: MeetingPhrasings,
    names: StateNames,
    cycle: MeetingCycle,
) -> list[Coordinator]:
    text = prose.text
    area = line["area"].strip()
    appointments: list[Coordinator] = []
    position = line.start("rest")
    for term in regex(phrasings.term).finditer(text, line.start("rest")):
        term_end = _term_end(prose, term, meeting, cycle)
        # NOTE: "Austria working with Italy (until …)": the term is Italy's alone; a
        # partner named before "working with" without a term of its own has none.
        partner = _last_partner_break(text, position, term.start())
        if partner is not None:
            appointments.extend(_appointees(prose, position, partner.start(), area, group, None, phrasings, names))
            position = partner.end()
        appointments.extend(_appointees(prose, position, term.start(), area, group, term_end, phrasings, names))
        position = term.end()
    appointments.extend(_appointees(prose, position, len(text), area, group, None, phrasings, names))
    return appointments


_PARTNER = regexes.compile(r"\b(?:working|together|along)\s+with\b")


def _last_partner_break(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last "working with" between two appointees, unless nothing precedes it."""
    found = None
    for match in _PARTNER.finditer(text, start, end):
        if text[start : match.start()].strip(_EDGE):
            found = match
    return found


def _term_end(prose: Prose, term: re.Match[str], meeting: MeetingPhrasings, cycle: MeetingCycle) -> MeetingRef | None:
    offset = term.start("meeting")
    for mention in find_meetings(term["meeting"], meeting):
        shifted = type(mention)(mention.start + offset, mention.end + offset, mention.kind, mention.ordinal)
        return meeting_ref(prose, shifted, cycle)
    return None


def _appointees(
    prose: Prose,
    start: int,
    end: int,
    area: str,
    group: Group,
    term_end: MeetingRef | None,
    phrasings: CoordinatorPhrasings,
    names: StateNames,
) -> list[Coordinator]:
    """The States (or placeholder) written in ``[start, end)``, each with the term after them."""
    text = prose.text
    joiners = regex(phrasings.joiners).match(text, start, end)
    start = joiners.end() if joiners else start
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if end <= start:
        return []
    who = text[start:end]
    if any_of(phrasings.placeholders).search(who):
        return [
            Coordinator(
                text=who, area=area, group=group, placeholder=who,
                term_end=term_end, span=prose.span(start, end),
            )
        ]
    # NOTE: each appointee's fact is its own name; the term, when stated, is a fact of
    # its own (``term_end``) with its own span, so both can be pointed at exactly.
    return [
        Coordinator(
            text=text[item.start : item.end], area=area, group=group, state=state_ref(prose, item),
            term_end=term_end, span=prose.span(item.start, item.end),
        )
        for item in split_states(text, start, end, names)
    ]
