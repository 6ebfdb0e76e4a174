"""GitHub Actions workflow commands: one annotation per open finding.

``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` makes the
finding appear on the pull request's changed lines. Severities map to ``error``,
``warning`` and ``notice``. Waived findings are not annotated (they are accepted).

Escaping follows the runner's own (actions/toolkit ``command.ts``): in the message,
``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in a property value ``:`` and ``,``
too (``%3A``, ``%2C``), since they separate properties. Without it a message with a
newline would end the command early, and a path with a comma would be cut.
"""

from __future__ import annotations

from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.output.results import RenderOptions, Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    lines = [annotation(diagnostic) for result in report.files for diagnostic in result.diagnostics]
    lines += [
        f"::error file={escape_property(result.path)},title=ccmlint::{escape_data(result.error)}"
        for result in report.files
        if result.error is not None
    ]
    return "".join(line + "\n" for line in lines)


def annotation(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    properties = [("file", diagnostic.path), ("line", str(span.line))]
    # NOTE: columns may only be given when the annotation starts and ends on one line
    # (GitHub rejects the annotation otherwise). endColumn is sent exclusive, as in
    # SARIF; GitHub does not document it either way (github/docs#40038).
    if span.end_line == span.line:
        properties += [("col", str(span.column)), ("endLine", str(span.end_line)), ("endColumn", str(span.end_column))]
    else:
        properties += [("endLine", str(span.end_line))]
    properties.append(("title", f"ccmlint [{diagnostic.rule}]"))
    message = diagnostic.message
    if diagnostic.suggestion is not None:
        message += f"\nSuggestion: {diagnostic.suggestion}"
    written = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[diagnostic.severity]} {written}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
