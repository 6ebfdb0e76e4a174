"""The meeting's office holders: its President, Vice-Presidents and Secretary-General.

A report names office holders of several meetings — the President of the previous
meeting, the President-elect of the next — so an office counts only when the words
after it name the report's own meeting ("President of the Twelfth Meeting of States
Parties", "Secretary-General of the Meeting"). The person is read backwards from
the office: a name (titles such as "Ambassador" dropped), then how the report says
whom he or she represents ("of Mexico", ", Permanent Representative of Mexico to
..."), or the post held (", Chief of ..."), then "as (the)".
"""

from __future__ import annotations

import re
from typing import Sequence

from ccmlint import regexes
from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.lists import state_at, state_ref, state_refs
from ccmlint.facts.meeting import ThisMeeting, refers_to_this_meeting
from ccmlint.facts.model import Officers, Person, StateRef
from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import ListPhrasings, MeetingPhrasings, OfficerPhrasings, any_of, regex
from ccmlint.facts.sentences import sentences
from ccmlint.nodes import Prose
from ccmlint.prefilter import finditer, may_occur

_NAME_WORD = r"(?:[A-Z]\.|[A-ZÀ-ÖØ-Þ][\w’'\-]*[\w])"
_PARTICLE = r"(?:de|del|della|di|da|das|do|dos|du|la|le|van|von|der|den|ten|bin|ibn|al|el|y|e)"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD})+)"
_CONNECTOR = r"(?:,\s*|\s+)"
_ROLE = r"(?:,\s+[^,;:]{1,200}?)"


def extract_officers(
    blocks: Sequence[TextBlock],
    phrasings: OfficerPhrasings,
    meeting: MeetingPhrasings,
    lists: ListPhrasings,
    this: ThisMeeting | None,
    names: StateNames,
) -> Officers:
    """The report's own meeting's officers; an office not found stays empty."""
    presidents: list[Person] = []
    secretaries: list[Person] = []
    vice_presidents: list[StateRef] = []
    president = any_of(phrasings.president)
    named_after = any_of(phrasings.president_named_after)
    secretary = any_of(phrasings.secretary_general)
    vice = regex(rf"\b(?:{phrasings.vice_presidents})\b")
    # NOTE: the cues start with optional words, so the engine tries them at every
    # position; a sentence without any word a cue needs is skipped unsearched.
    for block in blocks:
        if block.kind not in ("paragraph", "list_item"):
            continue
        prose, text = block.prose, block.prose.text
        if not any(may_occur(cue, text) for cue in (president, named_after, secretary, vice)):
            continue  # NOTE: most blocks name no office; they are not read sentence by sentence
        for start, end in sentences(text):
            for cue in finditer(president, text, start, end):
                if refers_to_this_meeting(text, cue.end(), this, meeting):
                    person = _person_before(prose, start, cue.start(), phrasings, names, with_state=True)
                    if person is not None:
                        presidents.append(person)
            for cue in finditer(named_after, text, start, end):
                person = _person_after(prose, cue.end(), end, phrasings, names)
                if person is not None:
                    presidents.append(person)
            for cue in finditer(secretary, text, start, end):
                if refers_to_this_meeting(text, cue.end(), this, meeting):
                    person = _person_before(prose, start, cue.start(), phrasings, names, with_state=False)
                    if person is not None:
                        secretaries.append(person)
            if not vice_presidents:
                vice_presidents = _vice_presidents(prose, start, end, vice, phrasings, meeting, lists, this, names)
    return Officers(
        president=_best(presidents),
        vice_presidents=vice_presidents,
        secretary_general=_best(secretaries),
    )


def _best(people: list[Person]) -> Person | None:
    """The first mention that says whom the person represents, else the first mention."""
    return next((person for person in people if person.state is not None), people[0] if people else None)


def _person_before(
    prose: Prose, start: int, cue: int, phrasings: OfficerPhrasings, names: StateNames, with_state: bool
) -> Person | None:
    """The leftmost name in the sentence that the words up to the office connect to it."""
    text = prose.text
    honorific = any_of(phrasings.honorifics).pattern
    candidate = regex(rf"(?:(?:{honorific})\s+)*{_NAME}")
    represents = [regex(pattern) for pattern in phrasings.represents]
    for match in candidate.finditer(text, start, cue):
        name_start, name_end = match.span("name")
        person_text, person_span = text[name_start:name_end], prose.span(name_start, name_end)
        for pattern in represents if with_state else []:
            clause = pattern.match(text, name_end, cue)
            item = state_at(text, clause.end(), cue, names) if clause else None
            if item is not None and _AFTER_STATE.fullmatch(text, item.end, cue):
                return Person(text=person_text, state=state_ref(prose, item), span=person_span)
        if _AFTER_NAME.fullmatch(text, name_end, cue):
            return Person(text=person_text, state=None, span=person_span)
    return None


_AFTER_STATE = regexes.compile(rf"(?:\s+to\s+[^,;:]*)?{_ROLE}?{_CONNECTOR}")
_AFTER_NAME = regexes.compile(rf"{_ROLE}?{_CONNECTOR}")
_OF = regexes.compile(r"\s+of\s+")


def _person_after(prose: Prose, start: int, end: int, phrasings: OfficerPhrasings, names: StateNames) -> Person | None:
    """A person named right after an office ("The President, Ambassador X of Chile, ...")."""
    text = prose.text
    honorific = any_of(phrasings.honorifics).pattern
    match = regex(rf"(?:(?:{honorific})\s+)*{_NAME}").match(text, start, end)
    if match is None:
        return None
    name_start, name_end = match.span("name")
    state = None
    for pattern in phrasings.represents:
        clause = regex(pattern).match(text, name_end, end)
        item = state_at(text, clause.end(), end, names) if clause else None
        if item is not None:
            state = state_ref(prose, item)
            break
    return Person(text=text[name_start:name_end], state=state, span=prose.span(name_start, name_end))


def _vice_presidents(
    prose: Prose,
    start: int,
    end: int,
    office: re.Pattern[str],
    phrasings: OfficerPhrasings,
    meeting: MeetingPhrasings,
    lists: ListPhrasings,
    this: ThisMeeting | None,
    names: StateNames,
) -> list[StateRef]:
    """States elected Vice-Presidents of the report's own meeting in one sentence."""
    text = prose.text
    elected = regex(phrasings.elected).search(text, start, end)
    cue = office.search(text, start, end)
    if elected is None or cue is None:
        return []
    of_meeting = _OF.match(text, cue.end(), end)
    if of_meeting is not None and not refers_to_this_meeting(text, of_meeting.end(), this, meeting):
        return []
    colon = text.find(":", cue.end(), end)
    if colon != -1:
        return state_refs(prose, colon + 1, end, names)
    if elected.end() < cue.start():
        between = regex(
            rf"(?:\s+{phrasings.manner})?(?:\s+(?P<list>.*?))?(?:\s+{phrasings.manner})?\s+(?:{phrasings.office_as})\Z"
        )
        match = between.match(text, elected.end(), cue.start())
        if match is not None and match["list"] and match["list"].strip():
            return state_refs(prose, match.start("list"), match.end("list"), names)
    verb = regex(r"\s+(?:were|was|have been|had been|are|is)\s+(?:also\s+)?\Z").search(text, start, elected.start())
    if verb is None:
        return []
    lead = regex(lists.introduction).match(text, start, verb.start())
    return state_refs(prose, lead.end() if lead else start, verb.start(), names)
