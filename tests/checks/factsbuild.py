"""Hand-built facts for check-kind tests: every fact on its own line, so a finding's
line says which fact it is about."""

from __future__ import annotations

from datetime import date

from ccmlint.facts.model import (
    Coordinator,
    DateFact,
    Extension,
    FootnoteRefFact,
    FootnoteTextFact,
    Meeting,
    MeetingKind,
    MeetingRef,
    Person,
    StateRef,
)
from ccmlint.span import Span

MSP: MeetingKind = "meeting_of_states_parties"
REVCON: MeetingKind = "review_conference"


def span(line: int, column: int = 1, length: int = 5) -> Span:
    start = line * 100 + column
    return Span(start, start + length, line, column, line, column + length)


def state(text: str, line: int, official: str | None = None) -> StateRef:
    return StateRef(span=span(line), text=text, state=official)


def day(text: str, value: date, line: int) -> DateFact:
    return DateFact(span=span(line), text=text, value=value)


def meeting_ref(text: str, line: int, kind: MeetingKind = MSP, ordinal: int | None = None, year: int | None = None) -> MeetingRef:
    return MeetingRef(span=span(line), text=text, kind=kind, ordinal=ordinal, year=year)


def meeting(ordinal: int | None = 12, year: int | None = 2024, end: DateFact | None = None, kind: MeetingKind = MSP) -> Meeting:
    return Meeting(span=span(1), text="Twelfth Meeting of States Parties", kind=kind, ordinal=ordinal, year=year, end=end)


def coordinator(area: str, line: int, who: StateRef | None = None, term_end: MeetingRef | None = None) -> Coordinator:
    return Coordinator(span=span(line, length=40), text=f"{area}: ...", area=area, group="working_group", state=who, term_end=term_end)


def extension(who: str, line: int, until: DateFact | None, years: int | None = 5) -> Extension:
    return Extension(span=span(line, length=60), text=f"extension for {who}", state=state(who, line), years=years, until=until)


def president(name: str, line: int, of: StateRef | None) -> Person:
    return Person(span=span(line, length=20), text=name, state=of)


def fref(number: int, line: int, kind: str = "footnote") -> FootnoteRefFact:
    return FootnoteRefFact(span=span(line), number=number, kind=kind)  # type: ignore[arg-type]


def ftext(number: int, line: int, kind: str = "footnote") -> FootnoteTextFact:
    return FootnoteTextFact(span=span(line), number=number, kind=kind, text=f"note {number}")  # type: ignore[arg-type]
