"""``disjoint``: no State is found in two groups that exclude each other.

A State takes part in a meeting in one capacity only: as a State Party, as a
signatory or as another observer State. And whoever holds an office of the meeting
(its President's State, a Vice-President, a coordinator) is a State Party, so it is
not also listed among the observers. Each group is a fact path with the words a
message calls it by::

    groups:                                   # no State in two of these
      participants.states_parties: a State Party
      participants.signatories: a signatory State
    against:                                  # optional: instead, none of the groups
      participants.observer_states: the observer States   # may share a State with these

Without ``against`` every two groups are compared and a State found in two is
reported once, where it appears the second time in the report. With ``against``
the groups are not compared with each other; each value of a group found in an
``against`` group is reported where the group names it. Values compare by identity
(``ccmlint.checks.identity``).

Placeholders: ``{value}``, ``{group}`` (the label of the group where the finding
points), ``{other_group}`` and ``{other_line}`` (where the State is named in the other).
"""

from __future__ import annotations

from typing import Iterator, Literal, Mapping

from ccmlint.record import Record
from ccmlint.schema import Field, field_validator
from ccmlint.checks.identity import identity
from ccmlint.checks.params import CheckParams, PathRoles, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import Facts
from ccmlint.span import Span

KIND = "disjoint"


def _labelled_paths(groups: dict[str, str]) -> dict[str, str]:
    for path, label in groups.items():
        describe(path)
        require_located(path)
        if not label.strip():
            raise ValueError(f"the group '{path}' needs the words a message calls it by")
    return groups


class Params(CheckParams):
    kind: Literal["disjoint"]
    groups: dict[str, str] = Field(min_length=1)
    against: dict[str, str] = Field(default_factory=dict)

    @field_validator("groups", "against")
    @classmethod
    def _paths(cls, groups: dict[str, str]) -> dict[str, str]:
        return _labelled_paths(groups)

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": frozenset({"value", "group", "other_group", "other_line"})}

    def roles(self, context: Context) -> PathRoles:
        # NOTE: an absent group (no list of observers) is normal, not a fact missing.
        return PathRoles(subjects=tuple(self.groups))


class _Occurrence(Record):
    value: object
    span: Span
    label: str


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    if params.against:
        yield from _against(params, facts)
    elif len(params.groups) > 1:
        yield from _pairwise(params, facts)


def _occurrences(facts: Facts, groups: dict[str, str]) -> list[_Occurrence]:
    found = [
        _Occurrence(hit.value, hit.span, label)
        for path, label in groups.items()
        for hit in resolve(facts, path)
        if hit.span is not None
    ]
    return sorted(found, key=lambda occurrence: occurrence.span.start)


def _pairwise(params: Params, facts: Facts) -> Iterator[Finding]:
    first: dict[str, _Occurrence] = {}
    reported: set[str] = set()
    for occurrence in _occurrences(facts, params.groups):
        key = identity(occurrence.value)
        earlier = first.setdefault(key, occurrence)
        if earlier.label == occurrence.label or key in reported:
            continue
        reported.add(key)
        yield _finding(occurrence, earlier)


def _against(params: Params, facts: Facts) -> Iterator[Finding]:
    others: dict[str, _Occurrence] = {}
    for occurrence in _occurrences(facts, params.against):
        others.setdefault(identity(occurrence.value), occurrence)
    reported: set[tuple[str, str]] = set()
    for occurrence in _occurrences(facts, params.groups):
        key = identity(occurrence.value)
        other = others.get(key)
        if other is None or (key, occurrence.label) in reported:
            continue
        reported.add((key, occurrence.label))
        yield _finding(occurrence, other)


def _finding(occurrence: _Occurrence, other: _Occurrence) -> Finding:
    values = {"value": occurrence.value, "group": occurrence.label, "other_group": other.label, "other_line": other.span.line}
    return Finding(occurrence.span, values, suggestion=f"a State takes part in one capacity only: check whether it is {occurrence.label} or {other.label}")
