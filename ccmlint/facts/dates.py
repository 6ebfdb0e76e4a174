"""English date expressions as reports write them, each day with the span of its words.

A report writes one day ("10 September 2024"), several ("10, 11, and 13 September
2024"), or a range ("10–13 September 2024", "from 10 to 13 September 2024",
"between 10 and 13 September 2024", "30 August–2 September 2022"). Only the last
day carries the month and year, so an expression is read from its complete last
date backwards. Each day keeps the span of the words that name it: "10" for the
first day of "10–13 September 2024", "13 September 2024" for the last. Days inside
a range that are not written are not invented.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from ccmlint import regexes
from ccmlint.facts.model import DateFact
from ccmlint.nodes import Prose
from ccmlint.prefilter import may_occur
from ccmlint.record import Record

MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?<![\w/.])(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\w])"
_YEAR = r"(?:1[89]|2\d)\d\d(?!\d)"

# A complete date: "13 September 2024" (the anchor an expression is read back from).
_COMPLETE = regexes.compile(rf"(?P<day>{_DAY})\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})")
# The American order, written once in a while: "September 13, 2024".
_MONTH_FIRST = regexes.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,\s+(?P<year>{_YEAR})")
# One more day before what has been read: "10, ", "11, and ", "30 August–", "10 to ".
_EARLIER = regexes.compile(
    rf"(?P<day>{_DAY})(?:\s+(?P<month>{_MONTH}))?"
    r"(?P<separator>\s*(?:,\s*and|,|and|&|to|till|until|through|–|—|-|‒)\s*)\Z"
)
_RANGE_SEPARATORS = {"to", "till", "until", "through", "–", "—", "-", "‒"}
_BETWEEN = regexes.compile(r"\bbetween\s*\Z", re.IGNORECASE)
_LOOKBACK = 80

ExpressionKind = Literal["single", "list", "range"]


class Day(Record):
    """One written day: where its words are (offsets of the text read) and its date."""

    start: int
    end: int
    value: date


class DateExpression(Record):
    """A date, a list of days or a range, as written; ``days`` in the order written."""

    start: int
    end: int
    kind: ExpressionKind
    days: tuple[Day, ...]

    @property
    def first(self) -> Day:
        return self.days[0]

    @property
    def last(self) -> Day:
        return self.days[-1]


def find_dates(text: str) -> list[DateExpression]:
    """Every date expression of a text, in order; impossible dates (31 June) are skipped."""
    expressions: list[DateExpression] = []
    if not may_occur(_COMPLETE, text):
        return expressions  # NOTE: no month and year, no date (_MONTH_FIRST needs them too)
    for match in _COMPLETE.finditer(text):
        expression = _read_back(text, match)
        if expression is not None:
            expressions.append(expression)
    for match in _MONTH_FIRST.finditer(text):
        value = _date(int(match["year"]), match["month"], _day_number(match["day"]))
        if value is not None:
            day = Day(match.start(), match.end(), value)
            expressions.append(DateExpression(match.start(), match.end(), "single", (day,)))
    expressions.sort(key=lambda expression: expression.start)
    return expressions


def _read_back(text: str, anchor: re.Match[str]) -> DateExpression | None:
    year = int(anchor["year"])
    last = _date(year, anchor["month"], _day_number(anchor["day"]))
    if last is None:
        return None
    days = [Day(anchor.start(), anchor.end(), last)]
    separators: list[str] = []
    position = anchor.start()
    month = anchor["month"]
    while True:
        window_start = max(0, position - _LOOKBACK)
        earlier = _EARLIER.search(text, window_start, position)
        if earlier is None:
            break
        month = earlier["month"] or month
        later = days[0].value
        value = _date(year, month, _day_number(earlier["day"]))
        if value is not None and value > later:  # "30 December–2 January 2025"
            value = _date(year - 1, month, _day_number(earlier["day"]))
        if value is None or value >= later:
            break
        end = earlier.end("month") if earlier["month"] else earlier.end("day")
        days.insert(0, Day(earlier.start(), end, value))
        separators.insert(0, earlier["separator"].strip().replace(" ", ""))
        position = earlier.start()
    start = days[0].start
    kind = _kind(separators, bool(_BETWEEN.search(text, max(0, start - 20), start)))
    return DateExpression(start, anchor.end(), kind, tuple(days))


def _kind(separators: list[str], after_between: bool) -> ExpressionKind:
    if not separators:
        return "single"
    if len(separators) == 1 and (separators[0] in _RANGE_SEPARATORS or (after_between and separators[0] == "and")):
        return "range"
    return "list"


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _date(year: int, month: str, day: int) -> date | None:
    try:
        return date(year, MONTHS[month.casefold()], day)
    except ValueError:
        return None


def date_fact(prose: Prose, day: Day) -> DateFact:
    """The fact for one written day of a prose text, pointing at its words in the source."""
    return DateFact(text=prose.text[day.start : day.end], value=day.value, span=prose.span(day.start, day.end))
