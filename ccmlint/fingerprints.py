"""Fingerprints: a name for a finding that survives the edits a draft goes through.

A reviewer's waiver must keep pointing at the same finding while the draft around it
changes: paragraphs are inserted above it (every line number shifts), the paragraph is
re-wrapped or re-indented (its whitespace changes), other sentences of the paragraph
are edited. So a fingerprint is built from what the finding *is*, never from where it
sits:

- the rule id;
- the flagged words, with all whitespace removed;
- the sentence around them, with all whitespace removed (at most ``CONTEXT_CHARS``
  characters either side, so that a long run of text without a full stop does not
  make the fingerprint fragile);
- for a finding about the whole report (an empty span), its message;
- an occurrence number, 1 for the first finding with that same hash in the report,
  2 for the next, and so on, so that identical findings stay distinct.

The form is ``<16 hex digits>:<occurrence>``. Editing the flagged sentence itself
changes the fingerprint, on purpose: the reviewer accepted *that* sentence.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from typing import Sequence

from ccmlint.diagnostics import Diagnostic

CONTEXT_CHARS = 120
"""Characters of (whitespace-free) sentence kept on each side of the flagged words."""

_WINDOW = 4000
"""Raw characters searched on each side for the sentence boundary; a bound on the work
per finding that whitespace alone cannot exceed in practice."""

_WHITESPACE = re.compile(r"\s+")
# A sentence ends at . ! ? or ; followed by whitespace, or at a blank line.
_BOUNDARY = re.compile(r"[.!?;](?=\s)|\n[ \t]*\n")


def with_fingerprints(text: str, diagnostics: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The diagnostics of one report (in report order), each with its fingerprint."""
    seen: dict[str, int] = {}
    stamped: list[Diagnostic] = []
    for diagnostic in diagnostics:
        digest = _digest(text, diagnostic)
        seen[digest] = seen.get(digest, 0) + 1
        stamped.append(dataclasses.replace(diagnostic, fingerprint=f"{digest}:{seen[digest]}"))
    return tuple(stamped)


def _digest(text: str, diagnostic: Diagnostic) -> str:
    start, end = diagnostic.span.start, diagnostic.span.end
    before, after = sentence_around(text, start, end)
    parts = [diagnostic.rule, normalise(text[start:end]), normalise(before)[-CONTEXT_CHARS:], normalise(after)[:CONTEXT_CHARS]]
    if start == end:
        parts.append(normalise(diagnostic.message))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before ``start`` and after ``end``."""
    window_start = max(0, start - _WINDOW)
    sentence_start = window_start
    for match in _BOUNDARY.finditer(text, window_start, start):
        sentence_start = match.end()
    boundary = _BOUNDARY.search(text, end, min(len(text), end + _WINDOW))
    sentence_end = boundary.end() if boundary else min(len(text), end + _WINDOW)
    return text[sentence_start:start], text[end:sentence_end]


def normalise(text: str) -> str:
    """Text without any whitespace, in Unicode NFC: what re-wrapping cannot change."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFC", text))
