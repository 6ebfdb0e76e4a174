"""SARIF 2.1.0 output, for GitHub code scanning and any other SARIF viewer.

One run, with every rule that ran described (id, short and full description, help
text from the rule's docs, default level), and one result per finding: its region
(1-based lines and columns counted in Unicode code points, ``endColumn`` exclusive as
SARIF defines it), the fingerprint as a partial fingerprint (so a viewer follows the
finding across edits), the safe fix when there is one, and for a waived finding a
suppression (``external``, ``accepted``) with the reviewer's justification. A file
that could not be read is a tool execution notification.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Sequence
from urllib.parse import quote

from ccmlint import __version__
from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.output.results import Acceptance, FileResult, RenderOptions, Report, RuleDoc
from ccmlint.span import Span

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://example.org/ccmlint"
FINGERPRINT_KEY = "ccmlintFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"


def sarif_log(report: Report) -> dict[str, object]:
    """The SARIF log as plain data."""
    docs = list(report.rules.values())
    index = {doc.id: position for position, doc in enumerate(docs)}
    results: list[dict[str, object]] = []
    for result in report.files:
        findings: list[tuple[Diagnostic, Acceptance | None]] = [(d, None) for d in result.diagnostics]
        findings += [(waived.diagnostic, waived.acceptance) for waived in result.waived]
        for diagnostic, acceptance in sorted(findings, key=lambda pair: pair[0].sort_key()):
            results.append(_result(result, diagnostic, acceptance, index))
    errors = [result for result in report.files if result.error is not None]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ccmlint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(doc) for doc in docs],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [_notification(result) for result in errors],
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _rule(doc: RuleDoc) -> dict[str, object]:
    return {
        "id": doc.id,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.rationale},
        "help": {"text": help_text(doc), "markdown": help_markdown(doc)},
        "defaultConfiguration": {"level": LEVELS[doc.severity]},
        "properties": {"tags": [doc.pack], "pack": doc.pack},
    }


def help_text(doc: RuleDoc) -> str:
    """A rule's documentation as plain text, the sections ``ccmlint explain`` shows."""
    parts = [doc.summary, f"Why it matters: {doc.rationale}"]
    if doc.flagged:
        parts.append(f"Flagged:\n{doc.flagged}")
    if doc.corrected:
        parts.append(f"Corrected:\n{doc.corrected}")
    if doc.authority:
        parts.append(f"Authority: {doc.authority}")
    return "\n\n".join(parts)


def help_markdown(doc: RuleDoc) -> str:
    parts = [_md(doc.summary), f"**Why it matters.** {_md(doc.rationale)}"]
    if doc.flagged:
        parts.append(f"**Flagged**\n\n{_fenced(doc.flagged)}")
    if doc.corrected:
        parts.append(f"**Corrected**\n\n{_fenced(doc.corrected)}")
    if doc.authority:
        parts.append(f"**Authority.** {_md(doc.authority)}")
    return "\n\n".join(parts)


def _md(text: str) -> str:
    """Prose with the characters Markdown would act on escaped."""
    return "".join("\\" + char if char in "\\`*_[]<>|" else char for char in " ".join(text.split()))


def _fenced(text: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}text\n{text}\n{fence}"


def _result(
    result: FileResult, diagnostic: Diagnostic, acceptance: Acceptance | None, index: dict[str, int]
) -> dict[str, object]:
    message = diagnostic.message
    if diagnostic.suggestion is not None:
        message += f"\nSuggestion: {diagnostic.suggestion}"
    entry: dict[str, object] = {
        "ruleId": diagnostic.rule,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": _physical(diagnostic.path, diagnostic.span, result)}],
    }
    if diagnostic.rule in index:
        entry["ruleIndex"] = index[diagnostic.rule]
    if diagnostic.fingerprint is not None:
        entry["partialFingerprints"] = {FINGERPRINT_KEY: diagnostic.fingerprint}
    if diagnostic.fix is not None:
        fix = diagnostic.fix
        entry["fixes"] = [
            {
                "description": {"text": f"Replace with {fix.replacement!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
                        "replacements": [{"deletedRegion": _region(fix.span), "insertedContent": {"text": fix.replacement}}],
                    }
                ],
            }
        ]
    if acceptance is not None:
        suppression: dict[str, object] = {
            "kind": "external",
            "status": "accepted",
            "justification": acceptance.reason,
            "location": {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(acceptance.waivers_path)},
                    "region": {"startLine": acceptance.line},
                }
            },
            "properties": {
                "reviewer": acceptance.reviewer,
                "date": acceptance.date.isoformat(),
                **({"expires": acceptance.expires.isoformat()} if acceptance.expires else {}),
            },
        }
        entry["suppressions"] = [suppression]
    return entry


def _physical(path: str, span: Span, result: FileResult) -> dict[str, object]:
    region = _region(span)
    if result.source is not None and span.end > span.start:
        region["snippet"] = {"text": result.source.text[span.start : span.end]}
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(path)}, "region": region}
    if result.source is not None and result.source.locator is not None:
        # A Word document: the region is in its rendered text; the paragraph and the
        # character offset in it (as in the JSON output) say where the editor looks.
        physical["properties"] = result.source.locator.locate(span.start, span.end).as_dict()
    return physical


def _region(span: Span) -> dict[str, object]:
    return {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line, "endColumn": span.end_column}


def _notification(result: FileResult) -> dict[str, object]:
    return {
        "level": "error",
        "message": {"text": f"{result.path}: {result.error}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.path)}}}],
    }


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (code scanning reads them
    against the repository root), absolute ones become ``file:`` URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix() if not pure.drive else "/" + pure.as_posix(), safe="/:")
    return quote(pure.as_posix(), safe="/")


__all__: Sequence[str] = ("render", "sarif_log", "artifact_uri", "help_text")
