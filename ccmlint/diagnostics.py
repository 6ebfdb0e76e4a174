"""The one model of a finding that every output format reads.

A check yields a ``Finding`` (where, with which values); the engine turns it into a
``Diagnostic`` by adding the rule's identity, severity and wording. Formatters only
render diagnostics; they never compute them.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Mapping

from ccmlint.record import Record, field
from ccmlint.span import Span


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_level`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Fix(Record):
    """Replace the text of ``span`` with ``replacement``; safe to apply without review."""

    span: Span
    replacement: str


class Finding(Record):
    """What a check found: where, the values its message needs, and what would be right."""

    span: Span
    values: Mapping[str, object] = field(default_factory=dict)
    suggestion: str | None = None
    fix: Fix | None = None


class Diagnostic(Record):
    """A finding stamped with its rule: what every formatter prints."""

    path: str
    rule: str
    severity: Severity
    message: str
    span: Span
    suggestion: str | None = None
    fix: Fix | None = None
    fingerprint: str | None = None
    """Identifies the finding across edits that move it (see ``ccmlint.fingerprints``);
    set by the linter once the whole report's findings are known, used by waivers."""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.start, self.span.end, self.rule, self.message)
