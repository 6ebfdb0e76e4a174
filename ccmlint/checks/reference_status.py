"""``reference_status``: what the report says a State was agrees with the pack's status
data on the day of the meeting.

The report lists States as States Parties, signatories or other observer States, and
its office holders are States Parties; the pack's ``status.yaml`` says when each
State signed, joined and (for one) left. Each State at the ``items`` paths is checked
against its ``claim``:

- ``party``: the Convention was in force for it on the day (a State Party from entry
  into force, not from ratification) and no withdrawal had taken effect;
- ``signatory``: it had signed and was not yet a party;
- ``non_party``: it was not a party.

A finding needs the data to settle the question: a State the data does not list, or
whose standing on the day it cannot tell, is passed over in silence.

The day is the meeting's first day (entry into force on or before it makes a State
Party of the meeting); with only the year known, the claim must fail on its first
and its last day alike. An explicit ``--as-of`` replaces the meeting's day. The wall
clock is never read (DESIGN.md section 2).

Placeholders: ``{value}``, ``{reason}`` (the sourced fact: "its withdrawal from the
Convention took effect on 6 March 2025") and the fields of the value's owner.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cached_property
from typing import Iterator, Literal, Mapping

from ccmlint.schema import field_validator
from ccmlint.checks.params import CheckParams, FactPaths, PathRoles, common_owner_fields, require_located
from ccmlint.checks.standing import Standing, StandingKind, StatusData, StatusDataError, load_status
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import resolve
from ccmlint.facts.model import Facts, StateRef

KIND = "reference_status"

Claim = Literal["party", "signatory", "non_party"]

REFUTES: dict[Claim, frozenset[StandingKind]] = {
    "party": frozenset({"not_in_force", "signatory", "non_signatory", "not_party", "withdrawn"}),
    "signatory": frozenset({"party", "non_signatory"}),
    "non_party": frozenset({"party"}),
}
"""Which standings prove a claim wrong; any other standing leaves it open."""

MEETING_LENGTH = timedelta(days=7)
"""With only its last day known, a meeting began at most this long before."""


class Params(CheckParams):
    kind: Literal["reference_status"]
    items: FactPaths
    claim: Claim
    data: str

    @field_validator("items")
    @classmethod
    def _items_located(cls, items: list[str]) -> list[str]:
        return [require_located(path) for path in items]

    @field_validator("data")
    @classmethod
    def _data_loads(cls, data: str) -> str:
        try:
            load_status(data)
        except StatusDataError as error:
            raise ValueError(str(error)) from None
        return data

    @cached_property
    def status(self) -> StatusData:
        return load_status(self.data)

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": common_owner_fields(self.items) | {"value", "reason"}}

    def roles(self, context: Context) -> PathRoles:
        # NOTE: the meeting is not declared a reference: without its date this kind is
        # silent, as the date rules are, rather than adding a facts-missing note of its own.
        return PathRoles(subjects=tuple(self.items))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    days = meeting_days(facts, context)
    if days is None:
        return  # no day to judge on: nothing can be settled
    status = params.status
    refuting = REFUTES[params.claim]
    for path in params.items:
        for hit in resolve(facts, path):
            value = hit.value
            if not isinstance(value, StateRef) or value.state is None or hit.span is None:
                continue
            standings = [status.standing(value.state, day) for day in days]
            if all(standing.kind in refuting for standing in standings):
                yield Finding(hit.span, {**hit.owner_values(), "value": value, "reason": _reason(standings[0])})


def meeting_days(facts: Facts, context: Context) -> tuple[date, ...] | None:
    """The days a claim must fail on: ``--as-of``, else the meeting's first day, else
    the first and last days it may have begun on."""
    if context.as_of is not None:
        return (context.as_of,)
    meeting = facts.meeting
    if meeting is None:
        return None
    first = meeting.start or (meeting.dates[0] if meeting.dates else None)
    if first is not None:
        return (first.value,)
    if meeting.end is not None:
        return (meeting.end.value - MEETING_LENGTH, meeting.end.value)
    if meeting.year is not None:
        return (date(meeting.year, 1, 1), date(meeting.year, 12, 31))
    return None


def _reason(standing: Standing) -> str:
    return standing.reason
