"""JSON output: one array of findings, positions 1-based in the original file."""

from __future__ import annotations

import json
from typing import Sequence

from ccmlint.diagnostics import Diagnostic
from ccmlint.output.results import FileResult


def render(results: Sequence[FileResult]) -> str:
    return json.dumps([as_record(d) for result in results for d in result.diagnostics], ensure_ascii=False, indent=2) + "\n"


def as_record(diagnostic: Diagnostic) -> dict[str, object]:
    """The JSON object of one diagnostic; ``end_column`` is exclusive, as in SARIF."""
    span = diagnostic.span
    record: dict[str, object] = {
        "path": diagnostic.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "rule": diagnostic.rule,
        "severity": str(diagnostic.severity),
        "message": diagnostic.message,
    }
    if diagnostic.suggestion is not None:
        record["suggestion"] = diagnostic.suggestion
    if diagnostic.fix is not None:
        record["fix"] = {
            "line": diagnostic.fix.span.line,
            "column": diagnostic.fix.span.column,
            "end_line": diagnostic.fix.span.end_line,
            "end_column": diagnostic.fix.span.end_column,
            "replacement": diagnostic.fix.replacement,
        }
    return record
