"""JSON output: one array of findings, positions 1-based in the original file.

Each finding carries its ``fingerprint``, the value a waiver records. Waived findings
are left out unless asked for (``--show-waived``); then they carry a ``waived`` object
with the reviewer's decision.
"""

from __future__ import annotations

import json

from ccmlint.diagnostics import Diagnostic
from ccmlint.output.results import Acceptance, RenderOptions, Report
from ccmlint.source import Source


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    records = [(d.sort_key(), as_record(d, source=result.source)) for result in report.files for d in result.diagnostics]
    if options.show_waived:
        records += [
            (waived.diagnostic.sort_key(), as_record(waived.diagnostic, waived.acceptance, result.source))
            for result in report.files
            for waived in result.waived
        ]
    ordered = [record for _, record in sorted(records, key=lambda pair: pair[0])]
    return json.dumps(ordered, ensure_ascii=False, indent=2) + "\n"


def as_record(diagnostic: Diagnostic, acceptance: Acceptance | None = None, source: Source | None = None) -> dict[str, object]:
    """The JSON object of one diagnostic; ``end_column`` is exclusive, as in SARIF.

    For a Word document the record also names the paragraph and the character offset
    in it (``location``, ``paragraph``, ``paragraph_number``, ``offset`` …); its line and
    column are those of the rendered text.
    """
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
    if diagnostic.fingerprint is not None:
        record["fingerprint"] = diagnostic.fingerprint
    if source is not None and source.locator is not None:
        record.update(source.locator.locate(span.start, span.end).as_dict())
    if acceptance is not None:
        record["waived"] = {
            "reason": acceptance.reason,
            "reviewer": acceptance.reviewer,
            "date": acceptance.date.isoformat(),
            "expires": acceptance.expires.isoformat() if acceptance.expires else None,
            "waivers_file": acceptance.waivers_path,
            "waivers_line": acceptance.line,
        }
    return record
