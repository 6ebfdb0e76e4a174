"""The plenary sessions of the report's meeting: how many it held and which it cites.

"The Twelfth Meeting of States Parties held six plenary sessions"; "At the first and
the fifth plenary sessions, the Meeting considered ..."; "At its sixth plenary
meeting, on 13 September 2024, ...". Each ordinal before the session words is one
fact pointing at its word, with the date written after them when the sentence gives
one date per session.

A sentence that names another meeting ("At its closing plenary session, the
Thirteenth Meeting decided ...") or another body (the General Assembly's plenary
meetings) is about someone else's sessions and is skipped.
"""

from __future__ import annotations

import re
from typing import Sequence

from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.dates import date_fact, find_dates
from ccmlint.facts.meeting import ThisMeeting
from ccmlint.facts.meeting_refs import find_meetings
from ccmlint.facts.model import DateFact, PlenaryCount, PlenaryRef, Plenaries
from ccmlint.facts.ordinals import ORDINAL_PATTERN, cardinal_value, ordinal_value
from ccmlint.facts.phrasings import MeetingPhrasings, PlenaryPhrasings, any_of, regex
from ccmlint.prefilter import may_occur
from ccmlint.facts.sentences import sentences
from ccmlint.nodes import Prose

_RUNNING_TEXT = ("paragraph", "list_item")


def extract_plenaries(
    blocks: Sequence[TextBlock], this: ThisMeeting | None, phrasings: PlenaryPhrasings, meeting_phrasings: MeetingPhrasings
) -> Plenaries:
    """The count of sessions held (the first the report states) and every session cited."""
    held: PlenaryCount | None = None
    sessions: list[PlenaryRef] = []
    for block in blocks:
        if block.kind not in _RUNNING_TEXT:
            continue
        text = block.prose.text
        session = regex(phrasings.session)
        if not may_occur(session, text) or not session.search(text):
            continue  # NOTE: a count is said with the session words too
        for start, end in sentences(text):
            if not regex(phrasings.session).search(text, start, end):
                continue
            if _about_someone_else(text[start:end], this, phrasings, meeting_phrasings):
                continue
            if held is None:
                held = _count(block.prose, start, end, phrasings)
            for session in regex(phrasings.session).finditer(text, start, end):
                sessions.extend(_cited(block.prose, start, session, end, phrasings))
    return Plenaries(held=held, sessions=sessions)


def _about_someone_else(
    sentence: str, this: ThisMeeting | None, phrasings: PlenaryPhrasings, meeting_phrasings: MeetingPhrasings
) -> bool:
    if phrasings.other_bodies and any_of(phrasings.other_bodies).search(sentence):
        return True
    return any(this is None or not this.named_by(mention) for mention in find_meetings(sentence, meeting_phrasings))


def _count(prose: Prose, start: int, end: int, phrasings: PlenaryPhrasings) -> PlenaryCount | None:
    for pattern in phrasings.count:
        match = regex(pattern).search(prose.text, start, end)
        count = cardinal_value(match["count"]) if match is not None else None
        if match is not None and count is not None:
            return PlenaryCount(text=match.group(), count=count, span=prose.span(match.start(), match.end()))
    return None


def _cited(prose: Prose, start: int, session: re.Match[str], end: int, phrasings: PlenaryPhrasings) -> list[PlenaryRef]:
    """The sessions named by the ordinals right before the session words."""
    text = prose.text
    joiners = regex(phrasings.ordinal_joiners)
    ordinals: list[re.Match[str]] = []
    boundary = session.start()
    for match in reversed(list(regex(ORDINAL_PATTERN).finditer(text, start, session.start()))):
        if joiners.fullmatch(text, match.end(), boundary) is None:
            break
        ordinals.insert(0, match)
        boundary = match.start()
    numbers = [ordinal_value(match.group()) for match in ordinals]
    dates = _dates(prose, session.end(), end, phrasings, len(ordinals))
    return [
        PlenaryRef(text=match.group(), ordinal=number, date=dates[index] if dates else None, span=prose.span(match.start(), match.end()))
        for index, (match, number) in enumerate(zip(ordinals, numbers))
        if number is not None
    ]


def _dates(prose: Prose, position: int, end: int, phrasings: PlenaryPhrasings, sessions: int) -> list[DateFact]:
    """The dates written right after the session words, one per session or none."""
    expressions = find_dates(prose.text[position:end])
    if not expressions or sessions == 0:
        return []
    first = expressions[0]
    if regex(phrasings.date).fullmatch(prose.text, position, position + first.start) is None:
        return []
    if first.kind == "range" or len(first.days) != sessions:
        return []
    return [date_fact(prose, type(day)(day.start + position, day.end + position, day.value)) for day in first.days]
