"""What a run knows besides the report: the explicit reference date and pack data.

Time is the meeting's, not the wall clock's (DESIGN.md section 2): nothing here
defaults to today, so a report linted again years later gets the same answer.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Mapping

from ccmlint.record import Record, field


class Context(Record):
    """``as_of`` comes from ``--as-of`` only; ``data`` holds pack data by name for
    kinds that need reference lists (read-only).

    ``derived`` holds what kinds derive from the report's facts and share between
    rules (the joined passages, their quotations), by key, so that it is computed once
    per report; the runner gives each report a fresh one. Only a kind's module reads
    and writes its own key (e.g. ``ccmlint.checks.words.ReportText``).
    """

    as_of: date | None = None
    data: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
