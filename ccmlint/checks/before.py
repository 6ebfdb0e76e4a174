"""``before``: every value at ``value`` lies strictly before the one value at ``reference``.

The mirror of ``after``, with its rules for comparing dates and meetings (same kind
by ordinal, else by year; undecidable is no finding): a meeting the report speaks
of as already held must come before the meeting the report records.

Placeholders: ``{value}``, ``{reference}`` and the fields of the value's owner.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator, Literal, Mapping

from ccmlint.schema import field_validator
from ccmlint.checks.after import is_after
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located, require_single
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import DateFact, Facts, Meeting, MeetingRef

KIND = "before"

_ORDERED = (DateFact, MeetingRef, Meeting)


def _ordered(path: str) -> str:
    leaf = describe(path).leaf
    if not (isinstance(leaf, type) and issubclass(leaf, _ORDERED)):
        names = ", ".join(kind.__name__ for kind in _ORDERED)
        raise ValueError(f"'{path}' leads to {getattr(leaf, '__name__', leaf)}; 'before' compares {names}")
    return path


class Params(CheckParams):
    kind: Literal["before"]
    value: FactPath
    reference: FactPath

    @field_validator("value")
    @classmethod
    def _value_ordered(cls, path: str) -> str:
        return _ordered(require_located(path))

    @field_validator("reference")
    @classmethod
    def _reference_ordered(cls, path: str) -> str:
        return _ordered(require_single(path))

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": describe(self.value).owner_fields | {"value", "reference"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.value,), references=(self.reference,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    found = resolve(facts, params.reference)
    reference = found[0].value if found else None
    if not isinstance(reference, _ORDERED):
        return  # nothing to compare with: the engine reports the missing fact
    for hit in resolve(facts, params.value):
        if not isinstance(hit.value, (*_ORDERED, date)) or hit.span is None:
            continue
        if is_after(reference, hit.value) is False:
            yield Finding(hit.span, {**hit.owner_values(), "value": hit.value, "reference": reference})
