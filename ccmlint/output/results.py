"""What a lint run hands to the formatters: everything they show, already decided.

Formatters compute nothing: which findings are waived, which chapter a finding lies
in and what a rule's documentation says are settled before rendering and arrive here.
"""

from __future__ import annotations

from bisect import bisect_right
import datetime
from typing import Mapping

from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.record import Record, field
from ccmlint.source import Source


class Acceptance(Record):
    """A reviewer's decision that a finding is intentional (one entry of a waivers file)."""

    reason: str
    reviewer: str
    date: datetime.date
    expires: datetime.date | None
    waivers_path: str
    line: int


class Waived(Record):
    """A finding that a reviewer accepted: it is shown as such and does not fail the run."""

    diagnostic: Diagnostic
    acceptance: Acceptance


class ChapterMark(Record):
    """Where a chapter or annex starts, and how to name it to a reader ("II. Officers")."""

    start: int
    label: str


class FileResult(Record):
    """The outcome for one file: diagnostics, or the error that stopped it being read.

    ``is_report`` is False for a waivers file that carries diagnostics of its own (a
    stale waiver); it is shown like a report but not counted as one.
    """

    path: str
    source: Source | None
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    waived: tuple[Waived, ...] = ()
    chapters: tuple[ChapterMark, ...] = ()
    is_report: bool = True

    def chapter_at(self, offset: int) -> str | None:
        """The label of the chapter or annex holding ``offset`` (None before the first)."""
        index = bisect_right([mark.start for mark in self.chapters], offset) - 1
        return self.chapters[index].label if index >= 0 else None


class RuleDoc(Record):
    """A rule's identity and documentation, as formatters show it (help text, SARIF rules)."""

    id: str
    severity: Severity
    pack: str
    summary: str
    rationale: str
    flagged: str = ""
    corrected: str = ""
    authority: str = ""


class Report(Record):
    """A whole run, ready to render: the files in the order given and the rules' docs."""

    files: tuple[FileResult, ...]
    rules: Mapping[str, RuleDoc] = field(default_factory=dict)

    @property
    def reports(self) -> tuple[FileResult, ...]:
        return tuple(result for result in self.files if result.is_report)

    def diagnostics(self) -> list[Diagnostic]:
        return [diagnostic for result in self.files for diagnostic in result.diagnostics]

    def waived(self) -> list[Waived]:
        return [waived for result in self.files for waived in result.waived]


class RenderOptions(Record):
    """How the user asked to see the report; only the text format reads most of these."""

    colour: bool = False
    quiet: bool = False
    show_waived: bool = False
    width: int = 100
