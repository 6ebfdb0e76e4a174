"""What a run does to one report alone: lint it and, with ``--fix`` or ``--diff``, fix it.

These steps read and write nothing but the report itself (and read its waivers file),
so they may run anywhere. They are kept apart from ``ccmlint.run`` so that the serial
loop there and the worker processes of ``--jobs`` (``ccmlint.parallel``) run exactly
the same code; what spans reports (waivers, baselines, the fail level) stays in
``ccmlint.run``, in the parent process.
"""

from __future__ import annotations

from datetime import date

from ccmlint.diagnostics import Fix
from ccmlint.fixes import FixError, fix_source, unified_diff, write_fixed
from ccmlint.lint import Linter
from ccmlint.output.escaping import escape_controls
from ccmlint.output.results import FileResult
from ccmlint.reading import STDIN
from ccmlint.record import Record, field
from ccmlint.source import Source
from ccmlint.waivers import WaiversFile, apply_waivers


class FileOptions(Record):
    """The part of the command line that the per-report steps read."""

    max_bytes: int | None = None
    fix: bool = False
    diff: bool = False
    today: date = field(default_factory=date.today)

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff


class Linted(Record):
    """One report's outcome before waivers are applied across reports."""

    result: FileResult
    diff: str = ""
    notes: tuple[str, ...] = ()
    """Messages for standard error: fixes applied or refused."""


def lint_report(path: str, linter: Linter, waivers: WaiversFile | None, options: FileOptions) -> Linted:
    """Lint the report at ``path`` (``-``: standard input), then fix it if asked."""
    result = linter.lint_path(path, options.max_bytes)
    if result.source is None or not options.fixing:
        return Linted(result)
    return fix_report(path, result, linter, waivers, options)


def fix_report(path: str, result: FileResult, linter: Linter, waivers: WaiversFile | None, options: FileOptions) -> Linted:
    """Apply the safe fixes of a linted report (waived findings are left alone: a
    reviewer accepted them as they are), or show them with ``--diff``.

    A fixed file is linted again, so the findings shown are those left after the fixes.
    """
    original = result.source
    assert original is not None

    def fixes_of(source: Source) -> list[Fix]:
        linted = linter.lint(source)
        if waivers is not None:
            linted = apply_waivers([linted], waivers, options.today, ()).reports[0]
        return [diagnostic.fix for diagnostic in linted.diagnostics if diagnostic.fix is not None]

    fixed, count = fix_source(original, fixes_of)
    if count == 0:
        return Linted(result)
    if getattr(original, "locator", None) is not None:
        note = f"{result.path}: not fixed: ccmlint never changes a Word document; make the {count} fixes in Word"
        return Linted(result, notes=(note,))
    if options.diff:
        # The diff's file names are one line each, as in the text output.
        return Linted(result, diff=unified_diff(escape_controls(result.path), original.text, fixed.text))
    if path == STDIN:
        return Linted(result, notes=("<stdin>: not fixed: standard input cannot be written back; use --diff",))
    try:
        write_fixed(original, fixed)
    except FixError as error:
        return Linted(result, notes=(f"{result.path}: {error}",))
    return Linted(linter.lint(fixed), notes=(f"{result.path}: applied {count} fix{'es' if count != 1 else ''}",))
