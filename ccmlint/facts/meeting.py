"""The meeting a report records: which one, where, on which days, under which symbol.

A report names several meetings with dates: the previous one "(Geneva, 11-14
September 2023)", the next one "during the week of 15 September 2025". Only the
report's own meeting counts, found in this order:

1. the masthead, when the document has one (title line, "Geneva, 10–13 September 2024");
2. otherwise the meeting the chapter headings name ("Work of the Twelfth Meeting ...");
3. otherwise the meeting a sentence says was held ("The Twelfth Meeting ... was held
   in Geneva on 10, 11, and 13 September 2024").

Its days are read from a sentence saying it was held (a plan such as "would take
place" is not a record), else from a parenthesis after its name. Its year comes from
those days only, never from a document symbol, which may be another year's.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Sequence

from ccmlint import regexes
from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.dates import DateExpression, Day, date_fact, find_dates
from ccmlint.facts.meeting_refs import MeetingMention, find_meetings
from ccmlint.facts.model import DateFact, Meeting, MeetingKind
from ccmlint.facts.phrasings import MeetingPhrasings, any_of, regex
from ccmlint.facts.sentences import sentences
from ccmlint.prefilter import finditer, may_occur
from ccmlint.nodes import Prose
from ccmlint.record import Record

_ARTICLE = regexes.compile(r"(?:the|its|this)\s+", re.IGNORECASE)
_PARENTHESIS = regexes.compile(r"\s*\((?P<venue>[^,()\d]+),\s*(?P<dates>[^()]*)\)")


class ThisMeeting(Record):
    """How the report's own meeting is recognised in its text."""

    kind: MeetingKind | None
    ordinal: int | None

    def named_by(self, mention: MeetingMention) -> bool:
        return self.ordinal is not None and mention.kind == self.kind and mention.ordinal == self.ordinal


def refers_to_this_meeting(text: str, position: int, this: ThisMeeting | None, phrasings: MeetingPhrasings) -> bool:
    """Whether the words at ``position`` name the report's own meeting ("the Meeting", or its ordinal name)."""
    if any_of(phrasings.this_meeting).match(text, position):
        return True
    article = _ARTICLE.match(text, position)
    position = article.end() if article else position
    for mention in find_meetings(text[position : position + 120], phrasings):
        return mention.start == 0 and this is not None and this.named_by(mention)
    return False


class _Located(Record):
    prose: Prose
    mention: MeetingMention


class _Held(Record):
    """A sentence saying a meeting met: who (a name, or None for "the Meeting"), where, when."""

    prose: Prose
    mention: MeetingMention | None
    venue: str | None
    dates: tuple[DateExpression, ...]


def extract_meeting(
    header: Sequence[TextBlock],
    blocks: Sequence[TextBlock],
    phrasings: MeetingPhrasings,
    header_symbol: str | None = None,
) -> Meeting | None:
    """The report's own meeting, or None when the text does not say which it is."""
    held = list(_held_sentences(blocks, phrasings))
    named = _from_header(header, phrasings) or _from_headings(blocks, phrasings) or _first_named(held)
    if named is None:
        return None
    this = ThisMeeting(named.mention.kind, named.mention.ordinal)
    days, venue = _header_days(header, phrasings)
    if not days:
        days, venue = _held_days(held, this) or _parenthesis_days(blocks, this, phrasings) or ([], None)
    symbol = header_symbol or _report_symbol(blocks, phrasings)
    ordered = sorted(days, key=lambda day: day.value)
    return Meeting(
        text=named.prose.text[named.mention.start : named.mention.end],
        kind=named.mention.kind,
        ordinal=named.mention.ordinal,
        year=ordered[-1].value.year if ordered else None,
        venue=venue,
        dates=days,
        start=ordered[0] if ordered else None,
        end=ordered[-1] if ordered else None,
        symbol=symbol,
        span=named.prose.span(named.mention.start, named.mention.end),
    )


def _from_header(header: Sequence[TextBlock], phrasings: MeetingPhrasings) -> _Located | None:
    for block in header:
        for mention in find_meetings(block.prose.text, phrasings):
            return _Located(block.prose, mention)
    return None


def _from_headings(blocks: Sequence[TextBlock], phrasings: MeetingPhrasings) -> _Located | None:
    """The meeting most chapter headings name (a heading names the report's own meeting)."""
    located = [
        _Located(block.prose, mention)
        for block in blocks
        if block.kind == "heading"
        for mention in find_meetings(block.prose.text, phrasings)
    ]
    if not located:
        return None
    counts = Counter((item.mention.kind, item.mention.ordinal) for item in located)
    best, _ = counts.most_common(1)[0]
    return next(item for item in located if (item.mention.kind, item.mention.ordinal) == best)


def _first_named(held: Iterable[_Held]) -> _Located | None:
    for sentence in held:
        if sentence.mention is not None and sentence.dates:
            return _Located(sentence.prose, sentence.mention)
    return None


def _held_sentences(blocks: Sequence[TextBlock], phrasings: MeetingPhrasings) -> Iterable[_Held]:
    """Sentences saying a meeting met, with the dates after the saying."""
    held = any_of(phrasings.held)
    not_held = any_of(phrasings.not_held)
    this_meeting = any_of(phrasings.this_meeting)
    for block in blocks:
        if block.kind not in ("paragraph", "list_item"):
            continue
        text = block.prose.text
        if not may_occur(held, text):
            continue  # NOTE: most blocks say of no meeting that it met
        for start, end in sentences(text):
            for cue in held.finditer(text, start, end):
                if not_held.search(text[max(start, cue.start() - 20) : cue.start()]):
                    continue
                # NOTE: the dates usually follow the cue ("was held ... on 10 September");
                # an opening phrase may carry them instead ("Over four days, from ... the Meeting met").
                dates = tuple(_shift(expression, cue.end()) for expression in find_dates(text[cue.end() : end]))
                dates = dates or tuple(_shift(expression, start) for expression in find_dates(text[start : cue.start()]))
                if not dates:
                    continue
                subject = _subject(text, start, cue.start(), phrasings, this_meeting)
                if subject is False:
                    continue
                venue_end = dates[0].start if dates[0].start > cue.end() else end
                venue_match = regex(phrasings.venue).search(text, cue.end(), venue_end)
                venue = venue_match["venue"] if venue_match else None
                yield _Held(block.prose, subject or None, venue, dates)
                break


def _subject(
    text: str, start: int, cue: int, phrasings: MeetingPhrasings, this_meeting: re.Pattern[str]
) -> MeetingMention | None | bool:
    """The meeting a held cue is said of: the nearest name before it, None for "the Meeting",
    False when the sentence names no meeting before the cue."""
    mentions = list(find_meetings(text[start:cue], phrasings))
    plain = list(this_meeting.finditer(text, start, cue))
    if mentions and (not plain or start + mentions[-1].start > plain[-1].start()):
        last = mentions[-1]
        return MeetingMention(start + last.start, start + last.end, last.kind, last.ordinal)
    return None if plain else False


def _shift(expression: DateExpression, offset: int) -> DateExpression:
    days = tuple(Day(day.start + offset, day.end + offset, day.value) for day in expression.days)
    return DateExpression(expression.start + offset, expression.end + offset, expression.kind, days)


def _held_days(held: Iterable[_Held], this: ThisMeeting) -> tuple[list[DateFact], str | None] | None:
    for sentence in held:
        if sentence.mention is None or this.named_by(sentence.mention):
            return _facts(sentence.prose, sentence.dates), sentence.venue
    return None


def _parenthesis_days(
    blocks: Sequence[TextBlock], this: ThisMeeting, phrasings: MeetingPhrasings
) -> tuple[list[DateFact], str | None] | None:
    """Days from "the Twelfth Meeting (Geneva, 10–13 September 2024)"."""
    for block in blocks:
        text = block.prose.text
        for mention in find_meetings(text, phrasings):
            if not this.named_by(mention):
                continue
            match = _PARENTHESIS.match(text, mention.end)
            if match is None:
                continue
            offset = match.start("dates")
            expressions = [_shift(expression, offset) for expression in find_dates(match["dates"])]
            if expressions:
                return _facts(block.prose, expressions), match["venue"].strip()
    return None


def _header_days(header: Sequence[TextBlock], phrasings: MeetingPhrasings) -> tuple[list[DateFact], str | None]:
    """Days and place from a masthead line such as "Geneva, 10–13 September 2024"."""
    for block in header:
        expressions = find_dates(block.prose.text)
        if expressions:
            before = block.prose.text[: expressions[0].start].strip(" ,\t")
            venue = before.split(",")[0].strip() if before and before[0].isupper() and not any(
                char.isdigit() for char in before
            ) else None
            if venue and list(find_meetings(venue, phrasings)):
                venue = None
            return _facts(block.prose, expressions), venue
    return [], None


def _facts(prose: Prose, expressions: Iterable[DateExpression]) -> list[DateFact]:
    return [date_fact(prose, day) for expression in expressions for day in expression.days]


def _report_symbol(blocks: Sequence[TextBlock], phrasings: MeetingPhrasings) -> str | None:
    """The report's own symbol as the body names it ("to be issued as document ...")."""
    pattern = any_of(phrasings.report_symbol)
    found: str | None = None
    for block in blocks:
        for match in finditer(pattern, block.prose.text):
            found = next((group for group in match.groups() if group), None) or found
    return found.rstrip(".") if found else None
