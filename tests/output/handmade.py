"""Reports built by hand for formatter tests: exact spans, waivers, fixes, no rules needed."""

from __future__ import annotations

from datetime import date

from ccmlint.catalogue import catalogue
from ccmlint.diagnostics import Diagnostic, Fix, Severity
from ccmlint.engine.loader import load_rules
from ccmlint.output.results import Acceptance, ChapterMark, FileResult, Report, Waived
from ccmlint.source import Source, decode

TEXT = (
    "\tI.\tIntroduction\n"
    "The Meeting elected Chile and Mexico as Vice-Presidents.\n"
    "\tII.\tWork\n"
    "The report  was adopted.\tIt said <script>alert(1)</script> & more.\n"
)


def source(text: str = TEXT, path: str = "draft.txt") -> Source:
    return decode(text.encode("utf-8"), path)


def diagnostic(
    src: Source,
    needle: str,
    rule: str = "vice-president-not-participant",
    severity: Severity = Severity.WARNING,
    message: str | None = None,
    suggestion: str | None = None,
    fix: str | None = None,
    fingerprint: str = "0123456789abcdef:1",
) -> Diagnostic:
    """A diagnostic on the first occurrence of ``needle`` in the source."""
    start = src.text.index(needle)
    span = src.span(start, start + len(needle))
    return Diagnostic(
        path=src.path,
        rule=rule,
        severity=severity,
        message=message or f"{needle} is flagged",
        span=span,
        suggestion=suggestion,
        fix=Fix(span, fix) if fix is not None else None,
        fingerprint=fingerprint,
    )


ACCEPTED = Acceptance(
    reason="Intentional: the issued text, 50% agreed, reads so.",
    reviewer="A. Editor",
    date=date(2026, 9, 12),
    expires=date(2027, 1, 1),
    waivers_path="draft.waivers.yaml",
    line=7,
)


def report() -> Report:
    """Three open findings (an error, a warning with a fix, an info) and one waived."""
    src = source()
    open_findings = (
        diagnostic(src, "Mexico", suggestion="add Mexico to the States Parties", fingerprint="aaaaaaaaaaaaaaaa:1"),
        diagnostic(src, "  ", rule="placeholder-left-in-draft", severity=Severity.INFO, message="two spaces, one expected",
                   fix=" ", fingerprint="bbbbbbbbbbbbbbbb:1"),
        diagnostic(src, "<script>alert(1)</script>", rule="footnote-reference-without-text", severity=Severity.ERROR,
                   message='markup "<b>" & 100% \r\nbroken, really: yes', fingerprint="cccccccccccccccc:1"),
    )
    waived = (Waived(diagnostic(src, "Chile", fingerprint="dddddddddddddddd:1"), ACCEPTED),)
    chapters = (ChapterMark(0, "I. Introduction"), ChapterMark(src.text.index("\tII."), "II. Work"))
    result = FileResult(src.path, src, tuple(sorted(open_findings, key=Diagnostic.sort_key)), None, waived, chapters)
    return Report((result,), catalogue(load_rules()))
