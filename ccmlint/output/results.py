"""What a lint run hands to the formatters: per file, its source and its diagnostics."""

from __future__ import annotations

from dataclasses import dataclass

from ccmlint.diagnostics import Diagnostic
from ccmlint.source import Source


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one file: diagnostics, or the error that stopped it being read."""

    path: str
    source: Source | None
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
