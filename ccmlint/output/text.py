"""Plain text output: one line per finding, ``path:line:col: severity [rule] message``.

The first line of each finding is the format editors and tools grep for; the
suggestion, when there is one, follows on an indented line.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ccmlint.output.results import FileResult


def render(results: Sequence[FileResult]) -> str:
    lines: list[str] = []
    for result in results:
        for diagnostic in result.diagnostics:
            span = diagnostic.span
            lines.append(
                f"{diagnostic.path}:{span.line}:{span.column}: {diagnostic.severity} [{diagnostic.rule}] {diagnostic.message}"
            )
            if diagnostic.suggestion is not None:
                lines.append(f"    suggestion: {diagnostic.suggestion}")
    lines.append(summary(results))
    return "\n".join(lines) + "\n"


def summary(results: Sequence[FileResult]) -> str:
    counts = Counter(str(d.severity) for result in results for d in result.diagnostics)
    files = len(results)
    parts = [f"{counts[name]} {name}{'s' if counts[name] != 1 else ''}" for name in ("error", "warning", "info") if counts[name]]
    found = ", ".join(parts) if parts else "no findings"
    return f"{found} in {files} file{'s' if files != 1 else ''}"
