"""When meetings met or will meet, as a report states it.

A report of the Twelfth Meeting names the Eleventh "(Geneva, 11-14 September 2023)",
says the Thirteenth "will take place during the week of 15 September 2025" and
thanks the President of the meeting "since the Eleventh". This module reads:

- meetings named with the date or year they met or will meet, and the years the
  pack's meeting cycle gives them (``dated``);
- meetings spoken of as still to come (``upcoming``) or as already held
  (``earlier``), by the words right before or after their names; the report's own
  meeting is neither, and a plan reported from another meeting's decision ("the
  Eleventh Meeting decided that the Twelfth would take place") is not read as one;
- the dates a "week of" names (``weeks``);
- the days the report's own meeting met, a written range expanded day by day
  (``days``), since "10–13 September" includes the 11th and 12th.

Which words mean what are the pack's phrasings (``schedule`` in ``facts.yaml``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, Sequence

from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.dates import DateExpression, date_fact, find_dates
from ccmlint.facts.meeting import ThisMeeting
from ccmlint.facts.meeting_refs import MeetingCycle, MeetingMention, find_meetings, meeting_ref
from ccmlint.facts.model import DateFact, DatedMeeting, Meeting, MeetingRef, Schedule
from ccmlint.facts.packdata import PackData
from ccmlint.facts.phrasings import MeetingPhrasings, SchedulePhrasings, any_of, regex
from ccmlint.facts.sentences import sentences
from ccmlint.nodes import Prose

_RUNNING_TEXT = ("paragraph", "list_item")
_LOOKAHEAD = 120


def extract_schedule(
    header: Sequence[TextBlock],
    blocks: Sequence[TextBlock],
    meeting: Meeting | None,
    phrasings: SchedulePhrasings,
    meeting_phrasings: MeetingPhrasings,
    cycle: MeetingCycle,
    data: PackData,
    own_instrument: Sequence[str] = (),
) -> Schedule:
    """The schedule facts of a report (see the module's docstring). ``own_instrument``
    are the pack's names of its convention: a meeting named "to" another instrument
    ("the Twentieth Meeting of the States Parties to the Anti-Personnel Mine Ban
    Convention") belongs to another calendar and is skipped."""
    this = ThisMeeting(meeting.kind, meeting.ordinal) if meeting is not None else None
    dated: list[DatedMeeting] = _own_dated(meeting, cycle, data)
    upcoming: list[MeetingRef] = []
    earlier: list[MeetingRef] = []
    for block in blocks:
        if block.kind not in _RUNNING_TEXT:
            continue
        text = block.prose.text
        if not _may_name_a_meeting(text, meeting_phrasings):
            continue
        named = list(find_meetings(text, meeting_phrasings))
        if not named:
            continue
        for start, end in sentences(text):
            mentions = [mention for mention in named if start <= mention.start and mention.end <= end]
            for index, mention in enumerate(mentions):
                own = this is not None and this.named_by(mention)
                after, foreign = _after_name(text, mention.end, end, phrasings, own_instrument)
                if foreign:
                    continue
                found = _dated(block.prose, mention, after, end, mentions, phrasings, cycle, data)
                if found is not None:
                    dated.append(found)
                if own:
                    continue
                others_before = any(not (this is not None and this.named_by(other)) for other in mentions[:index])
                tense = _tense(text, start, mention, after, end, phrasings, others_before)
                if tense == "upcoming":
                    upcoming.append(meeting_ref(block.prose, mention, cycle))
                elif tense == "earlier":
                    earlier.append(meeting_ref(block.prose, mention, cycle))
    return Schedule(
        dated=_unique(dated),
        upcoming=upcoming,
        earlier=earlier,
        weeks=list(_weeks(blocks, phrasings)),
        days=_meeting_days(meeting, [*header, *blocks]),
    )


def _may_name_a_meeting(text: str, phrasings: MeetingPhrasings) -> bool:
    """A cheap test before the full search: the words for a kind of meeting, or an
    abbreviation such as "12MSP", occur in the text."""
    kinds = [phrase for phrases in phrasings.kinds.values() for phrase in phrases]
    if kinds and any_of(kinds).search(text):
        return True
    return any(abbreviation in text for abbreviation in phrasings.abbreviations)


def _after_name(
    text: str, position: int, end: int, phrasings: SchedulePhrasings, own_instrument: Sequence[str]
) -> tuple[int, bool]:
    """Where the words about a meeting begin (after any tail of its name, "to the
    Convention"), and whether that tail names another instrument than the pack's."""
    tail = regex(phrasings.name_tail).match(text, position, end)
    if tail is None:
        return position, False
    instrument = tail.groupdict().get("instrument")
    foreign = instrument is not None and not (own_instrument and any_of(list(own_instrument)).match(instrument))
    return tail.end(), foreign


def _own_dated(meeting: Meeting | None, cycle: MeetingCycle, data: PackData) -> list[DatedMeeting]:
    """The report's own meeting with the year its days give it."""
    if meeting is None or meeting.ordinal is None or meeting.year is None:
        return []
    ref = MeetingRef(
        text=meeting.text, kind=meeting.kind, ordinal=meeting.ordinal,
        year=cycle.year(meeting.kind, meeting.ordinal), span=meeting.span,
    )
    return [
        DatedMeeting(
            text=meeting.text, meeting=ref, year=meeting.year,
            cycle_years=list(data.years_of(meeting.kind, meeting.ordinal)), span=meeting.span,
        )
    ]


def _dated(
    prose: Prose,
    mention: MeetingMention,
    after: int,
    end: int,
    mentions: Sequence[MeetingMention],
    phrasings: SchedulePhrasings,
    cycle: MeetingCycle,
    data: PackData,
) -> DatedMeeting | None:
    """The meeting with the first date or year written after its name, when only
    words that tie the two stand between them ("(Geneva, ", " will take place in ")."""
    text = prose.text
    limit = min(end, after + _LOOKAHEAD)
    token = _first_date(text, after, limit, phrasings)
    if token is None:
        return None
    token_start, token_end, year = token
    if any(after <= other.start < token_start for other in mentions):
        return None
    if any_of(phrasings.dated_by).fullmatch(text, after, token_start) is None:
        return None
    return DatedMeeting(
        text=text[mention.start : token_end],
        meeting=meeting_ref(prose, mention, cycle),
        year=year,
        cycle_years=list(data.years_of(mention.kind, mention.ordinal)),
        span=prose.span(mention.start, token_end),
    )


def _first_date(text: str, start: int, end: int, phrasings: SchedulePhrasings) -> tuple[int, int, int] | None:
    """The first date expression or year ("in 2025") in ``text[start:end]``: start, end, year."""
    candidates: list[tuple[int, int, int]] = []
    expressions = find_dates(text[start:end])
    if expressions:
        first = expressions[0]
        candidates.append((start + first.start, start + first.end, first.first.value.year))
    year = regex(phrasings.year).search(text, start, end)
    if year is not None:
        candidates.append((year.start(), year.end(), int(year["year"])))
    return min(candidates) if candidates else None


def _tense(
    text: str,
    start: int,
    mention: MeetingMention,
    after: int,
    end: int,
    phrasings: SchedulePhrasings,
    others_before: bool,
) -> str | None:
    """Whether the words around a meeting's name say it is still to come or already held."""
    before = text[start : mention.start]
    upcoming = bool(any_of(phrasings.upcoming_after).match(text, after, end)) or bool(
        any_of(phrasings.upcoming_before).search(before)
    )
    earlier = bool(any_of(phrasings.earlier_after).match(text, after, end)) or bool(
        any_of(phrasings.earlier_before).search(before)
    )
    if upcoming and earlier:
        return None
    # NOTE: "the Eleventh Meeting decided that the Twelfth would take place": a plan
    # made by another meeting is future to that meeting, not to this report.
    if upcoming and not others_before:
        return "upcoming"
    if earlier:
        return "earlier"
    return None


def _unique(dated: Iterable[DatedMeeting]) -> list[DatedMeeting]:
    """One fact per meeting and year (the report's own meeting often comes twice)."""
    seen: set[tuple[str, int | None, int]] = set()
    kept: list[DatedMeeting] = []
    for item in dated:
        key = (item.meeting.kind, item.meeting.ordinal, item.year)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _weeks(blocks: Iterable[TextBlock], phrasings: SchedulePhrasings) -> Iterable[DateFact]:
    """The first day of every "week of" date."""
    week_of = any_of(phrasings.week_of)
    if not phrasings.week_of:
        return
    for block in blocks:
        text = block.prose.text
        if "eek" not in text:
            continue  # NOTE: a cheap test first; every phrasing of a week names one
        for expression in find_dates(text):
            if expression.kind == "single" and week_of.search(text[max(0, expression.start - 40) : expression.start]):
                yield date_fact(block.prose, expression.first)


def _meeting_days(meeting: Meeting | None, blocks: Sequence[TextBlock]) -> list[DateFact]:
    """The days the meeting met: its written days, a written range expanded."""
    if meeting is None or not meeting.dates:
        return []
    written = {fact.span for fact in meeting.dates}
    days: list[DateFact] = []
    for block in blocks:
        whole = block.prose.span()
        if not any(whole.start <= span.start < whole.end for span in written):
            continue
        for expression in find_dates(block.prose.text):
            if any(block.prose.span(day.start, day.end) in written for day in expression.days):
                days.extend(_expanded(block.prose, expression))
    if not days:
        return list(meeting.dates)
    unique: dict[date, DateFact] = {}
    for day in days:
        unique.setdefault(day.value, day)
    return [unique[value] for value in sorted(unique)]


def _expanded(prose: Prose, expression: DateExpression) -> list[DateFact]:
    written = [date_fact(prose, day) for day in expression.days]
    if expression.kind != "range":
        return written
    first, last = expression.first.value, expression.last.value
    span = prose.span(expression.start, expression.end)
    text = prose.text[expression.start : expression.end]
    inside = [
        DateFact(text=text, value=first + timedelta(days=offset), span=span)
        for offset in range(1, (last - first).days)
    ]
    return [written[0], *inside, written[-1]]


__all__ = ["extract_schedule"]
